package render

import (
	"io/fs"
	"sync"

	"scorecard/internal/narrative"
	"scorecard/internal/report"
	"scorecard/internal/words"
)

// The ids a page writes, for the link check, worked out without rendering
// the page: the ids the built-in templates write on that kind of page
// (declared here, beside the templates; TestAnchors in package site checks
// each kind against the page) and those of the narrative it shows (from
// narrative.IDs, which Render matches).

// Anchors knows the ids of the pages of one site.
type Anchors struct {
	pages map[string]func() []string
	own   map[string]bool // the page of each path uses a template of the site's own
}

// NewAnchors indexes the pages of s. layouts is the site's layouts/
// folder, or nil: the ids of a page whose template (or a partial it uses)
// the site replaces are not known.
func NewAnchors(s *report.Site, layouts fs.FS) *Anchors {
	a := &Anchors{pages: map[string]func() []string{}, own: map[string]bool{}}
	if len(s.Quarters) == 0 {
		return a
	}
	own := map[string]bool{} // the templates the site replaces
	if layouts != nil {
		for _, name := range templateNames {
			if _, err := fs.Stat(layouts, name); err == nil {
				own[name] = true
			}
		}
	}
	replaced := func(name string) bool {
		for _, p := range partials {
			if own[p] {
				return true
			}
		}
		return own[name]
	}
	add := func(path, template string, ids func() []string) {
		a.pages[path] = ids
		a.own[path] = replaced(template)
	}
	for _, q := range s.Quarters {
		add(QuarterPath(q.ID), "home.html", func() []string { return homeAnchors(s, q) })
		add(PrintPath(q.ID), "print.html", func() []string { return printAnchors(s, q) })
		for _, t := range s.AllThemes() {
			add(ThemePath(q.ID, t), "theme.html", func() []string { return themeAnchors(themeDataFor(s, q, t, "")) })
		}
	}
	latest := s.Quarters[len(s.Quarters)-1]
	add("index.html", "home.html", func() []string { return homeAnchors(s, latest) })
	for _, m := range s.Measures {
		add(MeasurePath(m), "measure.html", func() []string { return measureAnchors(s, m) })
	}
	add(MeasureIndexPath, "measures.html", func() []string { return measureIndexAnchors(s) })
	add(AboutPath, "about.html", func() []string {
		ids := []string{"main", "what", "statuses", "caption-statuses", "direction"}
		if s.About != nil {
			ids = append(ids, narrative.IDs(s.About.HTML)...)
		}
		return ids
	})
	add(AccessibilityPath, "accessibility.html", func() []string {
		return []string{"main", "compliance", "not-accessible", "alternative-formats", "reporting", "enforcement", "preparation"}
	})
	if len(s.Releases) > 0 {
		add(ReleasesPath, "releases.html", func() []string { return releasesAnchors(s) })
	}
	if s.CodeOfPractice != nil {
		add(CodeOfPracticePath, "codeofpractice.html", func() []string { return codeOfPracticeIDs(s) })
	}
	add(SearchPath, "search.html", func() []string { return []string{"main", "search-q", "search-status", "search-results"} })
	add(NotFoundPath, "404.html", func() []string { return []string{"main"} })
	add(CorrectionsPath, "corrections.html", func() []string { return correctionsAnchors(s) })
	add("data/index.html", "data.html", func() []string { return []string{"main", "sc-columns"} })
	for _, id := range ChartIDs(s) {
		add(FilesOf(id).Page, "embed.html", func() []string { return embedAnchors(id) })
	}
	return a
}

// Of returns the ids of the page at path, and whether they are known: not
// for a file render does not make (a page in static/), nor for a page
// made with a template of the site's own.
func (a *Anchors) Of(path string) ([]string, bool) {
	f, ok := a.pages[path]
	if !ok || a.own[path] {
		return nil, false
	}
	return f(), true
}

// chartAnchors are the ids of a chart with the given id.
func chartAnchors(id string, counts bool) []string {
	ids := []string{id + "-h", id, id + "-s", id + "-options", id + "-note", id + "-svg-t", id + "-svg-d"} // -svg-t, -svg-d: the static SVG's title and desc
	if counts {
		ids = append(ids, id+"-caption")
	}
	return ids
}

// HomeChartID is the id of the chart on a quarter's home page.
func HomeChartID(q *report.Quarter) string { return "chart-home-" + q.ID.Slug() }

// ThemeChartID is the id of the chart on a theme's page.
func ThemeChartID(q *report.Quarter, t *report.Theme) string {
	return "chart-theme-" + q.ID.Slug() + "-" + t.Address
}

// trendChartID is the id package chart gives a measure's trend chart.
func trendChartID(m *report.Measure) string { return "chart-trend-" + m.Address }

// prefixed puts prefix before each id.
func prefixed(prefix string, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = prefix + id
	}
	return out
}

// introAnchors are the ids of a quarter's introduction, as its home page
// and its print page show it: its lead, and each section's heading and
// text.
func introAnchors(n *report.Narrative) []string {
	if n == nil {
		return nil
	}
	ids := narrative.IDs(n.Lead)
	for _, sec := range n.Sections {
		ids = append(ids, sec.Anchor)
		ids = append(ids, narrative.IDs(sec.HTML)...)
	}
	return ids
}

func homeAnchors(s *report.Site, q *report.Quarter) []string {
	ids := []string{"main", "sc-summary", "sc-introduction", "sc-themes", "sc-bytheme"}
	ids = append(ids, headlineAnchors...)
	ids = append(ids, chartAnchors(HomeChartID(q), true)...)
	for _, t := range s.Themes {
		ids = append(ids, "sc-theme-"+t.Address)
		if n := q.Narrative[t]; n != nil && len(n.Sections) > 0 {
			ids = append(ids, prefixed("home-"+t.Address+"-", narrative.IDs(n.Sections[0].HTML))...)
		}
	}
	return append(ids, introAnchors(q.Intro)...)
}

// themeDataFor is what the scorecard of a theme shows, for its ids.
func themeDataFor(s *report.Site, q *report.Quarter, t *report.Theme, prefix string) themeData {
	return idsOnly().themeData(s, q, t, Chart{}, prefix)
}

// idsOnly is a renderer for the ids of pages, not their words: English
// will do, loaded once.
var idsOnly = sync.OnceValue(func() *Renderer { return &Renderer{words: words.English()} })

// scorecardAnchors are the ids of the "scorecard" template.
func scorecardAnchors(d themeData) []string {
	p := d.IDPrefix
	ids := []string{p + "sc-caption", p + "h-measure", p + "h-good", p + "h-dot"}
	for _, c := range d.Columns {
		h := p + "h-" + c.ID.Slug()
		ids = append(ids, h, h+"-t", h+"-a", h+"-s")
	}
	for _, k := range d.Refs {
		ids = append(ids, p+"h-"+k.Key())
	}
	if d.Forecast {
		ids = append(ids, p+"h-forecast")
	}
	for _, r := range d.Rows {
		ids = append(ids, p+"m-"+r.Measure.Address)
	}
	if len(d.Notes) > 0 {
		ids = append(ids, p+"sc-notes")
	}
	for _, n := range d.Notes {
		ids = append(ids, n.Anchor)
		ids = append(ids, n.Extra...)
	}
	return ids
}

// themeAnchors are the ids of a theme's page.
func themeAnchors(d themeData) []string {
	ids := []string{"main", "sc-glance", "sc-scorecard"}
	ids = append(ids, headlineAnchors...)
	ids = append(ids, chartAnchors(ThemeChartID(d.Quarter, d.Theme), true)...)
	if len(d.Children) > 0 {
		ids = append(ids, "sc-within")
	}
	if len(d.Children) == 0 || len(d.Rows) > 0 {
		ids = append(ids, scorecardAnchors(d)...)
	}
	if d.Narrative != nil {
		ids = append(ids, "sc-narrative")
		ids = append(ids, narrative.IDs(d.Narrative.Narrative.HTML)...)
	}
	return ids
}

func printAnchors(s *report.Site, q *report.Quarter) []string {
	ids := append([]string{"main"}, introAnchors(q.Intro)...)
	if len(q.Corrections) > 0 {
		ids = append(ids, "print-corrections", "print-corrections-caption")
	}
	large := len(q.Rows) > PrintMaxMeasures
	for _, t := range s.AllThemes() {
		p := t.Address + "-"
		ids = append(ids, p+"title")
		if n := q.Narrative[t]; n != nil {
			ids = append(ids, prefixed(p, narrative.IDs(n.HTML))...)
		}
		if large {
			continue
		}
		if d := themeDataFor(s, q, t, p); len(d.Children) == 0 || len(d.Rows) > 0 {
			ids = append(ids, p+"scorecard")
			ids = append(ids, scorecardAnchors(d)...)
			ids = append(ids, chartAnchors(ThemeChartID(q, t), true)...)
		}
	}
	return ids
}

func measureAnchors(s *report.Site, m *report.Measure) []string {
	ids := []string{"main", "sc-history", "sc-caption", "sc-about"}
	ids = append(ids, chartAnchors(trendChartID(m), false)...)
	d := idsOnly().measureData(s, m, Chart{}) // words, for a break's
	if d.Latest != nil {
		ids = append(ids, "sc-latest")
	}
	if len(d.Ties) > 0 {
		ids = append(ids, "sc-said")
	}
	for _, tv := range d.Ties {
		ids = append(ids, "tie-"+tv.Quarter.ID.Slug()+"-"+tv.Tie.Anchor)
		ids = append(ids, narrative.IDs(tv.Tie.HTML)...)
	}
	return ids
}

func measureIndexAnchors(s *report.Site) []string {
	ids := []string{"main"}
	for _, mt := range measureIndex(s).Themes {
		ids = append(ids, "theme-"+mt.Theme.Address)
		if len(mt.Rows) > 0 || len(mt.Theme.Children) == 0 {
			ids = append(ids, "caption-"+mt.Theme.Address)
		}
	}
	return ids
}
