package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"scorecard/internal/site"
)

// calendarPages are the pages of the release calendar and the Code of
// Practice statement, which the example at the repository's root does not
// configure: examples/district-monthly does.
var calendarPages = []sitePage{
	{"home", "index.html", ""},
	{"releases", "releases/index.html", ""},
	{"code-of-practice", "code-of-practice/index.html", ""},
	{"about", "about/index.html", ""},
}

// TestCalendarPages builds examples/district-monthly and checks its home
// page (with the next report), its release calendar and its Code of
// Practice statement with axe-core at each width, under the site's
// Content-Security-Policy, and with the Nu HTML Checker.
func TestCalendarPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(filepath.Join(exampleSite, "examples", "district-monthly"), dir, site.Options{}); err != nil {
		t.Fatalf("building examples/district-monthly: %v", err)
	}
	for _, p := range calendarPages {
		if msg := p.missing(dir); msg != "" {
			t.Fatal(msg)
		}
	}
	t.Run("axe", func(t *testing.T) {
		src, err := os.ReadFile(nodeModule(t, "axe-core/axe.min.js"))
		if err != nil {
			t.Fatal(err)
		}
		srv := serve(t, dir)
		audit := auditor(newTab(t, startBrowser(t)), src)
		for _, p := range calendarPages {
			for _, w := range widths {
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
			}
		}
	})
	t.Run("nu", func(t *testing.T) {
		bad := t.TempDir()
		writeFile(t, filepath.Join(bad, "bad.html"), "<!DOCTYPE html>\n<html lang=en><title>x</title>\n<img src=x.png>\n</html>\n")
		args := []string{filepath.Join(bad, "bad.html")}
		for _, p := range calendarPages {
			args = append(args, filepath.Join(dir, filepath.FromSlash(p.path)))
		}
		msgs := runVnu(t, javaPath(t), nodeModule(t, "vnu-jar/build/dist/vnu.jar"), args...)
		report(t, dir, bad, msgs, "bad.html:3:", `An 'img' element must have an 'alt' attribute`)
	})
}
