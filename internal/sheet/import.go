package sheet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"scorecard/internal/diag"
	"scorecard/internal/load"
	"scorecard/internal/report"
)

// CatalogueFile is the measure catalogue, which every measure id must be in.
const CatalogueFile = "data/measures.yaml"

// Quarter is one edition's scorecard as read from a sheet: a quarter, or
// the month, half-year or year of a site that publishes so.
type Quarter struct {
	ID        report.Period
	Rows      []*Row  // in catalogue order; a measure's rows for several periods together, in the sheet's order
	Notes     []*Note // the notes the rows refer to, theme by theme
	Draft     bool    // YAML writes "draft: true"
	Published string  // the publication date, for YAML to write
	// Key is the site's first key of an edition file, s.EditionKey():
	// quarter, month, half or year; "" is quarter.
	Key string
}

func (q *Quarter) key() string {
	if q.Key == "" {
		return "quarter"
	}
	return q.Key
}

// Row is one measure's cells, as the sheet shows them. A blank cell is
// "": the sheet says nothing about that field, and an import into an
// existing quarter file keeps what the file has. A cell holding "-" (or
// "–") says deliberately that there is nothing: a target or actual of "-"
// is the value "not applicable", kept as it is; a status, period or notes
// of "-" are left out, and Cleared names them, so that an import clears
// what the file has.
type Row struct {
	Measure                        *report.Measure
	Target, Actual, Status, Period string
	Notes                          []string // the labels of the notes the row refers to
	Cleared                        []string // the fields, of status, period and notes, whose cell is "-"
	Pos                            diag.Pos // the row's measure cell
}

// clears reports whether text is the "-" that clears a status, period or
// notes.
func clears(text string) bool {
	text = strings.TrimSpace(text)
	return text == "-" || text == "–"
}

// Note is one note text and the labels of a theme that share it.
type Note struct {
	Theme  *report.Theme
	Labels []string
	Text   string
	// Known is false for labels the rows refer to whose text neither the
	// sheet nor the file being replaced gives: the author must add it.
	Known bool
}

// ParseQuarter reads a sheet's quarter cell, in any of the spellings
// report.ParseQuarterID reads: 2016-17 Q2, 2016/17 Q2, Q2 2016/17,
// 2016-17-q2 and more. A site that publishes other editions reads them
// with s.ParseEdition.
func ParseQuarter(s string) (report.Period, error) {
	return report.ParseQuarterID(s)
}

// Measures counts the measures the sheet gives figures for: a measure with
// rows for several periods counts once.
func (q *Quarter) Measures() int {
	n := 0
	for i, r := range q.Rows {
		if i == 0 || q.Rows[i-1].Measure != r.Measure {
			n++
		}
	}
	return n
}

// rowKey is what tells a measure's rows in one edition apart: the period
// its figure is for, as the loader reads the row's period: (the edition's
// own when it has none, the year to date for a cumulative measure), or the
// text of a period: the loader cannot read. Two rows of a measure with
// one key are one row written twice.
type rowKey struct {
	when report.Period
	text string
}

// keyOf is the key of measure m's row with period text in edition.
func keyOf(s *report.Site, m *report.Measure, edition report.Period, text string) rowKey {
	p := edition
	if text != "" {
		var err error
		if p, err = report.ParsePeriod(text, s.Years); err != nil {
			return rowKey{text: text}
		}
	}
	// A cumulative measure's figure counts from the start of the year, as
	// the loader reads it.
	return rowKey{when: m.FigureOf(p)}
}

// describe names the period of a row with key k, for messages.
func (k rowKey) describe() string {
	if k.text != "" {
		return strconv.Quote(clip(k.text))
	}
	return k.when.Label()
}

// columns is where the sheet keeps each field: a column number from 1, or
// 0 when the sheet has no such column.
type columns map[string]int

// MaxShown is how many problems an import lists: the first, by cell. A
// sheet with a problem in every row would otherwise print a line for each
// of thousands of rows, and keep them all in memory.
const MaxShown = 100

// Problems are what stop an import, each at its cell.
type Problems struct {
	List  diag.List // the first MaxShown, sorted by cell
	Total int       // how many there are in all
}

// Error lists the problems one a line, then says how many more there are.
func (p *Problems) Error() string {
	s := p.List.Error()
	if more := p.Total - len(p.List); more > 0 {
		s += fmt.Sprintf("\n... and %s more %s, not listed; fix these first, then import again to see the rest", withCommas(more), plural(more, "problem", "problems"))
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// problems collects the first MaxShown problems by cell, and counts them
// all, keeping no more than twice MaxShown at any time.
type problems struct {
	list  diag.List
	total int
}

func (p *problems) Errorf(pos diag.Pos, format string, args ...any) {
	p.total++
	p.list.Errorf(pos, format, args...)
	if len(p.list) >= 2*MaxShown {
		p.list.Sort()
		p.list = slices.Clip(p.list[:MaxShown])
	}
}

// result returns the problems found, or nil.
func (p *problems) result() *Problems {
	if p.total == 0 {
		return nil
	}
	p.list.Sort()
	return &Problems{List: p.list[:min(len(p.list), MaxShown)], Total: p.total}
}

// Import reads quarter id's scorecard from sh: one row per measure of the
// site's catalogue, each value checked as the loader would check it, so
// that the build accepts whatever the import writes. It returns the
// problems that stop it, each at the cell it concerns.
func Import(sh *Sheet, s *report.Site, id report.Period, cfg Config) (*Quarter, *Problems) {
	var errs problems
	if sh.empty() {
		if sh.Name != "" {
			errs.Errorf(diag.Pos{File: sh.File}, "sheet %q is empty; pick the sheet that holds the scorecard with -sheet", sh.Name)
		} else {
			errs.Errorf(diag.Pos{File: sh.File}, "the file is empty; save the scorecard sheet into it, with a header row naming the columns")
		}
		return nil, errs.result()
	}
	header, cols := findColumns(sh, cfg, &errs)
	if cols == nil {
		return nil, errs.result()
	}
	im := &importer{sh: sh, site: s, id: id, header: header, cols: cols, errs: &errs,
		byID: map[string]*report.Measure{}, seen: map[seenKey]int{}, notes: map[noteKey]*noteText{}}
	for _, m := range s.Measures {
		im.byID[report.Address(m.ID)] = m
	}
	rows := map[*report.Measure][]*Row{}
	others := map[report.Period]bool{}
	for n := header + 1; n <= len(sh.Rows); n++ {
		if sh.blankRow(n) {
			continue
		}
		rowQuarter, ok := im.quarter(n)
		if !ok {
			continue
		}
		if rowQuarter != id {
			others[rowQuarter] = true
			continue
		}
		if r := im.row(n); r != nil {
			rows[r.Measure] = append(rows[r.Measure], r)
		}
	}
	q := &Quarter{ID: id, Key: s.EditionKey()}
	for _, m := range s.Measures {
		q.Rows = append(q.Rows, rows[m]...)
	}
	if len(q.Rows) == 0 && errs.total == 0 {
		if len(others) > 0 {
			var ids []string
			for o := range others {
				ids = append(ids, o.String())
			}
			slices.Sort(ids)
			errs.Errorf(diag.Pos{File: sh.File}, "the sheet has no rows for %s, only for %s; check -%s, or the sheet's %s column", id, joinList(ids), flagName(s), sh.header(header, cols["quarter"]))
		} else {
			errs.Errorf(diag.Pos{File: sh.File, Line: header}, "the sheet has no measures below its header row (row %d); put one measure a row, with its id in the %s column", header, sh.header(header, cols["measure"]))
		}
	}
	q.Notes = im.noteList()
	if p := errs.result(); p != nil {
		return nil, p
	}
	return q, nil
}

func (sh *Sheet) empty() bool {
	for n := range sh.Rows {
		if !sh.blankRow(n + 1) {
			return false
		}
	}
	return true
}

func (sh *Sheet) blankRow(n int) bool {
	for _, c := range sh.Rows[n-1] {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// header returns the header of column col of the header row, for messages.
func (sh *Sheet) header(row, col int) string {
	return strconv.Quote(clip(sh.cell(row, col)))
}

// clip shortens a cell's text for quoting in a message: the first 60
// characters, and an ellipsis.
func clip(text string) string {
	n := 0
	for i := range text {
		if n == 60 {
			return text[:i] + "…"
		}
		n++
	}
	return text
}

// clipped quotes the text of a cell in a message about it: when text is
// long, msg quotes the start of it.
func clipped(msg, text string) string {
	if c := clip(text); c != text {
		return strings.ReplaceAll(msg, strconv.Quote(text), strconv.Quote(c))
	}
	return msg
}

// findColumns finds the header row and the column of each field. It returns
// nil columns when a required column is missing.
func findColumns(sh *Sheet, cfg Config, errs *problems) (int, columns) {
	measure, _ := cfg.Column("measure")
	header := cfg.HeaderRow
	if header == 0 {
		for n := 1; n <= len(sh.Rows) && header == 0; n++ {
			for c := range sh.Rows[n-1] {
				if sameHeader(sh.cell(n, c+1), measure) {
					header = n
					break
				}
			}
		}
		if header == 0 {
			missingColumn(errs, diag.Pos{File: sh.File}, "measure", cfg)
			return 0, nil
		}
	} else if header > len(sh.Rows) {
		errs.Errorf(diag.Pos{File: sh.File}, "import: header_row in %s is %d, but the sheet has only %d rows; set header_row to the row that names the columns, or leave it out", SiteFile, header, len(sh.Rows))
		return 0, nil
	}

	cols := columns{}
	claimed := map[string]bool{} // headers named in the configuration
	for _, f := range report.ImportFields {
		if h, ok := cfg.Column(f); ok {
			claimed[strings.ToLower(h)] = true
		}
	}
	ok := true
	for _, f := range report.ImportFields {
		h, mapped := cfg.Column(f)
		if !mapped && claimed[strings.ToLower(h)] {
			h = "" // the configuration gives this header to another field
		}
		for c := range sh.Rows[header-1] {
			if h == "" || !sameHeader(sh.cell(header, c+1), h) {
				continue
			}
			if first := cols[f]; first != 0 {
				errs.Errorf(sh.pos(header, c+1), "cell %s: a second column is headed %q (the first is column %s); rename one, so that the import knows which to read", CellName(header, c+1), h, ColumnName(first))
				ok = false
				continue
			}
			cols[f] = c + 1
		}
		if cols[f] == 0 && (mapped || slices.Contains(required, f)) {
			missingColumn(errs, diag.Pos{File: sh.File, Line: header}, f, cfg)
			ok = false
		}
	}
	if !ok {
		return header, nil
	}
	return header, cols
}

func missingColumn(errs *problems, pos diag.Pos, field string, cfg Config) {
	where := "the sheet has"
	if pos.Line > 0 {
		where = fmt.Sprintf("the header row (row %d) has", pos.Line)
		if cfg.HeaderRow > 0 {
			where = fmt.Sprintf("the header row (row %d, set by header_row in %s) has", pos.Line, SiteFile)
		}
	}
	if h, mapped := cfg.Column(field); mapped {
		errs.Errorf(pos, "%s no column %q, which %s maps %s to under import: columns:; check the header's spelling there and in the sheet", where, h, SiteFile, field)
		return
	}
	errs.Errorf(pos, "%s no column %q; name a column %s, or map it in %s under import: columns:", where, field, field, SiteFile)
}

func sameHeader(cell, want string) bool { return strings.EqualFold(cell, strings.TrimSpace(want)) }

type importer struct {
	sh     *Sheet
	site   *report.Site
	id     report.Period
	header int // the header row
	cols   columns
	errs   *problems

	byID  map[string]*report.Measure // address of the id -> measure: any case, spacing
	seen  map[seenKey]int            // measure and period -> its first row
	notes map[noteKey]*noteText
	order []noteKey // notes in the order the rows first refer to them
}

// seenKey is a measure's row for one period.
type seenKey struct {
	m   *report.Measure
	key rowKey
}

// flagName is the import's flag that names the edition, as the site's
// messages call it: -quarter for a quarterly report, -edition otherwise.
func flagName(s *report.Site) string {
	if s.EditionKind() == report.QuarterPeriod {
		return "quarter"
	}
	return "edition"
}

// get returns the text of field in row n: "" when the sheet has no such
// column.
func (im *importer) get(n int, field string) (string, diag.Pos, string) {
	c := im.cols[field]
	if c == 0 {
		return "", diag.Pos{}, ""
	}
	return im.sh.cell(n, c), im.sh.pos(n, c), "cell " + CellName(n, c) + ": "
}

// text returns the text of field in row n, as get does, after checking it
// as the loader checks every text of a data file. Text the loader would
// refuse is reported, and read as "".
func (im *importer) text(n int, field string) (string, diag.Pos, string) {
	text, pos, at := im.get(n, field)
	if !utf8.ValidString(text) {
		im.errs.Errorf(pos, "%sthe %s is not text a web page can show (it is not UTF-8); delete the cell's text and type it again", at, field)
		return "", pos, at
	}
	if i := strings.IndexFunc(text, load.IsControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(text[i:])
		im.errs.Errorf(pos, "%sthe %s holds a control character, %U, which a web page cannot show; delete the cell's text and type it again (the character is invisible in most spreadsheets)", at, field, r)
		return "", pos, at
	}
	return text, pos, at
}

// quarter returns the edition row n is for, read from the quarter column
// as the site's editions are (a month of a monthly report): id when the
// sheet has no quarter column. It reports a cell that names no edition of
// the site's kind and returns false.
func (im *importer) quarter(n int) (report.Period, bool) {
	text, pos, at := im.get(n, "quarter")
	if pos.Line == 0 {
		return im.id, true
	}
	word := im.site.EditionWord()
	if text == "" {
		im.errs.Errorf(pos, "%sthe %s is blank; write the row's %s, such as %s", at, word, word, im.id)
		return report.Period{}, false
	}
	q, err := im.site.ParseEdition(text)
	if err != nil {
		im.errs.Errorf(pos, "%s%s %v", at, word, err)
		return report.Period{}, false
	}
	return q, true
}

// row reads row n, or returns nil when it holds no measure or has errors.
func (im *importer) row(n int) *Row {
	id, pos, at := im.get(n, "measure")
	figures := false
	for _, f := range []string{"target", "actual", "status", "period", "notes"} {
		v, _, _ := im.get(n, f)
		figures = figures || v != ""
	}
	if id == "" {
		if figures {
			im.errs.Errorf(pos, "%sthe row has figures but no measure id; write the id of its measure from %s, or clear the row", at, CatalogueFile)
		}
		return nil // a blank line between themes
	}
	if sameHeader(id, im.sh.cell(im.header, im.cols["measure"])) {
		return nil // the header repeated, as on each printed page
	}
	m := im.byID[report.Address(id)]
	if m == nil && !figures && im.heading(id) {
		return nil
	}
	if m == nil {
		im.errs.Errorf(pos, "%smeasure %q is not in %s; check the id or add the measure to the catalogue", at, clip(id), CatalogueFile)
		return nil
	}
	before := im.errs.total
	r := &Row{Measure: m, Pos: pos}
	if r.Period, _, _ = im.text(n, "period"); clears(r.Period) {
		r.Period, r.Cleared = "", append(r.Cleared, "period")
	}
	// A measure may have a row for each of several periods, such as the
	// months of a quarter; two rows for one period are one too many.
	key := seenKey{m, keyOf(im.site, m, im.id, r.Period)}
	if first, dup := im.seen[key]; dup {
		if r.Period == "" {
			im.errs.Errorf(pos, "%smeasure %s is listed twice (first in row %d); keep one row for it, or, for figures of several periods, give each row its period in %s", at, m.ID, first, im.periodColumn())
		} else {
			im.errs.Errorf(pos, "%smeasure %s is listed twice for %s (first in row %d); keep one row for each period", at, m.ID, key.key.describe(), first)
		}
		return nil
	}
	im.seen[key] = n
	r.Target = im.figure(n, "target", m)
	r.Actual = im.figure(n, "actual", m)
	r.Status = im.status(n, m, r)
	if notes, _, _ := im.get(n, "notes"); clears(notes) {
		r.Cleared = append(r.Cleared, "notes")
	}
	r.Notes = im.noteRefs(n, m)
	if im.errs.total > before {
		return nil
	}
	return r
}

// periodColumn names the sheet's period column, for messages.
func (im *importer) periodColumn() string {
	if c := im.cols["period"]; c != 0 {
		return "the " + im.sh.header(im.header, c) + " column"
	}
	return "a period column"
}

// heading reports whether text, alone in its row, is a heading such as a
// theme's title rather than a mistyped measure id: it names a theme, or it
// could not be an id.
func (im *importer) heading(text string) bool {
	for _, t := range im.site.AllThemes() {
		if strings.EqualFold(text, t.ID) || strings.EqualFold(text, t.Title) {
			return true
		}
	}
	return strings.ContainsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-')
	})
}

// figure reads a target or actual and checks it as the loader will.
func (im *importer) figure(n int, field string, m *report.Measure) string {
	text, pos, at := im.text(n, field)
	if text == "" {
		return ""
	}
	v, err := im.site.Cell(m).Parse(text)
	if err != nil {
		if msg := load.OtherUnit(im.site, m, field, err); msg != "" {
			im.errs.Errorf(pos, "%s%s", at, clipped(msg, text))
			return text
		}
		im.errs.Errorf(pos, "%smeasure %s: %s %s", at, m.ID, field, clipped(err.Error(), text))
		return text
	}
	if msg := load.UnitMismatch(m, field, &v); msg != "" {
		im.errs.Errorf(pos, "%s%s; %s, or change the measure's unit in %s", at, clipped(msg, text), m.Unit.SheetHint(), CatalogueFile)
	}
	return text
}

// status reads the status cell: a code of the site's scale. Case is
// forgiven, since the scale has one code for each spelling; the file gets
// the scale's own code. A "-" that is not a code of the scale clears the
// status, and is recorded in r.Cleared.
func (im *importer) status(n int, m *report.Measure, r *Row) string {
	code, pos, at := im.text(n, "status")
	if code == "" {
		return ""
	}
	if im.site.StatusByCode(code) != nil {
		return code
	}
	for _, st := range im.site.Statuses {
		if strings.EqualFold(st.Code, code) {
			return st.Code
		}
	}
	if clears(code) {
		// Not a code of the scale: "-" says the measure has no status.
		r.Cleared = append(r.Cleared, "status")
		return ""
	}
	codes := make([]string, len(im.site.Statuses))
	for i, st := range im.site.Statuses {
		codes[i] = strconv.Quote(st.Code)
	}
	im.errs.Errorf(pos, "%smeasure %s: status %q is not on the status scale; use one of %s, or add it to the statuses in %s", at, m.ID, clip(code), joinList(codes), SiteFile)
	return ""
}
