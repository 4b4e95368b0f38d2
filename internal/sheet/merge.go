package sheet

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing/fstest"

	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
	"scorecard/internal/load"
	"scorecard/internal/report"
)

// An import into an edition that has a data file merges the sheet into it:
// the whole file is the base, and the sheet's cells that are not blank are
// applied on top. What the sheet does not speak about is kept as the file
// has it: draft: true and the published date, every measure the sheet
// leaves out, every field a blank cell leaves out, the notes' text the
// sheet does not give, and the file's comments and layout where they can
// be kept. A cell of "-" is not blank: see Row.
//
// A measure the file gives as a list of rows, one for each of several
// periods, keeps the rows the sheet does not speak about: each of the
// sheet's rows for the measure is applied to the file's row for the same
// period (rowKey), or added to the list. A measure with one row in the
// sheet and at most one in the file is one row, and the sheet's period
// cell is applied to it as any other cell.

// Base is what an import merges into: the quarter's data file, when there
// is one, and the site's configuration and catalogue, which the file is
// read with, as the loader reads it.
type Base struct {
	SiteYAML  []byte // data/site.yaml
	Catalogue []byte // data/measures.yaml
	Data      []byte // the quarter's data file; nil when there is none
}

// ReadBase reads from the site folder what an import into edition id of
// site s merges into. It reads as the loader does: no more than
// load.MaxFileSize a file, and plain files only when fsys refuses others
// (the site's reader does).
func ReadBase(fsys fs.FS, s *report.Site, id report.Period) (Base, error) {
	var b Base
	var err error
	if b.SiteYAML, err = readLimited(fsys, SiteFile); err != nil {
		return b, err
	}
	if b.Catalogue, err = readLimited(fsys, CatalogueFile); err != nil {
		return b, err
	}
	b.Data, err = readLimited(fsys, s.EditionFile(id))
	if errors.Is(err, fs.ErrNotExist) {
		return b, nil
	}
	return b, err
}

func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, but Scorecard needs a file there; move it aside, then import again", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, load.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", name, err)
	}
	if len(data) > load.MaxFileSize {
		return nil, fmt.Errorf("%s is larger than %d MiB, which scorecard build refuses; split it or remove what does not belong in it, then import again", name, load.MaxFileSize>>20)
	}
	if data == nil {
		data = []byte{} // an empty file is a file, not a missing one
	}
	return data, nil
}

// FileErrors are the errors scorecard build finds in the quarter file an
// import would merge into. The import keeps whatever the sheet does not
// replace, so it writes nothing until they are fixed.
type FileErrors struct {
	Path string
	List diag.List
}

func (e *FileErrors) Error() string { return e.List.Error() }

// ErrTooLarge is returned when the quarter file would be larger than the
// build reads.
var ErrTooLarge = fmt.Errorf("the edition's data file would be larger than %d MiB, which scorecard build refuses", load.MaxFileSize>>20)

// FieldChange is one field of a measure that the import sets, changes or
// clears.
type FieldChange struct {
	Field    string // target, actual, status, period or notes
	Old, New string // "" when blank; notes as their labels, "1, 2"
}

// Replaces reports whether the change replaces a value the file already
// has, rather than filling in a blank one.
func (c FieldChange) Replaces() bool { return c.Old != "" }

// MeasureChange is what the import does to one row the sheet has: a
// measure, or one of its rows when the measure has rows for several
// periods.
type MeasureChange struct {
	Measure *report.Measure
	Added   bool          // the edition's file did not have the row
	Fields  []FieldChange // none when the sheet agrees with the file
	// Period names the period of the row, such as "April 2016", when the
	// sheet or the file has rows for several periods of the measure; ""
	// otherwise.
	Period string
}

// Changed reports whether the import changes the measure.
func (c *MeasureChange) Changed() bool { return c.Added || len(c.Fields) > 0 }

// Replaces counts the values already set that the import replaces.
func (c *MeasureChange) Replaces() int {
	n := 0
	for _, f := range c.Fields {
		if f.Replaces() {
			n++
		}
	}
	return n
}

// NoteChange is a note the import adds, or whose text it changes.
type NoteChange struct {
	Theme    *report.Theme
	Label    string
	Added    bool   // the quarter file had no such note
	Known    bool   // New is the note's text; false: the sheet gives none, and the note is added without text
	Old, New string // the text
}

// Merged is the quarter file an import writes, and what it changes.
type Merged struct {
	Path      string           // data/quarters/2016-17-q3.yaml
	Existed   bool             // the file was there, and the import merges into it
	Draft     bool             // the file says draft: true; a new file does
	Published string           // the file's published: date
	Data      []byte           // the file to write
	Measures  []*MeasureChange // the sheet's measures, in catalogue order
	Kept      []*report.Measure
	Absent    []*report.Measure // in neither the sheet nor the file
	Notes     []*NoteChange
	Missing   []*Note // notes the rows refer to whose text neither the sheet nor the file gives

	// Rewritten is true when the file could not be edited in place and
	// was written afresh from what it holds: its comments and layout are
	// lost. LostComments lists comments lost otherwise.
	Rewritten    bool
	LostComments []string
}

// Changed reports whether the import changes the quarter file (or makes
// it).
func (m *Merged) Changed() bool {
	if !m.Existed || len(m.Notes) > 0 {
		return true
	}
	for _, c := range m.Measures {
		if c.Changed() {
			return true
		}
	}
	return false
}

// rowValues is what an edition's file says in one row of a measure.
type rowValues struct {
	target, actual, status, period string
	notes                          []string
	// more is what the row says that a sheet does not (targets:,
	// comparators:, direction:), as text, so that what is written is
	// checked to keep it.
	more string
}

func (c rowValues) equal(d rowValues) bool {
	return c.target == d.target && c.actual == d.actual && c.status == d.status && c.period == d.period && slices.Equal(c.notes, d.notes) && c.more == d.more
}

// modelRow is a row of the file the import means to write.
type modelRow struct {
	rowValues
	from    int             // the index of the file's row it is, in model.old; -1 when new
	fields  map[string]bool // the fields the import changes
	matched bool            // a row of the sheet is applied to it
}

var rowFields = []string{"target", "actual", "status", "period", "notes"}

func (c rowValues) get(field string) string {
	switch field {
	case "target":
		return c.target
	case "actual":
		return c.actual
	case "status":
		return c.status
	case "period":
		return c.period
	}
	return strings.Join(c.notes, ", ")
}

func rowCells(r *report.Row) rowValues {
	c := rowValues{target: r.Target.Raw, actual: r.Actual.Raw, period: r.Period}
	var more strings.Builder
	for _, f := range slices.Concat(r.Targets, r.Comparators) {
		fmt.Fprintf(&more, "%q ", []string{f.Series.ID, f.Value.Raw, f.Period, f.Source})
	}
	if d := r.PublishedDirection; d != nil {
		fmt.Fprintf(&more, "direction %q", d.Raw)
	}
	c.more = more.String()
	if r.Status != nil {
		c.status = r.Status.Code
	}
	for _, n := range r.Notes {
		c.notes = append(c.notes, n.Label)
	}
	return c
}

// apply puts the sheet's row r on top of what the file has: a blank cell
// keeps the file's value, a cleared one removes it.
func apply(c rowValues, r *Row) rowValues {
	if r.Target != "" {
		c.target = r.Target
	}
	if r.Actual != "" {
		c.actual = r.Actual
	}
	if r.Status != "" || slices.Contains(r.Cleared, "status") {
		c.status = r.Status
	}
	if r.Period != "" || slices.Contains(r.Cleared, "period") {
		c.period = r.Period
	}
	if len(r.Notes) > 0 || slices.Contains(r.Cleared, "notes") {
		c.notes = r.Notes
	}
	return c
}

// model is the edition's file the import means to write, by measure id
// and by theme id and note label, to check what is written against.
type model struct {
	rows      map[string][]*modelRow // each measure's rows
	old       map[string][]rowValues // each measure's rows in the file merged into
	key       func(m *report.Measure, period string) rowKey
	notes     map[[2]string]string // the text of every note
	unknown   map[[2]string]bool   // notes added without text
	draft     bool
	published string
}

// Merge applies q, the quarter as the sheet gives it, on top of the
// quarter's data file in base, and returns the file to write and what it
// changes. Without a file, it makes one from the sheet alone, marked
// draft. The file is checked as the build reads it, before and after: a
// file the build refuses is not merged into (a *FileErrors lists its
// errors), and what Merge returns reads back as it means it to. from
// names the sheet, for a comment at the top of a new file.
func Merge(s *report.Site, q *Quarter, base Base, from string) (*Merged, error) {
	path := s.EditionFile(q.ID)
	m := &Merged{Path: path, Draft: true}
	mod := model{rows: map[string][]*modelRow{}, old: map[string][]rowValues{}, notes: map[[2]string]string{}, unknown: map[[2]string]bool{}, draft: true,
		key: func(meas *report.Measure, period string) rowKey { return keyOf(s, meas, q.ID, period) }}
	if base.Data != nil {
		old, errs := loadQuarter(base, path, base.Data, q.ID)
		if errs != nil {
			return nil, &FileErrors{Path: path, List: errs}
		}
		m.Existed, m.Draft, m.Published = true, old.Draft, old.Published
		mod.draft, mod.published = old.Draft, old.Published
		// A measure's rows in the order the file has them.
		rows := slices.Concat(old.Rows, old.More)
		slices.SortStableFunc(rows, func(a, b *report.Row) int {
			if a.Pos.Line != b.Pos.Line {
				return a.Pos.Line - b.Pos.Line
			}
			return a.Pos.Col - b.Pos.Col
		})
		for _, r := range rows {
			mod.old[r.Measure.ID] = append(mod.old[r.Measure.ID], rowCells(r))
		}
		for _, n := range old.Notes {
			for _, l := range n.Labels {
				mod.notes[[2]string{n.Theme.ID, l}] = n.Text
			}
		}
	}

	sheetRows := map[string][]*Row{}
	for _, r := range q.Rows {
		sheetRows[r.Measure.ID] = append(sheetRows[r.Measure.ID], r)
	}
	for _, meas := range s.Measures {
		old := mod.old[meas.ID]
		rows := make([]*modelRow, len(old))
		for i, c := range old {
			rows[i] = &modelRow{rowValues: c, from: i}
		}
		mod.rows[meas.ID] = rows
		rs := sheetRows[meas.ID]
		if len(rs) == 0 {
			if len(old) > 0 {
				m.Kept = append(m.Kept, meas)
			} else {
				m.Absent = append(m.Absent, meas)
			}
			continue
		}
		several := len(rs) > 1 || len(old) > 1
		for _, r := range rs {
			c := &MeasureChange{Measure: meas}
			var row *modelRow
			k := mod.key(meas, r.Period)
			if !several && len(rows) == 1 {
				row = rows[0]
			} else if several {
				c.Period = k.describe()
				for _, o := range rows {
					if o.from >= 0 && !o.matched && mod.key(meas, o.period) == k {
						row = o
						break
					}
				}
			}
			if row == nil {
				c.Added = true
				row = &modelRow{from: -1}
				rows = insertRow(rows, row, k, mod.key, meas)
			}
			row.matched = true
			if several && !c.Added && r.Period != "" {
				// The row is the file's for the same period: its period
				// stays as the file writes it (Apr 2016, not 2016-04).
				same := *r
				same.Period = row.period
				r = &same
			}
			merged := apply(row.rowValues, r)
			for _, f := range rowFields {
				if o, n := row.get(f), merged.get(f); o != n {
					c.Fields = append(c.Fields, FieldChange{Field: f, Old: o, New: n})
					if row.fields == nil {
						row.fields = map[string]bool{}
					}
					row.fields[f] = true
				}
			}
			row.rowValues = merged
			m.Measures = append(m.Measures, c)
		}
		mod.rows[meas.ID] = rows
	}

	missing := map[noteKey]noteText{}
	for _, n := range q.Notes {
		for _, l := range n.Labels {
			k := [2]string{n.Theme.ID, l}
			old, had := mod.notes[k]
			switch {
			case !n.Known && had:
				// The sheet refers to the note; the file gives its text.
			case !n.Known:
				mod.notes[k], mod.unknown[k] = "", true
				missing[noteKey{n.Theme, l}] = noteText{}
				m.Notes = append(m.Notes, &NoteChange{Theme: n.Theme, Label: l, Added: true})
			case !had:
				mod.notes[k] = n.Text
				m.Notes = append(m.Notes, &NoteChange{Theme: n.Theme, Label: l, Added: true, Known: true, New: n.Text})
			case old != n.Text:
				mod.notes[k] = n.Text
				m.Notes = append(m.Notes, &NoteChange{Theme: n.Theme, Label: l, Known: true, Old: old, New: n.Text})
			}
		}
	}
	m.Missing = groupNotes(s.AllThemes(), missing)

	switch {
	case !m.Existed:
		fresh := *q
		fresh.Draft = true
		m.Data = fresh.YAML(from)
		if err := mod.check(base, path, m.Data, q.ID); err != nil {
			return nil, err
		}
	case !m.Changed():
		m.Data = base.Data
	default:
		if err := m.write(s, q, base, mod, from); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// insertRow puts row, new to a measure's rows, whose key is k, before the
// first row of a later period, so that the rows of a list are in order of
// their periods as far as the file had them so; a row of a period the
// loader cannot read goes last.
func insertRow(rows []*modelRow, row *modelRow, k rowKey, key func(*report.Measure, string) rowKey, m *report.Measure) []*modelRow {
	if k.text == "" {
		for i, o := range rows {
			if ok := key(m, o.period); ok.text == "" && ok.when.Compare(k.when) > 0 {
				return slices.Insert(rows, i, row)
			}
		}
	}
	return append(rows, row)
}

// write makes the merged file: the old file with the changes made in
// place, keeping its comments, or when that cannot be done, the file
// written afresh.
func (m *Merged) write(s *report.Site, q *Quarter, base Base, mod model, from string) error {
	edited, changed, err := edit(s, base.Data, m, mod)
	var restored []byte
	if err == nil {
		restored = restore(base.Data, edited, changed)
	}
	var tried []error
	if err == nil {
		for _, data := range [][]byte{restored, edited} {
			if data == nil {
				continue
			}
			if err := mod.check(base, m.Path, data, q.ID); errors.Is(err, ErrTooLarge) {
				return err // written afresh, it would lose its comments to fit
			} else if err != nil {
				tried = append(tried, err)
				continue
			}
			m.Data = data
			m.LostComments = lostComments(base.Data, data)
			return nil
		}
	}
	// Written afresh from what the file means, as a new file is.
	fresh := &Quarter{ID: q.ID, Key: q.Key, Draft: mod.draft, Published: mod.published}
	for _, meas := range s.Measures {
		for _, c := range mod.rows[meas.ID] {
			fresh.Rows = append(fresh.Rows, &Row{Measure: meas, Target: c.target, Actual: c.actual, Status: c.status, Period: c.period, Notes: c.notes})
		}
	}
	texts := map[noteKey]noteText{}
	for _, t := range s.AllThemes() {
		for k, text := range mod.notes {
			if k[0] == t.ID {
				texts[noteKey{t, k[1]}] = noteText{text: text, known: !mod.unknown[k]}
			}
		}
	}
	fresh.Notes = groupNotes(s.AllThemes(), texts)
	data := fresh.YAML(from)
	if err := mod.check(base, m.Path, data, q.ID); err != nil {
		if errors.Is(err, ErrTooLarge) {
			return err
		}
		return fmt.Errorf("%s: the import could not write the merged file so that it reads back as meant (%v); this is a mistake in Scorecard: please report it, with the file and the sheet. Nothing was written", m.Path, errors.Join(append(tried, err)...))
	}
	m.Data, m.Rewritten = data, true
	return nil
}

// loadQuarter reads data as quarter id's file, path, with the loader, in a
// site of nothing but the configuration and catalogue of base. It returns
// the errors found in the file, or nil.
func loadQuarter(base Base, path string, data []byte, id report.Period) (*report.Quarter, diag.List) {
	fsys := fstest.MapFS{
		SiteFile:      &fstest.MapFile{Data: base.SiteYAML},
		CatalogueFile: &fstest.MapFile{Data: base.Catalogue},
		path:          &fstest.MapFile{Data: data},
	}
	s, findings := load.Site(fsys)
	var errs diag.List
	for _, d := range findings {
		if d.Severity == diag.Error && d.Pos.File == path {
			errs = append(errs, d)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for _, q := range s.Quarters {
		if q.ID == id {
			return q, nil
		}
	}
	var none diag.List
	none.Errorf(diag.Pos{File: path}, "the file could not be read as the edition %s", id)
	return nil, none
}

// check loads data and compares it with what the import means to write.
func (mod model) check(base Base, path string, data []byte, id report.Period) error {
	if len(data) > load.MaxFileSize {
		return ErrTooLarge
	}
	q, errs := loadQuarter(base, path, data, id)
	if errs != nil {
		return fmt.Errorf("the build refuses it: %v", errs)
	}
	if q.Draft != mod.draft || q.Published != mod.published {
		return fmt.Errorf("it reads back with draft %v and published %q, not %v and %q", q.Draft, q.Published, mod.draft, mod.published)
	}
	read := map[string][]rowValues{}
	for _, r := range slices.Concat(q.Rows, q.More) {
		read[r.Measure.ID] = append(read[r.Measure.ID], rowCells(r))
	}
	for id, rows := range mod.rows {
		var want []rowValues
		for _, r := range rows {
			want = append(want, r.rowValues)
		}
		got := read[id]
		// The loader puts the edition's own row first: compare the rows
		// in one order.
		for _, l := range [][]rowValues{got, want} {
			slices.SortStableFunc(l, func(a, b rowValues) int { return strings.Compare(fmt.Sprintf("%#v", a), fmt.Sprintf("%#v", b)) })
		}
		if !slices.EqualFunc(got, want, rowValues.equal) {
			return fmt.Errorf("measure %s reads back as %+v, not %+v", id, got, want)
		}
		delete(read, id)
	}
	for id := range read {
		return fmt.Errorf("measure %s is in the file but not meant to be", id)
	}
	notes := map[[2]string]string{}
	for _, n := range q.Notes {
		for _, l := range n.Labels {
			notes[[2]string{n.Theme.ID, l}] = n.Text
		}
	}
	for k, want := range mod.notes {
		if got, ok := notes[k]; !ok || got != want {
			return fmt.Errorf("note %s of %s reads back as %q (%v), not %q", k[1], k[0], got, ok, want)
		}
		delete(notes, k)
	}
	for k := range notes {
		return fmt.Errorf("note %s of %s is in the file but not meant to be", k[1], k[0])
	}
	return nil
}

// edit makes the changes in the file's YAML, keeping its comments, and
// writes it with yaml.v3. It returns that, and the ids of the measures
// whose rows it changed.
func edit(s *report.Site, data []byte, m *Merged, mod model) (edited []byte, changed map[string]bool, err error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil, errors.New("the file is not one mapping")
	}
	top := doc.Content[0]
	measures := mapValue(top, "measures")
	if measures == nil || measures.Kind != yaml.MappingNode {
		return nil, nil, errors.New("the file has no measures mapping")
	}
	indent := 2
	if len(measures.Content) > 0 && measures.Style&yaml.FlowStyle == 0 {
		if c := measures.Content[0].Column - 1; c >= 2 && c <= 9 {
			indent = c
		}
	}

	catalogue := map[string]int{}
	byID := map[string]*report.Measure{}
	for i, meas := range s.Measures {
		catalogue[meas.ID], byID[meas.ID] = i, meas
	}
	changed = map[string]bool{}
	for _, c := range m.Measures {
		id := c.Measure.ID
		if !c.Changed() || changed[id] {
			continue // a measure's rows are made at its first changed row
		}
		changed[id] = true
		if i := keyIndex(measures, id); i >= 0 {
			v, err := rowsNode(measures.Content[i+1], c.Measure, mod)
			if err != nil {
				return nil, nil, err
			}
			measures.Content[i+1] = v
			continue
		}
		// A measure new to the file goes where the catalogue puts it:
		// before the first measure that comes after it.
		at := len(measures.Content)
		for i := 0; i < len(measures.Content); i += 2 {
			if j, ok := catalogue[measures.Content[i].Value]; ok && j > catalogue[id] {
				at = i
				break
			}
		}
		key := load.TextNode(id)
		var prev, next *report.Measure
		if at > 0 {
			prev = byID[measures.Content[at-2].Value]
		}
		if at < len(measures.Content) {
			next = byID[measures.Content[at].Value]
		}
		theme := c.Measure.Theme
		switch {
		case next != nil && next.Theme == theme && measures.Content[at].HeadComment != "":
			// The theme's heading moves up to its new first measure.
			key.HeadComment, measures.Content[at].HeadComment = measures.Content[at].HeadComment, ""
		case (prev == nil || prev.Theme != theme) && theme != nil:
			key.HeadComment = "# " + load.Comment(theme.Title)
		}
		v, err := rowsNode(nil, c.Measure, mod)
		if err != nil {
			return nil, nil, err
		}
		measures.Content = slices.Insert(measures.Content, at, key, v)
		if measures.Style&yaml.FlowStyle != 0 && len(measures.Content) == 2 {
			measures.Style = 0 // measures: {} becomes a list of measures
		}
	}
	if len(m.Notes) > 0 {
		editNotes(s, top, m.Notes, mod)
	}

	edited, err = load.EncodeNode(&doc, indent)
	if err != nil {
		return nil, nil, err
	}
	return edited, changed, nil
}

// mapValue returns the value of key in the mapping n, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if i := keyIndex(n, key); i >= 0 {
		return n.Content[i+1]
	}
	return nil
}

// keyIndex returns the index of key in the mapping n's content, or -1.
func keyIndex(n *yaml.Node, key string) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Kind == yaml.ScalarNode && n.Content[i].Value == key {
			return i
		}
	}
	return -1
}

// rowsNode makes measure m's rows, as mod means them, from old, the
// measure's value in the file (nil when the file does not list it): one
// row, or a list of them. Each of the file's rows keeps its place and
// form, and the rows the import does not change are kept as they are.
func rowsNode(old *yaml.Node, m *report.Measure, mod model) (*yaml.Node, error) {
	var items []*yaml.Node
	switch {
	case old == nil:
	case old.Kind == yaml.SequenceNode:
		items = old.Content
	default:
		items = []*yaml.Node{old}
	}
	// Each of the file's rows, as the loader read them (mod.old), is the
	// first item not yet taken with its period.
	was := mod.old[m.ID]
	itemOf := make([]*yaml.Node, len(was))
	taken := make([]bool, len(items))
	for j, o := range was {
		k := mod.key(m, o.period)
		for x, item := range items {
			if !taken[x] && (len(items) == 1 && len(was) == 1 || mod.key(m, periodOf(item)) == k) {
				itemOf[j], taken[x] = item, true
				break
			}
		}
		if itemOf[j] == nil {
			return nil, fmt.Errorf("measure %s: the file's row for %s was not found", m.ID, k.describe())
		}
	}
	if slices.Contains(taken, false) {
		return nil, fmt.Errorf("measure %s: the file has a row the loader did not read", m.ID)
	}
	rows := mod.rows[m.ID]
	var nodes []*yaml.Node
	for _, r := range rows {
		switch {
		case r.from < 0:
			nodes = append(nodes, load.RowNode(editionRow(r.rowValues), len(rows) > 1))
		case len(r.fields) == 0:
			nodes = append(nodes, itemOf[r.from])
		default:
			nodes = append(nodes, rowNode(itemOf[r.from], r.rowValues, r.fields))
		}
	}
	if len(nodes) == 1 && (old == nil || old.Kind != yaml.SequenceNode) {
		return nodes[0], nil
	}
	list := &yaml.Node{Kind: yaml.SequenceNode}
	if old != nil && old.Kind == yaml.SequenceNode {
		keepComments(list, old)
		list.Style, list.Tag = old.Style, old.Tag
	}
	list.Content = nodes
	return list, nil
}

// periodOf is the period: a row of the file gives, or "".
func periodOf(item *yaml.Node) string {
	if item.Kind != yaml.MappingNode {
		return ""
	}
	if p := mapValue(item, "period"); p != nil && p.Kind == yaml.ScalarNode {
		return p.Value
	}
	return ""
}

// rowNode makes a measure's row: old, the row in the file (nil for a new
// one), with the fields named in changed set to what c has. The fields the
// import does not change keep their place and form, blank ones too.
func rowNode(old *yaml.Node, c rowValues, changed map[string]bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	seen := map[string]bool{}
	if old != nil {
		keepComments(n, old)
		if old.Kind == yaml.MappingNode {
			n.Style, n.Tag = old.Style, old.Tag
			for i := 0; i+1 < len(old.Content); i += 2 {
				k, v := old.Content[i], old.Content[i+1]
				seen[k.Value] = true
				if !changed[k.Value] {
					n.Content = append(n.Content, k, v)
				} else if f := fieldNode(k.Value, c); f != nil {
					keepComments(f, v)
					n.Content = append(n.Content, k, f)
				}
			}
		}
	}
	// A field new to the row goes after the last that comes before it in
	// the order of a quarter file (target, actual, status, period, notes),
	// or when there is none, before the first that comes after it; a
	// period written first, as a list's rows write it, stays first.
	for i, field := range rowFields {
		if seen[field] || old != nil && !changed[field] {
			continue
		}
		f := fieldNode(field, c)
		if f == nil {
			continue
		}
		at, after := len(n.Content), -1
		for j := 0; j < len(n.Content); j += 2 {
			k := slices.Index(rowFields, n.Content[j].Value)
			switch {
			case k >= 0 && k < i || j == 0 && n.Content[j].Value == "period":
				after = j + 2
			case k > i && at == len(n.Content):
				at = j
			}
		}
		if after >= 0 {
			at = after
		}
		n.Content = slices.Insert(n.Content, at, load.TextNode(field), f)
	}
	return n
}

// fieldNode is the value of a field of a row, or nil when it is blank.
func fieldNode(field string, c rowValues) *yaml.Node {
	if field == "notes" {
		if len(c.notes) == 0 {
			return nil
		}
		return load.LabelsNode(c.notes)
	}
	if v := c.get(field); v != "" {
		return load.TextNode(v)
	}
	return nil
}

func keepComments(to, from *yaml.Node) {
	to.HeadComment, to.LineComment, to.FootComment = from.HeadComment, from.LineComment, from.FootComment
}

// editNotes makes the note changes in the file's notes: list. A note whose
// text changes for all its labels keeps its place; labels whose text
// changes apart from the rest of their note, and notes new to the file,
// are added at the end of the list, theme by theme.
func editNotes(s *report.Site, top *yaml.Node, changes []*NoteChange, mod model) {
	list := mapValue(top, "notes")
	if list == nil || list.Kind != yaml.SequenceNode {
		fresh := &yaml.Node{Kind: yaml.SequenceNode}
		if i := keyIndex(top, "notes"); i >= 0 {
			keepComments(fresh, top.Content[i+1])
			top.Content[i+1] = fresh
		} else {
			top.Content = append(top.Content, load.TextNode("notes"), fresh)
		}
		list = fresh
	}
	changedText := map[[2]string]bool{}
	added := map[noteKey]noteText{}
	themes := map[string]*report.Theme{}
	for _, c := range changes {
		themes[c.Theme.ID] = c.Theme
		if c.Added {
			added[noteKey{c.Theme, c.Label}] = noteText{text: c.New, known: c.Known}
		} else {
			changedText[[2]string{c.Theme.ID, c.Label}] = true
		}
	}
	var keep []*yaml.Node
	for _, item := range list.Content {
		theme := mapValue(item, "theme")
		labelList := mapValue(item, "labels")
		if theme == nil || labelList == nil {
			keep = append(keep, item)
			continue
		}
		var moved, stay []*yaml.Node
		text, same := "", true // the new text, and whether the labels moved share it
		for _, l := range labelList.Content {
			k := [2]string{theme.Value, l.Value}
			if !changedText[k] {
				stay = append(stay, l)
				continue
			}
			if len(moved) == 0 {
				text = mod.notes[k]
			} else if text != mod.notes[k] {
				same = false
			}
			moved = append(moved, l)
		}
		switch {
		case len(moved) == 0:
			keep = append(keep, item)
		case len(stay) == 0 && same:
			// The note's text changes for all its labels: in place. The
			// comment an import writes above a note without text goes.
			if item.HeadComment == noTextComment {
				item.HeadComment = ""
			}
			i := keyIndex(item, "text")
			switch {
			case text == "" && i >= 0:
				item.Content = slices.Delete(item.Content, i, i+2)
			case i >= 0:
				f := load.TextNode(text)
				keepComments(f, item.Content[i+1])
				item.Content[i+1] = f
			case text != "":
				item.Content = append(item.Content, load.TextNode("text"), load.TextNode(text))
			}
			keep = append(keep, item)
		default:
			labelList.Content = stay
			if len(stay) > 0 {
				keep = append(keep, item)
			}
			t := themes[theme.Value]
			for _, l := range moved {
				added[noteKey{t, l.Value}] = noteText{text: mod.notes[[2]string{theme.Value, l.Value}], known: true}
			}
		}
	}
	list.Content = keep
	// Each new note goes after the last of its theme's, or before the
	// first of a theme after its own.
	order := map[string]int{}
	for i, t := range s.AllThemes() {
		order[t.ID] = i
	}
	for _, n := range groupNotes(s.AllThemes(), added) {
		at := len(list.Content)
		for i, item := range list.Content {
			theme := mapValue(item, "theme")
			if theme == nil {
				continue
			}
			if j, ok := order[theme.Value]; ok && j > order[n.Theme.ID] {
				at = i
				break
			}
		}
		for i, item := range list.Content {
			if theme := mapValue(item, "theme"); theme != nil && theme.Value == n.Theme.ID {
				at = i + 1
			}
		}
		list.Content = slices.Insert(list.Content, at, load.NoteNode(editionNote(n)))
	}
}

// restore puts back, in edited (the file as yaml.v3 writes it), the line
// of each measure the import leaves alone (not in changed) as the file
// orig had it, when the measure takes one line in both and nothing else is
// on that line. It returns nil when the lines cannot be matched.
func restore(orig, edited []byte, changed map[string]bool) []byte {
	var origDoc, editedDoc yaml.Node
	if yaml.Unmarshal(orig, &origDoc) != nil || yaml.Unmarshal(edited, &editedDoc) != nil ||
		len(origDoc.Content) != 1 || len(editedDoc.Content) != 1 {
		return nil
	}
	origRows := mapValue(origDoc.Content[0], "measures")
	editedRows := mapValue(editedDoc.Content[0], "measures")
	if origRows == nil || editedRows == nil || origRows.Kind != yaml.MappingNode || editedRows.Kind != yaml.MappingNode {
		return nil
	}
	origLines := strings.SplitAfter(string(orig), "\n")
	lines := strings.SplitAfter(string(edited), "\n")
	for i := 0; i+1 < len(editedRows.Content); i += 2 {
		k, v := editedRows.Content[i], editedRows.Content[i+1]
		if changed[k.Value] {
			continue
		}
		j := keyIndex(origRows, k.Value)
		if j < 0 {
			continue
		}
		ok, ov := origRows.Content[j], origRows.Content[j+1]
		if ok.Column != k.Column || !alone(origLines, ok, ov) || !alone(lines, k, v) {
			continue
		}
		lines[k.Line-1] = strings.TrimRight(origLines[ok.Line-1], "\r\n") + "\n"
	}
	out := []byte(strings.Join(lines, ""))
	// Putting the lines back must neither add nor lose a comment.
	if !slices.Equal(commentLines(edited), commentLines(out)) {
		return nil
	}
	return out
}

// alone reports whether the row of key k, value v, is on k's line alone:
// the line holds nothing else, and reads by itself as the same row.
func alone(lines []string, k, v *yaml.Node) bool {
	if k.Line < 1 || k.Line > len(lines) {
		return false
	}
	line := lines[k.Line-1]
	if len(line) < k.Column || strings.Trim(line[:k.Column-1], " ") != "" {
		return false
	}
	if !(v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle != 0 || v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
		return false
	}
	var one yaml.Node
	if yaml.Unmarshal([]byte(strings.TrimSpace(line)), &one) != nil || len(one.Content) != 1 {
		return false
	}
	row := one.Content[0]
	return row.Kind == yaml.MappingNode && len(row.Content) == 2 && row.Content[0].Value == k.Value &&
		row.Content[1].Kind == v.Kind && len(row.Content[1].Content) == len(v.Content)
}

// commentLines lists the comment lines of a YAML file, sorted, or nil when
// it is not YAML.
func commentLines(data []byte) []string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return nil
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, l := range strings.Split(c, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					out = append(out, l)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	slices.Sort(out)
	return out
}

// lostComments lists the comment lines of old that written lacks, but for
// the comment asking for a note's text, which goes when the text comes.
func lostComments(old, written []byte) []string {
	have := map[string]int{}
	for _, l := range commentLines(written) {
		have[l]++
	}
	var lost []string
	for _, l := range commentLines(old) {
		if strings.Contains(noTextComment, l) {
			continue
		}
		if have[l] > 0 {
			have[l]--
		} else {
			lost = append(lost, l)
		}
	}
	return lost
}
