package hosting

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"scorecard/internal/report"
)

// calendarSite is a quarterly site whose latest edition, Q2 2016/17, was
// published on 7 December 2016, with a calendar of one past release and
// two to come, and a title long enough, and written with the characters
// iCalendar escapes, to be folded.
func calendarSite(base string) *report.Site {
	s := &report.Site{
		Organisation: "Test Council; Borough of Ashcombe, Wessex",
		Title:        `Strategic Performance Report \ Scrutiny – “Quarterly” édition`,
		BaseURL:      base,
		Quarters: []*report.Quarter{
			{ID: report.QuarterOf(2016, 1), Published: "2016-09-14"},
			{ID: report.QuarterOf(2016, 2), Published: "2016-12-07"},
		},
		Releases: []report.Release{
			{Edition: report.QuarterOf(2016, 2), Date: "2016-12-07"},
			{Edition: report.QuarterOf(2016, 3), Date: "2017-02-15"},
			{Edition: report.QuarterOf(2016, 4), Date: "2017-05-17"},
		},
	}
	return s
}

func quarterPath(q report.Period) string { return q.Path() + "/index.html" }

// TestCalendar reads calendar.ics back with a real iCalendar parser
// (github.com/arran4/golang-ical) and checks RFC 5545's rules that a
// lenient parser lets pass: CRLF line ends, lines of 75 octets at most,
// folded without splitting a character, and the properties each event
// needs.
func TestCalendar(t *testing.T) {
	s := calendarSite("https://example.org/perf/")
	b := Calendar(s, quarterPath)
	if !bytes.Equal(b, Calendar(calendarSite("https://example.org/perf/"), quarterPath)) {
		t.Error("two calendars of the same site differ")
	}
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Error("the calendar does not end with CRLF")
	}
	folded := false
	for i, l := range bytes.Split(bytes.TrimSuffix(b, []byte("\r\n")), []byte("\r\n")) {
		if bytes.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets long, over 75: %q", i+1, len(l), l)
		}
		if len(l) > 0 && l[0] == ' ' {
			folded = true
		}
		if !utf8.Valid(l) { // a fold inside a character leaves both halves invalid
			t.Errorf("line %d is not whole UTF-8: %q", i+1, l)
		}
	}
	if !folded {
		t.Error("no line was folded, though the title makes lines longer than 75 octets")
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the calendar does not parse: %v\n%s", err, b)
	}
	events := cal.Events()
	if len(events) != len(s.Releases) {
		t.Fatalf("%d events; want one per release, %d", len(events), len(s.Releases))
	}
	uids := map[string]bool{}
	for i, e := range events {
		r := s.Releases[i]
		uid := e.Id()
		if uids[uid] || !strings.Contains(uid, r.Edition.Slug()) || !strings.HasSuffix(uid, "@example.org/perf") {
			t.Errorf("event %d: UID %q; want one of its own, naming %s, at the site's address", i, uid, r.Edition.Slug())
		}
		uids[uid] = true
		start := e.GetProperty(ics.ComponentPropertyDtStart)
		if start == nil || start.Value != strings.ReplaceAll(r.Date, "-", "") || start.ICalParameters["VALUE"][0] != "DATE" {
			t.Errorf("event %d: DTSTART %+v; want the all-day date %s", i, start, r.Date)
		}
		day, err := e.GetAllDayStartAt()
		if err != nil || day.Format("2006-01-02") != r.Date {
			t.Errorf("event %d: all-day start %v, %v; want %s", i, day, err, r.Date)
		}
		if stamp := e.GetProperty(ics.ComponentPropertyDtstamp); stamp == nil || stamp.Value != "20161207T000000Z" {
			t.Errorf("event %d: DTSTAMP %+v; want the latest edition's publication, 20161207T000000Z", i, stamp)
		}
		summary := e.GetProperty(ics.ComponentPropertySummary)
		if want := s.Title + ": " + r.Edition.Long() + " published"; summary == nil || summary.Value != want {
			t.Errorf("event %d: SUMMARY %+v; want %q, escaped and read back", i, summary, want)
		}
		desc := e.GetProperty(ics.ComponentPropertyDescription)
		if desc == nil || !strings.HasPrefix(desc.Value, s.Organisation+" publishes its ") {
			t.Errorf("event %d: DESCRIPTION %+v; want it to name %q", i, desc, s.Organisation)
		}
	}
	// A published edition's event links its page; one to come, its row of
	// the release calendar.
	for i, want := range []string{"https://example.org/perf/2016-17/q2/", "https://example.org/perf/releases/#release-2016-17-q3"} {
		if u := events[i].GetProperty(ics.ComponentPropertyUrl); u == nil || u.Value != want {
			t.Errorf("event %d: URL %+v; want %s", i, u, want)
		}
	}
}

// TestCalendarWithoutBaseURL: a site with no address still has a
// calendar, whose UIDs are made from its names, and whose events link
// nowhere.
func TestCalendarWithoutBaseURL(t *testing.T) {
	b := Calendar(calendarSite(""), quarterPath)
	cal, err := ics.ParseCalendar(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the calendar does not parse: %v\n%s", err, b)
	}
	for _, e := range cal.Events() {
		if !strings.HasSuffix(e.Id(), "@test-council-borough-of-ashcombe-wessex.strategic-performance-report-scrutiny-quarterly-dition.scorecard.invalid") {
			t.Errorf("UID %q; want one made from the organisation and title", e.Id())
		}
		if u := e.GetProperty(ics.ComponentPropertyUrl); u != nil {
			t.Errorf("URL %s; want none without a base URL", u.Value)
		}
	}
}

// TestFeedNextRelease: the feed announces the calendar's next report, the
// first for an edition after the latest, dated as the latest edition.
func TestFeedNextRelease(t *testing.T) {
	s := calendarSite("https://example.org/perf/")
	var feed struct {
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(Feed(s, quarterPath, "corrections/index.html"), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != 3 {
		t.Fatalf("%d entries; want the next release and two editions", len(feed.Entries))
	}
	e := feed.Entries[0]
	if e.Title != "Next report: Quarter 3, 2016/17, due on 15 February 2017" || e.ID != "https://example.org/perf/releases/#release-2016-17-q3" ||
		e.Updated != "2016-12-07T00:00:00Z" || !strings.Contains(e.Summary, "https://example.org/perf/calendar.ics") {
		t.Errorf("the next release's entry = %+v", e)
	}
	// Once Q3 is published, Q4 is next; once Q4 is, nothing is.
	s.Quarters = append(s.Quarters, &report.Quarter{ID: report.QuarterOf(2016, 3)}, &report.Quarter{ID: report.QuarterOf(2016, 4)})
	feed.Entries = nil
	if err := xml.Unmarshal(Feed(s, quarterPath, "corrections/index.html"), &feed); err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(feed.Entries[0].Title, "Next report") {
		t.Errorf("with every release published, the feed still announces %q", feed.Entries[0].Title)
	}
}
