package render

import (
	"bytes"
	"strings"
	"testing"

	"scorecard/internal/sitetest"
)

// TestBreaksAndForecastPages: the measure with a method change lists it
// in its About and marks it in its history table (a row below the first
// figure after it) and cards; a forecast is beside the status in the
// Latest block, the history, the theme's scorecard and its cards, whose
// column is there only when some row has one.
func TestBreaksAndForecastPages(t *testing.T) {
	s := sitetest.Load(t, sitetest.Breaks)
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	m := s.Measures[0]
	var b bytes.Buffer
	if err := r.Measure(&b, s, m, Chart{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		`<dt>Changes to the series</dt><dd><ul class="breaks"><li><span class="break-title">Method change from Q1 2016/17:</span> From April 2016 the survey asks every tenant, not a sample.</li></ul></dd>`,
		`<th scope="col">Published status</th><th scope="col">Year-end forecast</th><th scope="col">Status from the figures</th>`,
		`<dt>Year-end forecast</dt><dd><span class="forecast">95% <span class="status status-a">Amber (A)</span></span></dd>`,
		`<div class="card-wide"><dt>Method change from Q1 2016/17</dt><dd>From April 2016 the survey asks every tenant, not a sample. Figures from then on are not compared with those before.</dd></div>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the measure page lacks %s", want)
		}
	}
	// The break's row lies between Q1 2016/17's row and Q4 2015/16's.
	q1 := strings.Index(page, `">Q1 2016/17</a></th>`)
	brk := strings.Index(page, `<tr class="series-break">`)
	q4 := strings.Index(page, `">Q4 2015/16</a></th>`)
	if !(q1 >= 0 && q1 < brk && brk < q4) || strings.Count(page, `<tr class="series-break">`) != 1 {
		t.Errorf("the break's row at %d, Q1 2016/17's at %d, Q4 2015/16's at %d; want one, between them", brk, q1, q4)
	}

	b.Reset()
	if err := r.Measure(&b, s, s.Measures[1], Chart{}); err != nil {
		t.Fatal(err)
	}
	if page := b.String(); strings.Contains(page, "series-break") || strings.Contains(page, "Changes to the series") {
		t.Error("homes-2, which has no break, shows one")
	}

	for i, want := range map[int][]string{
		3: {`<colgroup span="3"></colgroup><colgroup span="1"></colgroup><colgroup span="2"></colgroup>`,
			`<th scope="col" rowspan="2" id="h-forecast">Year-end forecast</th>`,
			`<div class="card-wide"><dt>Year-end forecast</dt><dd><span class="forecast">400</span></dd></div>`},
		2: nil,
	} {
		q := s.Quarters[i]
		b.Reset()
		if err := r.Theme(&b, s, q, s.Themes[0], Chart{}); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: the theme page lacks %s", q.ID, w)
			}
		}
		if want == nil && strings.Contains(page, "forecast") {
			t.Errorf("%s: the theme page has a forecast column, though no row has a forecast", q.ID)
		}
	}
}
