package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSearch searches the example in the browser, from disk and over HTTP
// under the site's CSP: a measure by a word of its title, a passage of
// narrative by a phrase in it, and a query with no results.
func TestSearch(t *testing.T) {
	dir := builtSite(t)
	browser := startBrowser(t)
	srv := serve(t, dir)

	type result struct{ Href, Title string }
	cases := []struct {
		query     string
		wantHref  string // a result's link must end with this
		wantTitle string // and its title must be this
	}{
		{"tenant", "measures/bbh-5/index.html", "Tenant satisfaction with the housing repair and maintenance service (%)"},
		{"Meanwhile Space Project", "2016-17/q2/build-a-better-harrow/index.html#summary-of-achievement-at-quarter-2", "Summary of achievement at Quarter 2"},
		{"fly tipping enforcement", "2016-17/q2/build-a-better-harrow/index.html#fly-tipping---we-will-carry-out-targeted-enforcement-and-education-activity-based-on-areas-with-higher-activity", "Fly tipping - We will carry out targeted enforcement and education activity based on areas with higher activity"},
		{"zzyzx", "", ""},
	}
	for _, base := range []string{srv.URL + "/search/index.html", "file://" + dir + "/search/index.html"} {
		tb, closeTab, err := openTab(browser)
		if err != nil {
			t.Fatal(err)
		}
		defer closeTab()
		for _, tc := range cases {
			where := fmt.Sprintf("search for %q at %s", tc.query, base)
			var results []result
			var status string
			o, err := tb.visit(base+"?q="+strings.ReplaceAll(tc.query, " ", "+"), 1280, func(ctx context.Context) error {
				var err error
				results, err = chromedp.Run(ctx, chromedp.Evaluate[[]result](`Array.from(document.querySelectorAll('#search-results li a')).map(a => ({Href: a.href, Title: a.textContent}))`))
				if err != nil {
					return err
				}
				status, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('search-status').textContent`))
				return err
			})
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			checkQuiet(t, where, o)
			if tc.wantHref == "" {
				if len(results) != 0 || !strings.Contains(status, "No results") {
					t.Errorf("%s: %d results, status %q; want none, and a status saying so", where, len(results), status)
				}
				continue
			}
			found := false
			for _, r := range results {
				found = found || strings.HasSuffix(r.Href, tc.wantHref) && r.Title == tc.wantTitle
			}
			if !found {
				t.Errorf("%s: no result %q linking to %s; got %+v (status %q)", where, tc.wantTitle, tc.wantHref, results, status)
			}
		}
	}
}
