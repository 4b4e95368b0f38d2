package load

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
	"scorecard/internal/fastyaml"
	"scorecard/internal/parallel"
	"scorecard/internal/report"
	"scorecard/internal/value"
)

const quartersDir = "data/quarters"

// quarters reads every edition file, data/quarters/*.yaml (or the site's
// months, halves or years), oldest first.
func (l *loader) quarters(s *report.Site) {
	dir := l.editionDir()
	what, example := l.editionKey(), l.exampleEdition()
	if l.refused(dir, "folder") {
		l.noQuarters = true
		return
	}
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		if l.found(err) {
			l.noQuarters = true
			return
		}
		l.errs.Errorf(diag.Pos{File: dir}, "the folder is missing or unreadable; add one data file per %s, such as %s/%s.yaml", what, dir, example.Slug())
		l.noQuarters = true
		return
	}
	type quarterFile struct {
		name string
		id   report.Period
	}
	var files []quarterFile
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		if l.skipped(name, e) {
			continue
		}
		stem, ext := splitExt(e.Name())
		id, ok := l.parseEditionName(stem)
		ok = ok && ext == ".yaml"
		if !l.quarterly() {
			if !ok || e.IsDir() {
				l.errs.Errorf(diag.Pos{File: name}, "Scorecard expects only %s files here, each named for its %s, such as %s.yaml (the site publishes %s editions: editions: in %s); rename or remove this one", what, what, example.Slug(), example.Adverb(), siteFile)
				continue
			}
			files = append(files, quarterFile{name, id})
			continue
		}
		if problem := quarterProblem(strings.TrimSuffix(e.Name(), ".yaml")); problem != "" && !e.IsDir() {
			l.errs.Errorf(diag.Pos{File: name}, "the file is named for a quarter that cannot be: %s; rename it, such as 2016-17-q2.yaml", problem)
			continue
		}
		if ok && e.IsDir() {
			l.errs.Errorf(diag.Pos{File: name}, "this is a folder, but Scorecard needs a file here")
			continue
		}
		if !ok || e.IsDir() {
			how := "rename or remove this one"
			if id, like := quarterLike(stem); like && !e.IsDir() && (strings.EqualFold(ext, ".yaml") || strings.EqualFold(ext, ".yml")) {
				how = fmt.Sprintf("rename this one to %s.yaml", id.Slug())
			}
			l.errs.Errorf(diag.Pos{File: name}, "Scorecard expects only quarter files here, named for the financial year and quarter, such as 2016-17-q2.yaml; %s", how)
			continue
		}
		files = append(files, quarterFile{name, id})
	}
	// Edition files are independent of each other: they are read in
	// parallel, each with its own list of findings, and put back in order.
	quarters := make([]*report.Quarter, len(files))
	found := make([]diag.List, len(files))
	parallel.Each(len(files), func(i int) {
		sub := *l
		sub.errs, sub.links = &found[i], nil
		quarters[i] = sub.quarter(files[i].name, files[i].id, s)
	})
	for i, q := range quarters {
		*l.errs = append(*l.errs, found[i]...)
		if q != nil {
			s.Quarters = append(s.Quarters, q)
		}
	}
	slices.SortFunc(s.Quarters, func(a, b *report.Quarter) int { return a.ID.Index() - b.ID.Index() })
	if len(s.Quarters) == 0 && !l.errs.HasErrors() {
		l.errs.Errorf(diag.Pos{File: dir}, "there are no %s files; add one, such as %s/%s.yaml", what, dir, example.Slug())
	}
}

// ParseQuarter reads a quarter as data files write it, "2016-17 Q2", and
// nothing else: it reads the names of quarter files and folders, in which
// another spelling (2016-17-Q2) would make a second file for the same
// quarter. The second year must follow the first. The text is read by
// report.ParseQuarterID, which every command uses to read a quarter, and
// is then held to its one form.
func ParseQuarter(s string) (report.Period, bool) {
	id, err := report.ParseQuarterID(s)
	if err != nil || id.String() != s {
		return report.Period{}, false
	}
	return id, true
}

// quarterProblem says why a name in the shape of a quarter file or folder,
// 2016-17-q2, names no quarter, or returns "" when it does or has another
// shape.
func quarterProblem(name string) string {
	digits := func(s string) bool { return strings.Trim(s, "0123456789") == "" }
	if len(name) != 10 || name[4] != '-' || name[7:9] != "-q" || !digits(name[:4]) || !digits(name[5:7]) || !digits(name[9:]) {
		return ""
	}
	y, _ := strconv.Atoi(name[:4])
	y2, _ := strconv.Atoi(name[5:7])
	q, _ := strconv.Atoi(name[9:])
	switch {
	case q < 1 || q > 4:
		return fmt.Sprintf("a year has quarters 1 to 4, not %d", q)
	case y < 1900 || y > 9998:
		return fmt.Sprintf("Scorecard reads years from 1900 to 9998, not %s", name[:4])
	case y2 != (y+1)%100:
		return fmt.Sprintf("a financial year runs into the next, so %d is followed by %02d, not %s", y, (y+1)%100, name[5:7])
	}
	return ""
}

func (l *loader) quarter(name string, id report.Period, s *report.Site) *report.Quarter {
	// A quarter that could not be read still exists, so that its narrative
	// is read and checked too.
	src, ok := l.read(name, true)
	if !ok {
		return &report.Quarter{ID: id, Pos: diag.Pos{File: name}, Narrative: map[*report.Theme]*report.Narrative{}}
	}
	d := &doc{file: name, errs: l.errs}
	if l.readers != nil {
		// The file's tree is done with once its rows are read: the next
		// file is read in its memory.
		d.reader = l.readers.Get().(*fastyaml.Reader)
		defer l.readers.Put(d.reader)
	}
	n := d.parse(src)
	q := &report.Quarter{ID: id, Pos: d.pos(n), Narrative: map[*report.Theme]*report.Narrative{}}
	if n == nil {
		if !d.broken {
			d.errs.Errorf(d.pos(nil), "the file is empty; start it with \"quarter: %s\" and a \"measures:\" list", id)
		}
		return q
	}
	var measures, notes, quarterNode, corrections *yaml.Node
	key := l.editionKey()
	d.mapping(n, "the "+key+" file",
		field{key, func(_, v *yaml.Node) { quarterNode = v }},
		field{"measures", func(_, v *yaml.Node) { measures = v }},
		field{"notes", func(_, v *yaml.Node) { notes = v }},
		field{"draft", func(_, v *yaml.Node) { q.Draft = d.boolean(v, "draft") }},
		field{"published", func(_, v *yaml.Node) {
			q.Published, _ = d.str(v, "published")
			if _, err := time.Parse("2006-01-02", q.Published); err != nil {
				d.errorf(v, "published %q is not a date; write the date the quarter's report was published as YYYY-MM-DD, such as 2016-12-07", q.Published)
			}
		}},
		field{"corrections", func(_, v *yaml.Node) { corrections = v }},
	)
	if n.Kind != yaml.MappingNode {
		return q
	}
	if quarterNode == nil {
		d.errorf(n, "the file does not say which %s it holds; add \"%s: %s\" at the top", key, key, id)
	} else if v, _ := d.str(quarterNode, key); v != id.String() && !l.sameEdition(v, id) {
		d.errorf(quarterNode, "%s is %q, but the file is named for %s; make them agree (write \"%s: %s\" or rename the file)", key, v, id, key, id)
	}
	if notes != nil {
		q.Notes = readNotes(d, notes, s)
	}
	if measures == nil {
		d.errorf(n, "the file has no \"measures:\"; list each measure's figures for the quarter under it")
		return q
	}
	l.rows(d, measures, q, s)
	if corrections != nil {
		l.corrections(d, corrections, q, s)
	}
	return q
}

func readNotes(d *doc, n *yaml.Node, s *report.Site) []*report.Note {
	var out []*report.Note
	type themeLabel struct{ theme, label string }
	seen := map[themeLabel]int{} // -> line
	d.list(n, "notes", func(item *yaml.Node) {
		note := &report.Note{}
		var themeNode, labelsNode *yaml.Node
		d.mapping(item, "a note",
			field{"theme", func(_, v *yaml.Node) { themeNode = v }},
			field{"labels", func(_, v *yaml.Node) { labelsNode = v }},
			field{"text", func(_, v *yaml.Node) { note.Text, _ = d.str(v, "text") }},
		)
		if item.Kind != yaml.MappingNode {
			return
		}
		note.Theme = (&loader{}).themeRef(d, item, themeNode, s, "a note")
		if labelsNode == nil {
			d.errorf(item, "a note has no labels; add the label the scorecard refers to, such as \"labels: [1]\"")
			return
		}
		d.list(labelsNode, "labels", func(lab *yaml.Node) {
			label, ok := d.str(lab, "a note label")
			if !ok {
				return
			}
			if label == "" {
				d.errorf(lab, "a note label is empty; write the label as the scorecard prints it, such as 1")
				return
			}
			if note.Theme != nil {
				key := themeLabel{note.Theme.ID, label}
				if line, dup := seen[key]; dup {
					d.errorf(lab, "note %s of theme %s is defined twice (first at line %d); keep one", label, note.Theme.ID, line)
					return
				}
				seen[key] = lab.Line
			}
			note.Labels = append(note.Labels, label)
		})
		if note.Theme != nil && len(note.Labels) > 0 {
			out = append(out, note)
		}
	})
	return out
}

func (l *loader) rows(d *doc, n *yaml.Node, q *report.Quarter, s *report.Site) {
	if !d.isMapping(n, "measures") {
		return
	}
	byID := make(map[string]*report.Measure, len(s.Measures))
	for _, m := range s.Measures {
		byID[m.ID] = m
	}
	notes := indexNotes(q.Notes)
	rows := map[*report.Measure]*report.Row{}
	more := map[*report.Measure][]*report.Row{}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if line, dup := seen[k.Value]; dup {
			d.errorf(k, "measure %s is listed twice in this quarter (first at line %d); keep one", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		m := byID[k.Value]
		if m == nil && (l.broken[k.Value] || len(s.Themes) == 0) {
			continue // its catalogue entry, or the catalogue, has an error already reported
		}
		if m == nil {
			if near := l.nearMeasure(s, k.Value); near != nil {
				d.errorf(k, "measure %q is not in %s; did you mean %q? (data files name a measure by its id as written)", k.Value, catalogueFile, near.ID)
				continue
			}
			d.errorf(k, "measure %q is not in %s; add it to the catalogue there, or correct the id", k.Value, catalogueFile)
			continue
		}
		listOfRows := v.Kind == yaml.SequenceNode
		for _, item := range v.Content {
			listOfRows = listOfRows && item.Kind == yaml.MappingNode
		}
		if listOfRows && len(v.Content) == 0 {
			d.errorf(v, "measure %s has an empty list; give its figures, or a list of them with a period each", m.ID)
			continue
		}
		if !listOfRows {
			if r := l.row(d, k, v, m, notes, q.ID); r != nil {
				rows[m] = r
			}
			continue
		}
		// Several periods of the measure in one edition: the row without
		// a period (or else the latest) is the edition's, the rest are
		// published beside it.
		var list []*report.Row
		periods := map[report.Period]int{}
		d.list(v, "measure "+m.ID, func(item *yaml.Node) {
			r := l.row(d, k, item, m, notes, q.ID)
			r.Pos = d.pos(item)
			if line, dup := periods[r.When]; dup && !r.When.IsZero() {
				d.errorf(item, "measure %s has two rows for %s in this file (first at line %d); keep one", m.ID, r.When.Label(), line)
				return
			}
			periods[r.When] = item.Line
			list = append(list, r)
		})
		if len(list) == 0 {
			continue
		}
		slices.SortStableFunc(list, func(a, b *report.Row) int { return a.When.Compare(b.When) })
		main := len(list) - 1
		for i, r := range list {
			if r.Period == "" {
				main = i
			}
		}
		rows[m] = list[main]
		more[m] = append(list[:main:main], list[main+1:]...)
	}
	for _, m := range s.Measures {
		if r := rows[m]; r != nil {
			q.Rows = append(q.Rows, r)
			q.More = append(q.More, more[m]...)
		}
	}
	q.IndexRows()
}

func (l *loader) row(d *doc, k, n *yaml.Node, m *report.Measure, notes noteIndex, edition report.Period) *report.Row {
	r := &report.Row{Measure: m, Pos: d.pos(k), StatusPos: d.pos(k), When: m.FigureOf(edition)} // the edition's own period, or the year to its end for a cumulative measure
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return r // "bbh-34:" alone: a row of blank cells
	}
	what := "measure " + m.ID
	d.mapping(n, what,
		field{"target", func(_, v *yaml.Node) { r.Target = l.cell(d, v, m, "target") }},
		field{"actual", func(_, v *yaml.Node) { r.Actual = l.cell(d, v, m, "actual") }},
		field{"status", func(_, v *yaml.Node) { r.Status, r.StatusPos = l.status(d, v, m), d.pos(v) }},
		field{"period", func(_, v *yaml.Node) {
			r.Period, _ = d.str(v, "period")
			r.When = l.rowPeriod(d, v, m, r.Period)
		}},
		field{"targets", func(_, v *yaml.Node) { r.Targets = l.figures(d, v, m, report.TargetSeries) }},
		field{"comparators", func(_, v *yaml.Node) { r.Comparators = l.figures(d, v, m, report.ComparatorSeries) }},
		field{"direction", func(_, v *yaml.Node) { r.PublishedDirection = readPublishedDirection(d, v, m) }},
		field{"forecast", func(_, v *yaml.Node) { r.Forecast = l.readForecast(d, v, m) }},
		field{"notes", func(_, v *yaml.Node) {
			d.list(v, "notes", func(item *yaml.Node) {
				label, ok := d.str(item, "a note label")
				if !ok {
					return
				}
				note := notes[noteKey{m.Theme, label}]
				if note == nil {
					d.errorf(item, "measure %s refers to note %s, but this file's notes: list has no note %s for theme %s; add it there", m.ID, label, label, themeID(m.Theme))
					return
				}
				r.Notes = append(r.Notes, &report.NoteRef{Label: label, Note: note})
			})
		}},
	)
	return r
}

func themeID(t *report.Theme) string {
	if t == nil {
		return "(none)"
	}
	return t.ID
}

// noteIndex finds a quarter's notes by theme and label.
type noteIndex map[noteKey]*report.Note

type noteKey struct {
	theme *report.Theme
	label string
}

func indexNotes(notes []*report.Note) noteIndex {
	idx := noteIndex{}
	for _, n := range notes {
		for _, label := range n.Labels {
			if _, dup := idx[noteKey{n.Theme, label}]; !dup {
				idx[noteKey{n.Theme, label}] = n
			}
		}
	}
	return idx
}

// cell reads a target or actual, which may be one of the figure words and
// carry qualifiers, and checks that it suits the measure's unit.
func (l *loader) cell(d *doc, n *yaml.Node, m *report.Measure, what string) value.Value {
	raw, ok := d.str(n, what)
	if !ok {
		return value.Value{}
	}
	v, err := l.site.Cell(m).Parse(raw)
	if err != nil {
		pos := d.pos(n)
		if e, ok := err.(*value.Error); ok {
			pos = d.within(n, raw, e.Offset)
		}
		if msg := OtherUnit(l.site, m, what, err); msg != "" {
			d.errs.Errorf(pos, "%s", msg)
			return value.Value{Raw: raw}
		}
		d.errs.Errorf(pos, "measure %s: %s %v", m.ID, what, err)
		return value.Value{Raw: raw}
	}
	if msg := UnitMismatch(m, what, &v); msg != "" {
		if m.Unit.Required {
			d.errorf(n, "%s; %s, or change the measure's unit", msg, m.Unit.Hint())
		} else {
			d.errorf(n, "%s; %s, or change the measure's unit in %s", msg, m.Unit.Hint(), catalogueFile)
		}
	}
	return v
}

// OtherUnit says what is wrong with a cell the parser refused when it
// carries another unit's symbol ("640 weeks" of a measure in kilograms),
// and how to write it; "" when its trouble is something else. Import uses
// it too.
func OtherUnit(s *report.Site, m *report.Measure, what string, err error) string {
	e, ok := err.(*value.Error)
	if !ok {
		return ""
	}
	if other := otherUnit(s, m, e); other != nil {
		return fmt.Sprintf("measure %s %s, but its %s %q is in %s; %s, or change the measure's unit in %s",
			m.ID, m.Unit.Phrase(), what, strings.TrimSpace(e.Input), other.Label, m.Unit.Hint(), catalogueFile)
	}
	return ""
}

// otherUnit finds the unit of another symbol that a cell the parser
// refused carries, or nil.
func otherUnit(s *report.Site, m *report.Measure, e *value.Error) *report.Unit {
	own := m.Unit
	body := strings.TrimSpace(e.Input)
	tail := strings.TrimSpace(e.Input[e.Offset:])
	for _, u := range s.Units {
		if u.Symbol == "" || u.Symbol == own.Symbol {
			continue
		}
		if !u.Before && e.Offset > 0 && strings.EqualFold(tail, u.Symbol) ||
			u.Before && e.Offset == 0 && len(body) > len(u.Symbol) && strings.EqualFold(body[:len(u.Symbol)], u.Symbol) {
			return u
		}
	}
	return nil
}

// UnitMismatch says what is wrong when a numeric cell does not carry the
// unit its measure is counted in, such as `measure bbh-5 is measured in per
// cent, but its target "90" is a plain number`; it returns "" when the
// cell is right. A figure of a unit
// whose symbol is optional is given the unit's own (a plain 1,112.44 of a
// unit in £ is read as £1,112.44), so that figures with and without the
// symbol compare. Import uses it too, so that an imported quarter loads.
func UnitMismatch(m *report.Measure, what string, v *value.Value) string {
	u := m.Unit
	switch {
	case !v.IsNumeric() || v.Unit == u.Written:
		return ""
	case !u.Required && v.Unit == value.None:
		v.Unit = u.Written
		return ""
	}
	return "measure " + m.ID + " " + u.Mismatch(what, v.Raw, v.Unit)
}

func (l *loader) status(d *doc, n *yaml.Node, m *report.Measure) *report.Status {
	code, ok := d.str(n, "status")
	if !ok || code == "" {
		return nil
	}
	if st := l.site.StatusByCode(code); st != nil {
		return st
	}
	for _, st := range l.site.Statuses {
		if strings.EqualFold(st.Code, code) {
			d.errorf(n, "measure %s: status %q is not on the status scale; did you mean %q? (codes are case-sensitive)", m.ID, code, st.Code)
			return nil
		}
	}
	codes := make([]string, len(l.site.Statuses))
	for i, st := range l.site.Statuses {
		codes[i] = strconv.Quote(st.Code)
	}
	d.errorf(n, "measure %s: status %q is not on the status scale; use one of %s, or add it to the statuses in %s", m.ID, code, list(codes), siteFile)
	return nil
}
