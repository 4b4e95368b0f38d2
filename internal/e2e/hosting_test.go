package e2e

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// hostedPages are opened from a sub-folder of a server and from disk: one
// page of each kind, and the search, which loads its index after the page.
var hostedPages = []sitePage{
	{"home", "index.html", ""},
	{"theme", "2016-17/q2/build-a-better-harrow/index.html", ""},
	{"measure", "measures/pmv-3/index.html", ""},
	{"measure-index", "measures/index.html", ""},
	{"search", "search/index.html", "q=recycling"},
}

// subfolder is where TestHosting serves the site: a council's site would
// hold it at an address such as https://www.harrow.gov.uk/performance/.
const subfolder = "/performance/"

// TestHosting opens hostedPages with the site served under subfolder, with
// nothing at the server's root, and fails on any response of status 400
// or more and any request that fails (the browser's own /favicon.ico at
// the root aside): a root-relative path, or one that climbs too far,
// shows up here. Then it opens the same pages from disk (file://), where
// what a page fetches with a script fails too.
func TestHosting(t *testing.T) {
	dir := builtSite(t)
	browser := startBrowser(t)
	srv := serveAt(t, dir, subfolder)
	tb := newTab(t, browser)
	w := widths[0]

	t.Run("self-check", func(t *testing.T) {
		checkHostingHarness(t, tb)
	})
	for _, p := range hostedPages {
		t.Run("subfolder/"+p.name, func(t *testing.T) {
			where := fmt.Sprintf("%s served under %s at %dpx", p, subfolder, w)
			if msg := p.missing(dir); msg != "" {
				t.Fatalf("%s: %s", where, msg)
			}
			u := p.httpURL(srv.URL + subfolder)
			o, err := tb.visit(u, w, nil)
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			if o.status >= 400 {
				t.Fatalf("%s: page missing: the server answered %d for %s", where, o.status, u)
			}
			checkQuiet(t, where, o)
		})
	}
	for _, p := range hostedPages {
		t.Run("file/"+p.name, func(t *testing.T) {
			where := fmt.Sprintf("%s opened from disk (file://) at %dpx", p, w)
			if msg := p.missing(dir); msg != "" {
				t.Fatalf("%s: %s", where, msg)
			}
			o, err := tb.visit(p.fileURL(dir), w, nil)
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			checkQuiet(t, where, o)
		})
	}
}

// checkHostingHarness opens a page with the faults TestHosting looks for,
// in a sub-folder and from disk, and fails unless the observation holds
// each of them, so that a clean run means sound pages.
func checkHostingHarness(t *testing.T, tb *tab) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "index.html"), `<!DOCTYPE html><html lang="en"><title>faults</title>
<link rel="stylesheet" href="/style.css"><script src="gone.js"></script><img src="../up.png" alt="">
<script src="fetch.js"></script>`)
	writeFile(t, filepath.Join(dir, "style.css"), "")
	writeFile(t, filepath.Join(dir, "up.png"), "")
	writeFile(t, filepath.Join(dir, "data.json"), "{}")
	writeFile(t, filepath.Join(dir, "fetch.js"), "fetch('data.json').then(r => r.json());")
	srv := serveAt(t, dir, subfolder)

	o, err := tb.visit(srv.URL+subfolder, widths[0], nil)
	if err != nil {
		t.Fatalf("the faulty page under %s: %v", subfolder, err)
	}
	// Chromium may cancel a style sheet that is a 404 page before it tells
	// of the response, and on a busy machine it sometimes does: then the
	// observation says the sheet could not load, which fails a page as
	// surely as the 404 does.
	for _, want := range []string{srv.URL + "/style.css", srv.URL + subfolder + "gone.js", srv.URL + "/up.png"} {
		if !slices.ContainsFunc(o.failed, func(s string) bool {
			return strings.HasPrefix(s, "404 Not Found for "+want+" ") || strings.HasPrefix(s, want+" could not load")
		}) {
			t.Errorf("served under %s, the faulty page's observation lacks a failure of %s; it has:%s", subfolder, want, list(o.failed))
		}
	}

	o, err = tb.visit(sitePage{path: "index.html"}.fileURL(dir), widths[0], nil)
	if err != nil {
		t.Fatalf("the faulty page from disk: %v", err)
	}
	for _, want := range []string{"file:///style.css could not load", "gone.js could not load", "data.json could not load"} {
		if !slices.ContainsFunc(o.failed, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("opened from disk, the faulty page's observation lacks %q; it has:%s", want, list(o.failed))
		}
	}
}
