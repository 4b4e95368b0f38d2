package load

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

// seriesReader reads the targets: and comparators: lists of
// data/site.yaml, which name the further targets and the comparators rows
// may give. Ids are unique across both lists, and so are the open-data
// columns made from them.
type seriesReader struct {
	d       *doc
	out     []*report.Series
	ids     map[string]*yaml.Node // id -> its node
	columns map[string]*report.Series
}

func (r *seriesReader) read(n *yaml.Node, kind report.SeriesKind) {
	d := r.d
	if r.ids == nil {
		r.ids, r.columns = map[string]*yaml.Node{}, map[string]*report.Series{}
	}
	example := "{id: annual, label: Annual target}"
	if kind == report.ComparatorSeries {
		example = "{id: england, label: England average, source: NHS Digital}"
	}
	d.list(n, kind.Key(), func(item *yaml.Node) {
		s := &report.Series{Kind: kind}
		var idNode, labelNode *yaml.Node
		d.mapping(item, "a "+kind.Word(),
			field{"id", func(_, v *yaml.Node) { idNode = v; s.ID, _ = d.str(v, "id") }},
			field{"label", func(_, v *yaml.Node) { labelNode = v; s.Label, _ = d.str(v, "label") }},
			field{"source", func(_, v *yaml.Node) { s.Source, _ = d.str(v, "source") }},
		)
		if item.Kind != yaml.MappingNode {
			return
		}
		s.ID, s.Label, s.Source = strings.TrimSpace(s.ID), strings.TrimSpace(s.Label), strings.TrimSpace(s.Source)
		switch {
		case s.ID == "":
			if !d.wasRefused(idNode) {
				d.errorf(item, "a %s under %s: has no id; add the name data files use for it, such as %q", kind.Word(), kind.Key(), example)
			}
			return
		case s.Label == "":
			if !d.wasRefused(labelNode) {
				d.errorf(item, "%s %q has no label; add the words pages show for it, such as %q", kind.Word(), s.ID, example)
			}
			return
		}
		if prev, dup := r.ids[s.ID]; dup {
			d.errorf(idNode, "%q is declared twice (first at line %d); a target and a comparator may not share an id either, as a row names each by its id alone; rename or remove one", s.ID, prev.Line)
			return
		}
		r.ids[s.ID] = idNode
		col := s.Column()
		if col == kind.Word() {
			d.errorf(idNode, "%s id %q has no letter or digit; give it one, such as %q", kind.Word(), s.ID, "annual")
			return
		}
		names := []string{col, col + "_period", col + "_source"}
		for _, name := range names {
			if slices.Contains(FixedSeriesColumns, name) {
				d.errorf(idNode, "%s id %q would give the open-data column %s, which Scorecard already uses for the row's own target; choose another id", kind.Word(), s.ID, name)
				return
			}
			if prev, clash := r.columns[name]; clash {
				d.errorf(idNode, "%s %q and %s %q both give the open-data column %s; rename one so that they differ in a letter or digit", prev.Kind.Word(), prev.ID, kind.Word(), s.ID, name)
				return
			}
		}
		for _, name := range names {
			r.columns[name] = s
		}
		r.out = append(r.out, s)
	})
}

// FixedSeriesColumns are the open data's own columns whose names a
// series' columns could take: a series gives the columns "target_annual",
// "target_annual_period" and "target_annual_source", so a target with the
// id "value" would clash with the row's target_value. Package dataset's
// tests hold this list to its columns.
var FixedSeriesColumns = []string{"target_value", "target_low", "target_high", "target_qualifiers"}

// figures reads a row's targets: or comparators: mapping, from series id
// to figure, into the order of the site's series.
func (l *loader) figures(d *doc, n *yaml.Node, m *report.Measure, kind report.SeriesKind) []report.Figure {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // "targets:" alone: none
	}
	if !d.isMapping(n, kind.Key()) {
		return nil
	}
	var out []report.Figure
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id, ok := d.str(k, "a "+kind.Word()+" id")
		if !ok {
			continue
		}
		if line, dup := seen[id]; dup {
			d.errorf(k, "measure %s gives %s %q twice (first at line %d); keep one", m.ID, kind.Word(), id, line)
			continue
		}
		seen[id] = k.Line
		s := l.series(d, k, id, m, kind)
		if s == nil {
			continue
		}
		what := kind.Word() + " " + id
		f := report.Figure{Series: s, Pos: d.pos(v)}
		if v.Kind == yaml.MappingNode {
			var valueNode *yaml.Node
			d.mapping(v, "measure "+m.ID+"'s "+what,
				field{"value", func(_, c *yaml.Node) { valueNode = c; f.Value = l.cell(d, c, m, what) }},
				field{"period", func(_, c *yaml.Node) { f.Period = figureText(d, c, "period", "2015-16") }},
				field{"source", func(_, c *yaml.Node) { f.Source = figureText(d, c, "source", "LG Inform") }},
			)
			if valueNode == nil {
				d.errorf(v, "measure %s's %s has no value; add the figure, such as \"{value: 92%%, period: 2015-16}\"", m.ID, what)
				continue
			}
		} else {
			f.Value = l.cell(d, v, m, what)
		}
		out = append(out, f)
	}
	order := func(s *report.Series) int { return slices.Index(l.site.Series, s) }
	slices.SortStableFunc(out, func(a, b report.Figure) int { return order(a.Series) - order(b.Series) })
	return out
}

// figureText reads a figure's period or source: text that, once given, is
// not empty.
func figureText(d *doc, n *yaml.Node, what, example string) string {
	s, ok := d.str(n, what)
	s = strings.TrimSpace(s)
	if ok && s == "" {
		d.errorf(n, "%s is empty; write it, such as %q, or leave the line out", what, example)
	}
	return s
}

// series finds the series a row's figure names, reporting an id that is
// not declared, or declared as the other kind.
func (l *loader) series(d *doc, k *yaml.Node, id string, m *report.Measure, kind report.SeriesKind) *report.Series {
	var declared []string
	for _, s := range l.site.Series {
		switch {
		case s.ID == id && s.Kind == kind:
			return s
		case s.ID == id:
			d.errorf(k, "measure %s gives %q under %s:, but %s declares it as a %s; move it under %s:", m.ID, id, kind.Key(), siteFile, s.Kind.Word(), s.Kind.Key())
			return nil
		case s.Kind == kind:
			declared = append(declared, s.ID)
		}
	}
	if len(declared) == 0 {
		d.errorf(k, "measure %s gives %s %q, but %s declares no %s; add it there, such as \"%s: [{id: %s, label: ...}]\"", m.ID, kind.Word(), id, siteFile, kind.Key(), kind.Key(), id)
		return nil
	}
	d.errorf(k, "measure %s gives %s %q, which %s does not declare; use one of %s, or add it to %s: there", m.ID, kind.Word(), id, siteFile, list(declared), kind.Key())
	return nil
}
