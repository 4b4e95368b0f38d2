package load

import (
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

// This file reads the parts of data/site.yaml that make the site a
// trustworthy record (issue 16): the release calendar (releases:) and the
// statement of voluntary application of the Code of Practice for
// Statistics (code_of_practice:).

// readDate reads a date written YYYY-MM-DD, reporting anything else.
func readDate(d *doc, n *yaml.Node, what string) string {
	s, ok := d.str(n, what)
	if !ok {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		d.errorf(n, "%s %q is not a date; write it as YYYY-MM-DD, such as 2017-02-15", what, s)
		return ""
	}
	return s
}

// readReleases reads releases: the dates the site's next reports are due,
// each an edition written as edition files write it and a date. It is
// read once the file's editions: and year: are known (see readConfig),
// since they say how an edition is written. The releases come back in
// date order; an edition listed twice, a report due before its period
// ends, or a later edition due before an earlier one is an error.
func readReleases(d *doc, n *yaml.Node, s *report.Site) []report.Release {
	var out []report.Release
	first := map[report.Period]int{} // the line each edition is first listed at
	d.list(n, "releases", func(item *yaml.Node) {
		var r report.Release
		var edNode, dateNode *yaml.Node
		d.mapping(item, "a release",
			field{"edition", func(_, v *yaml.Node) {
				edNode = v
				text, ok := d.str(v, "edition")
				if !ok {
					return
				}
				p, err := s.ParseEdition(text)
				if err != nil {
					d.errorf(v, "release: %v", err)
					return
				}
				r.Edition = p
			}},
			field{"date", func(_, v *yaml.Node) { dateNode = v; r.Date = readDate(d, v, "date") }},
		)
		switch {
		case edNode == nil && !d.wasRefused(item):
			d.errorf(item, "a release has no edition; write one such as \"{edition: %s, date: 2017-02-15}\"", exampleEdition(s))
			return
		case dateNode == nil && !d.wasRefused(item):
			what := "a release"
			if !r.Edition.IsZero() {
				what = "the release of " + r.Edition.Label()
			}
			d.errorf(item, "%s has no date; add one such as \"date: 2017-02-15\"", what)
			return
		case r.Edition.IsZero() || r.Date == "":
			return // reported already
		}
		r.Pos = d.pos(edNode)
		if _, end := r.Edition.Dates(); r.Date <= end.Format("2006-01-02") {
			d.errorf(dateNode, "%s ends on %s, so its report cannot be due on %s; give a date after the end of the %s", r.Edition.Label(), end.Format("2 January 2006"), r.Date, s.EditionWord())
			return
		}
		if line, dup := first[r.Edition]; dup {
			d.errorf(edNode, "%s is listed twice in releases: (first at line %d); keep one date for it", r.Edition.Label(), line)
			return
		}
		first[r.Edition] = edNode.Line
		out = append(out, r)
	})
	slices.SortStableFunc(out, func(a, b report.Release) int {
		if c := strings.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return a.Edition.Compare(b.Edition)
	})
	// In date order, the editions must come in their own order too: an
	// earlier report due after a later one is a mistake in one date.
	for i := 1; i < len(out); i++ {
		if a, b := out[i-1], out[i]; b.Edition.Compare(a.Edition) < 0 {
			d.errs.Errorf(b.Pos, "%s is due on %s, after %s, which follows it (due on %s, at line %d); check the dates", b.Edition.Label(), b.Date, a.Edition.Label(), a.Date, a.Pos.Line-d.line)
		}
	}
	return out
}

// exampleEdition is an edition as the site writes them, for messages.
func exampleEdition(s *report.Site) string {
	switch s.EditionKind() {
	case report.MonthPeriod:
		return "2017-01"
	case report.HalfPeriod:
		return "2016-17 H2"
	case report.YearPeriod:
		return "2017-18"
	}
	return "2016-17 Q3"
}

// readCodeOfPractice reads code_of_practice: the statement of voluntary
// application of the Code of Practice for Statistics. Its three pillars
// (trustworthiness, quality and value, each Markdown) and the date it was
// prepared are required; without them a statement would promise what it
// does not say.
func readCodeOfPractice(d *doc, n *yaml.Node) *report.CodeOfPractice {
	c := &report.CodeOfPractice{Pos: d.pos(n)}
	text := func(dst *string, what string) func(_, v *yaml.Node) {
		return func(_, v *yaml.Node) {
			s, _ := d.str(v, what)
			*dst = strings.TrimSpace(s)
		}
	}
	if !d.mapping(n, "code_of_practice",
		field{"trustworthiness", text(&c.Trustworthiness, "trustworthiness")},
		field{"quality", text(&c.Quality, "quality")},
		field{"value", text(&c.Value, "value")},
		field{"contact", text(&c.Contact, "contact")},
		field{"prepared", func(_, v *yaml.Node) { c.Prepared = readDate(d, v, "prepared") }},
		field{"reviewed", func(_, v *yaml.Node) { c.Reviewed = readDate(d, v, "reviewed") }},
	) {
		return nil
	}
	for _, f := range []struct {
		key, value, about string
	}{
		{"trustworthiness", c.Trustworthiness, "how the figures are kept free of influence: who prepares them and who sees them before they are published"},
		{"quality", c.Quality, "where the figures come from and how they are checked"},
		{"value", c.Value, "who the figures are for and how they can be used"},
		{"prepared", c.Prepared, "the date the statement was prepared, YYYY-MM-DD"},
	} {
		v := lookup(n, f.key)
		switch {
		case f.value != "" || d.wasRefused(v):
		case v == nil:
			d.errorf(n, "the Code of Practice statement needs %s: %s; add it under \"code_of_practice:\"", f.key, f.about)
		case f.key != "prepared":
			d.errorf(v, "%s is empty; write %s", f.key, f.about)
		}
	}
	return c
}
