package render

import (
	"path"
	"strconv"
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

// Description is a sentence about the page for its meta description, for
// the pages that say nothing more particular: each names the site.
func (p page) Description() string {
	site := p.Site.Organisation + ": " + p.Site.Title
	switch {
	case p.Path == MeasureIndexPath:
		return "Every measure in " + site + ", with its latest figure, status and direction of travel."
	case p.Path == AboutPath:
		return "About " + site + ": what it reports, how to read its statuses and directions of travel."
	case p.Path == AccessibilityPath:
		return "Accessibility statement for " + site + "."
	case p.Path == SearchPath:
		return "Search the measures and reports of " + site + "."
	case p.Path == "data/index.html":
		return "The figures of " + site + " as open data: CSV and JSON files to download."
	case p.Path == NotFoundPath:
		return "The page was not found on " + site + "."
	case strings.HasSuffix(p.Path, "/print/index.html"):
		return "The whole report of " + site + " on one page, for printing: " + p.Title + "."
	}
	return p.Title + ": " + site + "."
}

// Description names the edition and counts its measures by status.
func (d homeData) Description() string {
	return d.Site.Organisation + ": " + d.Site.Title + ", " + d.Quarter.ID.Long() + ". " + statusCounts(d.Site, d.Quarter.Rows)
}

// Description names the theme and edition and counts its measures by
// status.
func (d themeData) Description() string {
	return d.Theme.Title + ", " + d.Quarter.ID.Long() + ", in " + d.Site.Organisation + ": " + d.Site.Title + ". " + statusCounts(d.Site, d.Quarter.TreeRows(d.Theme))
}

// Description gives the measure's latest figure against its target, and
// its status.
func (d measureData) Description() string {
	s, m := d.Site, d.Measure
	var latest *report.Row
	var when report.Period
	for _, q := range s.Quarters {
		if rows := q.RowsOf(m); len(rows) > 0 {
			latest, when = rows[len(rows)-1], q.ID
		}
	}
	var b strings.Builder
	b.WriteString(m.Title + ", " + s.Organisation + ": " + s.Title + ".")
	if latest == nil {
		b.WriteString(" No figures published yet.")
		return b.String()
	}
	if latest.When != (report.Period{}) {
		when = latest.When
	}
	if shown(latest.Actual) {
		b.WriteString(" " + when.Label() + ": " + latest.Actual.Figure())
		if shown(latest.Target) {
			b.WriteString(" against a target of " + latest.Target.Figure())
		}
		b.WriteString(".")
	} else {
		b.WriteString(" " + when.Label() + ": no figure.")
	}
	if latest.Status != nil {
		b.WriteString(" Status: " + latest.Status.Describe() + ".")
	}
	return b.String()
}

// shown reports whether v is a figure to quote: not blank, not "n/a".
func shown(v value.Value) bool { return v.Kind != value.Blank && v.Kind != value.NotApplicable }

// statusCounts writes "54 measures: 20 High green (HG), 10 Red (R), 4 with
// no status."
func statusCounts(s *report.Site, rows []*report.Row) string {
	sum := report.Summarise(rows, s.Statuses)
	out := plural(sum.Total, "measure")
	var parts []string
	for _, c := range sum.Statuses {
		if c.Status == nil {
			parts = append(parts, strconv.Itoa(c.N)+" with no status")
			continue
		}
		parts = append(parts, strconv.Itoa(c.N)+" "+c.Status.Describe())
	}
	if len(parts) > 0 {
		out += ": " + strings.Join(parts, ", ")
	}
	return out + "."
}
