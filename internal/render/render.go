// Package render turns a report.Site into HTML pages with html/template.
// The site's own layouts/ folder may replace any built-in template.
package render

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"scorecard/internal/report"
)

//go:embed layouts/*.html
var builtin embed.FS

//go:embed style.css
var style []byte

// Stylesheet returns the site's style.css: the built-in styles, then a
// rule per status giving its colour. Ratings are filled tags with white
// text; other statuses are plain tags edged in their colour.
func Stylesheet(s *report.Site) []byte {
	var b bytes.Buffer
	b.Write(style)
	b.WriteString("\n/* Status colours, from the site's status scale. */\n")
	for _, st := range s.Statuses {
		if st.Rating {
			fmt.Fprintf(&b, ".%s { background: %s; color: #fff; }\n", st.Class, st.Colour)
		} else {
			fmt.Fprintf(&b, ".%s { background: var(--panel); color: var(--text); font-weight: 400; border-left: 4px solid %s; }\n", st.Class, st.Colour)
		}
	}
	return b.Bytes()
}

// Names of the built-in templates; a site's layouts/NAME replaces one.
var templateNames = []string{"base.html", "home.html", "theme.html", "measure.html", "data.html"}

// Renderer holds the parsed templates, one set per page kind.
type Renderer struct {
	pages map[string]*template.Template
	base  string // the name the base template was parsed under
}

// New parses the built-in templates, each replaced by the file of the same
// name in site (the site's layouts/ folder) when it has one; site may be nil.
// Template errors name the file that holds the mistake.
func New(site fs.FS) (*Renderer, error) {
	sources := map[string]string{}
	for _, name := range templateNames {
		src, file, err := readLayout(site, name)
		if err != nil {
			return nil, err
		}
		sources[name] = file + "\x00" + src
	}
	base, _, _ := strings.Cut(sources["base.html"], "\x00")
	r := &Renderer{pages: map[string]*template.Template{}, base: base}
	for _, page := range templateNames[1:] {
		t := template.New(page).Funcs(funcs)
		for _, name := range []string{"base.html", page} {
			file, src, _ := strings.Cut(sources[name], "\x00")
			// Each file is parsed under its own path so that errors name it.
			if _, err := t.New(file).Parse(src); err != nil {
				return nil, err
			}
		}
		r.pages[page] = t
	}
	return r, nil
}

func readLayout(site fs.FS, name string) (src, file string, err error) {
	if site != nil {
		b, err := fs.ReadFile(site, name)
		if err == nil {
			return string(b), "layouts/" + name, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", "", fmt.Errorf("layouts/%s: %w", name, err)
		}
	}
	b, err := builtin.ReadFile("layouts/" + name)
	return string(b), "(built-in) layouts/" + name, err
}

var funcs = template.FuncMap{
	// link makes a site path relative to the page, so that the site works
	// from any folder and from file://.
	"link":        func(root, p string) string { return root + p },
	"statusClass": statusClass,
	"measurePath": MeasurePath,
	"good":        goodShort,
	"unitName":    unitName,
	"dirClass":    dirClass,
	"countLabel":  report.CountLabel,
	"chart": func(c Chart, level int, root string) chartView {
		return chartView{Chart: c, Level: level, Root: root}
	},
}

func dirClass(k report.DirectionKind) string {
	return "dot-" + strings.ReplaceAll(strings.ToLower(k.String()), " ", "-")
}

// DataPath is the open-data file of one quarter's scorecard.
func DataPath(q report.QuarterID) string { return "data/" + q.Slug() + ".csv" }

// summaryView is what the "summary" template receives.
type summaryView struct {
	Caption                 string
	Summary                 report.Summary
	SinceQuarter, SinceYear string // the quarters compared with
}

func newSummary(s *report.Site, q *report.Quarter, caption string, rows []*report.Row) summaryView {
	return summaryView{
		Caption:      caption,
		Summary:      report.Summarise(rows, s.Statuses),
		SinceQuarter: q.ID.Add(-1).Label(),
		SinceYear:    q.ID.Add(-4).Label(),
	}
}

func statusClass(s *report.Status) string { return s.Class }

func goodShort(p report.Polarity) string {
	switch p {
	case report.Higher:
		return "Higher"
	case report.Lower:
		return "Lower"
	case report.InRange:
		return "In range"
	}
	return string(p)
}

func unitName(u string) string {
	switch u {
	case "%":
		return "Per cent"
	case "count":
		return "Count"
	case "min:sec":
		return "Minutes and seconds"
	case "£":
		return "Pounds (£)"
	}
	return strings.ToUpper(u[:1]) + u[1:]
}

// Paths of the pages, relative to the site root.

// QuarterPath is the quarter's home page.
func QuarterPath(q report.QuarterID) string { return q.Path() + "/index.html" }

// ThemePath is a theme's page for one quarter.
func ThemePath(q report.QuarterID, t *report.Theme) string {
	return q.Path() + "/" + t.ID + "/index.html"
}

// MeasurePath is a measure's page, which covers every quarter.
func MeasurePath(m *report.Measure) string { return "measures/" + m.ID + "/index.html" }

// root returns the relative path from a page back to the site root.
func root(page string) string {
	return strings.Repeat("../", strings.Count(page, "/"))
}

// page is what every template receives.
type page struct {
	Site      *report.Site
	Root      string
	Title     string
	Crumbs    []crumb
	HasCharts bool // load the chart scripts
}

// Chart is a chart as a page shows it: a heading, a one-sentence summary,
// the drawing (ECharts options, drawn by assets/charts.js), and the same
// numbers as a table or, on measure pages, the history table beside it.
type Chart struct {
	ID        string
	Title     string
	Summary   string
	Options   []byte         // ECharts option JSON, with <, > and & escaped
	Sparkline string         // static SVG for readers without JavaScript; may be empty
	Counts    *report.Counts // the numbers of a status chart, for its table
}

// chartView is what the "chart" template receives.
type chartView struct {
	Chart
	Level int // the heading's level
	Root  string
}

// JSON is the options for a <script type="application/json"> block. The
// JSON escapes <, > and &, so it cannot close the element.
func (c chartView) JSON() template.JS { return template.JS(c.Options) }

// SVG is the sparkline, drawn by package chart from numbers only.
func (c chartView) SVG() template.HTML { return template.HTML(c.Sparkline) }

type crumb struct{ Text, Path string }

func (r *Renderer) execute(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.pages[name].ExecuteTemplate(&buf, r.base, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func newPage(s *report.Site, at, title string, crumbs ...crumb) page {
	return page{Site: s, Root: root(at), Title: title, Crumbs: crumbs}
}

func siteCrumbs(q *report.Quarter) []crumb {
	return []crumb{{Text: "Home", Path: "index.html"}, {Text: q.ID.Label(), Path: QuarterPath(q.ID)}}
}

type quarterLink struct {
	Label   string
	Path    string
	Current bool
}

func quarterLinks(s *report.Site, current *report.Quarter) []quarterLink {
	var out []quarterLink
	for i := len(s.Quarters) - 1; i >= 0; i-- {
		q := s.Quarters[i]
		out = append(out, quarterLink{Label: q.ID.Label(), Path: QuarterPath(q.ID), Current: q == current})
	}
	return out
}

type homeData struct {
	page
	Heading  string
	Quarter  *report.Quarter
	Latest   bool
	Quarters []quarterLink
	Summary  summaryView
	Chart    Chart
	CSV      string
	Themes   []themeLink
}

type themeLink struct {
	Theme   *report.Theme
	Path    string
	Counts  summaryView
	Section *report.Section // the theme narrative's first section, moved to the home page
}

// Home renders a quarter's home page, to be written at path at, with its
// chart of status counts by theme.
func (r *Renderer) Home(s *report.Site, q *report.Quarter, at string, chart Chart) ([]byte, error) {
	heading := s.Title + ": " + q.ID.Long()
	if q.Intro != nil {
		heading = q.Intro.Title
	}
	d := homeData{
		page:     newPage(s, at, heading),
		Heading:  heading,
		Quarter:  q,
		Latest:   q == s.Quarters[len(s.Quarters)-1],
		Quarters: quarterLinks(s, q),
		Summary:  newSummary(s, q, "All "+strconv.Itoa(len(q.Rows))+" measures in "+q.ID.Label(), q.Rows),
		Chart:    chart,
		CSV:      DataPath(q.ID),
	}
	d.HasCharts = true
	if at != "index.html" {
		d.Crumbs = []crumb{{Text: "Home", Path: "index.html"}, {Text: q.ID.Label()}}
	}
	for _, t := range s.Themes {
		tl := themeLink{Theme: t, Path: ThemePath(q.ID, t), Counts: newSummary(s, q, t.Title, q.ThemeRows(t))}
		if nar := q.Narrative[t]; nar != nil && len(nar.Sections) > 0 {
			sec := *nar.Sections[0]
			sec.HTML = relocate(sec.HTML, d.Root+tl.Path, "home-"+t.ID+"-")
			tl.Section = &sec
		}
		d.Themes = append(d.Themes, tl)
	}
	return r.execute("home.html", d)
}

type themeData struct {
	page
	Theme     *report.Theme
	Quarter   *report.Quarter
	Summary   summaryView
	Chart     Chart
	CSV       string
	Columns   []*report.Quarter // oldest first, ending with Quarter
	Earlier   []*report.Quarter // Columns less Quarter, newest first
	Rows      []themeRow
	Notes     []noteView
	Narrative *report.Narrative
}

type themeRow struct {
	Measure *report.Measure
	Row     *report.Row // this quarter's
	Cells   []themeCell
}

type themeCell struct {
	Quarter *report.Quarter
	Row     *report.Row // nil when the measure has no row that quarter
	Notes   []noteLink
}

type noteLink struct{ Label, Anchor string }

type noteView struct {
	Anchor string
	Extra  []string // anchors of the note's other labels
	Text   string
}

// Columns returns the quarters a scorecard for q shows, as published
// scorecards do: the same quarter a year earlier, the previous quarter and
// q itself, those the site holds, oldest first.
func Columns(s *report.Site, q *report.Quarter) []*report.Quarter {
	var out []*report.Quarter
	for _, id := range []report.QuarterID{q.ID.Add(-4), q.ID.Add(-1), q.ID} {
		for _, c := range s.Quarters {
			if c.ID == id {
				out = append(out, c)
			}
		}
	}
	return out
}

// Theme renders a theme's page for quarter q, with its chart of status
// counts by quarter.
func (r *Renderer) Theme(s *report.Site, q *report.Quarter, t *report.Theme, chart Chart) ([]byte, error) {
	at := ThemePath(q.ID, t)
	d := themeData{
		page:      newPage(s, at, t.Title+" – "+q.ID.Label(), append(siteCrumbs(q), crumb{Text: t.Title})...),
		Theme:     t,
		Quarter:   q,
		Columns:   Columns(s, q),
		Narrative: q.Narrative[t],
		Chart:     chart,
		CSV:       DataPath(q.ID),
	}
	d.HasCharts = true
	rows := q.ThemeRows(t)
	d.Summary = newSummary(s, q, "The "+strconv.Itoa(len(rows))+" "+t.Title+" measures in "+q.ID.Label(), rows)
	for i := len(d.Columns) - 2; i >= 0; i-- {
		d.Earlier = append(d.Earlier, d.Columns[i])
	}
	anchors := map[*report.Note]string{}
	byText := map[string]string{} // labels and text -> anchor, to list a note once
	used := map[string]bool{}
	for _, m := range t.Measures {
		row := q.Row(m)
		if row == nil {
			continue
		}
		tr := themeRow{Measure: m, Row: row}
		for _, c := range d.Columns {
			cell := themeCell{Quarter: c, Row: c.Row(m)}
			if cell.Row != nil {
				for _, ref := range cell.Row.Notes {
					a, ok := anchors[ref.Note]
					if !ok {
						key := strings.Join(ref.Note.Labels, "\x00") + "\x00\x00" + ref.Note.Text
						if a, ok = byText[key]; !ok {
							a = uniqueAnchor("note-"+ref.Note.Labels[0], used)
							byText[key] = a
							nv := noteView{Anchor: a, Text: noteText(ref.Note)}
							for _, l := range ref.Note.Labels[1:] {
								nv.Extra = append(nv.Extra, uniqueAnchor("note-"+l, used))
							}
							d.Notes = append(d.Notes, nv)
						}
						anchors[ref.Note] = a
					}
					cell.Notes = append(cell.Notes, noteLink{Label: ref.Label, Anchor: a})
				}
			}
			tr.Cells = append(tr.Cells, cell)
		}
		d.Rows = append(d.Rows, tr)
	}
	return r.execute("theme.html", d)
}

func uniqueAnchor(a string, used map[string]bool) string {
	base := a
	for i := 2; used[a]; i++ {
		a = fmt.Sprintf("%s-%d", base, i)
	}
	used[a] = true
	return a
}

// noteText prints a note as the report does: "Note 1, 2, 6 & 7: text".
func noteText(n *report.Note) string {
	labels := n.Labels[0]
	if k := len(n.Labels); k > 1 {
		labels = strings.Join(n.Labels[:k-1], ", ") + " & " + n.Labels[k-1]
	}
	text := n.Text
	if text == "" {
		text = "the report gives no text for this note."
	}
	return "Note " + labels + ": " + text
}

type measureData struct {
	page
	Chart   Chart
	Measure *report.Measure
	History []historyRow
	Ties    []tieView
}

type historyRow struct {
	Quarter   *report.Quarter
	Row       *report.Row
	ThemePath string
}

type tieView struct {
	Quarter *report.Quarter
	Theme   *report.Theme
	Tie     *report.Tie
	Path    string
}

// Measure renders a measure's page, with its whole history and its trend
// chart.
func (r *Renderer) Measure(s *report.Site, m *report.Measure, chart Chart) ([]byte, error) {
	at := MeasurePath(m)
	latest := s.Quarters[len(s.Quarters)-1]
	d := measureData{
		page: newPage(s, at, m.Title, append(siteCrumbs(latest),
			crumb{Text: m.Theme.Title, Path: ThemePath(latest.ID, m.Theme)}, crumb{Text: m.Title})...),
		Measure: m,
		Chart:   chart,
	}
	d.HasCharts = true
	for _, q := range s.Quarters {
		if row := q.Row(m); row != nil {
			d.History = append(d.History, historyRow{Quarter: q, Row: row, ThemePath: ThemePath(q.ID, m.Theme)})
		}
	}
	for i := len(s.Quarters) - 1; i >= 0; i-- {
		q := s.Quarters[i]
		for _, t := range s.Themes {
			n := q.Narrative[t]
			if n == nil {
				continue
			}
			for _, tie := range n.Ties {
				for _, tm := range tie.Measures {
					if tm == m {
						d.Ties = append(d.Ties, tieView{Quarter: q, Theme: t, Tie: tie, Path: ThemePath(q.ID, t) + "#" + tie.Anchor})
					}
				}
			}
		}
	}
	return r.execute("measure.html", d)
}

var (
	idAttr     = regexp.MustCompile(`\bid="`)
	anchorHref = regexp.MustCompile(`\bhref="#`)
)

// relocate prepares narrative HTML for a page other than its own: links to
// anchors on its own page (footnotes) point back there, and its ids get a
// prefix so they cannot clash with the new page's.
func relocate(h template.HTML, home, idPrefix string) template.HTML {
	s := anchorHref.ReplaceAllLiteralString(string(h), `href="`+home+`#`)
	return template.HTML(idAttr.ReplaceAllLiteralString(s, `id="`+idPrefix))
}

type dataPage struct {
	page
	Files []dataFile
}

type dataFile struct {
	Path, Title, Format string
}

// Data renders the open data page, data/index.html, which lists the files
// and states their licence.
func (r *Renderer) Data(s *report.Site) ([]byte, error) {
	at := "data/index.html"
	d := dataPage{page: newPage(s, at, "Open data", crumb{Text: "Home", Path: "index.html"}, crumb{Text: "Open data"})}
	d.Files = append(d.Files, dataFile{Path: "data/scorecard.csv", Title: "Every measure in every quarter", Format: "CSV"})
	for i := len(s.Quarters) - 1; i >= 0; i-- {
		q := s.Quarters[i]
		d.Files = append(d.Files, dataFile{Path: DataPath(q.ID), Title: "The scorecard for " + q.ID.Long(), Format: "CSV"})
	}
	d.Files = append(d.Files,
		dataFile{Path: "data/scorecard.json", Title: "Every measure in every quarter, with the measure catalogue", Format: "JSON"},
		dataFile{Path: "data/datapackage.json", Title: "A description of the files and every column (Data Package)", Format: "JSON"})
	return r.execute("data.html", d)
}
