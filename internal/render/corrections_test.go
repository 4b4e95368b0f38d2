package render

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"scorecard/internal/load"
	"scorecard/internal/rag"
	"scorecard/internal/report"
)

// correctedSite is the example with corrections made by hand, as the
// loader makes them from the editions' corrections: lists: the latest
// edition's actual of the measure furthest off target (so that the
// headline names it), a status in the same edition, and an actual of the
// edition before.
func correctedSite(t *testing.T) (s *report.Site, actual, status, earlier *report.Correction) {
	t.Helper()
	s, findings := load.Site(os.DirFS("../.."))
	if findings.HasErrors() {
		t.Fatal(findings)
	}
	rag.Assess(s)
	q := s.Quarters[len(s.Quarters)-1]
	off := report.NewHeadline(s.Rating, q.Rows, 1).FurthestOff
	if len(off) == 0 {
		t.Fatal("the example's latest edition has no measure off target")
	}
	row := off[0]
	actual = &report.Correction{Measure: row.Measure, Field: "actual", From: "0.5%", To: row.Actual.Raw, Date: "2016-11-30", Why: "Late survey returns were counted."}
	row.Corrections = append(row.Corrections, actual)
	var other *report.Row
	for _, r := range q.Rows {
		if r != row && r.Status != nil && r.Measure.Theme == row.Measure.Theme {
			other = r
			break
		}
	}
	if other == nil {
		t.Fatal("no other rated row in the theme")
	}
	status = &report.Correction{Measure: other.Measure, Field: "status", From: s.Statuses[0].Code, To: other.Status.Code, Date: "2016-12-01", Why: "The status was copied from the wrong line."}
	other.Corrections = append(other.Corrections, status)
	q.Corrections = []*report.Correction{actual, status}
	prev := s.Quarters[len(s.Quarters)-2]
	er := prev.Row(row.Measure)
	if er == nil {
		t.Fatal("the measure has no row in the edition before")
	}
	earlier = &report.Correction{Measure: row.Measure, Field: "actual", From: "", To: er.Actual.Raw, Date: "2016-10-03", Why: "The figure was missing from the table."}
	er.Corrections = append(er.Corrections, earlier)
	prev.Corrections = []*report.Correction{earlier}
	return s, actual, status, earlier
}

// TestCorrectionsBesideFigures checks that a corrected figure says so,
// with a link to its entry on the corrections page, on every page that
// shows it: the edition's home page (its headline), the theme's scorecard
// and cards, the print page, the measure's page (its latest figures,
// history table and cards) and the list of all measures.
func TestCorrectionsBesideFigures(t *testing.T) {
	s, actual, status, _ := correctedSite(t)
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	q := s.Quarters[len(s.Quarters)-1]
	m := actual.Measure
	const note = "Corrected on 30 November 2016: was 0.5%"
	statusNote := "Corrected on 1 December 2016: was " + s.Statuses[0].Describe()
	render := func(write func(*bytes.Buffer) error) string {
		t.Helper()
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	link := func(root, anchor, text string) string {
		return `<span class="correction"><a href="` + root + `corrections/index.html#` + anchor + `">` + text + `</a></span>`
	}
	id := "c-" + q.ID.Slug() + "-" + m.Address + "-actual"
	statusID := "c-" + q.ID.Slug() + "-" + status.Measure.Address + "-status"
	earlierID := "c-" + s.Quarters[len(s.Quarters)-2].ID.Slug() + "-" + m.Address + "-actual"
	for _, tc := range []struct {
		page string
		html string
		want map[string]int // each note and how many times the page shows it, at least
	}{
		{"home", render(func(b *bytes.Buffer) error { return r.Home(b, s, q, "index.html", Chart{}) }),
			map[string]int{link("", id, note): 1}},
		{"theme", render(func(b *bytes.Buffer) error { return r.Theme(b, s, q, m.Theme, Chart{}) }),
			// the headline, the scorecard's table and its cards; the
			// earlier edition's column in the table and the cards
			map[string]int{link("../../../", id, note): 3, link("../../../", statusID, statusNote): 2, link("../../../", earlierID, "Added on 3 October 2016"): 2}},
		{"print", render(func(b *bytes.Buffer) error { return r.Print(b, s, q, themeCharts(r, s, q)) }),
			// and, for readers on paper, the edition's corrections with
			// their reasons at its end
			map[string]int{link("../../../", id, note): 1, link("../../../", statusID, statusNote): 1,
				`<h2 id="print-corrections">Corrections to this quarter</h2>`: 1, "<td>" + actual.Why + "</td>": 1, "<td>" + status.Why + "</td>": 1}},
		{"measure", render(func(b *bytes.Buffer) error { return r.Measure(b, s, m, Chart{}) }),
			// the latest figures, the history table and its cards
			map[string]int{link("../../", id, note): 3, link("../../", earlierID, "Added on 3 October 2016"): 2}},
		{"all measures", render(func(b *bytes.Buffer) error { return r.MeasureIndex(b, s) }),
			map[string]int{link("../", id, note): 2, link("../", statusID, statusNote): 2}},
	} {
		for want, n := range tc.want {
			if got := strings.Count(tc.html, want); got < n {
				t.Errorf("%s: %d times %s; want %d or more", tc.page, got, want, n)
			}
		}
		if !strings.Contains(tc.html, `corrections/index.html">Corrections</a></li>`) {
			t.Errorf("%s: no link to the corrections page in the footer", tc.page)
		}
		if tc.page == "print" {
			if got, want := pageIDs(tc.html), declaredIDs(t, s, PrintPath(q.ID)); !slices.Equal(got, want) {
				t.Errorf("print: the page writes the ids\n%v\nbut render declares\n%v", got, want)
			}
		}
	}
}

// TestCorrectionsPage checks the page of corrections: newest edition
// first, each correction at its anchor with its measure linked, what it
// was and is, when and why; the ids render declares are those it writes;
// and a site without corrections says so.
func TestCorrectionsPage(t *testing.T) {
	s, actual, status, earlier := correctedSite(t)
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.Corrections(&b, s); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	q, prev := s.Quarters[len(s.Quarters)-1], s.Quarters[len(s.Quarters)-2]
	var at []int
	for _, want := range []string{
		`<h1>Corrections</h1>`,
		`<a href="../data/corrections.csv">open data (CSV)</a>`,
		`<h2 id="edition-` + q.ID.Slug() + `"><a href="../` + QuarterPath(q.ID) + `">` + q.ID.Long() + `</a></h2>`,
		`<li id="c-` + q.ID.Slug() + `-` + actual.Measure.Address + `-actual" class="correction-entry">`,
		`<a href="../` + MeasurePath(actual.Measure) + `">` + escaped(actual.Measure.Title) + `</a>: Actual</h3>`,
		`<dt>Was</dt><dd>0.5%</dd>`,
		`<dt>Now</dt><dd>` + escaped(actual.To) + `</dd>`,
		`<dt>Corrected on</dt><dd>30 November 2016</dd>`,
		`<dt>Why</dt><dd>Late survey returns were counted.</dd>`,
		`<li id="c-` + q.ID.Slug() + `-` + status.Measure.Address + `-status" class="correction-entry">`,
		`<dt>Was</dt><dd>` + escaped(s.Statuses[0].Describe()) + `</dd>`,
		`<h2 id="edition-` + prev.ID.Slug() + `">`,
		`<li id="c-` + prev.ID.Slug() + `-` + earlier.Measure.Address + `-actual" class="correction-entry">`,
		`<dt>Was</dt><dd><span class="empty">not published</span></dd>`,
	} {
		i := strings.Index(page, want)
		if i < 0 {
			t.Errorf("the page lacks %s", want)
			continue
		}
		at = append(at, i)
	}
	if !slices.IsSorted(at) {
		t.Errorf("the page does not list its parts in order (newest edition first, each edition's in the order written): at %v", at)
	}
	if got, want := pageIDs(page), declaredIDs(t, s, CorrectionsPath); !slices.Equal(got, want) {
		t.Errorf("the page writes the ids %v; render declares %v", got, want)
	}

	for _, q := range s.Quarters {
		q.Corrections = nil
	}
	b.Reset()
	if err := r.Corrections(&b, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<p class="notice">No published figure has been corrected.</p>`) {
		t.Errorf("a site without corrections does not say so:\n%s", b.String())
	}
}

// escaped is text escaped text as html/template does in an element's content.
func escaped(s string) string {
	var w rowWriter
	w.html(s)
	return w.String()
}

// pageIDs are the ids a page writes, sorted.
func pageIDs(page string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		ids = append(ids, m[1])
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// declaredIDs are the ids render declares for the page at path, sorted.
func declaredIDs(t *testing.T, s *report.Site, path string) []string {
	t.Helper()
	ids, ok := NewAnchors(s, nil).Of(path)
	if !ok {
		t.Fatalf("render declares no ids for %s", path)
	}
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return slices.Compact(ids)
}
