package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"scorecard/internal/report"
)

// calendarSite is a small quarterly site whose latest edition is Q2
// 2016/17, with the given releases and statement.
func calendarSite(rel []report.Release, cop *report.CodeOfPractice) *report.Site {
	th := &report.Theme{ID: "homes", Address: "homes", Title: "Homes", Depth: 1}
	m := &report.Measure{ID: "homes-1", Address: "homes-1", Title: "Homes built", Theme: th}
	th.Measures = []*report.Measure{m}
	return &report.Site{
		Organisation: "Test Council", Title: "Performance Report",
		Themes: []*report.Theme{th}, Measures: []*report.Measure{m},
		Quarters: []*report.Quarter{
			{ID: report.QuarterOf(2016, 1), Published: "2016-09-14"},
			{ID: report.QuarterOf(2016, 2)},
		},
		Releases:       rel,
		CodeOfPractice: cop,
	}
}

// TestCodeOfPractice renders the statement: each pillar's Markdown as
// narrative, under the pillar's heading (its own headings a level below,
// their ids its own), whom to ask, when it was prepared; and the ids the
// page writes are those anchors.go declares for the link check.
func TestCodeOfPractice(t *testing.T) {
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	cop := &report.CodeOfPractice{
		Trustworthiness: "Prepared by the *performance team*.\n\n## Who sees the figures\n\nNo one before release.",
		Quality:         "Checked twice. <b>raw</b>",
		Value:           "- Open data\n- Every month",
		Contact:         "stats@example.org",
		Prepared:        "2026-12-01",
		Reviewed:        "2027-01-05",
	}
	s := calendarSite(nil, cop)
	var b bytes.Buffer
	if err := r.CodeOfPractice(&b, s); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, want := range []string{
		`<h2 id="trustworthiness">Trustworthiness</h2>`,
		`<em>performance team</em>`,
		`<h3 id="trustworthiness-who-sees-the-figures">Who sees the figures</h3>`, // demoted, prefixed
		`<h2 id="quality">Quality</h2>`,
		`&lt;b&gt;raw&lt;/b&gt;`, // raw HTML is text, as in narrative, unless allow_html
		`<li>Open data</li>`,
		`<a href="mailto:stats@example.org">stats@example.org</a>`,
		`prepared on 1 December 2026`,
		`reviewed on 5 January 2027`,
		`<a href="../code-of-practice/index.html">Code of Practice statement</a>`, // the footer
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the statement lacks %s\n%s", want, html)
		}
	}
	if strings.Contains(html, "releases/index.html") {
		t.Error("the statement links a release calendar the site does not have")
	}
	if got, want := pageIDs(html), declaredIDs(t, s, CodeOfPracticePath); !slices.Equal(got, want) {
		t.Errorf("the page writes the ids %v; anchors.go declares %v", got, want)
	}

	// A contact that is not an address is written as it is.
	cop.Contact = "the Performance team, 01632 960000"
	b.Reset()
	if err := r.CodeOfPractice(&b, s); err != nil {
		t.Fatal(err)
	}
	if html := b.String(); strings.Contains(html, "mailto:") || !strings.Contains(html, "contact the Performance team, 01632 960000.") {
		t.Error("a contact that is not an email address is not written as it is")
	}
}

// TestReleasesPage: the calendar's page lists the reports to come and the
// past ones, newest first, each past one with its publication; the home
// page of the latest edition, and it alone, says when the next is due.
func TestReleasesPage(t *testing.T) {
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	s := calendarSite([]report.Release{
		{Edition: report.QuarterOf(2016, 1), Date: "2016-09-14"},
		{Edition: report.QuarterOf(2016, 2), Date: "2016-12-07"},
		{Edition: report.QuarterOf(2016, 3), Date: "2017-02-15"},
		{Edition: report.QuarterOf(2016, 4), Date: "2017-05-17"},
	}, nil)
	var b bytes.Buffer
	if err := r.Releases(&b, s); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	order := []string{
		`<tr id="release-2016-17-q3"><th scope="row">Quarter 3, 2016/17</th><td>15 February 2017</td></tr>`,
		`<tr id="release-2016-17-q4"><th scope="row">Quarter 4, 2016/17</th><td>17 May 2017</td></tr>`,
		`<tr id="release-2016-17-q2"><th scope="row"><a href="../2016-17/q2/index.html">Quarter 2, 2016/17</a></th><td>7 December 2016</td><td>Published (date not recorded)</td></tr>`,
		`<tr id="release-2016-17-q1"><th scope="row"><a href="../2016-17/q1/index.html">Quarter 1, 2016/17</a></th><td>14 September 2016</td><td>14 September 2016</td></tr>`,
	}
	at := 0
	for _, row := range order {
		i := strings.Index(html[at:], row)
		if i < 0 {
			t.Fatalf("the page lacks, or has out of order, %s\n%s", row, html)
		}
		at += i
	}
	if strings.Contains(html, "code-of-practice") {
		t.Error("the page links a statement the site does not have")
	}
	if got, want := pageIDs(html), declaredIDs(t, s, ReleasesPath); !slices.Equal(got, want) {
		t.Errorf("the page writes the ids %v; anchors.go declares %v", got, want)
	}

	home := func(q *report.Quarter, path string) string {
		var b bytes.Buffer
		if err := r.Home(&b, s, q, path, Chart{}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	next := "Next report: Quarter 3, 2016/17, due on 15 February 2017."
	if h := home(s.Quarters[1], "index.html"); !strings.Contains(h, next) || !strings.Contains(h, `href="calendar.ics"`) || !strings.Contains(h, `href="releases/index.html"`) {
		t.Errorf("the home page does not say %q with links to calendar.ics and releases/", next)
	}
	if h := home(s.Quarters[0], QuarterPath(s.Quarters[0].ID)); strings.Contains(h, "Next report") {
		t.Error("an earlier edition's home page says when the next report is due")
	}
	s.Releases = s.Releases[:2] // none to come
	if h := home(s.Quarters[1], "index.html"); strings.Contains(h, "Next report") {
		t.Error("the home page announces a next report the calendar does not name")
	}
}
