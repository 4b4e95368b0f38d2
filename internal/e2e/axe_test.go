package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// a11yPages are the pages checked for accessibility: the home, every theme
// of the latest quarter, measures of each theme, the measure index, a
// search with results, and the accessibility statement.
var a11yPages = []sitePage{
	{"home", "index.html", ""},
	{"theme-bbh", "2016-17/q2/build-a-better-harrow/index.html", ""},
	{"theme-bmb", "2016-17/q2/be-more-business-like/index.html", ""},
	{"theme-pmv", "2016-17/q2/protect-the-most-vulnerable/index.html", ""},
	{"measure-pmv-3", "measures/pmv-3/index.html", ""},
	{"measure-bmb-13", "measures/bmb-13/index.html", ""},
	{"measure-bbh-65", "measures/bbh-65/index.html", ""},
	{"measure-index", "measures/index.html", ""},
	{"search", "search/index.html", "q=recycling"},
	{"accessibility", "accessibility/index.html", ""},
	{"embed-trend-pmv-3", "charts/trend-pmv-3/index.html", ""},
	{"embed-home", "charts/home-2016-17-q2/index.html", ""},
}

// axeTags are the rule sets checked: WCAG 2.0, 2.1 and 2.2, levels A and AA
// (axe has no wcag22a tag: 2.2's one new level-A criterion it tests is
// tagged wcag22aa too, or is in wcag2a). heading-order is a best practice,
// not a WCAG rule, and is asked for by name on top.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// runAxe runs axe over the document and returns what the tests need of its
// results, with each node's target as one CSS selector string (a selector
// inside a shadow root or frame joined by " >>> ").
const runAxe = `(async () => {
	const r = await axe.run(document, {
		runOnly: {type: 'tag', values: %s},
		rules: {'heading-order': {enabled: true}},
		resultTypes: ['violations'],
	});
	const target = t => t.map(x => Array.isArray(x) ? x.join(' >>> ') : x).join(' ');
	const rule = v => ({
		id: v.id,
		impact: v.impact || '',
		help: v.help,
		helpUrl: v.helpUrl,
		tags: v.tags.filter(t => /^wcag\d|^best-practice$/.test(t)),
		nodes: v.nodes.map(n => ({target: target(n.target), summary: n.failureSummary || '', html: n.html})),
	});
	return {
		version: axe.version,
		ran: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map(v => v.id),
		violations: r.violations.map(rule),
		incomplete: r.incomplete.map(rule),
	};
})()`

// axeResults is what runAxe returns.
type axeResults struct {
	Version    string    `json:"version"`
	Ran        []string  `json:"ran"` // every rule that ran, whatever its result
	Violations []axeRule `json:"violations"`
	Incomplete []axeRule `json:"incomplete"` // "needs review": axe could not decide
}

type axeRule struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Tags    []string  `json:"tags"`
	Nodes   []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`
	Summary string `json:"summary"` // what to fix, one check a line
	HTML    string `json:"html"`
}

// TestAxe opens each of a11yPages at each width over HTTP, under the site's
// Content-Security-Policy, injects axe-core (node_modules/axe-core) through
// the DevTools protocol, which the policy does not govern, and fails on
// every violation of WCAG 2.2 A and AA that axe finds, and of heading-order.
func TestAxe(t *testing.T) {
	dir := builtSite(t)
	src, err := os.ReadFile(nodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	browser := startBrowser(t)
	srv := serve(t, dir)
	audit := auditor(newTab(t, browser), src)

	t.Run("self-check", func(t *testing.T) {
		// A page with one fault of each kind below: if axe misses one, its
		// options or its injection are wrong, and a clean site proves
		// nothing.
		bad := filepath.Join(t.TempDir(), "index.html")
		writeFile(t, bad, `<!DOCTYPE html><html lang="en"><title>faults</title><main>
<h1>Faults</h1><h3>A heading that skips a level</h3>
<img src="chart.png"><p style="color: #aaa; background: #fff">Pale text</p></main>`)
		_, res, err := audit(sitePage{path: "index.html"}.fileURL(filepath.Dir(bad)), widths[0])
		if err != nil {
			t.Fatalf("the faulty page: %v", err)
		}
		var got []string
		for _, v := range res.Violations {
			got = append(got, v.ID)
		}
		for _, want := range []string{"heading-order", "image-alt", "color-contrast"} {
			if !slices.Contains(got, want) {
				t.Errorf("axe-core %s did not report %s on a page made to fail it; it reported %v", res.Version, want, got)
			}
		}
	})

	for _, p := range a11yPages {
		for _, w := range widths {
			t.Run(fmt.Sprintf("%s/%dpx", p.name, w), func(t *testing.T) {
				where := fmt.Sprintf("%s at %dpx", p, w)
				if msg := p.missing(dir); msg != "" {
					t.Fatalf("%s: %s", where, msg)
				}
				o, res, err := audit(p.httpURL(srv.URL), w)
				if o != nil && o.status >= 400 {
					t.Fatalf("%s: page missing: the server answered %d for %s", where, o.status, p.httpURL(srv.URL))
				}
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				checkAxeRan(t, where, res)
				for _, v := range res.Violations {
					t.Errorf("%s: %s", where, v.report())
				}
				for _, v := range res.Incomplete {
					t.Logf("%s: needs review by eye (axe could not decide, so this does not fail): %s", where, v.report())
				}
			})
		}
	}
}

// auditor returns a function that opens a page in tb at a width and runs
// axe (its source src) in it.
func auditor(tb *tab, src []byte) func(pageURL string, width int64) (*observation, axeResults, error) {
	tags := fmt.Sprintf("['%s']", strings.Join(axeTags, "', '"))
	script := fmt.Sprintf(runAxe, tags)
	return func(pageURL string, width int64) (*observation, axeResults, error) {
		var res axeResults
		o, err := tb.visit(pageURL, width, func(ctx context.Context) error {
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
				return fmt.Errorf("injecting node_modules/axe-core/axe.min.js: %w", err)
			}
			var err error
			res, err = chromedp.Run(ctx, chromedp.Evaluate[axeResults](script, chromedp.EvalAwaitPromise))
			if err != nil {
				return fmt.Errorf("running axe: %w", err)
			}
			return nil
		})
		return o, res, err
	}
}

// checkAxeRan fails unless axe ran heading-order and a WCAG rule, so that
// a change in how axe reads its options cannot pass the test by checking
// nothing.
func checkAxeRan(t *testing.T, where string, res axeResults) {
	t.Helper()
	for _, id := range []string{"heading-order", "color-contrast", "document-title"} {
		if !slices.Contains(res.Ran, id) {
			t.Errorf("%s: axe-core %s did not run the rule %s: the options in runAxe no longer select it", where, res.Version, id)
		}
	}
}

// report says what a violation is, where (every failing element's
// selector, with the start of its markup), and what to fix at each.
func (v axeRule) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "axe %s (%s impact, %s): %s; %d element(s), see %s", v.ID, v.Impact, strings.Join(v.Tags, " "), v.Help, len(v.Nodes), v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\tat %s\n\t\t%s", n.Target, truncate(n.HTML, 160))
		for _, line := range strings.Split(strings.TrimSpace(n.Summary), "\n") {
			fmt.Fprintf(&b, "\n\t\t%s", strings.TrimSpace(line))
		}
	}
	return b.String()
}

// truncate shortens s, with its runs of white space as one space, to n
// runes.
func truncate(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
