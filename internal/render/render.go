// Package render turns a report.Site into HTML pages with html/template.
// The site's own layouts/ folder may replace any built-in template.
package render

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"scorecard/internal/report"
	"scorecard/internal/value"
	"scorecard/internal/words"
)

//go:embed layouts/*.html
var builtin embed.FS

// The built-in style sheet is the files of style/, in name order, each
// with one concern: base (type, page, navigation), the headline, tables and
// cards, charts, print.
//
//go:embed style/*.css
var styleFiles embed.FS

// style is the built-in style sheet: styleFiles joined in name order.
var style = func() []byte {
	names, err := fs.Glob(styleFiles, "style/*.css")
	if err != nil {
		panic(err) // the pattern is constant
	}
	var b bytes.Buffer
	for _, n := range names { // fs.Glob sorts
		data, err := styleFiles.ReadFile(n)
		if err != nil {
			panic(err) // embedded
		}
		b.Write(data)
	}
	return b.Bytes()
}()

// Stylesheet returns the site's style.css: the built-in styles, then a
// rule per status giving its colour. Ratings are filled tags with the text
// colour the loader checked against their colour (white, or dark text on a
// light colour); other statuses are plain tags edged in their colour.
func Stylesheet(s *report.Site) []byte {
	var b bytes.Buffer
	b.Write(style)
	fmt.Fprintf(&b, "\n/* The site's accent colour. */\n:root { --accent: %s; }\n", s.Accent)
	fmt.Fprintf(&b, "\n/* The running head of printed pages; report pages add their quarter. */\n@page { @top-left { content: %s; font-size: 8pt; } }\n", cssString(s.Organisation+" · "+s.Title))
	b.WriteString("\n/* Status colours, from the site's status scale. */\n")
	for _, st := range s.Statuses {
		if st.Rating {
			fmt.Fprintf(&b, ".%s { background: %s; color: %s; }\n", st.Class, st.Colour, tagText(st))
		} else {
			fmt.Fprintf(&b, ".%s { background: var(--panel); color: var(--text); font-weight: 400; border-left: 4px solid %s; }\n", st.Class, st.Colour)
		}
	}
	return b.Bytes()
}

// Names of the built-in templates; a site's layouts/NAME replaces one.
var templateNames = []string{"base.html", "scorecard.html", "summary.html", "chart.html", "home.html", "theme.html", "measure.html", "data.html",
	"measures.html", "about.html", "accessibility.html", "search.html", "404.html", "print.html", "embed.html",
	"releases.html", "codeofpractice.html", "corrections.html"}

// partials are the templates every page's set holds: the page skeleton and
// shared pieces. They come first in templateNames.
var partials = []string{"base.html", "scorecard.html", "summary.html", "chart.html"}

// Layouts names the templates: those every page's set holds (the page
// skeleton and shared pieces), and each kind of page's own.
func Layouts() (partialNames, pageNames []string) {
	return slices.Clone(partials), slices.Clone(templateNames[len(partials):])
}

// Renderer holds the parsed templates, one set per page kind, and the
// words its pages print.
type Renderer struct {
	pages map[string]*template.Template
	base  string // the name the base template was parsed under
	words *words.Catalogue

	said sync.Map // the escaped text of messages without arguments, for rows.go

	Sparkline Sparkline // draws the cards' sparklines; nil for none
	// PDFs are the sizes in bytes of the editions' PDFs (build -pdf),
	// which their home and print pages link; nil when none were made.
	PDFs  map[report.Period]int64
	embed string // and embed.html's, a page of its own with no skeleton
}

// UseAssets makes the template func asset write the names in names
// ("style.css" to "style.3f9a1c2e.css"); a name it lacks is written as it
// is. Call it before rendering any page: the pages run concurrently.
func (r *Renderer) UseAssets(names map[string]string) {
	asset := template.FuncMap{"asset": func(root, name string) string {
		if h, ok := names[name]; ok {
			return root + h
		}
		return root + name
	}}
	for _, t := range r.pages {
		t.Funcs(asset)
	}
}

// New parses the built-in templates, each replaced by the file of the same
// name in site (the site's layouts/ folder) when it has one; site may be nil.
// Template errors name the file that holds the mistake. The pages print
// Scorecard's English words: NewIn gives them a site's.
func New(site fs.FS) (*Renderer, error) { return NewIn(site, words.English()) }

// NewIn is New for pages that print the words of catalogue w: the
// template funcs t, tsplit and tforms (see wordFuncs) write its messages.
func NewIn(site fs.FS, w *words.Catalogue) (*Renderer, error) {
	layouts := map[string]layout{}
	for _, name := range templateNames {
		l, err := readLayout(site, name)
		if err != nil {
			return nil, err
		}
		layouts[name] = l
	}
	r := &Renderer{pages: map[string]*template.Template{}, base: layouts["base.html"].file, embed: layouts["embed.html"].file, words: w}
	// The partials are parsed once, and each page's set is a copy of them
	// with the page's own template added: parsing is most of New's time,
	// and New runs on every build.
	shared := template.New("partials").Funcs(funcs).Funcs(r.wordFuncs())
	parse := func(t *template.Template, name string) error {
		// Each file is parsed under its own path so that errors name it.
		_, err := t.New(layouts[name].file).Parse(layouts[name].src)
		return err
	}
	for _, name := range partials {
		if err := parse(shared, name); err != nil {
			return nil, err
		}
	}
	for _, page := range templateNames[len(partials):] {
		t, err := shared.Clone() // never fails: shared is never executed
		if err != nil {
			return nil, err
		}
		if err := parse(t, page); err != nil {
			return nil, err
		}
		if err := r.checkWords(t); err != nil {
			return nil, err
		}
		r.pages[page] = t
	}
	return r, nil
}

// layout is one template's source and the file it came from.
type layout struct {
	file string // "layouts/NAME" in the site, or "(built-in) layouts/NAME"
	src  string
}

func readLayout(site fs.FS, name string) (layout, error) {
	if site != nil {
		b, err := fs.ReadFile(site, name)
		if err == nil {
			return layout{"layouts/" + name, string(b)}, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return layout{}, fmt.Errorf("layouts/%s: %w", name, err)
		}
	}
	b, err := builtin.ReadFile("layouts/" + name)
	return layout{"(built-in) layouts/" + name, string(b)}, err
}

var funcs = template.FuncMap{
	// link makes a site path relative to the page, so that the site works
	// from any folder and from file://.
	"link":        func(root, p string) string { return root + p },
	"statusClass": statusClass,
	"measurePath": MeasurePath,
	"good":        unbound,                 // bound per Renderer: goodWords
	"goodLong":    unbound,                 // bound per Renderer: goodLong
	"unitName":    (*report.Unit).Describe, // for layouts older than units: (pages write .Measure.Unit.Describe)
	"dirClass":    dirClass,
	"dirMsg":      dirMsg,
	"statusList":  statusList,
	"countLabel":  unbound, // bound per Renderer: countLabel
	"reason":      unbound, // bound per Renderer: a direction's reason in the catalogue's words
	// Wording that follows the data: "1 measure", "3 measures";
	// "Quarter" for "quarter". plural is English only, kept for sites'
	// own layouts: the built-in ones count with {{t "count-measures" .N}}.
	"plural":  plural,
	"capital": capital,
	"bandFor": unbound, // bound per Renderer, as the words are
	"narr":    narr,
	// The bodies of the big tables, written in Go for speed: rows.go.
	// Bound per Renderer, for their words (wordFuncs).
	"scorecardRows": unbound,
	"themeCards":    unbound,
	"historyRows":   unbound,
	"historyCards":  unbound,
	"indexRows":     unbound,
	"indexCards":    unbound,
	"countRows":     unbound,
	"embedRows":     embedRows,
	"corrections":   unbound, // bound per Renderer: the notes beside a corrected figure (corrections.go)
	"date":          unbound, // bound per Renderer: longDate
	"describe":      unbound, // bound per Renderer: the meta description
	"quarterPath":   func(q *report.Quarter) string { return QuarterPath(q.ID) },
	"navList":       func(root string, links []navLink) navList { return navList{Root: root, Links: links} },
	"subthemes":     func(root string, links []themeLink) subthemeList { return subthemeList{Root: root, Links: links} },
	// asset names a file of the site by the name pages are written with
	// (style.css, assets/charts.js); a Renderer given the built names by
	// UseAssets writes the content-hashed one (style.3f9a1c2e.css).
	"asset": func(root, name string) string { return root + name },
	"chart": func(c Chart, level int, root string) chartView {
		return chartView{Chart: c, Level: level, Root: root}
	},
	// The words of the pages: each Renderer binds these to its catalogue
	// (wordFuncs); they are here so that the templates parse without one.
	"t":       unbound,
	"tpieces": unbound,
	"tforms":  unbound,
}

func unbound(string, ...any) (string, error) {
	return "", errors.New("no catalogue of words: the templates were parsed without a Renderer")
}

func dirClass(k report.DirectionKind) string {
	return "dot-" + dirSlug(k)
}

func dirSlug(k report.DirectionKind) string {
	return strings.ReplaceAll(strings.ToLower(k.String()), " ", "-")
}

// dirMsg is the id of a direction's words in the catalogue: one of
// directionMsgs.
func dirMsg(k report.DirectionKind) string { return "direction-" + dirSlug(k) }

// directionMsgs are the ids dirMsg makes, written out for the tests that
// hold the catalogue and the code to each other (TestWordsUsed).
var directionMsgs = []string{"direction-improved", "direction-no-change", "direction-worse",
	"direction-not-comparable", "direction-increased", "direction-decreased"}

// statusList names statuses in a list: "Green, Amber".
func statusList(sts []*report.Status) string {
	names := make([]string, len(sts))
	for i, st := range sts {
		names[i] = st.Describe()
	}
	return strings.Join(names, ", ")
}

// DataPath is the open-data file of one quarter's scorecard.
func DataPath(q report.Period) string { return "data/" + q.Slug() + ".csv" }

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
		SinceQuarter: q.ID.Prev().Label(),
		SinceYear:    q.ID.YearAgo().Label(),
	}
}

func statusClass(s *report.Status) string { return s.Class }

// tagText is the colour of a status tag's words: "#fff", as before there
// was a choice, or the dark text a light colour takes.
func tagText(s *report.Status) string {
	if s.Light() {
		return s.Text
	}
	return "#fff"
}

// goodIDs are the messages that say which way is good for a measure:
// short ("Higher"), for tables, and long ("Higher is better").
var goodIDs = map[report.Polarity]struct{ short, long string }{
	report.Higher:    {"good-higher", "good-long-higher"},
	report.Lower:     {"good-lower", "good-long-lower"},
	report.InRange:   {"good-in-range", "good-long-in-range"},
	report.NotStated: {"good-not-stated", "good-long-not-stated"},
}

// goodWords says which way is good for a measure, in the site's words.
func (r *Renderer) goodWords(p report.Polarity) string {
	if id, ok := goodIDs[p]; ok {
		return r.sayOne(id.short)
	}
	return string(p)
}

// goodLong says in full which way is good for a measure: Polarity.Describe
// in the catalogue's words.
func (r *Renderer) goodLong(p report.Polarity) string {
	if id, ok := goodIDs[p]; ok {
		return r.sayOne(id.long)
	}
	return string(p)
}

// Paths of the pages, relative to the site root.

// QuarterPath is the quarter's home page.
func QuarterPath(q report.Period) string { return q.Path() + "/index.html" }

// ThemePath is a theme's page for one quarter.
func ThemePath(q report.Period, t *report.Theme) string {
	return q.Path() + "/" + t.Address + "/index.html"
}

// MeasurePath is a measure's page, which covers every quarter.
func MeasurePath(m *report.Measure) string { return "measures/" + m.Address + "/index.html" }

// root returns the relative path from a page back to the site root.
func root(page string) string {
	return strings.Repeat("../", strings.Count(page, "/"))
}

// page is what every template receives.
type page struct {
	Site      *report.Site
	Root      string // the way back to the site root: "../../"
	Path      string // the page's own path from the root
	Title     string
	Section   string // which item of the site navigation the page is under
	Crumbs    []crumb
	HasCharts bool     // load the chart scripts
	Scripts   []string // other scripts to load, from the root
	JSONLD    template.JS
	PrintCSS  string // the quarter's print stylesheet, which heads printed pages
	PageName  string // the CSS page name that picks this page's running head

	// Qualifiers are those the page's figures carry, in the site's order,
	// for the key beside its tables.
	Qualifiers []value.Qualifier

	Quarters []quarterLink // the quarter switcher, on report pages
	ThemeNav []navLink     // the theme navigation, on report pages
}

// Nav is the site navigation.
func (p page) Nav() []navLink {
	return []navLink{
		{Msg: "nav-latest", Path: "index.html", Section: "report"},
		{Msg: "all-measures", Path: "measures/index.html", Section: "measures"},
		{Msg: "search", Path: "search/index.html", Section: "search"},
		{Msg: "nav-about", Path: "about/index.html", Section: "about"},
		{Msg: "open-data", Path: "data/index.html", Section: "data"},
	}
}

// Canonical is the page's full address, when the site has a base URL.
func (p page) Canonical() string {
	if p.Site.BaseURL == "" {
		return ""
	}
	return p.Site.BaseURL + strings.TrimSuffix(strings.TrimSuffix(p.Path, "index.html"), "/index.html")
}

type navLink struct {
	Text, Path, Section string
	Msg                 string // the id of the link's words in the catalogue, for the site navigation
	Current             bool
	Children            []navLink // the themes under a theme on the way to the current page
}

// subthemeList is what the "rolluprows" and "rollupcards" templates receive: the themes
// below a theme, each with its roll-up.
type subthemeList struct {
	Root  string
	Links []themeLink
}

// navList is what the "themenav" template receives: a list of links, at
// any level of the theme navigation.
type navList struct {
	Root  string
	Links []navLink
}

// Chart is a chart as a page shows it: a heading, a one-sentence summary,
// the drawing (ECharts options, drawn by assets/charts.js), and the same
// numbers as a table or, on measure pages, the history table beside it.
type Chart struct {
	ID        string
	Title     string
	Summary   string
	Options   []byte         // ECharts option JSON, with <, > and & escaped
	SVG       string         // the static drawing, made at build time by package chart
	Table     [][]string     // the chart's figures as rows, the first its headings: its CSV file and embed page
	Sparkline string         // static SVG for readers without JavaScript when SVG is empty; may be empty
	Counts    *report.Counts // the numbers of a status chart, for its table
	Reuse     Reuse          // where the chart can be found and how to cite it: see Reusable
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

// Static is the static drawing, made by package chart from numbers only:
// the chart's SVG, or its sparkline when it has none.
func (c chartView) Static() template.HTML {
	if c.SVG != "" {
		return template.HTML(c.SVG)
	}
	return template.HTML(c.Sparkline)
}

// crumb is a link of the breadcrumb trail: its words are the message Msg
// of the catalogue when it has one, else Text (a title from the site).
type crumb struct{ Text, Path, Msg string }

// execute writes a page with the named template set.
func (r *Renderer) execute(w io.Writer, name string, data any) error {
	return r.pages[name].ExecuteTemplate(w, r.base, data)
}

func newPage(s *report.Site, at, section, title string, crumbs ...crumb) page {
	return page{Site: s, Root: root(at), Path: at, Section: section, Title: title, Crumbs: crumbs}
}

// reportNav fills a report page's quarter switcher, whose links go to the
// same page (home or theme) of every quarter, and its theme navigation.
func (p *page) reportNav(s *report.Site, q *report.Quarter, current *report.Theme) {
	for i := len(s.Quarters) - 1; i >= 0; i-- {
		other := s.Quarters[i]
		path := QuarterPath(other.ID)
		if current != nil {
			path = ThemePath(other.ID, current)
		}
		p.Quarters = append(p.Quarters, quarterLink{Label: other.ID.Label(), Path: path, Current: other == q})
	}
	p.ThemeNav = append(p.ThemeNav, navLink{Msg: "overview", Path: QuarterPath(q.ID), Current: current == nil})
	p.ThemeNav = append(p.ThemeNav, themeNav(s.Themes, q, current)...)
	p.PrintCSS = PrintCSSPath(q.ID)
	p.PageName = "overview"
	if current != nil {
		p.PageName = "theme-" + current.Address
	}
}

// themeNav links to themes, and under each theme on the way to current
// (its ancestors and current itself), to the themes below it: the
// navigation opens the branch the reader is in and keeps the rest closed.
func themeNav(themes []*report.Theme, q *report.Quarter, current *report.Theme) []navLink {
	var open map[*report.Theme]bool
	if current != nil {
		open = map[*report.Theme]bool{}
		for _, t := range current.Trail() {
			open[t] = true
		}
	}
	var links []navLink
	for _, t := range themes {
		l := navLink{Text: t.Title, Path: ThemePath(q.ID, t), Current: t == current}
		if open[t] {
			l.Children = themeNav(t.Children, q, current)
		}
		links = append(links, l)
	}
	return links
}

// PrintCSSPath is a quarter's print stylesheet.
func PrintCSSPath(q report.Period) string { return q.Path() + "/print.css" }

// PrintCSS returns a quarter's print stylesheet. Printed pages carry a
// running head with the organisation, report and quarter on the left and
// the page's title (the theme, or "Overview") on the right, and page
// numbers at the foot. CSS cannot take the title from the page, so each
// theme is a named page with its own head; theme scorecards, too wide for
// portrait, print on landscape pages of their own.
func (r *Renderer) PrintCSS(s *report.Site, q *report.Quarter) []byte {
	var b strings.Builder
	b.WriteString("@charset \"utf-8\";\n/* Running heads for printed pages of " + cssComment(q.ID.Label()) + ". */\n")
	head := s.Organisation + " · " + s.Title + " · " + q.ID.Label()
	page := func(name, title string, landscape bool) {
		size := ""
		if landscape {
			size = " size: A4 landscape;"
		}
		fmt.Fprintf(&b, "@page %s {%s @top-left { content: %s; } @top-right { content: %s; } }\n", name, size, cssString(head), cssString(title))
	}
	page("overview", r.say("overview"), false)
	fmt.Fprintf(&b, ".page-overview { page: overview; }\n")
	for _, t := range s.AllThemes() {
		name := "theme-" + t.Address
		page(name, t.Title, false)
		page(name+"-wide", r.say("print-head-scorecard", "Theme", t.Title), true)
		fmt.Fprintf(&b, ".page-%s { page: %s; }\n.page-%s .scorecard-part { page: %s-wide; }\n", name, name, name, name)
	}
	return []byte(b.String())
}

// cssString quotes s as a CSS string.
func cssString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\A `, "\r", "").Replace(s) + `"`
}

func cssComment(s string) string { return strings.ReplaceAll(s, "*/", "* /") }

func siteCrumbs(q *report.Quarter) []crumb {
	return []crumb{homeCrumb, {Text: q.ID.Label(), Path: QuarterPath(q.ID)}}
}

type quarterLink struct {
	Label   string
	Path    string
	Current bool
}

// bandFor says when the figures give a status, from the site's bands.
func (r *Renderer) bandFor(s *report.Site, st *report.Status) string {
	var parts []string
	for i, b := range s.Rating.Bands {
		if b.Status == st {
			parts = append(parts, s.Rating.Explain(i))
		}
	}
	if s.Rating.InRange == st {
		parts = append(parts, r.say("band-in-range"))
	}
	if s.Rating.NoTarget == st {
		parts = append(parts, r.say("band-no-target"))
	}
	if len(parts) == 0 {
		return ""
	}
	out := parts[len(parts)-1]
	for i := len(parts) - 2; i >= 0; i-- {
		out = r.say("band-or", "First", parts[i], "Then", out)
	}
	return out
}

// monthMsgs are the ids of the months' names, January first.
var monthMsgs = [12]string{"month-1", "month-2", "month-3", "month-4", "month-5", "month-6",
	"month-7", "month-8", "month-9", "month-10", "month-11", "month-12"}

// longDate prints 2026-11-25 as 25 November 2026, in the site's words.
func (r *Renderer) longDate(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return r.say("date-long", "Day", t.Day(), "Month", r.sayOne(monthMsgs[t.Month()-1]), "Year", t.Year())
}

// plural writes n and noun, with an s when n is not 1: "1 theme", "3
// themes".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// capital writes s with its first letter in upper case.
func capital(s string) string {
	if s == "" {
		return s
	}
	// The first letter, whole: it may be more than a byte (é, ŵ).
	_, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(s[:n]) + s[n:]
}
