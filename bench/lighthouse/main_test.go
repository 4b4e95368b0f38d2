package main

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// The fixture is Lighthouse 12.8.2's report on the example's measure page
// before issue 15 (served without gzip, with ECharts loaded on every
// page), cut to the parts this program reads.
func TestParseReport(t *testing.T) {
	b, err := os.ReadFile("testdata/measure-page.json")
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse(b)
	if err != nil {
		t.Fatal(err)
	}
	// The report's own numbers: ECharts (664,506 bytes) and charts.js
	// (6,194) are its scripts; the page, style sheet and favicon request
	// make up the rest.
	if r.ScriptBytes != 664506+6194 {
		t.Errorf("script bytes = %v, want %v", r.ScriptBytes, 664506+6194)
	}
	if r.TotalBytes != 12581+10016+664506+6194+520 {
		t.Errorf("total bytes = %v", r.TotalBytes)
	}
	if r.Performance != 0.77 || r.Accessibility != 1 {
		t.Errorf("performance %v, accessibility %v; want 0.77 and 1", r.Performance, r.Accessibility)
	}
	if !slices.Contains(r.Failing["best-practices"], "errors-in-console") || !slices.Contains(r.Failing["seo"], "meta-description") {
		t.Errorf("failing audits = %v, want errors-in-console and meta-description among them", r.Failing)
	}

	c := config{minPerformance: 0.95, maxScriptKB: 100, maxTBT: 200}
	r.Page = "measures/bmb-3/index.html"
	misses := strings.Join(check(c, []result{r}), "\n")
	for _, want := range []string{"performance 0.77", "best practices 0.96", "SEO 0.90", "670.7 KB of script"} {
		if !strings.Contains(misses, want) {
			t.Errorf("misses lack %q:\n%s", want, misses)
		}
	}
	r.Performance, r.Accessibility, r.Practices, r.SEO, r.TBT, r.ScriptBytes = 0.99, 1, 1, 1, 10, 40000
	if m := check(c, []result{r}); len(m) > 0 {
		t.Errorf("a page within every target misses: %v", m)
	}
}

func TestParseRefusesAFailedRun(t *testing.T) {
	_, err := parse([]byte(`{"runtimeError":{"code":"NO_FCP","message":"The page did not paint any content."},"categories":{},"audits":{}}`))
	if err == nil || !strings.Contains(err.Error(), "NO_FCP") {
		t.Fatalf("err = %v, want the runtime error", err)
	}
}
