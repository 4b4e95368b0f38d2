// Package pdf prints a page of a built site, an edition's print page, as
// an accessible PDF in headless Chromium: tagged (its structure for
// screen readers), with an outline of its headings, on A4 pages with the
// running heads and page numbers of the site's print style sheet, and
// the same bytes for the same site every time.
package pdf

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"mime"
	"net/url"
	"os"
	"os/exec"
	"path"
	"regexp"
	"runtime"
	"strings"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// EnvChrome names the environment variable that says which Chromium (or
// Chrome) to run, when it is not where Find looks.
const EnvChrome = "SCORECARD_CHROME"

// places are where Find looks for Chromium when EnvChrome is not set:
// names on the PATH, then the usual places of macOS's applications.
var places = []string{
	"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
	"/Applications/Chromium.app/Contents/MacOS/Chromium",
	"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
}

// Find returns the Chromium to run: the one EnvChrome names (read with
// getenv), or else the first of places there is. Its error says how to
// install Chromium.
func Find(getenv func(string) string) (string, error) {
	if p := getenv(EnvChrome); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			return "", fmt.Errorf("%s is set to %s, which is not a program that can run (%v); %s", EnvChrome, p, err, Install())
		}
		return p, nil
	}
	for _, p := range places {
		if found, err := exec.LookPath(p); err == nil {
			return found, nil
		}
	}
	return "", fmt.Errorf("Chromium is missing: the PDF is printed by headless Chromium (or Chrome), and none was found; %s", Install())
}

// Install says how to install Chromium here.
func Install() string {
	how := "on Debian or Ubuntu: sudo apt-get install chromium; on macOS: brew install --cask chromium"
	if runtime.GOOS == "darwin" {
		how = "on macOS: brew install --cask chromium, or install Google Chrome"
	}
	return how + "; or set " + EnvChrome + " to the Chromium or Chrome program"
}

// Page is what to print.
type Page struct {
	// Files reads a file of the built site, by its slash-separated path
	// from the site's root: the page and the files it loads.
	Files func(name string) ([]byte, error)
	Path  string // the page, slash-separated from the site's root, such as 2016-17/q2/print/index.html
	// Origin is the site's address, ending in "/", at which the page
	// is opened, so that the PDF's links lead to the published site;
	// "" when the site has none: the links that leave the document are
	// then dropped, since they could lead nowhere.
	Origin string
	// Date is when the edition was published (YYYY-MM-DD), written as
	// the PDF's dates; "" writes 1 January 1970.
	Date string
	// Name identifies the document, such as the site's title and the
	// edition: the PDF's document ID is made from it.
	Name string
}

// placeholder is the address a site without one is opened at: a name
// that no host may have (RFC 2606).
const placeholder = "https://scorecard.invalid/"

// Browser is a headless Chromium, started once for any number of PDFs.
type Browser struct {
	ctx    context.Context
	cancel func()
	chrome string
}

// Start starts Chromium (a path Find gave), in a profile folder of its
// own that Close removes. It lives until Close or until ctx ends.
func Start(ctx context.Context, chrome string) (*Browser, error) {
	tmp, err := os.MkdirTemp("", "scorecard-pdf-")
	if err != nil {
		return nil, err
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, Flags(chrome, tmp)...)
	tab, cancelTab := chromedp.NewContext(alloc)
	b := &Browser{ctx: tab, chrome: chrome, cancel: func() {
		cancelTab()
		cancelAlloc() // waits for Chromium to exit, before its folder is removed
		os.RemoveAll(tmp)
	}}
	if err := chromedp.Do(tab); err != nil {
		b.Close()
		return nil, fmt.Errorf("starting %s: %w; %s", chrome, err, Install())
	}
	return b, nil
}

// Flags run chrome headless, with the profile folder profile, quietly
// (no first-run page, no updates or sync over the network) and with
// fonts drawn the same on every machine.
func Flags(chrome, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
	}
}

// Close stops Chromium.
func (b *Browser) Close() { b.cancel() }

// Print opens p in a new tab, served from p.Files and nothing else (a
// request to any other address fails), waits for its fonts and charts,
// and prints it: A4 unless the style sheet says otherwise, tagged, with
// an outline of its headings.
func (b *Browser) Print(ctx context.Context, p Page) ([]byte, error) {
	origin := p.Origin
	if origin == "" {
		origin = placeholder
	}
	if !strings.HasSuffix(origin, "/") {
		origin += "/"
	}
	tab, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	// The tab ends with ctx too, as chromedp's contexts end with their
	// parent, b.ctx, alone.
	stop := context.AfterFunc(ctx, cancel)
	defer stop()

	paused := make(chan *fetch.EventRequestPaused, 64)
	if err := chromedp.Listen(tab, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			select {
			case paused <- e:
			case <-tab.Done():
			}
		}
	}); err != nil {
		return nil, fmt.Errorf("opening a tab in %s: %w", b.chrome, err)
	}
	go serve(tab, paused, p.Files, origin)
	if _, err := chromedp.Call(tab, fetch.Enable, fetch.EnableParams{}); err != nil {
		return nil, fmt.Errorf("opening a tab in %s: %w", b.chrome, err)
	}
	// Laid out as on a wide screen, as a browser prints; the page is A4
	// in any case.
	if err := chromedp.Do(tab, chromedp.EmulateViewport(1280, 900)); err != nil {
		return nil, fmt.Errorf("setting the viewport: %w", err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(origin+p.Path)); err != nil {
		return nil, fmt.Errorf("opening %s: %w", p.Path, err)
	}
	if err := settle(tab, p.Origin == ""); err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	data, err := chromedp.Run(tab, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4), // when the style sheet names no size
		chromedp.PDFPreferCSSPageSize(),     // its @page rules: margins, running heads, page numbers
		chromedp.PDFPrintBackground(),
		chromedp.PDFOutlineAndTagged(),
	))
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("printing %s: %w", p.Path, ctx.Err())
		}
		return nil, fmt.Errorf("printing %s: %w", p.Path, err)
	}
	return Stable(data, p.Date, p.Name), nil
}

// serve answers the tab's requests until it ends: a file of files for an
// address under origin, a failure for any other.
func serve(tab context.Context, paused <-chan *fetch.EventRequestPaused, files func(string) ([]byte, error), origin string) {
	for {
		var e *fetch.EventRequestPaused
		select {
		case e = <-paused:
		case <-tab.Done():
			return
		}
		status, body, ctype := answer(files, origin, e.Request.URL)
		if status == 0 {
			chromedp.Call(tab, fetch.FailRequest, fetch.FailRequestParams{RequestID: e.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
			continue
		}
		chromedp.Call(tab, fetch.FulfillRequest, fetch.FulfillRequestParams{
			RequestID:       e.RequestID,
			ResponseCode:    status,
			ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: ctype}},
			Body:            body,
		})
	}
}

// answer is the response to a request for address: status 0 for one
// outside origin, which fails.
func answer(files func(string) ([]byte, error), origin, address string) (status int64, body []byte, ctype string) {
	rest, ok := strings.CutPrefix(address, origin)
	if !ok {
		return 0, nil, ""
	}
	rest, _, _ = strings.Cut(rest, "#")
	rest, _, _ = strings.Cut(rest, "?")
	name, err := url.PathUnescape(rest)
	if err != nil {
		return 404, nil, "text/plain"
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	data, err := files(path.Clean(name))
	if err != nil {
		return 404, []byte("not found"), "text/plain"
	}
	ctype = mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	return 200, data, ctype
}

// settle waits for the page's fonts and for charts.js to set up its
// charts (each shows its static SVG, which is what prints), then for two
// frames. unlink drops the links that leave the document (their address
// is the placeholder's), keeping their text.
func settle(ctx context.Context, unlink bool) error {
	const wait = `new Promise(resolve => {
	const check = () => {
		if (document.querySelector('script[data-echarts]') && !document.documentElement.classList.contains('charts-ready')) {
			setTimeout(check, 50);
			return;
		}
		if (%t) {
			for (const a of document.querySelectorAll('a[href]')) {
				if (!a.getAttribute('href').startsWith('#')) a.removeAttribute('href');
			}
		}
		document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));
	};
	check();
})`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(wait, unlink), chromedp.EvalAwaitPromise)); err != nil {
		return fmt.Errorf("waiting for the page's fonts and charts: %w", err)
	}
	return nil
}

// date is a date in a PDF's information dictionary, such as
// /CreationDate (D:20261125213412+00'00').
var date = regexp.MustCompile(`/(CreationDate|ModDate) ?\(D:[0-9]{14}[^)]*\)`)

// node is the id Chromium gives a tagged PDF's structure element: the DOM
// node's id in this run, such as (node00000204).
var node = regexp.MustCompile(`\(node[0-9]{8}\)`)

// docID is the PDF's document ID in the trailer: two strings of hex
// digits, made by Chromium from the time.
var docID = regexp.MustCompile(`/ID \[<([0-9A-Fa-f]+)> ?<([0-9A-Fa-f]+)>\]`)

// Stable makes a PDF Chromium printed the same from run to run, without
// moving a byte (so the file's offsets still hold): its dates become day
// (YYYY-MM-DD, or 1 January 1970 when not a date) at midnight UTC, its
// document ID is made from name, and its structure elements are numbered
// in the order they first appear.
func Stable(pdf []byte, day, name string) []byte {
	stamp := "19700101000000"
	if t, err := time.Parse(time.DateOnly, day); err == nil {
		stamp = t.Format("20060102") + "000000"
	}
	out := date.ReplaceAllFunc(pdf, func(m []byte) []byte {
		m = bytes.Clone(m)
		at := bytes.Index(m, []byte("(D:")) + len("(D:")
		copy(m[at:], stamp)
		for i := at + 14; i < len(m); i++ { // the time zone: +00'00'
			if m[i] >= '0' && m[i] <= '9' {
				m[i] = '0'
			}
		}
		return m
	})
	sum := sha256.Sum256([]byte(name))
	id := strings.ToUpper(hex.EncodeToString(append(sum[:], sum[:]...)))
	out = docID.ReplaceAllFunc(out, func(m []byte) []byte {
		m = bytes.Clone(m)
		idx := docID.FindSubmatchIndex(m)
		for k := 2; k < len(idx); k += 2 {
			copy(m[idx[k]:idx[k+1]], id[:min(len(id), idx[k+1]-idx[k])])
		}
		return m
	})
	ids := map[string][]byte{}
	return node.ReplaceAllFunc(out, func(m []byte) []byte {
		id, ok := ids[string(m)]
		if !ok {
			id = fmt.Appendf(nil, "(node%08d)", len(ids)+1)
			ids[string(m)] = id
		}
		return id
	})
}

// IsPDF reports whether data starts as a PDF does.
func IsPDF(data []byte) bool { return bytes.HasPrefix(data, []byte("%PDF-")) }

// HeadLen is how much of a PDF's start Printed reads: Chromium writes the
// document information, with its Creator and Producer, in the first
// kilobyte.
const HeadLen = 4096

// Printed reports whether head, the start of a file (HeadLen bytes or
// fewer), is a PDF that headless Chromium printed, as Scorecard's are:
// a PDF made another way (the council's own report, a scan) is never
// one Scorecard may replace.
func Printed(head []byte) bool {
	return IsPDF(head) && bytes.Contains(head, []byte("/Producer (Skia/PDF")) && bytes.Contains(head, []byte("HeadlessChrome/"))
}
