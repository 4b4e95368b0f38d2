package render

import (
	"bytes"
	"strings"
	"testing"

	"scorecard/internal/report"
)

// TestMeasureMetadata: the measure page lists the measure's metadata in
// its description list, each term only when the measure has it, caveats
// included; and text in it is escaped.
func TestMeasureMetadata(t *testing.T) {
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	page := func(m *report.Measure) string {
		th := &report.Theme{ID: "th", Address: "th", Title: "Theme", Measures: []*report.Measure{m}}
		m.ID, m.Title, m.Theme, m.Good, m.Unit = "m-1", "Measure", th, report.Higher, report.BuiltinUnit("count")
		q := &report.Quarter{ID: report.QuarterOf(2016, 2), Rows: []*report.Row{{Measure: m}}}
		q.IndexRows()
		s := &report.Site{Title: "Site", Themes: []*report.Theme{th}, Measures: []*report.Measure{m}, Quarters: []*report.Quarter{q}}
		var b bytes.Buffer
		if err := r.Measure(&b, s, m, Chart{}); err != nil {
			t.Fatal(err)
		}
		html := b.String()
		start := strings.Index(html, `<dl class="facts">`)
		end := strings.Index(html[max(start, 0):], "</dl>")
		if start < 0 || end < 0 {
			t.Fatalf("no facts list in:\n%s", html)
		}
		return html[start : start+end+len("</dl>")]
	}

	bare := page(&report.Measure{})
	for _, term := range []string{"Reference code", "Why it matters", "Source", "How often", "Owner", " id</dt>", "Caveats"} {
		if strings.Contains(bare, term) {
			t.Errorf("a measure without metadata shows %q:\n%s", term, bare)
		}
	}

	full := page(&report.Measure{
		Why: "Families need homes.", Source: "Building control", Frequency: "Quarterly", Owner: "Director of Housing",
		Codes: []string{"BV053", "LVE 009"}, IDs: []report.ExternalID{{Scheme: "LG Inform", ID: "1234"}},
		Caveats: "Counts <completions>, not starts.",
	})
	for _, want := range []string{
		"<dt>Reference codes</dt><dd>BV053, LVE 009</dd>",
		"<dt>Why it matters</dt><dd>Families need homes.</dd>",
		"<dt>Source</dt><dd>Building control</dd>",
		"<dt>How often</dt><dd>Quarterly</dd>",
		"<dt>Owner</dt><dd>Director of Housing</dd>",
		"<dt>LG Inform id</dt><dd>1234</dd>",
		`<dt>Caveats</dt><dd class="caveats">Counts &lt;completions&gt;, not starts.</dd>`,
	} {
		if !strings.Contains(full, want) {
			t.Errorf("the measure page lacks %q:\n%s", want, full)
		}
	}
	if one := page(&report.Measure{Codes: []string{"BV053"}}); !strings.Contains(one, "<dt>Reference code</dt><dd>BV053</dd>") {
		t.Errorf("one code:\n%s", one)
	}
}
