package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"scorecard/internal/site"
	"scorecard/internal/words"
)

// welshSearch translates the search page's script words, in the six
// plural forms of Welsh, each marked with its form.
const welshSearch = `search-results:
  zero: "{{.Count}} canlyniad (zero) ar gyfer “{{.Query}}”"
  one: "{{.Count}} canlyniad (one) ar gyfer “{{.Query}}”"
  two: "{{.Count}} ganlyniad (two) ar gyfer “{{.Query}}”"
  few: "{{.Count}} chanlyniad (few) ar gyfer “{{.Query}}”"
  many: "{{.Count}} chanlyniad (many) ar gyfer “{{.Query}}”"
  other: "{{.Count}} canlyniad (other) ar gyfer “{{.Query}}”"
search-more: ", yn dangos y {{.Shown}} gorau"
search-none: "Dim canlyniadau ar gyfer “{{.Query}}”. Rhowch gynnig ar eiriau eraill, neu {{.Browse}}."
search-browse: pori'r mynegai mesurau
`

// TestSearchWords searches a Welsh copy of the example: the search
// script's words are the site's, and the plural form the browser picks
// (Intl.PluralRules) for each count is the one go-i18n's CLDR rules pick
// when the build writes the same message. The queries give 1, 2, 3, 6,
// 23 and 77 results in the example: Welsh's forms one, two, few, many and
// other.
func TestSearchWords(t *testing.T) {
	src := t.TempDir()
	for _, dir := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(src, dir), os.DirFS(filepath.Join(exampleSite, dir))); err != nil {
			t.Fatal(err)
		}
	}
	siteYAML := filepath.Join(src, "data", "site.yaml")
	b, err := os.ReadFile(siteYAML)
	if err != nil {
		t.Fatal(err)
	}
	welsh := regexp.MustCompile(`(?m)^language: .*$`).ReplaceAll(b, []byte("language: cy"))
	if err := os.WriteFile(siteYAML, welsh, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(src, "i18n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "i18n", "cy.yaml"), []byte(welshSearch), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(src, out, site.Options{}); err != nil {
		t.Fatal(err)
	}
	c, found := words.Load(os.DirFS(src), "cy")
	if found.HasErrors() {
		t.Fatal(found)
	}

	browser := startBrowser(t)
	srv := serve(t, out)
	tb, closeTab, err := openTab(browser)
	if err != nil {
		t.Fatal(err)
	}
	defer closeTab()
	counts := map[string]bool{}
	for _, query := range []string{"tenant", "helped", "maintenance", "scheme", "council", "the", "zzyzx"} {
		where := fmt.Sprintf("search for %q", query)
		var status, link string
		o, err := tb.visit(srv.URL+"/search/index.html?q="+query, 1280, func(ctx context.Context) error {
			var err error
			status, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('search-status').textContent`))
			if err != nil {
				return err
			}
			link, err = chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('#search-status a') || {}).textContent || ''`))
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		checkQuiet(t, where, o)
		t.Logf("%s: %s", where, status)
		if query == "zzyzx" {
			want, _ := c.Text("search-none", "Query", query, "Browse", "pori'r mynegai mesurau")
			if status != want || link != "pori'r mynegai mesurau" {
				t.Errorf("%s: status %q, link %q; want %q with the link", where, status, link, want)
			}
			continue
		}
		n, err := strconv.Atoi(strings.Fields(status + " x")[0])
		if err != nil {
			t.Fatalf("%s: status %q does not start with a count", where, status)
		}
		counts[strconv.Itoa(n)] = true
		want, err := c.Text("search-results", "Count", n, "Query", query)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(status, want) {
			t.Errorf("%s: status %q; want it to start %q", where, status, want)
		}
		if strings.Contains(status, ", yn dangos") != (n > 50) {
			t.Errorf("%s: status %q for %d results: the best 50 are shown, and said so, only when there are more", where, status, n)
		}
	}
	if len(counts) < 5 {
		t.Errorf("the queries gave %d different counts; want at least 5, to try Welsh's forms one, two, few, many and other", len(counts))
	}
}
