package render

import (
	"io"

	"scorecard/internal/narrative"
	"scorecard/internal/report"
)

// homeCrumb is the first link of every breadcrumb trail.
var homeCrumb = crumb{Msg: "home", Path: "index.html"}

// Paths of the site-wide pages.
const (
	MeasureIndexPath  = "measures/index.html"
	AboutPath         = "about/index.html"
	AccessibilityPath = "accessibility/index.html"
	SearchPath        = "search/index.html"
	NotFoundPath      = "404.html"
)

// PrintPath is a quarter's whole report on one page, for printing.
func PrintPath(q report.Period) string { return q.Path() + "/print/index.html" }

type measureIndexData struct {
	page
	Latest *report.Quarter
	Themes []measureIndexTheme
	spark  func(m *report.Measure, q *report.Quarter) string // a card's sparkline (cards.go); nil for none
}

type measureIndexTheme struct {
	Theme *report.Theme
	Rows  []measureIndexRow
	site  *report.Site // for the notes of corrected figures
}

type measureIndexRow struct {
	Measure *report.Measure
	Quarter *report.Quarter // the latest quarter with a row for the measure
	Row     *report.Row
}

// MeasureIndex renders the list of every measure, theme by theme, with its
// latest status and direction of travel.
func (r *Renderer) MeasureIndex(w io.Writer, s *report.Site) error {
	d := measureIndex(s)
	d.Title = r.say("all-measures")
	if r.Sparkline != nil {
		d.spark = func(m *report.Measure, q *report.Quarter) string { return r.Sparkline(s, m, q, r.sparkSummary(m, q)) }
	}
	return r.execute(w, "measures.html", d)
}

// measureIndex is the index's data, but for its title, which is the
// renderer's words.
func measureIndex(s *report.Site) measureIndexData {
	d := measureIndexData{
		page:   newPage(s, MeasureIndexPath, "measures", "", homeCrumb, crumb{Msg: "all-measures"}),
		Latest: s.Quarters[len(s.Quarters)-1],
	}
	quals := qualifierSet{}
	for _, t := range s.AllThemes() {
		mt := measureIndexTheme{Theme: t, site: s}
		for _, m := range t.Measures {
			row := measureIndexRow{Measure: m}
			for i := len(s.Quarters) - 1; i >= 0 && row.Row == nil; i-- {
				if r := s.Quarters[i].Row(m); r != nil {
					row.Quarter, row.Row = s.Quarters[i], r
				}
			}
			mt.Rows = append(mt.Rows, row)
			quals.add(row.Row)
		}
		d.Themes = append(d.Themes, mt)
	}
	d.Qualifiers = quals.list(s)
	return d
}

type aboutData struct {
	page
	Latest *report.Quarter
}

// About renders "about this report": the site's own _about.md, then how
// statuses and directions of travel are worked out.
func (r *Renderer) About(w io.Writer, s *report.Site) error {
	d := aboutData{
		page:   newPage(s, AboutPath, "about", r.say("about-title"), homeCrumb, crumb{Msg: "about-title"}),
		Latest: s.Quarters[len(s.Quarters)-1],
	}
	return r.execute(w, "about.html", d)
}

// Accessibility renders the accessibility statement, which regulation 7 of
// the Public Sector Bodies Accessibility Regulations 2018 requires.
func (r *Renderer) Accessibility(w io.Writer, s *report.Site) error {
	d := newPage(s, AccessibilityPath, "", r.say("accessibility-title"), homeCrumb, crumb{Msg: "accessibility-title"})
	return r.execute(w, "accessibility.html", d)
}

// Search renders the search page; assets/search.js does the searching.
func (r *Renderer) Search(w io.Writer, s *report.Site) error {
	d := newPage(s, SearchPath, "search", r.say("search"), homeCrumb, crumb{Msg: "search"})
	d.Scripts = []string{SearchIndexPath, "assets/search.js"}
	return r.execute(w, "search.html", d)
}

// NotFound renders 404.html. A server shows it for a missing page at any
// depth, so its links are absolute when the site has a base URL; without
// one they work when the site is at a domain's root.
func (r *Renderer) NotFound(w io.Writer, s *report.Site) error {
	d := newPage(s, NotFoundPath, "", r.say("not-found-title"))
	if s.BaseURL != "" {
		d.Root = s.BaseURL
	} else {
		d.Root = "/"
	}
	return r.execute(w, "404.html", d)
}

type printData struct {
	page
	Quarter  *report.Quarter
	Intro    *report.Narrative
	Themes   []themeData
	Measures int      // in the quarter's scorecard
	Large    bool     // more than PrintMaxMeasures: the scorecards print from the theme pages
	PDF      *pdfLink // the edition's PDF, when the build made one
	// Corrections are those made to the edition since it was published,
	// listed with their reasons at the report's end.
	Corrections []correctionEntry
}

// PrintMaxMeasures is the most measures whose scorecards a quarter's print
// page holds. Beyond it the page (1.7 MB at 1,000 measures, 17 MB at
// 10,000) is more than a browser can lay out and print: it keeps the
// narrative and sends readers to each theme's page, which prints its own
// scorecard.
const PrintMaxMeasures = 2000

// Print renders a quarter's whole report on one page for printing as
// committee papers: the introduction, then every theme on a new page.
//
// Each theme's scorecard is followed by its chart (themeChart gives it),
// drawn as the static SVG with its summary and table, so that the printed
// report and the committee's PDF carry the charts as vector graphics with
// their text alternatives; themeChart may be nil for none.
func (r *Renderer) Print(w io.Writer, s *report.Site, q *report.Quarter, themeChart func(*report.Theme) Chart) error {
	at := PrintPath(q.ID)
	title := r.say("print-title", "Title", s.Title, "Period", q.ID.Long())
	if q.Intro != nil {
		title = q.Intro.Title
	}
	d := printData{
		page:    newPage(s, at, "report", title, append(siteCrumbs(q), crumb{Msg: "print-crumb"})...),
		Quarter: q,
		Intro:   q.Intro,
	}
	d.PrintCSS = PrintCSSPath(q.ID)
	d.PDF = r.pdfLink(q)
	d.Measures = len(q.Rows)
	d.Large = d.Measures > PrintMaxMeasures
	d.Corrections = r.editionCorrections(s, q)
	for _, t := range s.AllThemes() {
		var td themeData
		if d.Large {
			// Only what the template shows of a theme without its scorecard.
			td = themeData{page: newPage(s, ThemePath(q.ID, t), "report", t.Title), Theme: t, Quarter: q,
				IDPrefix: t.Address + "-", Measures: len(q.ThemeRows(t))}
		} else {
			td = r.themeData(s, q, t, Chart{}, t.Address+"-")
			if themeChart != nil && (len(td.Children) == 0 || len(td.Rows) > 0) {
				td.Chart = themeChart(t) // beside the scorecard, as the template prints it
			}
		}
		td.Root, td.Level = d.Root, 3
		// Under the theme's own heading, and sharing the page with the
		// other themes' narrative.
		td.Narrative = viewNarrative(q.Narrative[t], narrative.Place{IDPrefix: t.Address + "-", Demote: true})
		d.Themes = append(d.Themes, td)
	}
	return r.execute(w, "print.html", d)
}
