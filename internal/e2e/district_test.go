package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/internal/site"
)

// districtPages are the pages of examples/district-monthly that show what
// the example at the repository's root does not have: a series break, a
// year-end forecast, the release calendar and the Code of Practice
// statement.
var districtPages = []sitePage{
	{"home", "index.html", ""},                                   // the next report's date
	{"releases", "releases/index.html", ""},                      // the release calendar
	{"code-of-practice", "code-of-practice/index.html", ""},      // the statement
	{"about", "about/index.html", ""},                            // linking both
	{"measure-ew-02", "measures/ew-02/index.html", ""},           // the break: chart, About, history and cards
	{"measure-cf-01", "measures/cf-01/index.html", ""},           // a forecast in the Latest block and history
	{"theme-cf", "2016/11/customer-finance/index.html", ""},      // the scorecard's forecast column and cards
	{"print", "2016/11/print/index.html", ""},                    // every theme's scorecard, for print
	{"theme-ew-sep", "2016/09/environment-waste/index.html", ""}, // no direction across the break
}

// TestDistrictPages builds examples/district-monthly once and holds the
// pages of districtPages to WCAG 2.2 AA (axe-core at each width, under the
// site's Content-Security-Policy) and to the Nu HTML Checker, after
// checking that they show what they are checked for.
func TestDistrictPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(filepath.Join(exampleSite, "examples", "district-monthly"), dir, site.Options{}); err != nil {
		t.Fatalf("building examples/district-monthly: %v", err)
	}
	for _, p := range districtPages {
		if msg := p.missing(dir); msg != "" {
			t.Fatal(msg)
		}
	}
	for path, want := range map[string]string{
		"index.html":                          `<p class="next-release">`,
		"code-of-practice/index.html":         `id="trustworthiness"`,
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
	for _, p := range districtPages {
		for _, w := range widths {
			t.Run(fmt.Sprintf("axe/%s/%dpx", p.name, w), func(t *testing.T) {
				where := fmt.Sprintf("%s at %dpx", p, w)
				o, res, err := audit(p.httpURL(srv.URL), w)
				if o != nil && o.status >= 400 {
					t.Fatalf("%s: the server answered %d", where, o.status)
				}
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
		for _, p := range districtPages {
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
