package e2e

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// csp is the policy the site must work under, as a strict host would send it.
const csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"

// pages are the pages the browser tests open, as paths in the built site.
var pages = []struct {
	name   string
	path   string
	charts bool // the page must show at least one chart
}{
	{"home", "index.html", true},
	{"theme", "2016-17/q2/build-a-better-harrow/index.html", true}, // the widest table
	{"measure-pmv-3", "measures/pmv-3/index.html", true},
	{"measure-bmb-13", "measures/bmb-13/index.html", true},
	{"quarter-without-narrative", "2016-17/q1/index.html", true},
	{"measure-index", "measures/index.html", false},
	{"search", "search/index.html?q=recycling", false},
	{"about", "about/index.html", false},
	{"accessibility", "accessibility/index.html", false},
	{"corrections", "corrections/index.html", false},
	{"open-data", "data/index.html", false},
	{"print", "2016-17/q2/print/index.html", false},
}

// widths are the viewport widths: a laptop and a small phone.
var widths = []int64{1280, 390}

// TestPages opens each page at each width over HTTP, with the site's
// Content-Security-Policy, and checks that its charts are drawn, that it
// logs no error or warning, fetches nothing from another host, violates
// nothing in the policy, and fits the viewport's width.
func TestPages(t *testing.T) {
	dir := builtSite(t)
	browser := startBrowser(t)
	srv := serve(t, dir)
	tb := newTab(t, browser)

	for _, p := range pages {
		for _, w := range widths {
			t.Run(fmt.Sprintf("%s/%dpx", p.name, w), func(t *testing.T) {
				where := fmt.Sprintf("%s at %dpx", p.path, w)
				o, err := tb.visit(srv.URL+"/"+strings.TrimSuffix(p.path, "index.html"), w, nil)
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				if o.status != http.StatusOK {
					t.Fatalf("%s: the server answered %d; is the page missing from the build?", where, o.status)
				}
				if p.charts {
					checkCharts(t, where, o)
				}
				checkQuiet(t, where, o)
				checkPolicy(t, where, o)
				checkWidth(t, where, o)
			})
		}
	}
}

// TestFileURL opens pages straight from disk, as a reader who downloads the
// site would, and checks that the charts are drawn there too and that the
// pages log nothing and fetch nothing from elsewhere. A file:// page has no
// Content-Security-Policy, so the policy is not checked.
func TestFileURL(t *testing.T) {
	dir := builtSite(t)
	browser := startBrowser(t)
	tb := newTab(t, browser)

	for _, p := range []string{"index.html", "measures/pmv-3/index.html"} {
		t.Run(p, func(t *testing.T) {
			where := fmt.Sprintf("%s opened from disk (file://) at %dpx", p, widths[0])
			u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(p)))}
			o, err := tb.visit(u.String(), widths[0], nil)
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			checkCharts(t, where, o)
			checkQuiet(t, where, o)
		})
	}
}

// serve serves dir on 127.0.0.1 only, with the site's policy on every
// response, until the test ends.
func serve(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	return serveAt(t, dir, "/")
}

// serveAt is serve with the site in a sub-folder of the server, such as
// "/performance/", and nothing (404 Not Found) outside it.
func serveAt(t *testing.T, dir, prefix string) *httptest.Server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening on 127.0.0.1: %v", err)
	}
	files := http.FileServer(http.Dir(dir))
	site := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		files.ServeHTTP(w, r)
	})
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), site))
	srv := httptest.NewUnstartedServer(mux)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// checkCharts fails unless the page has a chart and every one shows its
// drawing: the static SVG, or the interactive chart once asked for.
func checkCharts(t *testing.T, where string, o *observation) {
	t.Helper()
	if len(o.charts) == 0 {
		t.Errorf(`%s: the page has no chart (no <figure class="chart" data-chart="ID">); the home, theme and measure pages must each show at least one`, where)
		return
	}
	var bad []string
	for i, c := range o.charts {
		if p := c.problem(); p != "" {
			id := c.ID
			if id == "" {
				id = fmt.Sprintf("chart %d (no data-chart attribute)", i+1)
			}
			bad = append(bad, fmt.Sprintf("\n\t%s: %s", id, p))
		}
	}
	if len(bad) == 0 {
		t.Logf("%s: every chart shows its drawing (%d), %v after the load event", where, len(o.charts), o.wait.Round(10*time.Millisecond))
		return
	}
	t.Errorf("%s: %d of %d charts show no drawing %v after the load event (each chart must hold its static SVG, of non-zero size, in .chart-static, and its options in ID-options):%s",
		where, len(bad), len(o.charts), o.wait.Round(100*time.Millisecond), strings.Join(bad, ""))
}

// checkQuiet fails on console errors and warnings, uncaught exceptions,
// and requests to any host but the page's own.
func checkQuiet(t *testing.T, where string, o *observation) {
	t.Helper()
	if len(o.console) > 0 {
		t.Errorf("%s: %d console errors or warnings:%s", where, len(o.console), list(o.console))
	}
	if len(o.requests) > 0 {
		t.Errorf("%s: %d requests to another host (the site must load everything from its own folder):%s", where, len(o.requests), list(o.requests))
	}
	checkLoads(t, where, o)
}

// checkLoads fails on any response with status 400 or more and any request
// that failed to load (the browser's own /favicon.ico at the server root
// aside).
func checkLoads(t *testing.T, where string, o *observation) {
	t.Helper()
	if len(o.failed) > 0 {
		t.Errorf("%s: %d failed loads (a file missing from the build, a path that does not resolve from this page's address, or a fetch that file:// forbids):%s", where, len(o.failed), list(o.failed))
	}
}

// checkPolicy fails on any Content-Security-Policy violation, and on any
// other error the browser files under security (such as a script refused
// for its MIME type).
func checkPolicy(t *testing.T, where string, o *observation) {
	t.Helper()
	if len(o.csp) > 0 {
		t.Errorf("%s: Content-Security-Policy violations or other security errors under %q (the page reports each violation as a securitypolicyviolation event, and the browser logs it too):%s", where, csp, list(o.csp))
	}
}

// checkWidth fails when the page is wider than the viewport. A wide table
// that scrolls inside its own region is fine: it does not widen the page.
func checkWidth(t *testing.T, where string, o *observation) {
	t.Helper()
	l := o.layout
	if l.ScrollWidth <= l.Viewport {
		return
	}
	var out []string
	for _, c := range l.Culprits {
		out = append(out, fmt.Sprintf("%s spans x=%.0f to %.0f (text %q)", c.Path, c.Left, c.Right, c.Text))
	}
	if len(out) == 0 {
		out = append(out, "no single element found; look for margins or transforms")
	}
	t.Errorf("%s: the page is %.0fpx wide in a %.0fpx viewport, so it scrolls sideways; what sticks out (put it in a region that scrolls on its own, or let it wrap):%s",
		where, l.ScrollWidth, l.Viewport, list(out))
}

func list(items []string) string {
	return "\n\t" + strings.Join(items, "\n\t")
}
