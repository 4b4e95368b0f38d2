package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"scorecard/internal/site"
	"scorecard/internal/synth"
)

// The example site, at the repository root.
const repoRoot = "../.."

const (
	themePage = "/2016-17/q2/build-a-better-harrow/"
	themeFile = "content/2016-17-q2/build-a-better-harrow.md"
	quarter   = "data/quarters/2016-17-q2.yaml"
)

// deadline is when a test gives up waiting for the server, its watcher or
// a rebuild: a little before the test's own deadline (go test -timeout),
// so that it fails saying what it waited for; the zero time, never, when
// the test has none. A rebuild of the example takes about 0.1 s, and 1 s
// with -race.
func deadline(t testing.TB) time.Time {
	tt, ok := t.(interface{ Deadline() (time.Time, bool) }) // a benchmark has none
	if !ok {
		return time.Time{}
	}
	d, ok := tt.Deadline()
	if !ok {
		return time.Time{}
	}
	return d.Add(-3 * time.Second) // time to report the failure
}

// timeout fires at the test's deadline; never when it has none.
func timeout(t testing.TB) <-chan time.Time {
	d := deadline(t)
	if d.IsZero() {
		return nil
	}
	return time.After(time.Until(d))
}

// expired says whether the test's deadline has passed.
func expired(t testing.TB) bool {
	d := deadline(t)
	return !d.IsZero() && time.Now().After(d)
}

// copySite copies the example's data/ and content/ into a fresh folder.
func copySite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(repoRoot, sub))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// lockedBuffer is an output writer the server and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

type running struct {
	*Server
	url            string // http://127.0.0.1:port, without the final slash
	stdout, stderr *lockedBuffer
	stop           context.CancelFunc // stops the server; the test's end does too
	stopped        <-chan struct{}    // closed when Serve has returned
}

// start serves the site in dir on a free loopback port until the test
// ends, then checks that Serve stopped cleanly and promptly.
func start(t *testing.T, dir string) *running {
	t.Helper()
	return startWith(t, dir, Options{}, nil)
}

// startWith is start with opts (Stdout and Stderr are the test's), and
// tweak, if not nil, applied to the server before it starts.
func startWith(t *testing.T, dir string, opts Options, tweak func(*Server)) *running {
	t.Helper()
	r := &running{stdout: new(lockedBuffer), stderr: new(lockedBuffer)}
	opts.Stdout, opts.Stderr = r.stdout, r.stderr
	s, err := New(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if tweak != nil {
		tweak(s)
	}
	r.Server = s
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.url = "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	r.stop = cancel
	done := make(chan error, 1)
	stopped := make(chan struct{})
	r.stopped = stopped
	go func() {
		done <- s.Serve(ctx, ln)
		close(stopped)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve returned %v, want nil after the context was cancelled", err)
			}
		case <-timeout(t):
			t.Errorf("Serve did not return after the context was cancelled")
		}
	})
	// Serve prints this line once it has built the site and is watching.
	waitFor(t, "the server to start", func() bool { return strings.Contains(r.stdout.String(), "Serving ") })
	return r
}

type response struct {
	status int
	header http.Header
	body   string
}

func get(t testing.TB, url string) response {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

// waitFor polls cond until it holds, failing the test at its deadline.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		if expired(t) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type event struct{ name, data string }

// listen connects to the event stream, as reload.js does, and returns its
// events, after the first ("hello") has arrived.
func listen(t *testing.T, base string) <-chan event {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, "GET", base+eventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("%s: Content-Type %q, want text/event-stream", eventsPath, ct)
	}
	events := make(chan event, 100)
	go func() {
		defer close(events)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					select {
					case events <- ev:
					default:
					}
				}
				ev = event{}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	select {
	case ev := <-events:
		if ev.name != "hello" {
			t.Fatalf("first event %q, want hello", ev.name)
		}
	case <-timeout(t):
		t.Fatal("no hello event on the event stream")
	}
	return events
}

// nextReload waits for a "reload" event.
func nextReload(t *testing.T, events <-chan event) {
	t.Helper()
	stop := timeout(t)
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				t.Fatal("the event stream ended before a reload event")
			}
			if ev.name == "reload" {
				return
			}
		case <-stop:
			t.Fatal("no reload event")
		}
	}
}

func appendFile(t testing.TB, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func replaceInFile(t testing.TB, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	if err := os.WriteFile(name, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// An edit to the narrative is on the page after the rebuild, and the
// browsers are told to reload.
func TestEditReloads(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	r := start(t, dir)
	if got := get(t, r.url+themePage); got.status != 200 || !strings.Contains(got.body, "<h1") {
		t.Fatalf("GET %s: status %d, want 200 with a page", themePage, got.status)
	}
	events := listen(t, r.url)

	const sentence = "The preview server added this sentence."
	appendFile(t, filepath.Join(dir, themeFile), "\n"+sentence+"\n")

	nextReload(t, events)
	waitFor(t, "the edited page", func() bool { return strings.Contains(get(t, r.url+themePage).body, sentence) })
	line := regexp.MustCompile(`(?m)^Rebuilt \d+ files in [0-9.]+m?s after a change to ` + regexp.QuoteMeta(themeFile) + `$`)
	if !line.MatchString(r.stdout.String()) {
		t.Errorf("stdout does not report the rebuild as %v:\n%s", line, r.stdout)
	}
}

// A mistake in the data shows the error page, naming the file, line and
// column; fixing it brings the site back.
func TestErrorPage(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	r := start(t, dir)
	events := listen(t, r.url)
	file := filepath.Join(dir, quarter)
	style := linkedAsset(t, r.url, styleName)

	replaceInFile(t, file, "actual: 97.8%", "actual: ninety")
	nextReload(t, events)
	var page response
	waitFor(t, "the error page", func() bool { page = get(t, r.url+themePage); return page.status == 500 })
	pos := regexp.MustCompile(regexp.QuoteMeta(quarter) + `:4:\d+`)
	for _, want := range []string{"<title>The site has errors", "<h1>The site has errors</h1>", "ninety", `href="` + overlayCSSPath + `"`, reloadTag} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the error page lacks %q:\n%s", want, page.body)
		}
	}
	if !pos.MatchString(page.body) {
		t.Errorf("the error page does not name %v:\n%s", pos, page.body)
	}
	checkNoInline(t, "the error page", page.body)
	// The terminal may be told just after the browser.
	waitFor(t, "the error on stderr", func() bool {
		return pos.MatchString(r.stderr.String()) && strings.Contains(r.stderr.String(), "ninety")
	})
	// Every page shows the errors; other files are the last good build's.
	if got := get(t, r.url+"/"); got.status != 500 {
		t.Errorf("GET /: status %d, want 500 while the site has errors", got.status)
	}
	if got := get(t, r.url+style); got.status != 200 || !strings.HasPrefix(got.header.Get("Content-Type"), "text/css") {
		t.Errorf("GET %s: status %d, %s; want the last good stylesheet", style, got.status, got.header.Get("Content-Type"))
	}
	if got := get(t, r.url+overlayCSSPath); got.status != 200 || !strings.HasPrefix(got.header.Get("Content-Type"), "text/css") {
		t.Errorf("GET %s: status %d, %s", overlayCSSPath, got.status, got.header.Get("Content-Type"))
	}

	replaceInFile(t, file, "actual: ninety", "actual: 97.8%")
	nextReload(t, events)
	waitFor(t, "the site to come back", func() bool { page = get(t, r.url+themePage); return page.status == 200 })
	if strings.Contains(page.body, "The site has errors") {
		t.Errorf("the page still shows the errors after the fix")
	}
}

var scriptTag = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)

// checkNoInline fails if page runs any script that is not loaded from a
// file, or carries a style attribute: the site's CSP would block both.
func checkNoInline(t *testing.T, what, page string) {
	t.Helper()
	for _, m := range scriptTag.FindAllStringSubmatch(page, -1) {
		attrs, body := m[1], m[2]
		data := strings.Contains(attrs, `type="application/json"`) || strings.Contains(attrs, `type="application/ld+json"`)
		if !data && (!strings.Contains(attrs, "src=") || strings.TrimSpace(body) != "") {
			t.Errorf("%s has an inline script: %.80s", what, m[0])
		}
	}
	if strings.Contains(page, " style=") || strings.Contains(page, "<style") {
		t.Errorf("%s has inline style", what)
	}
}

// The server serves the build, and only the build, with the reload script
// in every page and nothing inline.
func TestServesBuild(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	r := start(t, dir)

	for _, path := range []string{"/", "/index.html", themePage, "/measures/bbh-5/", "/search/"} {
		got := get(t, r.url+path)
		if got.status != 200 {
			t.Errorf("GET %s: status %d, want 200", path, got.status)
			continue
		}
		if n := strings.Count(got.body, reloadTag); n != 1 {
			t.Errorf("GET %s: the reload script is there %d times, want once", path, n)
		}
		if i, j := strings.Index(got.body, reloadTag), strings.Index(got.body, "</head>"); i < 0 || j != i+len(reloadTag)+1 {
			t.Errorf("GET %s: the reload script is not last in the head", path)
		}
		checkNoInline(t, "GET "+path, got.body)
	}

	for _, c := range []struct{ path, ctype string }{
		{themePage, "text/html; charset=utf-8"},
		{linkedAsset(t, r.url, styleName), "text/css; charset=utf-8"},
		{linkedAsset(t, r.url, chartsName), "text/javascript; charset=utf-8"},
		{"/favicon.svg", "image/svg+xml"},
		{"/data/scorecard.csv", "text/csv; charset=utf-8"},
		{"/data/scorecard.json", "application/json"},
		{reloadPath, "text/javascript; charset=utf-8"},
		{overlayCSSPath, "text/css; charset=utf-8"},
	} {
		got := get(t, r.url+c.path)
		if got.status != 200 || got.header.Get("Content-Type") != c.ctype || got.header.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: status %d, Content-Type %q, Cache-Control %q; want 200, %q, no-store",
				c.path, got.status, got.header.Get("Content-Type"), got.header.Get("Cache-Control"), c.ctype)
		}
	}
	if js := get(t, r.url+reloadPath).body; !strings.Contains(js, `new EventSource("`+eventsPath+`")`) {
		t.Errorf("reload.js does not open the event stream:\n%s", js)
	}

	// Missing, outside the build, or a source file: the site's 404 page.
	for _, path := range []string{"/nothing-here", "/2016-17/q2", "/data/site.yaml", "/data/measures.yaml", "/content/2016-17-q2/_index.md", "/__scorecard/"} {
		got := get(t, r.url+path)
		if got.status != 404 || !strings.Contains(got.body, "Page not found") || got.header.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: status %d, want 404 with the site's 404 page", path, got.status)
		}
	}
	// http.Get would clean these paths; send them as they are.
	for _, path := range []string{"/../data/site.yaml", "/%2e%2e/data/site.yaml", "/./index.html", "//index.html", "/assets/../data/site.yaml"} {
		if status := rawGet(t, r.url, path); status != 404 {
			t.Errorf("GET %s: status %d, want 404", path, status)
		}
	}
	if got := post(t, r.url+"/"); got != http.StatusMethodNotAllowed {
		t.Errorf("POST /: status %d, want 405", got)
	}

	// The build itself never carries the reload script.
	res, err := site.Generate(os.DirFS(dir), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if bytes.Contains(f.Data, []byte("__scorecard")) {
			t.Errorf("the build's %s holds %q", f.Path, "__scorecard")
		}
	}
}

func rawGet(t *testing.T, base, path string) int {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(deadline(t))
	if _, err := io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func post(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Post(url, "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// A folder made while serving is watched too, and static/ may appear
// after the server started.
func TestWatchesNewFolders(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	r := start(t, dir)
	rebuilds := func() int { return strings.Count(r.stdout.String(), "Rebuilt ") }

	// static/ does not exist in the example: the site folder's own watch
	// sees it made, and the new folder below it is watched in turn.
	if err := os.MkdirAll(filepath.Join(dir, "static", "files"), 0o755); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a rebuild after static/ was made", func() bool { return rebuilds() >= 1 })
	n := rebuilds()
	if err := os.WriteFile(filepath.Join(dir, "static", "files", "note.txt"), []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a rebuild after static/files/note.txt was written", func() bool { return rebuilds() > n })
	waitFor(t, "/files/note.txt", func() bool {
		got := get(t, r.url+"/files/note.txt")
		return got.status == 200 && got.body == "hello\n" && got.header.Get("Content-Type") == "text/plain; charset=utf-8"
	})

	// An editor's temporary files, and files outside the site's folders,
	// do not rebuild.
	n = rebuilds()
	for _, name := range []string{"content/.build-a-better-harrow.md.swp", "content/2016-17-q2/4913", "content/2016-17-q2/_index.md~", "content/.#_index.md", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(10 * r.debounce)
	if got := rebuilds(); got != n {
		t.Errorf("%d rebuilds after writing editor temporary files, want none:\n%s", got-n, r.stdout)
	}
}

// Handler and Watch serve a site under a server of the caller's own.
func TestWatchWithOwnServer(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	out := new(lockedBuffer)
	s, err := New(dir, Options{Stdout: out})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	watching := make(chan error, 1)
	go func() { watching <- s.Watch(ctx) }()
	defer func() {
		cancel()
		if err := <-watching; err != nil {
			t.Errorf("Watch: %v", err)
		}
	}()

	// Watch starts in the background: edit until a rebuild shows it saw one.
	file := filepath.Join(dir, themeFile)
	n := 0
	var next time.Time
	waitFor(t, "a rebuild after an edit", func() bool {
		if strings.Contains(out.String(), "Rebuilt ") {
			return true
		}
		if time.Now().After(next) {
			n++
			appendFile(t, file, fmt.Sprintf("\nEdit %d.\n", n))
			next = time.Now().Add(time.Second)
		}
		return false
	})
	waitFor(t, "the edit on the page", func() bool {
		return strings.Contains(get(t, ts.URL+themePage).body, fmt.Sprintf("Edit %d.", n))
	})
}

// Serve stops promptly when its context ends, even with a browser still
// listening for reloads, and a connection opened ahead of need (as
// browsers do) that has sent nothing.
func TestStopsPromptly(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	s, err := New(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Were Serve to wait on the idle connection or the reload stream, it
	// would wait out these graces, which outlast the test, and fail it.
	s.shutdownGrace = 24 * time.Hour
	s.stopGrace = 24 * time.Hour
	ln, stop := serveOn(t, s)
	listen(t, "http://"+ln.Addr().String())
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	time.Sleep(100 * time.Millisecond) // for the server to accept it
	stop("")
}

// A site that is broken from the start is served as its errors until it
// is fixed.
func TestBrokenFromStart(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	file := filepath.Join(dir, quarter)
	replaceInFile(t, file, "actual: 97.8%", "actual: ninety")
	r := start(t, dir)
	if got := get(t, r.url+"/"); got.status != 500 || !strings.Contains(got.body, "ninety") {
		t.Fatalf("GET /: status %d, want 500 with the errors", got.status)
	}
	if got := get(t, r.url+"/favicon.svg"); got.status != 404 {
		t.Errorf("GET /favicon.svg: status %d, want 404: no build has succeeded yet", got.status)
	}
	replaceInFile(t, file, "actual: ninety", "actual: 97.8%")
	waitFor(t, "the site", func() bool { return get(t, r.url+"/").status == 200 })
}

// A static/ folder that is a symbolic link out of the site is refused, as
// the build refuses it, and the error names it: the preview never shows a
// file from elsewhere on the computer.
func TestSymlinkOutside(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("SECRET\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "static")); err != nil {
		t.Fatal(err)
	}
	s, err := New(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Rebuild()
	if err == nil {
		t.Fatal("the build succeeded; want it to refuse static/")
	}
	fail := findingsOf(err)
	if len(fail) != 1 || fail[0].Pos != "static" || !strings.Contains(fail[0].Msg, "points outside the site") {
		t.Errorf("the build failed with %+v; want one finding for static that says it points outside the site", fail)
	}
}

func TestErrorPageEscapes(t *testing.T) {
	page := string(errorPage([]finding{
		{Pos: "content/a.md:3:7", Msg: `heading <script>alert("x")</script> & more`},
		{Msg: "templates: layouts/base.html: something"},
	}))
	for _, want := range []string{
		`<code class="pos">content/a.md:3:7</code> <span class="msg">heading &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more</span>`,
		`<li><span class="msg">templates: layouts/base.html: something</span></li>`,
		"2 errors to fix",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the error page lacks %s:\n%s", want, page)
		}
	}
}

// BenchmarkEditToReload measures what a browser waits for after the
// debounce: from an edited narrative file to the reloaded page being
// served, on the example and on a synthetic site of 10,000 measures over
// 40 quarters (the target: under 200 ms).
func BenchmarkEditToReload(b *testing.B) {
	b.Run("example", func(b *testing.B) {
		benchEdit(b, copySite(b), themeFile, themePage)
	})
	b.Run("10000-measures", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "site")
		if err := synth.Write(dir, synth.Options{Measures: 10000, Themes: 8, Quarters: 40, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		benchEdit(b, dir, "content/2016-17-q2/t01-better-borough.md", "/2016-17/q2/t01-better-borough/")
	})
}

func benchEdit(b *testing.B, dir, file, page string) {
	s, err := New(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Rebuild(); err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	for i := 0; b.Loop(); i++ {
		sentence := fmt.Sprintf("Sentence %d of the benchmark.", i)
		appendFile(b, filepath.Join(dir, file), "\n"+sentence+"\n")
		if err := s.Rebuild(file); err != nil {
			b.Fatal(err)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://localhost"+page, nil))
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), sentence) {
			b.Fatalf("GET %s: %d, without the edit", page, rec.Code)
		}
	}
}

// What serve prints about a change names the file the user's editor
// saved; a control character in that name (an escape sequence in a
// folder's name) is printed escaped, never sent to the terminal raw.
func TestPrintsNamesEscaped(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	var out, errOut bytes.Buffer
	s, err := New(dir, Options{Stdout: &out, Stderr: &errOut})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild("content/\x1b[31mred\x1b[0m/_index.md"); err != nil {
		t.Fatal(err)
	}
	got := out.String() + errOut.String()
	if strings.ContainsRune(got, 0x1b) {
		t.Errorf("serve printed a raw escape character:\n%q", got)
	}
	if !strings.Contains(got, `content/\x1b[31mred\x1b[0m/_index.md`) {
		t.Errorf("serve did not name the changed file, escaped:\n%q", got)
	}
}

// serveOn runs s.Serve on a loopback port until the test calls stop,
// which fails the test, saying while, unless Serve then returns nil by
// the test's deadline.
func serveOn(t *testing.T, s *Server) (ln net.Listener, stop func(while string)) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	return ln, func(while string) {
		t.Helper()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-timeout(t):
			t.Fatal("Serve did not stop" + while)
		}
	}
}

// linkedAsset returns the path of the asset that the home page at url
// links by the name pattern matches (a content-hashed name, such as
// style\.[0-9a-f]{8}\.css), from the root: "/style.3f9a1c2e.css".
func linkedAsset(t *testing.T, url, pattern string) string {
	t.Helper()
	home := get(t, url+"/")
	m := regexp.MustCompile(`(?:src|href)="(` + pattern + `)"`).FindStringSubmatch(home.body)
	if m == nil {
		t.Fatalf("the home page links no file named like %s", pattern)
	}
	return "/" + m[1]
}

const (
	styleName  = `style\.[0-9a-f]{8}\.css`
	chartsName = `assets/charts\.[0-9a-f]{8}\.js`
)

// TestPastDueWarned: the preview warns of a report past due, as check
// does, by the day the server's clock gives.
func TestPastDueWarned(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	f, err := os.OpenFile(filepath.Join(dir, "data", "site.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("releases:\n  - {edition: 2016-17 Q3, date: 2017-02-15}\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// The preview counts warnings (check lists them): the release past
	// due is one more on the day after its date than on the day before.
	said := map[string]string{}
	for _, today := range []string{"2017-02-14", "2017-02-16"} {
		day, _ := time.Parse(time.DateOnly, today)
		r := startWith(t, dir, Options{Now: func() time.Time { return day }}, nil)
		get(t, r.url+"/") // served: the first build is done
		said[today] = r.stderr.String()
	}
	var before, after int
	fmt.Sscanf(said["2017-02-14"], "%d warnings", &before)
	fmt.Sscanf(said["2017-02-16"], "%d warnings", &after)
	if before == 0 || after != before+1 {
		t.Errorf("the preview said %q the day before the report was due and %q the day after; want one warning more after", said["2017-02-14"], said["2017-02-16"])
	}
}
