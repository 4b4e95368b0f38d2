// Package hosting writes the files that web servers, crawlers and feed
// readers look for beside the pages: sitemap.xml, robots.txt and an Atom
// feed announcing each published quarter. All need the site's base URL.
package hosting

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"

	"scorecard/internal/report"
)

// Sitemap lists the pages (paths from the site root) for search engines.
func Sitemap(base string, pages []string) []byte {
	type loc struct {
		Loc string `xml:"loc"`
	}
	doc := struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []loc    `xml:"url"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range pages {
		doc.URLs = append(doc.URLs, loc{Loc: URL(base, p)})
	}
	return marshal(doc)
}

// URL is a page's full address: index.html files are addressed by their
// folder.
func URL(base, page string) string {
	return base + strings.TrimSuffix(page, "index.html")
}

// Robots allows every crawler and names the sitemap.
func Robots(base string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + base + "sitemap.xml\n")
}

// Feed announces each published quarter, newest first, and each
// correction to a published figure, linking its entry on the page at
// correctionsPath. A quarter's date is its "published" date, or else the
// last day of the quarter; a correction's is the day it was made.
func Feed(s *report.Site, quarterPath func(report.Period) string, correctionsPath string) []byte {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Link    link   `xml:"link"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
	}
	type author struct {
		Name string `xml:"name"`
	}
	feed := struct {
		XMLName xml.Name `xml:"feed"`
		NS      string   `xml:"xmlns,attr"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Links   []link   `xml:"link"`
		Updated string   `xml:"updated"`
		Author  author   `xml:"author"`
		Entries []entry  `xml:"entry"`
	}{
		NS:     "http://www.w3.org/2005/Atom",
		Title:  s.Organisation + ": " + s.Title,
		ID:     s.BaseURL,
		Links:  []link{{Href: s.BaseURL}, {Href: s.BaseURL + "feed.xml", Rel: "self"}},
		Author: author{Name: s.Organisation},
	}
	for i := len(s.Quarters) - 1; i >= 0; i-- {
		q := s.Quarters[i]
		u := URL(s.BaseURL, quarterPath(q.ID))
		title := s.Title + ": " + q.ID.Long()
		if q.Intro != nil {
			title = q.Intro.Title
		}
		updated := Date(q)
		if feed.Updated < updated {
			feed.Updated = updated
		}
		feed.Entries = append(feed.Entries, entry{
			Title: title, ID: u, Link: link{Href: u}, Updated: updated,
			Summary: summary(q),
		})
	}
	if e, ok := nextRelease(s); ok {
		feed.Entries = append([]entry{{Title: e.title, ID: e.url, Link: link{Href: e.url}, Updated: e.updated, Summary: e.summary}}, feed.Entries...)
	}
	for _, c := range corrections(s, correctionsPath) {
		if feed.Updated < c.Updated {
			feed.Updated = c.Updated
		}
		feed.Entries = append(feed.Entries, entry{Title: c.Title, ID: c.ID, Link: link{Href: c.Href}, Updated: c.Updated, Summary: c.Summary})
	}
	return marshal(feed)
}

// Date is when a quarter was published, as an RFC 3339 time: its
// "published" date, or the last day of the quarter when it has none.
func Date(q *report.Quarter) string {
	if t, err := time.Parse("2006-01-02", q.Published); err == nil {
		return t.Format(time.RFC3339)
	}
	_, end := q.ID.Dates()
	return end.Format(time.RFC3339)
}

func summary(q *report.Quarter) string {
	return q.ID.Long() + ": the scorecard of " + strconv.Itoa(len(q.Rows)) + " measures, with their targets, actuals and statuses."
}

func marshal(v any) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err) // the documents hold only strings
	}
	b.WriteByte('\n')
	return b.Bytes()
}
