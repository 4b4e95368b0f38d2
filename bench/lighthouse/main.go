// Lighthouse scores a built Scorecard site's pages as a resident on a phone
// meets them: Google Lighthouse (pinned in this folder's package.json), its
// mobile preset (a mid-range phone on a slow 4G connection, simulated),
// with the pages served over HTTP with gzip, the strict
// Content-Security-Policy of docs/hosting.md and its cache headers.
//
// Usage:
//
//	lighthouse [-site public] [-pages a/index.html,...] [-runs 3] [-chromium /usr/bin/chromium]
//
// Each page is scored -runs times and the median run is reported (the
// simulated timings vary from run to run on a busy machine). It prints a
// table: each category's score, total blocking time, largest contentful
// paint, and the bytes of script and of everything the page transferred
// (gzip). It exits 1 when a page's median misses a target: performance
// at least -min-performance (0.95), accessibility, best practices and SEO
// 1.0, total blocking time under 200 ms, at most 100 KB of script.
// `make lighthouse` builds the example and runs it.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/klauspost/compress/gzhttp"
	"golang.org/x/net/html"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	site, chromium, node, cli string
	pages                     []string
	runs                      int
	minPerformance            float64
	maxScriptKB, maxTBT       float64
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lighthouse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	var pages string
	fs.StringVar(&c.site, "site", "public", "the built site to serve")
	fs.StringVar(&pages, "pages", "", "comma-separated pages, from the site's root (default: the home page, the first theme page, the measure page with the longest history, the measures index)")
	fs.IntVar(&c.runs, "runs", 3, "runs per page; the median is reported")
	fs.StringVar(&c.chromium, "chromium", "/usr/bin/chromium", "the Chromium that Lighthouse drives")
	fs.StringVar(&c.node, "node", "node", "Node.js")
	fs.StringVar(&c.cli, "cli", filepath.Join("bench", "lighthouse", "node_modules", "lighthouse", "cli", "index.js"), "Lighthouse's command line script (npm ci in bench/lighthouse installs it)")
	fs.Float64Var(&c.minPerformance, "min-performance", 0.95, "the least performance score that passes")
	fs.Float64Var(&c.maxScriptKB, "max-script-kb", 100, "the most script a page may transfer, in KB (gzip)")
	fs.Float64Var(&c.maxTBT, "max-tbt", 200, "the longest total blocking time that passes, in ms")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if _, err := os.Stat(c.cli); err != nil {
		fmt.Fprintf(stderr, "lighthouse: %s is missing: run npm ci in bench/lighthouse (make lighthouse does)\n", c.cli)
		return 2
	}
	if pages != "" {
		c.pages = strings.Split(pages, ",")
	} else {
		var err error
		if c.pages, err = defaultPages(c.site); err != nil {
			fmt.Fprintf(stderr, "lighthouse: %v\n", err)
			return 2
		}
	}
	results, err := score(c, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "lighthouse: %v\n", err)
		return 1
	}
	printTable(stdout, results)
	if misses := check(c, results); len(misses) > 0 {
		for _, m := range misses {
			fmt.Fprintf(stderr, "lighthouse: %s\n", m)
		}
		return 1
	}
	return 0
}

// result is one page's median run.
type result struct {
	Page                                       string
	Performance, Accessibility, Practices, SEO float64
	TBT, LCP                                   float64             // ms
	ScriptBytes, TotalBytes                    float64             // transferred
	Failing                                    map[string][]string // by category: the audits that lost it points
	Runs                                       int
}

// score serves the site and runs Lighthouse on every page.
func score(c config, log io.Writer) ([]result, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: handler(c.site), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String() + "/"
	var out []result
	for _, p := range c.pages {
		var runs []result
		for i := 0; i < c.runs; i++ {
			fmt.Fprintf(log, "lighthouse: %s, run %d of %d\n", p, i+1, c.runs)
			r, err := lighthouse(c, base+strings.TrimPrefix(p, "/"))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
			r.Page = p
			runs = append(runs, r)
		}
		// The median run by performance score, as Lighthouse's own
		// documentation advises for variable runs.
		slices.SortStableFunc(runs, func(a, b result) int {
			switch {
			case a.Performance < b.Performance:
				return -1
			case a.Performance > b.Performance:
				return 1
			}
			return 0
		})
		m := runs[len(runs)/2]
		m.Runs = len(runs)
		out = append(out, m)
	}
	return out, nil
}

// handler serves the site as docs/hosting.md advises: gzip, the strict
// policy, assets cached for a year and pages revalidated.
func handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if strings.HasPrefix(r.URL.Path, "/assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		files.ServeHTTP(w, r)
	})
	return gzhttp.GzipHandler(h)
}

// lighthouse runs Lighthouse once on url and reads its report.
func lighthouse(c config, url string) (result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.node, c.cli, url,
		"--output=json", "--output-path=stdout", "--quiet",
		"--only-categories=performance,accessibility,best-practices,seo",
		"--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage")
	cmd.Env = append(os.Environ(), "CHROME_PATH="+c.chromium)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return result{}, fmt.Errorf("%v: %s", err, lastLines(stderr.String(), 5))
	}
	return parse(stdout.Bytes())
}

// report is the part of Lighthouse's JSON report read here.
type report struct {
	RuntimeError *struct{ Code, Message string } `json:"runtimeError"`
	Categories   map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Score        *float64        `json:"score"`
		NumericValue float64         `json:"numericValue"`
		Details      json.RawMessage `json:"details"` // its shape depends on the audit
	} `json:"audits"`
}

// requests is the details of the network-requests audit.
type requests struct {
	Items []struct {
		ResourceType string  `json:"resourceType"`
		TransferSize float64 `json:"transferSize"`
	} `json:"items"`
}

func parse(b []byte) (result, error) {
	var rep report
	if err := json.Unmarshal(b, &rep); err != nil {
		return result{}, fmt.Errorf("reading Lighthouse's report: %w", err)
	}
	if rep.RuntimeError != nil && rep.RuntimeError.Code != "" && rep.RuntimeError.Code != "NO_ERROR" {
		return result{}, fmt.Errorf("Lighthouse: %s: %s", rep.RuntimeError.Code, rep.RuntimeError.Message)
	}
	cat := func(id string) float64 {
		c, ok := rep.Categories[id]
		if !ok || c.Score == nil {
			return -1
		}
		return *c.Score
	}
	r := result{
		Performance:   cat("performance"),
		Accessibility: cat("accessibility"),
		Practices:     cat("best-practices"),
		SEO:           cat("seo"),
		TBT:           rep.Audits["total-blocking-time"].NumericValue,
		LCP:           rep.Audits["largest-contentful-paint"].NumericValue,
	}
	var reqs requests
	if err := json.Unmarshal(rep.Audits["network-requests"].Details, &reqs); err != nil {
		return result{}, fmt.Errorf("reading Lighthouse's network requests: %w", err)
	}
	for _, it := range reqs.Items {
		r.TotalBytes += it.TransferSize
		if it.ResourceType == "Script" {
			r.ScriptBytes += it.TransferSize
		}
	}
	if r.Performance < 0 || r.Accessibility < 0 || r.Practices < 0 || r.SEO < 0 {
		return r, errors.New("Lighthouse's report lacks a category score")
	}
	r.Failing = map[string][]string{}
	for id := range rep.Categories {
		for _, ref := range rep.Categories[id].AuditRefs {
			if a := rep.Audits[ref.ID]; ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
				r.Failing[id] = append(r.Failing[id], ref.ID)
			}
		}
	}
	return r, nil
}

func printTable(w io.Writer, results []result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "page\tperformance\taccessibility\tbest practices\tSEO\tTBT ms\tLCP s\tscript KB\ttotal KB\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\t%.1f\t%.1f\t%.1f\t\n", r.Page, r.Performance, r.Accessibility, r.Practices, r.SEO,
			r.TBT, r.LCP/1000, r.ScriptBytes/1000, r.TotalBytes/1000)
	}
	tw.Flush()
	fmt.Fprintf(w, "(Lighthouse's mobile preset; the median of %d runs per page; KB transferred, gzip, 1 KB = 1,000 bytes)\n", results[0].Runs)
}

// check lists the targets each page misses.
func check(c config, results []result) []string {
	var misses []string
	for _, r := range results {
		miss := func(format string, args ...any) {
			misses = append(misses, r.Page+": "+fmt.Sprintf(format, args...))
		}
		if r.Performance < c.minPerformance {
			miss("performance %.2f, below %.2f (audits losing points: %s)", r.Performance, c.minPerformance, strings.Join(r.Failing["performance"], ", "))
		}
		for _, s := range []struct {
			id, name string
			score    float64
		}{{"accessibility", "accessibility", r.Accessibility}, {"best-practices", "best practices", r.Practices}, {"seo", "SEO", r.SEO}} {
			if s.score < 1 {
				miss("%s %.2f, below 1.0 (audits losing points: %s)", s.name, s.score, strings.Join(r.Failing[s.id], ", "))
			}
		}
		if r.TBT >= c.maxTBT {
			miss("total blocking time %.0f ms, not under %.0f ms", r.TBT, c.maxTBT)
		}
		if r.ScriptBytes > c.maxScriptKB*1000 {
			miss("%.1f KB of script, over %.0f KB", r.ScriptBytes/1000, c.maxScriptKB)
		}
	}
	return misses
}

// defaultPages picks the pages the issue names from a built site: the home
// page, the latest edition's first theme page, the measure page with the
// most history (the largest file) and the measures index.
func defaultPages(site string) ([]string, error) {
	pages := []string{"index.html"}
	theme, err := firstTheme(site)
	if err != nil {
		return nil, err
	}
	pages = append(pages, theme)
	measure, err := largest(filepath.Join(site, "measures"), "measures")
	if err != nil {
		return nil, err
	}
	return append(pages, measure, "measures/index.html"), nil
}

// firstTheme follows the home page's first link into a theme page: the
// home page links the latest edition's themes as EDITION/PART/THEME/index.html.
func firstTheme(site string) (string, error) {
	f, err := os.Open(filepath.Join(site, "index.html"))
	if err != nil {
		return "", err
	}
	defer f.Close()
	z := html.NewTokenizer(f)
	for {
		switch z.Next() {
		case html.ErrorToken:
			return "", errors.New("found no theme page linked from the home page: name the pages with -pages")
		case html.StartTagToken:
			for {
				k, v, more := z.TagAttr()
				href := string(v)
				if string(k) == "href" && strings.Count(href, "/") == 3 && strings.HasSuffix(href, "/index.html") &&
					!strings.HasPrefix(href, "measures/") && !strings.Contains(href, ":") {
					if _, err := os.Stat(filepath.Join(site, href)); err == nil {
						return href, nil
					}
				}
				if !more {
					break
				}
			}
		}
	}
}

// largest is the biggest index.html one level below dir, as a path from
// the site root under prefix.
func largest(dir, prefix string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	best, size := "", int64(-1)
	for _, e := range entries {
		fi, err := os.Stat(filepath.Join(dir, e.Name(), "index.html"))
		if err == nil && e.IsDir() && fi.Size() > size {
			best, size = prefix+"/"+e.Name()+"/index.html", fi.Size()
		}
	}
	if best == "" {
		return "", fmt.Errorf("no measure page under %s", dir)
	}
	return best, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
