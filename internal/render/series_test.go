package render

import (
	"bytes"
	"strings"
	"testing"

	"scorecard/internal/report"
	"scorecard/internal/sitetest"
)

// TestSeriesPages checks where further targets and comparators appear: a
// history column for each series the measure has a figure in, with its
// label and source; and in a theme's scorecard a column for each kind the
// theme's measures have that quarter, listing the figures with labels.
func TestSeriesPages(t *testing.T) {
	s := sitetest.Load(t, sitetest.Series)
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*report.Measure{}
	for _, m := range s.Measures {
		byID[m.ID] = m
	}
	const (
		annual  = `<th scope="col">Annual target</th>`
		t1819   = `<th scope="col">Target for 2018/19</th>`
		top     = `<th scope="col">Top quartile (London boroughs)<span class="period">Source: LG Inform</span></th>`
		england = `<th scope="col">England average<span class="period">Source: NHS Digital</span></th>`
	)
	for _, tc := range []struct {
		measure   string
		heads     []string // in order, between Target and Published status
		cells     []string
		caption   string
		notInPage []string
	}{
		{"health-1", []string{`<th scope="col">Target</th>`, annual, t1819, `<th scope="col">Actual</th>`, top, england, `<th scope="col">Published status</th>`},
			[]string{"<td class=\"n\">90%</td>\n<td class=\"n\">92%</td>\n<td class=\"n\"><span class=\"empty\">none</span></td>\n<td class=\"n\">91%</td>\n<td class=\"n\">95%<span class=\"period\">Period: 2015-16</span></td>\n<td class=\"n\">89%</td>",
				`<td class="n">98%<span class="period">Period: 2015-16</span><span class="period">Source: LG Inform, March 2017</span></td>`},
			"target, actual, other targets, comparators and status by quarter", nil},
		{"health-2", []string{`<th scope="col">Target</th>`, annual, `<th scope="col">Actual</th>`, england, `<th scope="col">Published status</th>`},
			[]string{`<td class="n">NYA</td>`}, "target, actual, other targets, comparators and status by quarter", []string{"Target for 2018/19", "Top quartile"}},
		{"homes-1", []string{`<th scope="col">Target</th><th scope="col">Actual</th><th scope="col">Published status</th>`},
			nil, "target, actual and status by quarter", []string{"Annual target", "England average"}},
	} {
		t.Run(tc.measure, func(t *testing.T) {
			var b bytes.Buffer
			if err := r.Measure(&b, s, byID[tc.measure], Chart{}); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			if want := strings.Join(tc.heads, ""); !strings.Contains(page, want) {
				t.Errorf("the history table's headings are not %s", want)
			}
			for _, c := range append(tc.cells, tc.caption) {
				if !strings.Contains(page, c) {
					t.Errorf("the page lacks %q", c)
				}
			}
			for _, c := range tc.notInPage {
				if strings.Contains(page, c) {
					t.Errorf("the page shows %q, which the measure has no figure in", c)
				}
			}
		})
	}

	q2 := s.Quarters[1]
	for _, tc := range []struct {
		theme string
		want  []string
		not   []string
	}{
		{"health", []string{
			`<colgroup span="1"></colgroup><colgroup span="3"></colgroup><colgroup span="2"></colgroup><colgroup span="2"></colgroup><colgroup span="3"></colgroup>`,
			`<th scope="col" rowspan="2" id="h-good">Good is</th><th scope="col" rowspan="2" id="h-targets">Other targets, Q2 2016/17</th><th scope="col" rowspan="2" id="h-comparators">Comparators, Q2 2016/17</th><th scope="colgroup"`,
			`<td headers="m-health-1 h-targets"><ul class="refs"><li>Annual target: 92%</li><li>Target for 2018/19: 96%</li></ul></td>`,
			`<td headers="m-health-1 h-comparators"><ul class="refs"><li>Top quartile (London boroughs): 98%<span class="period">Period: 2015-16</span><span class="period">Source: LG Inform, March 2017</span></li><li>England average: 92%</li></ul></td>`,
			`<td headers="m-health-2 h-targets"><ul class="refs"><li>Annual target: &lt;150</li></ul></td>`,
			`<td headers="m-health-2 h-comparators"><span class="empty">none</span></td>`,
		}, nil},
		{"homes", nil, []string{"h-targets", "h-comparators", `class="refs"`}},
	} {
		t.Run(tc.theme, func(t *testing.T) {
			var th *report.Theme
			for _, x := range s.Themes {
				if x.ID == tc.theme {
					th = x
				}
			}
			var b bytes.Buffer
			if err := r.Theme(&b, s, q2, th, Chart{}); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			for _, w := range tc.want {
				if !strings.Contains(page, w) {
					t.Errorf("the scorecard lacks %s", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(page, w) {
					t.Errorf("the scorecard has %s, though no measure of the theme has a further target or comparator", w)
				}
			}
		})
	}
}
