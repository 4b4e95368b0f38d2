package render

import (
	"io"

	"scorecard/internal/narrative"
	"scorecard/internal/report"
)

type homeData struct {
	page
	Heading   string
	Quarter   *report.Quarter
	Latest    bool
	Summary   summaryView
	Headline  headlineView
	Rollups   rollupView
	Chart     Chart
	CSV       string
	PrintPath string
	Themes    []themeLink
	PDF       *pdfLink // the edition's PDF, when the build made one
}

type themeLink struct {
	Theme    *report.Theme
	Path     string
	Counts   summaryView // the theme's measures and those of the themes below it
	Head     report.Headline
	Section  *homeSection // the theme narrative's first section, moved to the home page
	Children []themeLink  // the themes directly below it, each with its own roll-up
}

// homeSection is a theme narrative's first section, as the home page
// shows it.
type homeSection struct {
	Heading string
	HTML    placed
}

// themeLinks links to each of themes for quarter q, with the roll-up of
// each one's measures and those below it.
func themeLinks(s *report.Site, q *report.Quarter, themes []*report.Theme) []themeLink {
	var out []themeLink
	for _, t := range themes {
		rows := q.TreeRows(t)
		out = append(out, themeLink{Theme: t, Path: ThemePath(q.ID, t), Counts: newSummary(s, q, t.Title, rows),
			Head: report.NewHeadline(s.Rating, rows, 0), Children: themeLinks(s, q, t.Children)})
	}
	return out
}

// Home renders a quarter's home page, to be written at path at, with its
// chart of status counts by theme.
func (r *Renderer) Home(w io.Writer, s *report.Site, q *report.Quarter, at string, chart Chart) error {
	heading := s.Title + ": " + q.ID.Long()
	if q.Intro != nil {
		heading = q.Intro.Title
	}
	d := homeData{
		page:      newPage(s, at, "report", heading),
		Heading:   heading,
		Quarter:   q,
		Latest:    q == s.Quarters[len(s.Quarters)-1],
		Summary:   newSummary(s, q, r.say("home-summary-caption", "Measures", r.say("count-measures", len(q.Rows)), "Period", q.ID.Label()), q.Rows),
		Chart:     chart,
		CSV:       DataPath(q.ID),
		PrintPath: PrintPath(q.ID),
		PDF:       r.pdfLink(q),
	}
	d.Headline = r.newHeadline(s, q, d.Root, r.say("home-headline-of", "Measures", r.say("count-measures", len(q.Rows)), "Period", q.ID.Label()), q.Rows)
	d.HasCharts = true
	d.reportNav(s, q, nil)
	if at != "index.html" {
		d.Crumbs = []crumb{homeCrumb, {Text: q.ID.Label()}}
	}
	for _, tl := range themeLinks(s, q, s.Themes) {
		t := tl.Theme
		if nar := q.Narrative[t]; nar != nil && len(nar.Sections) > 0 {
			sec := nar.Sections[0]
			// Its footnotes and anchors are on the theme's page.
			tl.Section = &homeSection{Heading: sec.Heading, HTML: placed{Blocks: sec.HTML,
				Place: narrative.Place{Home: d.Root + tl.Path, IDPrefix: "home-" + t.Address + "-"}}}
		}
		d.Themes = append(d.Themes, tl)
	}
	d.Rollups = rollupView{Caption: r.say("home-rollups-caption", "Period", q.ID.Label()), Root: d.Root, Links: d.Themes}
	return r.execute(w, "home.html", d)
}
