// Package serve previews a site: it builds it into memory, serves the
// result over HTTP, rebuilds when the site's files change, and reloads the
// pages open in a browser.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"scorecard/internal/diag"
	"scorecard/internal/site"
)

// Options configure a Server. The zero value previews the published site
// (no drafts; scorecard serve shows them unless -drafts=false), prints
// nothing, uses the system clock and DefaultLimits, and answers only to
// localhost and IP addresses.
type Options struct {
	Drafts         bool             // show quarters and narrative marked draft, and check them as check does
	Stdout, Stderr io.Writer        // rebuilds on Stdout; errors and warnings on Stderr; nil for none
	Now            func() time.Time // the clock, for timings
	// Hosts are host names ("preview.example", with or without a port)
	// that the server answers to besides localhost and IP addresses; a
	// request for any other name is refused (see Handler). Serve adds
	// this computer's own names when it listens on the network.
	Hosts  []string
	Limits Limits // timeouts and caps; zero fields take DefaultLimits
}

// Server builds a site into memory and serves the last build. It owns the
// build: nothing is kept in package state, and each request reads one
// build, swapped in whole after every rebuild.
type Server struct {
	src      string
	opts     Options
	debounce time.Duration // how long the files must be quiet before a rebuild
	instance string        // tells this server's builds from another run's
	limits   Limits        // opts.Limits with the defaults filled in
	// keepAlive is how often an idle live-reload stream sends a comment,
	// so that a dropped connection is noticed.
	keepAlive time.Duration
	slow      time.Duration // a rebuild still running after this is reported
	stopGrace time.Duration // how long Serve waits for a rebuild when it stops
	// shutdownGrace is how long Serve lets requests in flight finish when
	// it stops, before closing them.
	shutdownGrace time.Duration
	// loader is load; a test replaces it with one that blocks.
	loader   func(last *site.Preview, changed []string) (*site.Preview, error)
	conns    atomic.Pointer[pool]      // Serve's connections, for tests
	rebuilds atomic.Pointer[rebuilder] // Serve's rebuilds, for tests

	buildMu  sync.Mutex // one rebuild at a time
	current  atomic.Pointer[build]
	warnings string // what the last successful build said of its warnings; guarded by buildMu
	hub      hub
}

// New makes a server for the site in the folder src. It builds nothing
// yet: call Rebuild, or Serve, which builds first.
func New(src string, opts Options) (*Server, error) {
	info, err := os.Stat(src)
	if err != nil {
		return nil, fmt.Errorf("the site folder: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("the site folder %s is a file; give the folder holding data/ and content/", src)
	}
	// Rebuilds, the watcher and the HTTP server all report: one at a time.
	var mu sync.Mutex
	opts.Stdout = &syncWriter{mu: &mu, w: orDiscard(opts.Stdout)}
	opts.Stderr = &syncWriter{mu: &mu, w: orDiscard(opts.Stderr)}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{
		src:       src,
		opts:      opts,
		debounce:  100 * time.Millisecond,
		instance:  strconv.FormatInt(opts.Now().UnixNano(), 36),
		limits:    opts.Limits.withDefaults(),
		keepAlive: 30 * time.Second,
		slow:      10 * time.Second,
		stopGrace: time.Second,

		shutdownGrace: 5 * time.Second,
	}
	s.loader = s.load
	s.hub.init(s.limits.MaxStreams)
	return s, nil
}

// load loads the site for the preview, as it is now. A change to
// narrative alone reuses the last good load (its data, and the Markdown that
// did not change); anything else opens the site folder afresh, through a
// site.Source, so that a link leading out of the site is refused as the
// build refuses it. It is the one place where the serve options reach the
// build.
func (s *Server) load(last *site.Preview, changed []string) (*site.Preview, error) {
	if last != nil && site.NarrativeOnly(changed) {
		return last.Reload(changed)
	}
	// The folder stays open while its preview renders pages; an os.Root
	// closes itself once nothing uses it.
	fsys, err := site.Open(s.src)
	if err != nil {
		return nil, err
	}
	opts := site.Options{Drafts: s.opts.Drafts}
	if s.opts.Now != nil {
		opts.Today = s.opts.Now() // a report past due is a warning in the preview too
	}
	return site.NewPreview(fsys, opts)
}

// Rebuild loads the site again and swaps it in, then tells the browsers to
// reload. Pages are rendered when they are asked for, so that a rebuild
// takes the same few milliseconds on a site of any size. changed names the
// files (relative to the site folder) whose change caused it, for the
// message on Stdout.
//
// When the build fails, the server keeps the last good site, shows the
// errors in place of every page, lists them on Stderr, and returns them.
func (s *Server) Rebuild(changed ...string) error {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := s.opts.Now()
	prev := s.current.Load()
	var last *site.Preview
	if prev != nil && prev.site != nil && prev.fail == nil {
		last = prev.site.preview
	}
	p, err := s.loader(last, changed)
	took := s.opts.Now().Sub(start).Round(time.Millisecond)

	gen := 1
	if prev != nil {
		gen = prev.gen + 1
	}
	id := s.instance + "." + strconv.Itoa(gen)
	if err != nil {
		fail := findingsOf(err)
		n := len(fail)
		fmt.Fprintf(s.opts.Stderr, "%v\n\nThe build stopped%s: %d %s to fix. The browser shows %s in place of every page until the build succeeds.\n",
			err, after(changed), n, plural(n, "error", "errors"), plural(n, "it", "them"))
		s.current.Store(failedBuild(prev, gen, id, fail))
		s.hub.broadcast()
		return err
	}
	// The terminal hears of a rebuild before the browsers do, so that
	// what it says is there by the time a page reloads.
	verb, fixed := "Built", ""
	if prev != nil {
		verb = "Rebuilt"
	}
	if prev != nil && prev.fail != nil {
		fixed = "; the errors are fixed"
	}
	fmt.Fprintf(s.opts.Stdout, "%s %d files in %v%s%s\n", verb, len(p.Paths()), took, after(changed), fixed)
	if line := site.WarningsLine(len(p.Warnings), p.Drafts); line != s.warnings || prev == nil {
		s.warnings = line
		if line != "" {
			fmt.Fprintln(s.opts.Stderr, line)
		}
	}
	s.current.Store(newBuild(p, gen, id))
	s.hub.broadcast()
	return nil
}

// Run listens on addr and serves until ctx is done; see Serve. It answers
// to the host name in addr too.
func (s *Server) Run(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w; is another scorecard serve running? Choose another port with -addr", addr, err)
	}
	host, _, _ := net.SplitHostPort(addr)
	return s.serve(ctx, ln, host)
}

// Serve builds the site (unless Rebuild has already been called), watches
// its folders, and serves it on ln until ctx is done. It answers requests
// once the first build has ended, and says so on Stdout. Requests are held to
// Options.Limits, and answered only for the names Handler allows, and
// this computer's own names when ln is open to the network.
//
// When ctx is done it stops watching, ends the live-reload streams, lets
// requests in flight finish (for up to five seconds), closes every
// connection and returns nil. It does not wait long for a rebuild in
// progress, which may be stuck on a file that never answers: it says so
// and returns, leaving the rebuild to end with the program.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	return s.serve(ctx, ln)
}

func (s *Server) serve(ctx context.Context, ln net.Listener, hosts ...string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	rb := s.newRebuilder()
	s.rebuilds.Store(rb)
	var bg sync.WaitGroup
	bg.Go(func() { rb.run(ctx) })
	if s.current.Load() == nil {
		rb.request(nil, true) // a failed build is served as its errors until it is fixed
	} else {
		rb.built()
	}
	if w, err := s.newWatcher(); err != nil {
		fmt.Fprintf(s.opts.Stderr, "scorecard serve: cannot watch the site for changes (%v); restart serve to see a change.\n", err)
	} else {
		bg.Go(func() { s.watch(ctx, w, rb) })
	}

	if listensOnNetwork(ln.Addr()) {
		hosts = append(hosts, machineNames()...)
	}
	lim := s.limits
	p := newPool(ln, lim.MaxConns)
	s.conns.Store(p)
	srv := &http.Server{
		Handler:           s.handler(hosts...),
		ConnState:         p.track,
		ReadHeaderTimeout: lim.ReadHeaderTimeout,
		ReadTimeout:       lim.ReadTimeout,
		WriteTimeout:      lim.WriteTimeout, // events extends it for each write of a stream
		IdleTimeout:       lim.IdleTimeout,
		// Requests share ctx, so that the live-reload streams end when
		// the server stops instead of holding Shutdown up.
		BaseContext: func(net.Listener) context.Context { return ctx },
		ErrorLog:    log.New(s.opts.Stderr, "scorecard serve: ", 0),
	}
	// Requests wait for the first build in the system's queue, as the
	// browser waits for a page.
	var err error
	select {
	case <-rb.first:
		fmt.Fprintf(s.opts.Stdout, "Serving %s at http://%s/ (Ctrl-C to stop)\n", s.src, ln.Addr())
		served := make(chan error, 1)
		go func() { served <- srv.Serve(p) }()
		select {
		case err = <-served: // the listener failed
		case <-ctx.Done():
			shutdown(srv, p, s.shutdownGrace)
			<-served // http.ErrServerClosed
		}
	case <-ctx.Done():
		p.Close()
	}
	cancel()

	// The watcher and the rebuilds end with ctx, but a rebuild cannot be
	// interrupted: one stuck reading a file must not keep serve running.
	stopped := make(chan struct{})
	go func() { bg.Wait(); close(stopped) }()
	grace := time.NewTimer(s.stopGrace)
	defer grace.Stop()
	select {
	case <-stopped:
	case <-grace.C:
		fmt.Fprint(s.opts.Stderr, stillBuilding)
	}
	return err
}

// Watch watches the site's folders and rebuilds after each change, until
// ctx is done. Serve calls it; it is exported for a caller that serves
// Handler itself. Like Serve, it returns soon after ctx is done even if a
// rebuild is stuck.
func (s *Server) Watch(ctx context.Context) error {
	w, err := s.newWatcher()
	if err != nil {
		return err
	}
	rb := s.newRebuilder()
	go rb.run(ctx)
	s.watch(ctx, w, rb)
	if !rb.wait(s.stopGrace) {
		fmt.Fprint(s.opts.Stderr, stillBuilding)
	}
	return nil
}

// findingsOf lists what stopped a build, for the error page: each
// finding of a diag.List, or the one error (a template's, say) as it is.
func findingsOf(err error) []finding {
	var list diag.List
	if errors.As(err, &list) && len(list) > 0 {
		out := make([]finding, len(list))
		for i, d := range list {
			out[i] = finding{Pos: d.Pos.String(), Msg: d.Msg}
		}
		return out
	}
	return []finding{{Msg: err.Error()}}
}

// after says which change caused a rebuild: " after a change to
// content/2016-17-q2/_index.md".
func after(changed []string) string {
	switch len(changed) {
	case 0:
		return ""
	case 1:
		return " after a change to " + changed[0]
	}
	n := len(changed) - 1
	return fmt.Sprintf(" after changes to %s and %d other %s", changed[0], n, plural(n, "file", "files"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// syncWriter serialises writes to the output writers, and makes each safe
// for a terminal: file names and messages come from the user's files, and
// a control character in one (an escape sequence in a folder's name) is
// printed as an escape, not obeyed. Each Write is one whole message.
type syncWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := io.WriteString(s.w, diag.EscapeLines(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

func orDiscard(w io.Writer) io.Writer {
	if w == nil {
		return io.Discard
	}
	return w
}
