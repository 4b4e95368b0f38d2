package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// phonePages are the pages a resident reads a scorecard on: the edition's
// home, a theme's scorecard (the widest table), a measure and the index of
// every measure, and a chart on its own, as the council embeds it.
var phonePages = []struct{ name, path string }{
	{"home", "index.html"},
	{"theme", "2016-17/q2/build-a-better-harrow/index.html"},
	{"measure", "measures/pmv-3/index.html"},
	{"measure-index", "measures/index.html"},
	{"embed", "charts/trend-pmv-3/index.html"}, // a chart on the council's other pages
}

// sideways is what readSideways finds on a page.
type sideways struct {
	Outside   []string `json:"outside"`   // table cells and cards that start or end outside the viewport
	Hiding    []string `json:"hiding"`    // regions whose content runs past their own width
	Truncated []string `json:"truncated"` // table cells whose content runs past the cell
	Cells     int      `json:"cells"`     // visible table cells
	Cards     int      `json:"cards"`     // visible cards
}

// readSideways measures the page as a reader sees it: only what has a box
// counts (display:none hides a table or its cards from everyone). An
// element clipped to nothing for screen readers (.visually-hidden) is not a
// region a reader scrolls.
const readSideways = `(() => {
  const vw = document.documentElement.clientWidth;
  const seen = el => {
    const r = el.getBoundingClientRect();
    return (r.width > 0 || r.height > 0) && getComputedStyle(el).visibility !== 'hidden';
  };
  const name = el => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (typeof el.className === 'string' && el.className) s += '.' + el.className.trim().split(/\s+/).join('.');
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const r = el.getBoundingClientRect();
    return s + ' x=' + Math.round(r.left) + '..' + Math.round(r.right) + ' "' + text + '"';
  };
  const out = {outside: [], hiding: [], truncated: [], cells: 0, cards: 0};
  for (const el of document.querySelectorAll('td, th, .card')) {
    if (!seen(el) || el.closest('.visually-hidden')) continue;
    if (el.matches('.card')) out.cards++; else out.cells++;
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > vw + 0.5) out.outside.push(name(el));
    if (!el.matches('.card') && el.scrollWidth > el.clientWidth + 1) out.truncated.push(name(el) + ' scrollWidth ' + el.scrollWidth + ' > ' + el.clientWidth);
  }
  for (const el of document.querySelectorAll('body *')) {
    const x = getComputedStyle(el).overflowX;
    if (x !== 'auto' && x !== 'scroll' && x !== 'hidden') continue;
    if (!seen(el) || el.closest('.visually-hidden')) continue;
    if (el.scrollWidth > el.clientWidth + 1) out.hiding.push(name(el) + ' scrollWidth ' + el.scrollWidth + ' > ' + el.clientWidth);
  }
  return out;
})()`

// TestPhone opens the pages a resident reads figures on at a phone's width
// and at a desktop's. At 390px no table cell or card may start or end
// outside the screen and no region may hide content sideways: a reader
// who does not know a table scrolls never sees what is off to the right.
// At 1280px the same holds (the tables fit the page), and no table cell
// may be truncated, its text running past its box.
func TestPhone(t *testing.T) {
	dir := builtSite(t)
	browser := startBrowser(t)
	srv := serve(t, dir)
	tb := newTab(t, browser)

	for _, p := range phonePages {
		for _, w := range []int64{390, 1280} {
			t.Run(fmt.Sprintf("%s/%dpx", p.name, w), func(t *testing.T) {
				where := fmt.Sprintf("%s at %dpx", p.path, w)
				var got sideways
				_, err := tb.visit(srv.URL+"/"+strings.TrimSuffix(p.path, "index.html"), w, func(ctx context.Context) error {
					var err error
					got, err = chromedp.Run(ctx, chromedp.Evaluate[sideways](readSideways))
					return err
				})
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				t.Logf("%s: %d table cells and %d cards seen; %d outside the screen, %d regions hiding content sideways, %d cells truncated",
					where, got.Cells, got.Cards, len(got.Outside), len(got.Hiding), len(got.Truncated))
				if got.Cells+got.Cards == 0 && p.name != "home" {
					t.Errorf("%s: no table cell or card is seen; is the scorecard missing?", where)
				}
				if len(got.Outside) > 0 {
					t.Errorf("%s: %d table cells or cards start or end outside the screen:%s", where, len(got.Outside), list(first(got.Outside, 10)))
				}
				if len(got.Hiding) > 0 {
					t.Errorf("%s: %d regions hide content sideways:%s", where, len(got.Hiding), list(first(got.Hiding, 10)))
				}
				if len(got.Truncated) > 0 {
					t.Errorf("%s: %d table cells are truncated:%s", where, len(got.Truncated), list(first(got.Truncated, 10)))
				}
			})
		}
	}
}

// first returns up to n of items, saying how many more there are.
func first(items []string, n int) []string {
	if len(items) <= n {
		return items
	}
	return append(items[:n:n], fmt.Sprintf("... and %d more", len(items)-n))
}
