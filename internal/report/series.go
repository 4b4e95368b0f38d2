package report

import (
	"fmt"
	"strings"

	"scorecard/internal/value"
)

// Figures returns the row's figures of the given kind: its further targets
// or its comparators.
func (r *Row) Figures(kind SeriesKind) []Figure {
	if kind == TargetSeries {
		return r.Targets
	}
	return r.Comparators
}

// Reference returns the row's figure in series s, or nil when the row has
// none.
func (r *Row) Reference(s *Series) *Figure {
	figs := r.Figures(s.Kind)
	for i := range figs {
		if figs[i].Series == s {
			return &figs[i]
		}
	}
	return nil
}

// Word names the kind, for messages and column names: "target" or
// "comparator".
func (k SeriesKind) Word() string {
	if k == TargetSeries {
		return "target"
	}
	return "comparator"
}

// Key is the list in data/site.yaml that declares series of the kind, and
// the field of a row that gives their figures: "targets" or "comparators".
func (k SeriesKind) Key() string { return k.Word() + "s" }

// Column is the series' name in the open data: its kind and its id in
// lower case with each run of other characters than a-z and 0-9 made one
// underscore, such as "target_2018_19" or "comparator_top_quartile". The
// loader refuses two series with the same column.
func (s *Series) Column() string {
	var b strings.Builder
	b.WriteString(s.Kind.Word())
	sep := true
	for _, r := range strings.ToLower(s.ID) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if sep {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			sep = false
		} else {
			sep = true
		}
	}
	return b.String()
}

// SourceText is where the figure comes from: its own source when the data
// gave one, or its series'.
func (f Figure) SourceText() string {
	if f.Source != "" {
		return f.Source
	}
	if f.Series != nil {
		return f.Series.Source
	}
	return ""
}

// Text is the figure as a sentence gives it: "92%", "98% (2015-16)", "no
// figure (NYA: not yet available)".
func (f Figure) Text() string {
	v := f.Value
	text := strings.TrimSpace(v.Raw)
	switch v.Kind {
	case value.Blank:
		text = "no figure"
	case value.NotApplicable:
		text = "not applicable"
	case value.Word:
		text = fmt.Sprintf("no figure (%s: %s)", text, v.Meaning())
	}
	if f.Period != "" {
		text += " (" + f.Period + ")"
	}
	return text
}
