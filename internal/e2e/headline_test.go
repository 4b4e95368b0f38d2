package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// headlinePages are the report pages that open with a headline: the home
// page, a top-level theme, and an edition's own home page.
var headlinePages = []sitePage{
	{"home", "index.html", ""},
	{"theme", "2016-17/q2/protect-the-most-vulnerable/index.html", ""},
	{"edition-home", "2016-17/q2/index.html", ""},
}

// headlineBox is where one of the headline's counts lies, in CSS pixels
// from the top of the page, and its words.
type headlineBox struct {
	Text   string  `json:"text"`
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
	Shown  bool    `json:"shown"`
}

// readHeadline measures every count of the page's headline (on target,
// off target, not rated, improved, worse) with the page scrolled to the
// top.
const readHeadline = `(() => {
	window.scrollTo(0, 0);
	return [...document.querySelectorAll('.headline .hl-counts li')].map(li => {
		const r = li.getBoundingClientRect();
		const s = getComputedStyle(li);
		return {text: li.textContent.replace(/\s+/g, ' ').trim(), top: r.top + window.scrollY, bottom: r.bottom + window.scrollY,
			shown: r.width > 0 && r.height > 0 && s.visibility !== 'hidden'};
	});
})()`

// TestHeadlineFirstScreen opens each of headlinePages on a 390x800 phone
// and checks that the headline's counts (on target, off target, improved,
// got worse) are shown, in words, inside the first 800 pixels.
func TestHeadlineFirstScreen(t *testing.T) {
	const width, height = 390, 800
	dir := builtSite(t)
	browser := startBrowser(t)
	srv := serve(t, dir)
	tb := newTab(t, browser)
	for _, p := range headlinePages {
		t.Run(p.name, func(t *testing.T) {
			if msg := p.missing(dir); msg != "" {
				t.Fatal(msg)
			}
			// Navigate waits for the page's load event: its style sheet
			// is applied and its layout done.
			if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(width, height), chromedp.Navigate(p.httpURL(srv.URL))); err != nil {
				t.Fatalf("%s: loading at %dx%d: %v", p, width, height, err)
			}
			boxes, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]headlineBox](readHeadline))
			if err != nil {
				t.Fatalf("%s: measuring the headline: %v", p, err)
			}
			var words []string
			for _, b := range boxes {
				words = append(words, b.Text)
				switch {
				case !b.Shown:
					t.Errorf("%s at %dx%d: the headline count %q is not shown", p, width, height, b.Text)
				case b.Bottom > height:
					t.Errorf("%s at %dx%d: the headline count %q lies at %.0f-%.0f px, below the first %d px", p, width, height, b.Text, b.Top, b.Bottom, height)
				}
			}
			all := strings.Join(words, "; ")
			for _, want := range []string{"on target", "off target", "improved since", "got worse since"} {
				if !strings.Contains(all, want) {
					t.Errorf("%s: the headline counts %q say nothing %q", p, all, want)
				}
			}
			t.Logf("%s at %dx%d: %s (last count ends at %s px)", p, width, height, all, lastBottom(boxes))
		})
	}
}

// lastBottom is where the lowest count ends, for the log.
func lastBottom(boxes []headlineBox) string {
	if len(boxes) == 0 {
		return "no"
	}
	return fmt.Sprintf("%.0f", boxes[len(boxes)-1].Bottom)
}
