package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/internal/site"
)

// TestBreaksAndForecasts builds examples/district-monthly, whose missed
// bins series has a method change and whose November edition has
// year-end forecasts, and holds the pages that show them to WCAG 2.2 AA
// (axe, at each width) and to the Nu checker.
func TestBreaksAndForecasts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build("../../examples/district-monthly", dir, site.Options{}); err != nil {
		t.Fatalf("building examples/district-monthly: %v", err)
	}
	pages := []sitePage{
		{"measure-ew-02", "measures/ew-02/index.html", ""},           // the break: chart, About, history and cards
		{"measure-cf-01", "measures/cf-01/index.html", ""},           // a forecast in the Latest block and history
		{"theme-cf", "2016/11/customer-finance/index.html", ""},      // the scorecard's forecast column and cards
		{"print", "2016/11/print/index.html", ""},                    // every theme's scorecard, for print
		{"theme-ew-sep", "2016/09/environment-waste/index.html", ""}, // no direction across the break
	}
	for _, p := range pages {
		if msg := p.missing(dir); msg != "" {
			t.Fatal(msg)
		}
	}
	// The pages show what they are checked for.
	for path, want := range map[string]string{
		"measures/ew-02/index.html":           `<tr class="series-break">`,
		"measures/cf-01/index.html":           `<dt>Year-end forecast</dt>`,
		"2016/11/customer-finance/index.html": `id="h-forecast"`,
		"2016/11/print/index.html":            `id="customer-finance-h-forecast"`,
	} {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", path, want)
		}
	}

	src, err := os.ReadFile(nodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, dir)
	audit := auditor(newTab(t, startBrowser(t)), src)
	for _, p := range pages {
		for _, w := range widths {
			t.Run(fmt.Sprintf("axe/%s/%dpx", p.name, w), func(t *testing.T) {
				where := fmt.Sprintf("%s at %dpx", p, w)
				_, res, err := audit(p.httpURL(srv.URL), w)
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				checkAxeRan(t, where, res)
				for _, v := range res.Violations {
					t.Errorf("%s: %s", where, v.report())
				}
			})
		}
	}

	t.Run("nu", func(t *testing.T) {
		var files []string
		for _, p := range pages {
			files = append(files, filepath.Join(dir, filepath.FromSlash(p.path)))
		}
		css, err := filepath.Glob(filepath.Join(dir, "style.*.css"))
		if err != nil || len(css) != 1 {
			t.Fatalf("the build's style sheet: %v %v", css, err)
		}
		// A known-bad page and sheet beside them: the checker must find
		// their errors, so that one that checks nothing cannot pass.
		bad := t.TempDir()
		writeFile(t, filepath.Join(bad, "bad.html"), "<!DOCTYPE html>\n<html lang=en><title>x</title>\n<img src=x.png>\n</html>\n")
		writeFile(t, filepath.Join(bad, "bad.css"), "p { colr: red }\n")
		java, jar := javaPath(t), nodeModule(t, "vnu-jar/build/dist/vnu.jar")
		msgs := runVnu(t, java, jar, append([]string{filepath.Join(bad, "bad.html")}, files...)...)
		report(t, dir, bad, msgs, "bad.html:3:", `An 'img' element must have an 'alt' attribute`)
		msgs = runVnu(t, java, jar, append([]string{"--css", filepath.Join(bad, "bad.css")}, css...)...)
		report(t, dir, bad, msgs, "bad.css:1:", `Property 'colr' doesn't exist`)
	})
}
