// Screenshots takes pictures of a built Scorecard site, to look at a
// change before it is published: PNG screenshots of a page of every kind
// (home, an edition, a theme, measures, the measures index, print, search,
// about, accessibility, open data, corrections, 404, a chart's embed page) at 1280 and
// 390 px wide (the whole page), and A4 PDFs of a theme page and of the
// quarter's print page, as a browser prints them.
//
// Usage:
//
//	screenshots [-site public] [-out screenshots] [-chromium /usr/bin/chromium]
//
// It opens the pages from disk (file://) in headless Chromium, driven by
// chromedp. The pictures are the same from run to run for the same site
// folder and fonts: the charts are drawn without animation, and the PDFs'
// dates are blanked (their links lead to the site folder's files).
// `make screenshots` builds the example and runs it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"scorecard/internal/pdf"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	site     string
	out      string
	chromium string
	timeout  time.Duration
	pages    []string // -pages: these pages at both widths instead of the example's shots
}

// shot is one picture: a page of the site, as a PNG at a width or as an
// A4 PDF.
type shot struct {
	file     string // in the output folder
	page     string // in the site folder
	width    int64  // the viewport's width in CSS pixels; 0 for a PDF
	optional bool   // a page that older builds lack: skipped when missing
}

// pageKinds are the example's pages, one of each kind a site has, each
// taken at 1280 and 390 px: name, page, and whether older builds lack it.
var pageKinds = []struct {
	name, page string
	optional   bool
}{
	{"home", "index.html", false},
	{"edition-2016-17-q1", "2016-17/q1/index.html", false},
	{"theme-2016-17-q2-build-a-better-harrow", "2016-17/q2/build-a-better-harrow/index.html", false},
	{"measure-pmv-3", "measures/pmv-3/index.html", false},
	{"measure-bmb-13", "measures/bmb-13/index.html", false}, // minutes and seconds
	{"measures", "measures/index.html", false},
	{"print-2016-17-q2", "2016-17/q2/print/index.html", true},
	{"search", "search/index.html", false},
	{"about", "about/index.html", false},
	{"accessibility", "accessibility/index.html", false},
	{"data", "data/index.html", false},
	{"corrections", "corrections/index.html", true},
	{"404", "404.html", false},
	{"embed-trend-pmv-3", "charts/trend-pmv-3/index.html", true}, // a chart on its own, to embed
}

// shots are the example's pictures: every page kind at both widths, and
// A4 PDFs of a theme page and of the quarter's print page.
var shots = func() []shot {
	var out []shot
	for _, k := range pageKinds {
		out = append(out, shot{k.name + "-1280.png", k.page, 1280, k.optional}, shot{k.name + "-390.png", k.page, 390, k.optional})
	}
	return append(out,
		shot{"theme-2016-17-q2-build-a-better-harrow.pdf", "2016-17/q2/build-a-better-harrow/index.html", 0, false},
		shot{"quarter-2016-17-q2-print.pdf", "2016-17/q2/print/index.html", 0, true},
	)
}()

const (
	viewHeight = 900
	pageLimit  = 30 * time.Second
	chartLimit = 5 * time.Second
)

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("screenshots", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.site, "site", "public", "the built site's `folder`")
	fs.StringVar(&c.out, "out", "screenshots", "the `folder` to write the pictures into")
	fs.StringVar(&c.chromium, "chromium", "/usr/bin/chromium", "the Chromium `binary` (bash .ci/install-chromium installs Debian's)")
	fs.DurationVar(&c.timeout, "timeout", 5*time.Minute, "the longest the whole run may take")
	fs.Func("pages", "a comma-separated `list` of the site's pages, such as index.html,measures/lve-009/index.html, to take at 1280 and 390 px instead of the example site's pictures (for another site, such as one under examples/)", func(v string) error {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				c.pages = append(c.pages, p)
			}
		}
		return nil
	})
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: screenshots [-site DIR] [-out DIR] [-chromium PATH] [-timeout D] [-pages LIST]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if err := c.take(stdout); err != nil {
		fmt.Fprintf(stderr, "screenshots: %v\n", err)
		return 1
	}
	return 0
}

// take writes every shot into c.out.
func (c config) take(stdout io.Writer) error {
	if _, err := os.Stat(filepath.Join(c.site, "index.html")); err != nil {
		return fmt.Errorf("%s holds no built site (%v); build it with: ./scorecard build", c.site, err)
	}
	if _, err := os.Stat(c.chromium); err != nil {
		return fmt.Errorf("%v; install Chromium with: sudo bash .ci/install-chromium", err)
	}
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return err
	}

	// From disk, so that the PDFs' links lead to the site's own files, the
	// same in every run, rather than to a server that is gone.
	abs, err := filepath.Abs(c.site)
	if err != nil {
		return err
	}
	base := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()

	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	tmp, err := os.MkdirTemp("", "screenshots-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		append(pdf.Flags(c.chromium, tmp), chromedp.Flag("hide-scrollbars", true))...)
	defer cancelAlloc() // waits for Chromium to exit, before tmp is removed
	tab, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()
	if err := chromedp.Do(tab); err != nil {
		return fmt.Errorf("starting %s: %w", c.chromium, err)
	}

	for _, s := range c.shots() {
		if _, err := os.Stat(filepath.Join(c.site, filepath.FromSlash(s.page))); err != nil {
			if s.optional {
				fmt.Fprintf(stdout, "skipped %s: the site has no %s\n", s.file, s.page)
				continue
			}
			return fmt.Errorf("%s: the site has no %s (%v)", s.file, s.page, err)
		}
		data, err := s.take(tab, base+"/"+s.page)
		if err != nil {
			return fmt.Errorf("%s of %s: %w", s.file, s.page, err)
		}
		path := filepath.Join(c.out, s.file)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d KB)\n", path, (len(data)+1023)/1024)
	}
	return nil
}

// take opens the page and returns the picture.
func (s shot) take(tab context.Context, pageURL string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(tab, pageLimit)
	defer cancel()
	width := s.width
	if width == 0 {
		width = 1280 // a PDF is laid out on A4 in any case
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, viewHeight)); err != nil {
		return nil, fmt.Errorf("setting the viewport: %w", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL)); err != nil {
		return nil, fmt.Errorf("loading %s: %w", pageURL, err)
	}
	if err := settle(ctx); err != nil {
		return nil, err
	}
	if s.width == 0 {
		data, err := chromedp.Run(ctx, chromedp.PrintToPDF(
			chromedp.PDFPaper(chromedp.PaperA4), // when the style sheet names no size
			chromedp.PDFPreferCSSPageSize(),
			chromedp.PDFPrintBackground(),
			chromedp.PDFOutlineAndTagged(),
		))
		if err != nil {
			return nil, fmt.Errorf("printing: %w", err)
		}
		return pdf.Stable(data, "", s.page), nil
	}
	return fullPage(ctx)
}

// settle waits for charts.js to set up the charts (each shows its static
// SVG; the interactive one is drawn only when a reader asks) and for the
// fonts, then for two frames, so that the picture shows the page as a
// reader first sees it.
func settle(ctx context.Context) error {
	const drawn = `new Promise(resolve => {
	const start = performance.now();
	const check = () => {
		const left = document.querySelector('script[data-echarts]') && !document.documentElement.classList.contains('charts-ready') ? 1 : 0;
		if (left === 0 || performance.now() - start > %d) {
			document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(left))));
		} else {
			setTimeout(check, 50);
		}
	};
	check();
})`
	left, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(drawn, chartLimit.Milliseconds()), chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("waiting for the charts: %w", err)
	}
	if left > 0 {
		return fmt.Errorf("charts.js did not set up the charts within %v", chartLimit)
	}
	return nil
}

// fullPage captures the whole page, beyond the viewport's height, as PNG.
func fullPage(ctx context.Context) ([]byte, error) {
	m, err := chromedp.Call(ctx, page.GetLayoutMetrics, cdp.Empty{})
	if err != nil {
		return nil, fmt.Errorf("measuring the page: %w", err)
	}
	if m.CSSContentSize == nil {
		return nil, errors.New("measuring the page: no content size")
	}
	png, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format:                page.CaptureScreenshotFormatPng,
		CaptureBeyondViewport: ptr(true),
		FromSurface:           ptr(true),
		Clip: &page.Viewport{
			Width:  m.CSSContentSize.Width,
			Height: m.CSSContentSize.Height,
			Scale:  1,
		},
	})
	if err != nil {
		return nil, fmt.Errorf("capturing the page: %w", err)
	}
	return png.Data, nil
}

func ptr[T any](v T) *T { return &v }

// shots are the pictures to take: the example site's, or each of -pages at
// both widths, named for the page ("measures/lve-009/index.html" gives
// measures-lve-009-1280.png).
func (c config) shots() []shot {
	if len(c.pages) == 0 {
		return shots
	}
	var out []shot
	for _, p := range c.pages {
		name := strings.Trim(strings.ReplaceAll(strings.TrimSuffix(strings.TrimSuffix(p, "index.html"), ".html"), "/", "-"), "-")
		if name == "" {
			name = "home"
		}
		out = append(out, shot{name + "-1280.png", p, 1280, false}, shot{name + "-390.png", p, 390, false})
	}
	return out
}
