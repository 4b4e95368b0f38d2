package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium is Debian's Chromium, which .ci/install-chromium installs.
const chromium = "/usr/bin/chromium"

// A test's browser lives until shortly before the test's deadline (go
// test -timeout): a page that never settles fails the test then, however
// busy the machine, rather than at a fixed time a busy machine can pass.
const (
	quietPeriod = 150 * time.Millisecond // no request in flight for this long: the page has settled
	viewHeight  = 900
)

// untilDeadline returns a context that ends shortly before the test's
// deadline, leaving time to report what was seen, or with the test when it
// has none.
func untilDeadline(t *testing.T) context.Context {
	ctx := t.Context()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-time.Until(d)/20))
		t.Cleanup(cancel)
	}
	return ctx
}

// startBrowser starts headless Chromium for the test and returns a context
// whose child contexts open tabs in it. It skips the test when Chromium is
// missing, except in CI, where browser tests never skip.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing, and browser tests never skip in CI: run .ci/install-chromium as root (%v)", chromium, err)
		}
		t.Skipf("%s is missing, so the browser tests cannot run; install it with: sudo bash .ci/install-chromium", chromium)
	}
	ctx := untilDeadline(t)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	t.Cleanup(cancelAlloc) // waits for Chromium to exit, before TempDir is removed
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting %s: %v", chromium, err)
	}
	return browser
}

// observation is what a page did while it loaded and drew its charts.
type observation struct {
	status   int64        // the document's HTTP status; 0 for a file:// page
	charts   []chartState // every .chart element, in document order
	wait     time.Duration
	console  []string // console errors and warnings, uncaught exceptions, browser log errors and warnings
	requests []string // requests to anywhere but the page's own origin
	failed   []string // responses with status 400 or more, and requests that failed to load
	csp      []string // Content-Security-Policy violations, and the browser's security errors
	layout   layout
}

// chartState is one .chart figure after charts.js has set it up: its
// static drawing, or the interactive one once a reader asked for it.
type chartState struct {
	ID      string  `json:"id"`      // its data-chart attribute
	Options bool    `json:"options"` // a <script type="application/json"> with the id ID-options exists
	Drawn   bool    `json:"drawn"`   // it has the class chart-drawn: the interactive chart shows
	Graphic string  `json:"graphic"` // "svg" or "canvas" showing in it (static, or drawn by ECharts), or ""
	Width   float64 `json:"width"`   // the graphic's size in CSS pixels
	Height  float64 `json:"height"`
}

// problem says what is wrong with the chart, or "" when it is drawn.
func (c chartState) problem() string {
	var p []string
	if !c.Options {
		p = append(p, fmt.Sprintf(`no <script type="application/json" id=%q> holds its options`, c.ID+"-options"))
	}
	switch {
	case c.Graphic == "":
		p = append(p, "no svg or canvas inside")
	case c.Width <= 0 || c.Height <= 0:
		p = append(p, fmt.Sprintf("its %s is %gx%g px", c.Graphic, c.Width, c.Height))
	}
	return strings.Join(p, ", ")
}

// layout is the page's width against the viewport's, with the outermost
// elements that stick out of the viewport (and not out of a scrolling or
// clipping region of their own).
type layout struct {
	Viewport    float64   `json:"viewport"`
	ScrollWidth float64   `json:"scrollWidth"`
	Culprits    []culprit `json:"culprits"`
}

type culprit struct {
	Path  string  `json:"path"` // body > ... > the element, as tag#id.class
	Left  float64 `json:"left"`
	Right float64 `json:"right"`
	Text  string  `json:"text"` // the start of its text, to find it in the page
}

// recordViolations runs in every document before the page's own scripts,
// so it sees each violation the page causes, however early.
const recordViolations = `
window.__e2eCSP = [];
document.addEventListener('securitypolicyviolation', e => {
	let s = 'securitypolicyviolation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || '(unknown)');
	if (e.sourceFile) s += ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber;
	if (e.sample) s += ' (' + JSON.stringify(e.sample) + ')';
	window.__e2eCSP.push(s);
}, true);
`

const (
	// chartsNotReady is 1 while charts.js, on a page that loads it, has not
	// yet set up its charts (it then adds the class charts-ready).
	chartsNotReady = `document.querySelector('script[data-echarts]') && !document.documentElement.classList.contains('charts-ready') ? 1 : 0`

	readCharts = `[...document.querySelectorAll('.chart')].map(c => {
	const id = c.dataset.chart || '';
	const opts = id ? document.getElementById(id + '-options') : null;
	const g = c.querySelector(c.classList.contains('chart-drawn') ? '.chart-live svg, .chart-live canvas' : '.chart-static svg');
	const r = g ? g.getBoundingClientRect() : {width: 0, height: 0};
	return {
		id: id,
		options: !!opts && opts.tagName === 'SCRIPT' && opts.type.toLowerCase() === 'application/json',
		drawn: c.classList.contains('chart-drawn'),
		graphic: g ? g.tagName.toLowerCase() : '',
		width: r.width,
		height: r.height,
	};
})`

	readViolations = `Array.isArray(window.__e2eCSP) ? window.__e2eCSP : ['the securitypolicyviolation listener was not installed, so violations could not be read']`

	readLayout = `(() => {
	const vw = window.innerWidth;
	const name = el => {
		let s = el.tagName.toLowerCase();
		if (el.id) s += '#' + el.id;
		for (const c of el.classList) s += '.' + c;
		return s;
	};
	const path = el => {
		const p = [];
		for (let a = el; a && a !== document.body; a = a.parentElement) p.unshift(name(a));
		return ['body', ...p].join(' > ');
	};
	const clipped = el => {
		for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
			if (getComputedStyle(a).overflowX !== 'visible') return true;
		}
		return false;
	};
	const sticksOut = el => el.getBoundingClientRect().right > vw + 0.5;
	const culprits = [];
	for (const el of document.body.querySelectorAll('*')) {
		if (!sticksOut(el) || clipped(el)) continue;
		if (el.parentElement !== document.body && sticksOut(el.parentElement)) continue;
		const r = el.getBoundingClientRect();
		culprits.push({path: path(el), left: r.left, right: r.right,
			text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60)});
		if (culprits.length === 5) break;
	}
	return {viewport: vw, scrollWidth: document.documentElement.scrollWidth, culprits: culprits};
})()`
)

// tab is a browser tab that a test opens page after page in, so that it
// starts one renderer and compiles the pages' scripts (and axe) once.
type tab struct {
	ctx context.Context
	rec *recorder
}

// newTab opens a tab in the browser for the rest of the test.
func newTab(t *testing.T, browser context.Context) *tab {
	t.Helper()
	tb, closeTab, err := openTab(browser)
	if err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	t.Cleanup(closeTab)
	return tb
}

// openTab opens a tab in the browser, ready to visit pages. Close it with
// the returned func.
func openTab(browser context.Context) (*tab, context.CancelFunc, error) {
	rec := &recorder{}
	ctx, closeTab := chromedp.NewContext(browser, chromedp.WithListener(rec.listen))
	// The tab lives as long as the context of its first call, so that call
	// has no limit of its own; the browser's bounds it.
	if err := chromedp.Do(ctx); err != nil {
		closeTab()
		return nil, nil, fmt.Errorf("opening a tab: %w", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordViolations}); err != nil {
		closeTab()
		return nil, nil, fmt.Errorf("installing the securitypolicyviolation listener: %w", err)
	}
	return &tab{ctx: ctx, rec: rec}, closeTab, nil
}

// visit opens pageURL in the tab at the given viewport width, waits for
// charts.js to set up the charts (it draws none until asked) and for the page's requests to settle,
// and returns what the page did. Then, when then is not
// nil, it runs then in the settled page; an error from then is returned
// with the observation.
// Any other error means the page could not be inspected at all.
func (tb *tab) visit(pageURL string, width int64, then func(ctx context.Context) error) (*observation, error) {
	origin, err := url.Parse(pageURL)
	if err != nil {
		return nil, err
	}
	rec := tb.rec
	rec.reset(origin)
	ctx := tb.ctx

	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, viewHeight)); err != nil {
		return nil, fmt.Errorf("setting the viewport: %w", err)
	}
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(pageURL))
	if err != nil {
		return nil, fmt.Errorf("loading the page: %w", err)
	}
	o := &observation{}
	if resp != nil && origin.Scheme != "file" {
		o.status = resp.Status
	}

	start := time.Now()
	for {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](chartsNotReady))
		if err != nil {
			return nil, fmt.Errorf("asking whether charts.js is ready: %w", err)
		}
		// charts.js ready, or something went wrong that checkCharts and
		// checkQuiet will report: a console error, a failed request (charts.js
		// or ECharts missing), a CSP violation. Otherwise charts.js is still
		// at work, however long a busy machine makes that.
		if n == 0 || rec.troubled() {
			break
		}
		if err := chromedp.Do(ctx, chromedp.Sleep(50*time.Millisecond)); err != nil {
			return nil, err
		}
	}
	o.wait = time.Since(start)
	if err := rec.waitQuiet(ctx); err != nil {
		return nil, err
	}

	if o.charts, err = chromedp.Run(ctx, chromedp.Evaluate[[]chartState](readCharts)); err != nil {
		return nil, fmt.Errorf("reading the charts: %w", err)
	}
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](readViolations))
	if err != nil {
		return nil, fmt.Errorf("reading the CSP violations: %w", err)
	}
	if o.layout, err = chromedp.Run(ctx, chromedp.Evaluate[layout](readLayout)); err != nil {
		return nil, fmt.Errorf("measuring the layout: %w", err)
	}

	var thenErr error
	if then != nil {
		thenErr = then(ctx)
	}

	rec.mu.Lock()
	defer rec.mu.Unlock()
	o.console = rec.console
	o.requests = rec.requests
	o.failed = rec.failed
	o.csp = append(violations, rec.csp...)
	return o, thenErr
}

// recorder keeps the events that a test fails on, of the page a tab shows
// now. Chromium calls listen in the tab's event loop, in the order the
// events happened.
type recorder struct {
	mu       sync.Mutex
	origin   *url.URL
	console  []string
	requests []string
	failed   []string
	csp      []string
	mine     map[network.RequestID]bool   // the requests of this page, not of the one before
	inFlight map[network.RequestID]string // request id -> URL, until it finishes or fails
	status   map[network.RequestID]int64  // request id -> HTTP status, from the response's headers
	reported map[network.RequestID]bool   // requests already in failed
	last     time.Time                    // the last request started, finished or failed
}

// troubled reports whether the page has logged to the console, failed a
// request or broken the CSP.
func (r *recorder) troubled() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.console)+len(r.failed)+len(r.csp) > 0
}

// reset forgets the page before, for a visit to a page at origin.
func (r *recorder) reset(origin *url.URL) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.origin = origin
	r.console, r.requests, r.failed, r.csp = nil, nil, nil, nil
	r.mine = map[network.RequestID]bool{}
	r.inFlight = map[network.RequestID]string{}
	r.status = map[network.RequestID]int64{}
	r.reported = map[network.RequestID]bool{}
	r.last = time.Now()
}

// waitQuiet waits until no request has been in flight for quietPeriod, so
// that what a script fetches after the load event (and what it does with
// it) is part of the observation, however long a busy machine takes. The
// pages are static files, with no request meant to stay open, so a page
// that has not settled by the test's deadline (ctx) is a failure, naming
// the requests still in flight.
func (r *recorder) waitQuiet(ctx context.Context) error {
	for {
		r.mu.Lock()
		quiet := len(r.inFlight) == 0 && time.Since(r.last) >= quietPeriod
		var open []string
		for _, u := range r.inFlight {
			open = append(open, u)
		}
		r.mu.Unlock()
		if quiet {
			return nil
		}
		if err := chromedp.Do(ctx, chromedp.Sleep(25*time.Millisecond)); err != nil {
			slices.Sort(open)
			return fmt.Errorf("waiting for the page's requests to finish (still in flight: %s): %w", strings.Join(open, ", "), err)
		}
	}
}

func (r *recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.origin == nil { // no page visited yet
		return
	}
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		switch ev.Type {
		case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeWarning, runtime.ConsoleAPICalledTypeAssert:
			r.console = append(r.console, fmt.Sprintf("console.%s: %s%s", ev.Type, argsText(ev.Args), stackPlace(ev.StackTrace)))
		}
	case *runtime.EventExceptionThrown:
		r.console = append(r.console, "uncaught exception: "+exceptionText(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		e := ev.Entry
		if r.implicitFavicon(e) {
			return
		}
		msg := fmt.Sprintf("browser log %s (%s): %s", e.Level, e.Source, e.Text)
		if e.URL != "" && e.LineNumber > 0 { // 0 is "no line" for a log entry
			msg += place(e.URL, e.LineNumber, -1)
		} else if e.URL != "" && !strings.Contains(e.Text, e.URL) {
			msg += " (" + e.URL + ")"
		}
		switch {
		case e.Source == log.EntrySourceSecurity || strings.Contains(e.Text, "Content Security Policy"):
			r.csp = append(r.csp, msg)
		case e.Level == log.EntryLevelError || e.Level == log.EntryLevelWarning:
			r.console = append(r.console, msg)
		}
	case *network.EventResponseReceivedExtraInfo:
		// Chromium may cancel a request after its headers without a
		// responseReceived (a style sheet that is a 404 page, say): this
		// is then the only place its status shows.
		r.status[ev.RequestID] = ev.StatusCode
	case *network.EventResponseReceived:
		if r.mine[ev.RequestID] && ev.Response.Status >= 400 && !r.implicitFaviconURL(ev.Response.URL) {
			r.failed = append(r.failed, fmt.Sprintf("%d %s for %s (%s)", ev.Response.Status, http.StatusText(int(ev.Response.Status)), ev.Response.URL, ev.Type))
			r.reported[ev.RequestID] = true
		}
	case *network.EventLoadingFinished:
		r.done(ev.RequestID)
	case *network.EventLoadingFailed:
		u := r.inFlight[ev.RequestID]
		r.done(ev.RequestID)
		if !r.mine[ev.RequestID] || r.reported[ev.RequestID] || r.implicitFaviconURL(u) {
			return
		}
		if code := r.status[ev.RequestID]; code >= 400 {
			r.failed = append(r.failed, fmt.Sprintf("%d %s for %s (%s, then %s)", code, http.StatusText(int(code)), u, ev.Type, ev.ErrorText))
			return
		}
		msg := fmt.Sprintf("%s could not load: %s (%s", u, ev.ErrorText, ev.Type)
		if ev.BlockedReason != "" {
			msg += ", blocked: " + string(ev.BlockedReason)
		}
		if ev.CorsErrorStatus != nil {
			msg += ", CORS: " + string(ev.CorsErrorStatus.CorsError)
		}
		if ev.Canceled {
			msg += ", canceled"
		}
		r.failed = append(r.failed, msg+")")
	case *network.EventRequestWillBeSent:
		r.mine[ev.RequestID] = true
		r.inFlight[ev.RequestID] = ev.Request.URL
		r.last = time.Now()
		if !r.local(ev.Request.URL) {
			msg := fmt.Sprintf("%s %s (%s", ev.Request.Method, ev.Request.URL, ev.Type)
			if in := ev.Initiator; in != nil && in.URL != "" {
				msg += ", from " + in.URL
			}
			r.requests = append(r.requests, msg+")")
		}
	}
}

// implicitFavicon reports whether e is the failure of the browser's own
// request for /favicon.ico, which it makes at the server's root for a page
// that names no icon. The site cannot own the server's root (it may live
// in a sub-folder), and whether the request is made before the tab closes
// depends on timing, so it is left out rather than failing some runs.
func (r *recorder) implicitFavicon(e *log.Entry) bool {
	return e.Source == log.EntrySourceNetwork && r.implicitFaviconURL(e.URL)
}

// implicitFaviconURL reports whether raw is the server root's /favicon.ico.
func (r *recorder) implicitFaviconURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && r.origin.Scheme != "file" && u.Host == r.origin.Host && u.Path == "/favicon.ico"
}

// done marks a request as no longer in flight.
func (r *recorder) done(id network.RequestID) {
	delete(r.inFlight, id)
	r.last = time.Now()
}

// local reports whether a request stays on the page's own origin (or is a
// data: URL, which makes no request at all).
func (r *recorder) local(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	return u.Scheme == "data" || (u.Scheme == r.origin.Scheme && u.Host == r.origin.Host)
}

// argsText joins a console call's arguments as DevTools shows them.
func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		var s string
		switch {
		case a.Type == runtime.RemoteObjectTypeString && len(a.Value) > 0:
			if json.Unmarshal(a.Value, &s) != nil {
				s = string(a.Value)
			}
		case a.Description != "":
			s = a.Description
		case len(a.Value) > 0:
			s = string(a.Value)
		default:
			s = string(a.Type)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		// The description is the error and its stack; its first line says what.
		desc, _, _ := strings.Cut(d.Exception.Description, "\n")
		s += " " + desc
	}
	if d.URL != "" {
		return s + place(d.URL, d.LineNumber, d.ColumnNumber)
	}
	return s + stackPlace(d.StackTrace)
}

func stackPlace(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return place(f.URL, f.LineNumber, f.ColumnNumber)
}

// place formats a 0-based protocol position as " (url:line:col)", 1-based.
func place(u string, line, col int64) string {
	switch {
	case u == "":
		return ""
	case col < 0:
		return fmt.Sprintf(" (%s:%d)", u, line+1)
	}
	return fmt.Sprintf(" (%s:%d:%d)", u, line+1, col+1)
}
