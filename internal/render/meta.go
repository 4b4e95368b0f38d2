package render

import (
	"path"
	"strings"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// What a page tells search engines and link previews about itself: its
// meta description and Open Graph description (base.html's <head>), and
// its icon. Each kind of page says it from its own content, so the same
// site gives the same words: no clock is read.

// FaviconPath is the default icon, which the build draws from the site's
// accent colour when the site's logo cannot serve as one.
const FaviconPath = "favicon.svg"

// Favicon is the icon's path from the site root: the site's logo when it
// is a format browsers take as an icon, else the default.
func (p page) Favicon() string { return Favicon(p.Site) }

// Favicon is the path of s's icon from the site root.
func Favicon(s *report.Site) string {
	switch strings.ToLower(path.Ext(s.Logo)) {
	case ".svg", ".png", ".ico", ".gif":
		return s.Logo
	}
	return FaviconPath
}

// FaviconSVG is the default icon: a rounded square in the site's accent
// colour (a "#rrggbb" the loader checked) with a white bar chart on it.
func FaviconSVG(s *report.Site) []byte {
	accent := s.Accent
	if accent == "" {
		accent = "#1d70b8"
	}
	return []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` +
		`<rect width="32" height="32" rx="6" fill="` + accent + `"/>` +
		`<path d="M7 24h4v-8H7zm7 0h4V8h-4zm7 0h4v-12h-4z" fill="#fff"/></svg>` + "\n")
}

// describe is the template func that writes a page's meta description
// (base.html's <head>, embed.html), from the page's own content in the
// catalogue's words: a report page counts its measures by status, a
// measure's gives its latest figure, the others say what they hold.
func (r *Renderer) describe(data any) string {
	switch d := data.(type) {
	case homeData:
		return r.say("meta-home", "Organisation", d.Site.Organisation, "Title", d.Site.Title, "Period", d.Quarter.ID.Long(), "Counts", r.statusCounts(d.Site, d.Quarter.Rows))
	case themeData:
		return r.say("meta-theme", "Theme", d.Theme.Title, "Period", d.Quarter.ID.Long(), "Organisation", d.Site.Organisation, "Title", d.Site.Title, "Counts", r.statusCounts(d.Site, d.Quarter.TreeRows(d.Theme)))
	case measureData:
		return r.measureDescription(d)
	case embedData:
		return d.Chart.Summary
	case interface{ basePage() page }:
		return r.pageDescription(d.basePage())
	}
	return ""
}

// basePage is the page's own part of a page's data, for describe.
func (p page) basePage() page { return p }

// pageDescription is the meta description of the pages that say nothing
// more particular: each names the site.
func (r *Renderer) pageDescription(p page) string {
	site := r.say("meta-site", "Organisation", p.Site.Organisation, "Title", p.Site.Title)
	switch {
	case p.Path == MeasureIndexPath:
		return r.say("meta-measures", "Site", site)
	case p.Path == AboutPath:
		return r.say("meta-about", "Site", site)
	case p.Path == AccessibilityPath:
		return r.say("meta-accessibility", "Site", site)
	case p.Path == SearchPath:
		return r.say("meta-search", "Site", site)
	case p.Path == "data/index.html":
		return r.say("meta-data", "Site", site)
	case p.Path == NotFoundPath:
		return r.say("meta-not-found", "Site", site)
	case strings.HasSuffix(p.Path, "/print/index.html"):
		return r.say("meta-print", "Site", site, "Page", p.Title)
	}
	return r.say("meta-page", "Site", site, "Page", p.Title)
}

// measureDescription gives the measure's latest figure against its
// target, and its status.
func (r *Renderer) measureDescription(d measureData) string {
	s, m := d.Site, d.Measure
	var latest *report.Row
	var when report.Period
	for _, q := range s.Quarters {
		if rows := q.RowsOf(m); len(rows) > 0 {
			latest, when = rows[len(rows)-1], q.ID
		}
	}
	out := r.say("meta-measure", "Measure", m.Title, "Organisation", s.Organisation, "Title", s.Title)
	if latest == nil {
		return out + r.say("meta-measure-none")
	}
	if latest.When != (report.Period{}) {
		when = latest.When
	}
	switch {
	case shown(latest.Actual) && shown(latest.Target):
		out += r.say("meta-measure-against", "Period", when.Label(), "Actual", latest.Actual.Figure(), "Target", latest.Target.Figure())
	case shown(latest.Actual):
		out += r.say("meta-measure-actual", "Period", when.Label(), "Actual", latest.Actual.Figure())
	default:
		out += r.say("meta-measure-no-figure", "Period", when.Label())
	}
	if latest.Status != nil {
		out += r.say("meta-measure-status", "Status", latest.Status.Describe())
	}
	return out
}

// shown reports whether v is a figure to quote: not blank, not "n/a".
func shown(v value.Value) bool { return v.Kind != value.Blank && v.Kind != value.NotApplicable }

// statusCounts writes "54 measures: 20 High green (HG), 10 Red (R), 4 with
// no status."
func (r *Renderer) statusCounts(s *report.Site, rows []*report.Row) string {
	sum := report.Summarise(rows, s.Statuses)
	var parts []string
	for _, c := range sum.Statuses {
		if c.Status == nil {
			parts = append(parts, r.say("meta-count-no-status", c.N))
			continue
		}
		parts = append(parts, r.say("meta-count-status", "N", c.N, "Status", c.Status.Describe()))
	}
	if len(parts) == 0 {
		return r.say("meta-counts-none", "Measures", r.say("count-measures", sum.Total))
	}
	return r.say("meta-counts", "Measures", r.say("count-measures", sum.Total), "Statuses", strings.Join(parts, r.say("list-comma")))
}
