package load

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

// The edition file's encoder, beside its decoder (quarter.go): every
// writer of an edition's data file (scorecard new, scorecard import, the
// synthetic sites of cmd/synth) makes an Edition and encodes it here, or,
// to edit a file in place keeping its comments and order, builds its new
// nodes with RowNode, NoteNode, TextNode and LabelsNode and writes the
// document with EncodeNode.

// Edition is an edition's data file as it is written: what the decoder
// reads into a report.Quarter, as text, in the file's order, with the
// comments a writer puts in it.
type Edition struct {
	Key     string        // the first key, the site's EditionKey: quarter, month, half or year
	ID      report.Period // written as its String
	Comment string        // lines written above the first key, without "# "
	Draft   bool
	// Published is the publication date, YYYY-MM-DD, or "".
	Published string
	Measures  []EditionMeasure
	Notes     []EditionNote
}

// EditionMeasure is one measure's entry under measures:.
type EditionMeasure struct {
	ID string
	// Theme, when not "", is written as a comment above the measure: the
	// title of the theme it starts.
	Theme string
	// Comment, when not "", is written after the measure's row, on its
	// line: its title, for someone filling the file in.
	Comment string
	// Rows are the measure's rows: one is written as a row, more as a
	// list of rows, each with its period first.
	Rows []EditionRow
}

// EditionRow is one row of a measure, each field as its cell's text.
type EditionRow struct {
	Target, Actual, Status, Period string
	// Open writes target, actual and status when they are blank too, as
	// "", for someone to fill in.
	Open        bool
	Targets     []EditionFigure // targets: {annual: 96%}
	Comparators []EditionFigure // comparators: {england: {value: 91%, period: 2015-16}}
	Direction   string          // the published direction of travel, or ""
	Notes       []string        // the labels of the notes the row refers to

	// Forecast and ForecastStatus are the year-end forecast's figure and
	// status code; "" for none.
	Forecast, ForecastStatus string
}

// EditionFigure is one figure of a further series: its series' id and
// value, and the period and source, when the figure gives them.
type EditionFigure struct {
	Series, Value, Period, Source string
}

// EditionNote is an item of the notes: list.
type EditionNote struct {
	Theme  string // the theme's id
	Labels []string
	Text   string
	// Comment, when not "", is written above the note, a line each,
	// without "# ".
	Comment string
}

// Encode writes the edition's file with yaml.v3, indented by two spaces.
func (e *Edition) Encode() []byte { return mustEncode(e.Node()) }

// Node is the edition's file as a YAML mapping.
func (e *Edition) Node() *yaml.Node {
	measures := &yaml.Node{Kind: yaml.MappingNode}
	for _, m := range e.Measures {
		id := TextNode(m.ID)
		if m.Theme != "" {
			id.HeadComment = "# " + Comment(m.Theme)
		}
		var v *yaml.Node
		if len(m.Rows) == 1 {
			v = RowNode(m.Rows[0], false)
		} else {
			v = &yaml.Node{Kind: yaml.SequenceNode}
			for _, r := range m.Rows {
				v.Content = append(v.Content, RowNode(r, true))
			}
		}
		if m.Comment != "" {
			v.LineComment = "# " + Comment(m.Comment)
		}
		measures.Content = append(measures.Content, id, v)
	}
	top := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{TextNode(e.Key), TextNode(e.ID.String())}}
	top.Content[0].HeadComment = comments(e.Comment)
	if e.Draft {
		top.Content = append(top.Content, TextNode("draft"), boolNode(true))
	}
	if e.Published != "" {
		top.Content = append(top.Content, TextNode("published"), TextNode(e.Published))
	}
	top.Content = append(top.Content, TextNode("measures"), measures)
	if len(e.Notes) > 0 {
		notes := &yaml.Node{Kind: yaml.SequenceNode}
		for _, n := range e.Notes {
			notes.Content = append(notes.Content, NoteNode(n))
		}
		top.Content = append(top.Content, TextNode("notes"), notes)
	}
	return top
}

// RowNode is a row of a measure, on one line: {target: 90%, actual: 93%}.
// A row of a list (inList) has its period first, as it tells the list's
// rows apart: {period: Apr 2016, target: 90%}.
func RowNode(r EditionRow, inList bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	add := func(k string, v *yaml.Node) { n.Content = append(n.Content, TextNode(k), v) }
	if inList && r.Period != "" {
		add("period", TextNode(r.Period))
	}
	for _, f := range [][2]string{{"target", r.Target}, {"actual", r.Actual}, {"status", r.Status}} {
		if f[1] != "" || r.Open {
			add(f[0], TextNode(f[1]))
		}
	}
	if !inList && r.Period != "" {
		add("period", TextNode(r.Period))
	}
	for _, s := range []struct {
		key  string
		figs []EditionFigure
	}{{"targets", r.Targets}, {"comparators", r.Comparators}} {
		if len(s.figs) > 0 {
			add(s.key, figuresNode(s.figs))
		}
	}
	if r.Direction != "" {
		add("direction", TextNode(r.Direction))
	}
	switch {
	case r.ForecastStatus != "":
		f := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		if r.Forecast != "" {
			f.Content = append(f.Content, TextNode("value"), TextNode(r.Forecast))
		}
		f.Content = append(f.Content, TextNode("status"), TextNode(r.ForecastStatus))
		add("forecast", f)
	case r.Forecast != "":
		add("forecast", TextNode(r.Forecast))
	}
	if len(r.Notes) > 0 {
		add("notes", LabelsNode(r.Notes))
	}
	return n
}

// figuresNode is a row's figures of further series: {annual: 96%}, or
// {england: {value: 91%, period: 2015-16, source: LG Inform}}.
func figuresNode(figs []EditionFigure) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, f := range figs {
		v := TextNode(f.Value)
		if f.Period != "" || f.Source != "" {
			v = &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{TextNode("value"), v}}
			if f.Period != "" {
				v.Content = append(v.Content, TextNode("period"), TextNode(f.Period))
			}
			if f.Source != "" {
				v.Content = append(v.Content, TextNode("source"), TextNode(f.Source))
			}
		}
		n.Content = append(n.Content, TextNode(f.Series), v)
	}
	return n
}

// NoteNode is an item of the notes: list: {theme: homes, labels: [1],
// text: ...}.
func NoteNode(note EditionNote) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle,
		Content: []*yaml.Node{TextNode("theme"), TextNode(note.Theme), TextNode("labels"), LabelsNode(note.Labels)}}
	if note.Text != "" {
		n.Content = append(n.Content, TextNode("text"), TextNode(note.Text))
	}
	n.HeadComment = comments(note.Comment)
	return n
}

// TextNode is a text scalar, quoted by the encoder when plain text would
// read back as something else: whatever a cell holds ("[60%]", "01:30",
// "1,059", "-") reads back as the same text.
func TextNode(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// LabelsNode is a flow list of note labels: [1, 2].
func LabelsNode(ls []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, l := range ls {
		s := TextNode(l)
		if strings.Trim(l, "0123456789") == "" {
			s.Tag = "" // 7, not "7": read back as the same text either way
		}
		n.Content = append(n.Content, s)
	}
	return n
}

// Comment makes text fit on one comment line: a line break would end the
// comment, and a control character make the file one YAML refuses.
func Comment(text string) string {
	return strings.Map(func(r rune) rune {
		if IsControl(r) || r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, text)
}

// comments makes lines of text into YAML comment lines, or "" for none.
func comments(text string) string {
	if text == "" {
		return ""
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = "# " + Comment(l)
	}
	return strings.Join(lines, "\n")
}

// EncodeNode writes a YAML document with yaml.v3, indented by indent
// spaces. A node yaml.v3 cannot write is an error, not a panic.
func EncodeNode(doc *yaml.Node, indent int) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(indent)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// EditionOf is quarter q of site s as its file writes it: the decoder
// reads the file Encode writes back into the same rows, notes, draft and
// publication date. Each theme's first measure carries its title, as a
// comment.
func EditionOf(s *report.Site, q *report.Quarter) *Edition {
	e := &Edition{Key: s.EditionKey(), ID: q.ID, Draft: q.Draft, Published: q.Published}
	rows := map[*report.Measure][]*report.Row{}
	for _, r := range slices.Concat(q.Rows, q.More) {
		rows[r.Measure] = append(rows[r.Measure], r)
	}
	var theme *report.Theme
	for _, m := range s.Measures {
		list := rows[m]
		if len(list) == 0 {
			continue
		}
		slices.SortStableFunc(list, func(a, b *report.Row) int { return a.When.Compare(b.When) })
		em := EditionMeasure{ID: m.ID}
		if m.Theme != theme {
			theme = m.Theme
			em.Theme = theme.Title
		}
		for _, r := range list {
			em.Rows = append(em.Rows, editionRow(r))
		}
		e.Measures = append(e.Measures, em)
	}
	for _, n := range q.Notes {
		e.Notes = append(e.Notes, EditionNote{Theme: n.Theme.ID, Labels: n.Labels, Text: n.Text})
	}
	return e
}

func editionRow(r *report.Row) EditionRow {
	er := EditionRow{Target: r.Target.Raw, Actual: r.Actual.Raw, Period: r.Period,
		Targets: EditionFigures(r.Targets), Comparators: EditionFigures(r.Comparators)}
	if r.Status != nil {
		er.Status = r.Status.Code
	}
	if r.PublishedDirection != nil {
		er.Direction = r.PublishedDirection.Raw
	}
	if f := r.Forecast; f != nil {
		er.Forecast = f.Value.Raw
		if f.Status != nil {
			er.ForecastStatus = f.Status.Code
		}
	}
	for _, n := range r.Notes {
		er.Notes = append(er.Notes, n.Label)
	}
	return er
}

// EditionFigures are a row's figures of further series as a file writes
// them.
func EditionFigures(figs []report.Figure) []EditionFigure {
	var out []EditionFigure
	for _, f := range figs {
		out = append(out, EditionFigure{Series: f.Series.ID, Value: f.Value.Raw, Period: f.Period, Source: f.Source})
	}
	return out
}
