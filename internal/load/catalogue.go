package load

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

const catalogueFile = "data/measures.yaml"

// catalogue reads the themes and the measure catalogue.
func (l *loader) catalogue(s *report.Site) {
	src, ok := l.read(catalogueFile, true)
	if !ok {
		return
	}
	d := &doc{file: catalogueFile, errs: l.errs}
	n := d.parse(src)
	if n == nil {
		if !d.broken {
			d.errs.Errorf(d.pos(nil), "the file holds no themes or measures; see \"Writing a report\" in the README")
		}
		return
	}
	var measures *yaml.Node
	themeErrs := false // the themes had errors, which say why there are none
	d.mapping(n, "the catalogue",
		field{"themes", func(_, v *yaml.Node) {
			before := len(*d.errs)
			l.themes(d, v, s)
			themeErrs = d.wasRefused(v) || len(*d.errs) > before
		}},
		field{"measures", func(_, v *yaml.Node) { measures = v }},
	)
	if measures != nil { // themes first, wherever they are in the file
		l.measures(d, measures, s)
	}
	if len(s.Themes) == 0 && !themeErrs && !d.wasRefused(n) {
		d.errs.Errorf(d.pos(n), "the catalogue has no themes; add a \"themes:\" list with at least one theme")
	}
}

func (l *loader) themes(d *doc, n *yaml.Node, s *report.Site) {
	l.themeIDs = map[string]*report.Theme{}
	l.themeAddrs = map[string]*report.Theme{}
	l.themeList(d, n, s, nil)
}

// themeList reads a list of themes: the top level (parent nil) or the
// themes under parent, which nest up to report.MaxThemeDepth levels.
func (l *loader) themeList(d *doc, n *yaml.Node, s *report.Site, parent *report.Theme) {
	depth := 1
	if parent != nil {
		depth = parent.Depth + 1
	}
	d.list(n, "themes", func(item *yaml.Node) {
		t := &report.Theme{Parent: parent, Depth: depth, Pos: d.pos(item)}
		var idNode, titleNode, childNode *yaml.Node
		d.mapping(item, "a theme",
			field{"id", func(_, v *yaml.Node) { idNode = v; t.ID, _ = d.str(v, "id") }},
			field{"title", func(_, v *yaml.Node) { titleNode = v; t.Title, _ = d.str(v, "title") }},
			field{"themes", func(_, v *yaml.Node) { childNode = v }},
		)
		if idNode == nil {
			d.errorf(item, "a theme has no id; add one such as \"id: build-a-better-harrow\"")
			return
		}
		t.Pos = d.pos(idNode)
		if t.Address = checkID(d, idNode, "theme", t.ID, "build-a-better-harrow"); t.Address == "" {
			return
		}
		if prev := l.themeIDs[t.ID]; prev != nil {
			d.errorf(idNode, "theme id %q is used twice (first at line %d); give each theme its own id", t.ID, prev.Pos.Line)
			return
		}
		if prev := l.themeAddrs[t.Address]; prev != nil {
			d.errorf(idNode, "theme ids %q (line %d) and %q (line %d) give the same address, %q, so their pages would be one; make the ids differ in more than case, spaces or punctuation", prev.ID, prev.Pos.Line, t.ID, t.Pos.Line, t.Address)
			return
		}
		if t.Address == "print" {
			// A quarter's folder holds its print page at print/.
			d.errorf(idNode, "theme id %q makes the address \"print\", which a quarter's page for printing has; add a word, such as \"print-services\"", t.ID)
			return
		}
		l.themeIDs[t.ID], l.themeAddrs[t.Address] = t, t
		if titleNode == nil {
			d.errorf(item, "theme %s has no title; add one such as \"title: Build a Better Harrow\"", t.ID)
		}
		if parent == nil {
			s.Themes = append(s.Themes, t)
		} else {
			parent.Children = append(parent.Children, t)
		}
		if childNode == nil {
			return
		}
		if depth >= report.MaxThemeDepth {
			d.errorf(childNode, "theme %s is at level %d, and themes nest at most %d levels (priority, outcome, sub-heading); move these themes up a level, or give their measures theme %s", t.ID, depth, report.MaxThemeDepth, t.ID)
			return
		}
		l.themeList(d, childNode, s, t)
	})
}

func (l *loader) measures(d *doc, n *yaml.Node, s *report.Site) {
	ids := map[string]int{}
	addrs := map[string]*report.Measure{}
	d.list(n, "measures", func(item *yaml.Node) {
		m := &report.Measure{Pos: d.pos(item)}
		var idNode, themeNode, goodNode, unitNode, titleNode, breaksNode *yaml.Node
		before := len(*d.errs)
		d.mapping(item, "a measure",
			field{"id", func(_, v *yaml.Node) { idNode = v; m.ID, _ = d.str(v, "id") }},
			field{"number", func(_, v *yaml.Node) { m.Number, _ = d.str(v, "number") }},
			field{"theme", func(_, v *yaml.Node) { themeNode = v }},
			field{"title", func(_, v *yaml.Node) { titleNode = v; m.Title, _ = d.str(v, "title") }},
			field{"good", func(_, v *yaml.Node) { goodNode = v }},
			field{"unit", func(_, v *yaml.Node) { unitNode = v }},
			field{"equalities", func(_, v *yaml.Node) { m.Equalities = d.boolean(v, "equalities") }},
			field{"cumulative", func(_, v *yaml.Node) { m.Cumulative = d.boolean(v, "cumulative") }},
			field{"definition", func(_, v *yaml.Node) { m.Definition, _ = d.str(v, "definition") }},
			field{"bands", func(_, v *yaml.Node) { m.Bands = resolveBands(d, readBands(d, v), s.Statuses) }},
			field{"why", func(_, v *yaml.Node) { m.Why, _ = d.str(v, "why") }},
			field{"source", func(_, v *yaml.Node) { m.Source, _ = d.str(v, "source") }},
			field{"frequency", func(_, v *yaml.Node) { m.Frequency, _ = d.str(v, "frequency") }},
			field{"owner", func(_, v *yaml.Node) { m.Owner, _ = d.str(v, "owner") }},
			field{"codes", func(_, v *yaml.Node) { m.Codes = readCodes(d, v) }},
			field{"ids", func(_, v *yaml.Node) { m.IDs = readIDs(d, v) }},
			field{"caveats", func(_, v *yaml.Node) { m.Caveats, _ = d.str(v, "caveats") }},
			field{"breaks", func(_, v *yaml.Node) { breaksNode = v }},
		)
		if item.Kind != yaml.MappingNode {
			return
		}
		if idNode == nil {
			d.errorf(item, "a measure has no id; add one such as \"id: bbh-5\"")
			return
		}
		if m.Address = checkID(d, idNode, "measure", m.ID, "bbh-5"); m.Address == "" {
			// The id as written, even when refused, so that the quarters
			// do not report it missing from the catalogue as well.
			l.broken[idNode.Value] = true
			return
		}
		if line, dup := ids[m.ID]; dup {
			d.errorf(idNode, "measure id %q is used twice (first at line %d); give each measure its own id", m.ID, line)
			return
		}
		if prev := addrs[m.Address]; prev != nil {
			d.errorf(idNode, "measure ids %q (line %d) and %q (line %d) give the same address, %q, so their pages would be one; make the ids differ in more than case, spaces or punctuation", prev.ID, ids[prev.ID], m.ID, idNode.Line, m.Address)
			l.broken[m.ID] = true
			return
		}
		ids[m.ID] = idNode.Line
		addrs[m.Address] = m
		if titleNode == nil {
			d.errorf(item, "measure %s has no title; add one such as \"title: Staff turnover\"", m.ID)
		}
		m.Theme = l.themeRef(d, item, themeNode, s, "measure "+m.ID)
		m.Good = readPolarity(d, goodNode, m.ID)
		m.Unit = readUnit(d, item, unitNode, m.ID, s)
		if breaksNode != nil {
			m.Breaks = l.readBreaks(d, breaksNode, m.ID)
		}
		if m.Theme == nil || len(*d.errs) > before {
			l.broken[m.ID] = true
		}
		if m.Theme != nil {
			m.Theme.Measures = append(m.Theme.Measures, m)
		}
		s.Measures = append(s.Measures, m)
	})
	// Show measures theme by theme, in the depth-first order of the themes.
	var ordered []*report.Measure
	for _, t := range s.AllThemes() {
		ordered = append(ordered, t.Measures...)
	}
	s.Measures = ordered
	for i, m := range s.Measures {
		m.Index = i
	}
}

// readCodes reads a measure's reference codes: a list, or one line with
// the codes separated by commas or semicolons ("BV053, PAFC28, SP213").
// Each code is kept as written, less the spaces around it, so "LVE 009"
// stays "LVE 009". A code may not hold a semicolon, which separates the
// codes in the CSV's one cell.
func readCodes(d *doc, n *yaml.Node) []string {
	var codes []string
	seen := map[string]bool{}
	add := func(n *yaml.Node, code string) {
		code = strings.TrimSpace(code)
		switch {
		case code == "":
			d.errorf(n, "codes has an empty code; remove it, or write the code")
		case seen[code]:
			d.errorf(n, "code %q is listed twice; remove one of them", code)
		default:
			seen[code] = true
			codes = append(codes, code)
		}
	}
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		line, ok := d.str(n, "codes")
		if !ok {
			return nil
		}
		before := len(*d.errs)
		for _, code := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ';' }) {
			add(n, code)
		}
		if len(codes) == 0 && len(*d.errs) == before {
			d.errorf(n, "codes is empty; write the measure's codes, such as \"BV053, LVE 009\", or remove the line")
		}
		return codes
	}
	d.list(n, "codes", func(item *yaml.Node) {
		code, ok := d.str(item, "a code")
		if !ok {
			return
		}
		if strings.Contains(code, ";") {
			d.errorf(item, "code %q holds a semicolon, which separates codes; write each code as an item of its own", code)
			return
		}
		add(item, code)
	})
	return codes
}

// readIDs reads a measure's identifiers in other datasets: a set of
// "dataset: id" lines, such as "LG Inform: 1234", kept in the order
// written.
func readIDs(d *doc, n *yaml.Node) []report.ExternalID {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	var ids []report.ExternalID
	if !d.isMapping(n, "ids") {
		return nil
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		scheme, ok := d.str(k, "the name of a dataset in ids")
		if !ok {
			continue
		}
		scheme = strings.TrimSpace(scheme)
		if prev, dup := seen[scheme]; dup {
			d.errorf(k, "ids has %q twice (first at %d:%d); remove one of them", scheme, d.line+prev.Line, prev.Column)
			continue
		}
		seen[scheme] = k
		d.isAlias(v)
		id, ok := d.str(v, "the id in "+scheme)
		if !ok {
			continue
		}
		id = strings.TrimSpace(id)
		switch {
		case scheme == "":
			d.errorf(k, "ids has a dataset with no name; write its name, such as \"LG Inform: 1234\"")
		case id == "":
			d.errorf(v, "ids gives %s no id; write it, such as \"%s: 1234\", or remove the line", scheme, scheme)
		case strings.ContainsAny(scheme, ";:") || strings.Contains(id, ";"):
			d.errorf(k, "ids: %q holds a semicolon or a colon in the dataset's name, or a semicolon in the id, which separate ids in the CSV's one cell; leave them out", scheme+": "+id)
		default:
			ids = append(ids, report.ExternalID{Scheme: scheme, ID: id})
		}
	}
	return ids
}

func (l *loader) themeRef(d *doc, item, n *yaml.Node, s *report.Site, what string) *report.Theme {
	if len(s.Themes) == 0 {
		return nil // the catalogue's own error says why there are none
	}
	if n == nil {
		d.errorf(item, "%s has no theme; add \"theme:\" with one of: %s", what, list(themeIDs(s)))
		return nil
	}
	id, ok := d.str(n, "theme")
	if !ok {
		return nil
	}
	all := s.AllThemes()
	for _, t := range all {
		if t.ID == id {
			return t
		}
	}
	for _, t := range all {
		if t.Address == report.Address(id) {
			d.errorf(n, "%s names theme %q, which is not in the themes list; did you mean %q? (data files name a theme by its id as written)", what, id, t.ID)
			return nil
		}
	}
	d.errorf(n, "%s names theme %q, which is not in the themes list; use one of: %s", what, id, list(themeIDs(s)))
	return nil
}

// themeIDs lists every theme's id, at every level, for messages.
func themeIDs(s *report.Site) []string {
	var ids []string
	for _, t := range s.AllThemes() {
		ids = append(ids, t.ID)
	}
	return ids
}

// readPolarity reads a measure's "good:". A measure without one, or with
// an empty one, states no polarity, as many published tables do not.
func readPolarity(d *doc, n *yaml.Node, id string) report.Polarity {
	if n == nil || n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == "" {
		return report.NotStated
	}
	v, _ := d.str(n, "good")
	if p, ok := ParsePolarity(v); ok {
		return p
	}
	d.errorf(n, "measure %s: good is %q; write one of these, in any case: %s", id, v, polarityList())
	return ""
}

// polarityWords are the words a measure's "good:" may use, as real tables
// write them, by the polarity each means.
var polarityWords = []struct {
	p     report.Polarity
	words []string
}{
	{report.Higher, []string{"higher", "high", "higher is better", "bigger is better", "aim to maximise", "maximise", "increase", "up"}},
	{report.Lower, []string{"lower", "low", "lower is better", "smaller is better", "aim to minimise", "minimise", "decrease", "down"}},
	{report.InRange, []string{"in range", "within range", "range"}},
	{report.NotStated, []string{"not stated", "none"}},
}

// polarityList is the words for an error message.
func polarityList() string {
	var all []string
	for _, g := range polarityWords {
		all = append(all, g.words...)
	}
	return strings.Join(all, ", ")
}

var polarities = func() map[string]report.Polarity {
	m := map[string]report.Polarity{}
	for _, g := range polarityWords {
		for _, w := range g.words {
			m[w] = g.p
			// American spellings, and hyphens: aim to maximize, in-range.
			m[strings.ReplaceAll(w, "imise", "imize")] = g.p
			m[strings.ReplaceAll(w, " ", "-")] = g.p
		}
	}
	return m
}()

// ParsePolarity reads the word in a measure's "good:" field in any case,
// with any spacing: Higher, High, Aim to maximise and Bigger is better
// mean higher; Lower, Smaller is better and Aim to minimise mean lower; In
// range, Within range and Range mean in range; Not stated and None mean
// the report does not say. ok is false for any other.
func ParsePolarity(word string) (p report.Polarity, ok bool) {
	p, ok = polarities[strings.ToLower(strings.Join(strings.Fields(word), " "))]
	return p, ok
}

// readUnit reads a measure's unit:, the id of one of the site's units. A
// measure whose unit: is missing or names no unit is reported, and gets a
// plain unit of no name, so that its figures are still read and checked.
func readUnit(d *doc, item, n *yaml.Node, id string, s *report.Site) *report.Unit {
	if n == nil {
		d.errorf(item, "measure %s has no unit; add \"unit:\" with one of: %s", id, unitIDs(s.Units))
		return &report.Unit{Kind: report.NumberUnit}
	}
	v, _ := d.str(n, "unit")
	if u := s.Unit(v); u != nil {
		return u
	}
	d.errorf(n, "measure %s: unit %q is not one Scorecard knows; use one of: %s, or declare it under units: in %s with its label, symbol and kind", id, v, unitIDs(s.Units), siteFile)
	return &report.Unit{Kind: report.NumberUnit}
}

func quoted(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// checkID reports an id that cannot name a page, and returns the address
// made from it, or "" after reporting why there is none. Ids are kept as
// councils write them ("BV053", "LVE 009"); pages are named by the
// address, which holds only lower-case letters, digits and inner hyphens,
// and is not a bare number (two themes may each have a measure 1).
func checkID(d *doc, n *yaml.Node, what, id, example string) string {
	if id == "" {
		d.errorf(n, "the %s id is empty; write one such as %q", what, example)
		return ""
	}
	if strings.TrimSpace(id) != id {
		d.errorf(n, "%s id %q has spaces at its start or end; remove them, since data files name the %s by its id as written", what, id, what)
		return ""
	}
	if strings.ContainsFunc(id, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		d.errorf(n, "%s id %q holds a line break, tab or other control character; write it on one line, such as %q", what, id, example)
		return ""
	}
	addr := report.Address(id)
	switch {
	case addr == "":
		d.errorf(n, "%s id %q has no letter or digit, so no page address can be made from it; write one such as %q", what, id, example)
	case len(addr) > 64:
		d.errorf(n, "%s id %q makes an address of %d characters, more than 64; shorten it, such as %q", what, id, len(addr), example)
	case strings.Trim(addr, "0123456789") == "":
		d.errorf(n, "%s id %q is a bare number; ids must be unique across the whole site, so add a prefix, such as %q", what, id, example)
	case slices.Contains(deviceNames, addr):
		named := fmt.Sprintf("%s id %q makes the address %q,", what, id, addr)
		if addr == id {
			named = fmt.Sprintf("%s id %q is", what, id)
		}
		d.errorf(n, "%s a name Windows keeps for a device, so the site could not be built or copied there; add a prefix, such as %q", named, example)
	default:
		return addr
	}
	return ""
}

// deviceNames are the names Windows gives devices, which no file or folder
// may have.
var deviceNames = []string{"con", "prn", "aux", "nul",
	"com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
	"lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"}
