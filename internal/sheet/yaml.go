package sheet

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/load"
	"scorecard/internal/report"
)

// YAML writes q as the site's edition file, in the form of the README's
// example: one line per measure in catalogue order, each theme's measures
// under a comment naming the theme, then the notes. A measure with rows
// for several periods is a list of them, a line each. yaml.v3 writes
// every value, so that whatever a cell holds ("[60%]", "01:30", "1,059",
// "-") reads back as the same text. Its first key is q.Key; from names
// the sheet, for a comment at the top.
func (q *Quarter) YAML(from string) []byte {
	measures := &yaml.Node{Kind: yaml.MappingNode}
	var theme *report.Theme
	for i := 0; i < len(q.Rows); {
		r := q.Rows[i]
		j := i + 1
		for j < len(q.Rows) && q.Rows[j].Measure == r.Measure {
			j++
		}
		id := str(r.Measure.ID)
		if r.Measure.Theme != theme {
			theme = r.Measure.Theme
			id.HeadComment = "# " + comment(theme.Title)
		}
		if j == i+1 {
			measures.Content = append(measures.Content, id, r.cells())
		} else {
			list := &yaml.Node{Kind: yaml.SequenceNode}
			for _, r := range q.Rows[i:j] {
				list.Content = append(list.Content, periodFirst(r.cells(), true))
			}
			measures.Content = append(measures.Content, id, list)
		}
		i = j
	}

	top := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str(q.key()), str(q.ID.String())}}
	top.Content[0].HeadComment = fmt.Sprintf("# Imported from %s by scorecard import.", comment(from))
	if q.Draft {
		top.Content = append(top.Content, str("draft"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	if q.Published != "" {
		top.Content = append(top.Content, str("published"), str(q.Published))
	}
	top.Content = append(top.Content, str("measures"), measures)
	notes := &yaml.Node{Kind: yaml.SequenceNode}
	for _, n := range q.Notes {
		notes.Content = append(notes.Content, noteNode(n))
	}
	if len(notes.Content) > 0 {
		top.Content = append(top.Content, str("notes"), notes)
	}

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(top); err != nil {
		panic(err) // the document holds only valid UTF-8 text: cells are read as UTF-8
	}
	enc.Close()
	return buf.Bytes()
}

// cells is a row's fields, on one line: {target: 90%, actual: 93%}.
func (r *Row) cells() *yaml.Node {
	cells := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, f := range [][2]string{{"target", r.Target}, {"actual", r.Actual}, {"status", r.Status}, {"period", r.Period}} {
		if f[1] != "" {
			cells.Content = append(cells.Content, str(f[0]), str(f[1]))
		}
	}
	if len(r.Notes) > 0 {
		cells.Content = append(cells.Content, str("notes"), labels(r.Notes))
	}
	return cells
}

// periodFirst puts a row's period first when the row is one of a list, as
// it tells the list's rows apart: {period: Apr 2016, target: 90%}.
func periodFirst(row *yaml.Node, list bool) *yaml.Node {
	if i := keyIndex(row, "period"); list && i > 0 {
		k, v := row.Content[i], row.Content[i+1]
		row.Content = slices.Insert(slices.Delete(row.Content, i, i+2), 0, k, v)
	}
	return row
}

// noTextComment is written above notes the rows refer to without text.
const noTextComment = "# The sheet gives no text for these notes: add text: as the report\n# prints it, or leave them without text."

// noteNode is an item of the notes: list.
func noteNode(n *Note) *yaml.Node {
	item := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle,
		Content: []*yaml.Node{str("theme"), str(n.Theme.ID), str("labels"), labels(n.Labels)}}
	if n.Text != "" {
		item.Content = append(item.Content, str("text"), str(n.Text))
	}
	if !n.Known {
		// A note the rows refer to without its text is written without
		// text, as a report may publish one, so that the build accepts
		// the file; the comment asks for the text.
		item.HeadComment = noTextComment
	}
	return item
}

// comment makes text fit on one comment line: a line break would end the
// comment, and a control character make the file one YAML refuses.
func comment(text string) string {
	return strings.Map(func(r rune) rune {
		if load.IsControl(r) || r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, text)
}

// str is a text scalar, quoted by the encoder when plain text would read
// back as something else.
func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// labels is a flow list of note labels: [1, 2].
func labels(ls []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, l := range ls {
		s := str(l)
		if strings.Trim(l, "0123456789") == "" {
			s.Tag = "" // 7, not "7": read back as the same text either way
		}
		n.Content = append(n.Content, s)
	}
	return n
}
