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
	feed := parseFeed(t, Feed(s, func(q report.Period) string { return q.Path() + "/index.html" }, "corrections/index.html"))
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

// TestFeedCorrections checks that each correction is an entry of its own,
// dated by the day it was made and linking its entry on the corrections
// page, and that the feed's date is the newest entry's.
func TestFeedCorrections(t *testing.T) {
	s := &report.Site{Organisation: "Test Council", Title: "Performance Report", BaseURL: "https://example.org/perf/"}
	m := &report.Measure{ID: "BBH-5", Address: "bbh-5", Title: "Tenant satisfaction"}
	q1 := &report.Quarter{ID: report.QuarterOf(2016, 1), Published: "2016-08-01"}
	q2 := &report.Quarter{ID: report.QuarterOf(2016, 2), Published: "2016-11-01"}
	q1.Corrections = []*report.Correction{
		{Measure: m, Field: "actual", From: "44%", To: "46%", Date: "2016-11-30", Why: "Late survey returns were counted."},
		{Measure: m, Field: "actual", From: "46%", To: "47%", Date: "2016-12-05", Why: "One more return & a <late> one."},
	}
	s.Quarters = []*report.Quarter{q1, q2}
	feed := parseFeed(t, Feed(s, func(q report.Period) string { return q.Path() + "/index.html" }, "corrections/index.html"))
	if len(feed.Entries) != 4 {
		t.Fatalf("%d entries, want 2 editions and 2 corrections: %+v", len(feed.Entries), feed.Entries)
	}
	for i, want := range []struct{ href, updated, summary string }{
		{"https://example.org/perf/corrections/#c-2016-17-q1-bbh-5-actual", "2016-11-30T00:00:00Z", "The actual was 44% and is now 46%. Late survey returns were counted."},
		{"https://example.org/perf/corrections/#c-2016-17-q1-bbh-5-actual-2", "2016-12-05T00:00:00Z", "The actual was 46% and is now 47%. One more return & a <late> one."},
	} {
		e := feed.Entries[2+i]
		if e.Link.Href != want.href || e.ID != want.href || e.Updated != want.updated || e.Summary != want.summary {
			t.Errorf("correction %d = %+v; want link and id %s, updated %s, summary %q", i+1, e, want.href, want.updated, want.summary)
		}
		if !strings.Contains(e.Title, "Tenant satisfaction") || !strings.Contains(e.Title, "Quarter 1") {
			t.Errorf("correction %d's title %q does not name the measure and the edition", i+1, e.Title)
		}
	}
	if feed.Updated != "2016-12-05T00:00:00Z" {
		t.Errorf("updated = %s; want the newest correction's date", feed.Updated)
	}
}

// feedDoc is what the tests read of a feed.
type feedDoc struct {
	Title   string `xml:"title"`
	Updated string `xml:"updated"`
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func parseFeed(t *testing.T, b []byte) feedDoc {
	t.Helper()
	var feed feedDoc
	if err := xml.Unmarshal(b, &feed); err != nil {
		t.Fatalf("the feed is not XML: %v\n%s", err, b)
	}
	return feed
}
