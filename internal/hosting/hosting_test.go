package hosting

import (
	"encoding/xml"
	"strings"
	"testing"

	"scorecard/internal/report"
)

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		q         report.Period
		published string
		want      string
	}{
		{report.QuarterOf(2016, 1), "", "2016-06-30T00:00:00Z"},
		{report.QuarterOf(2016, 2), "", "2016-09-30T00:00:00Z"},
		{report.QuarterOf(2016, 3), "", "2016-12-31T00:00:00Z"},
		{report.QuarterOf(2016, 4), "", "2017-03-31T00:00:00Z"},
		{report.QuarterOf(2016, 2), "2016-12-07", "2016-12-07T00:00:00Z"},
	} {
		if got := Date(&report.Quarter{ID: tc.q, Published: tc.published}); got != tc.want {
			t.Errorf("Date(%s, published %q) = %s, want %s", tc.q, tc.published, got, tc.want)
		}
	}
}

func TestFeed(t *testing.T) {
	s := &report.Site{Organisation: "Test Council", Title: "Performance Report", BaseURL: "https://example.org/perf/"}
	for _, id := range []report.Period{report.QuarterOf(2016, 1), report.QuarterOf(2016, 2)} {
		s.Quarters = append(s.Quarters, &report.Quarter{ID: id})
	}
	s.Quarters[1].Intro = &report.Narrative{Title: "Report – Quarter 2, 2016/17"}
	b := Feed(s, func(q report.Period) string { return q.Path() + "/index.html" })
	var feed struct {
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &feed); err != nil {
		t.Fatalf("the feed is not XML: %v\n%s", err, b)
	}
	if len(feed.Entries) != 2 || feed.Entries[0].Title != "Report – Quarter 2, 2016/17" ||
		feed.Entries[0].Link.Href != "https://example.org/perf/2016-17/q2/" || feed.Entries[1].ID != "https://example.org/perf/2016-17/q1/" {
		t.Errorf("entries = %+v; want Q2 then Q1, with full addresses", feed.Entries)
	}
	if feed.Updated != "2016-09-30T00:00:00Z" {
		t.Errorf("updated = %s; want the newest entry's date", feed.Updated)
	}
}

func TestSitemapAndRobots(t *testing.T) {
	b := string(Sitemap("https://example.org/perf/", []string{"index.html", "measures/bbh-5/index.html", "data/index.html"}))
	for _, want := range []string{"<loc>https://example.org/perf/</loc>", "<loc>https://example.org/perf/measures/bbh-5/</loc>", `xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`} {
		if !strings.Contains(b, want) {
			t.Errorf("sitemap lacks %s:\n%s", want, b)
		}
	}
	if r := string(Robots("https://example.org/perf/")); !strings.Contains(r, "Sitemap: https://example.org/perf/sitemap.xml") {
		t.Errorf("robots.txt = %q", r)
	}
}
