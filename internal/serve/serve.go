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
// (no drafts), prints nothing and uses the system clock.
type Options struct {
	Drafts         bool             // include quarters and narrative marked draft
	Stdout, Stderr io.Writer        // rebuilds on Stdout; errors and warnings on Stderr; nil for none
	Now            func() time.Time // the clock, for timings
}

// Server builds a site into memory and serves the last build. It owns the
// build: nothing is kept in package state, and each request reads one
// build, swapped in whole after every rebuild.
type Server struct {
	src      string
	opts     Options
	debounce time.Duration // how long the files must be quiet before a rebuild
	instance string        // tells this server's builds from another run's

	buildMu  sync.Mutex // one rebuild at a time
	current  atomic.Pointer[build]
	warnings int // the last successful build's warning count; guarded by buildMu
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
		src:      src,
		opts:     opts,
		debounce: 100 * time.Millisecond,
		instance: strconv.FormatInt(opts.Now().UnixNano(), 36),
	}
	s.hub.init()
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
	return site.NewPreview(fsys, site.Options{Drafts: s.opts.Drafts})
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
	p, err := s.load(last, changed)
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
	if n := len(p.Warnings); n != s.warnings || prev == nil {
		s.warnings = n
		if n > 0 {
			fmt.Fprintf(s.opts.Stderr, "%d %s: run scorecard check to list %s.\n", n, plural(n, "warning", "warnings"), plural(n, "it", "them"))
		}
	}
	s.current.Store(newBuild(p, gen, id))
	s.hub.broadcast()
	return nil
}

// Run listens on addr and serves until ctx is done; see Serve.
func (s *Server) Run(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w; is another scorecard serve running? Choose another port with -addr", addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve builds the site (unless Rebuild has already been called), watches
// its folders, and serves it on ln until ctx is done. Then it stops
// watching, ends the live-reload streams, lets requests in flight finish
// (for up to five seconds), closes every connection and returns nil.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if s.current.Load() == nil {
		s.Rebuild() // a failed build is served as its errors until it is fixed
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var wg sync.WaitGroup
	if w, err := s.newWatcher(); err != nil {
		fmt.Fprintf(s.opts.Stderr, "scorecard serve: cannot watch the site for changes (%v); restart serve to see a change.\n", err)
	} else {
		wg.Go(func() { s.watch(ctx, w) })
	}

	var idle unused
	srv := &http.Server{
		Handler:           s.Handler(),
		ConnState:         idle.track,
		ReadHeaderTimeout: 10 * time.Second,
		// Requests share ctx, so that the live-reload streams end when
		// the server stops instead of holding Shutdown up.
		BaseContext: func(net.Listener) context.Context { return ctx },
		ErrorLog:    log.New(s.opts.Stderr, "scorecard serve: ", 0),
	}
	fmt.Fprintf(s.opts.Stdout, "Serving %s at http://%s/ (Ctrl-C to stop)\n", s.src, ln.Addr())

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	var err error
	select {
	case err = <-served: // the listener failed
		cancel()
	case <-ctx.Done():
		shutdown(srv, &idle, 5*time.Second)
		<-served // http.ErrServerClosed
	}
	wg.Wait()
	return err
}

// Watch watches the site's folders and rebuilds after each change, until
// ctx is done. Serve calls it; it is exported for a caller that serves
// Handler itself.
func (s *Server) Watch(ctx context.Context) error {
	w, err := s.newWatcher()
	if err != nil {
		return err
	}
	s.watch(ctx, w)
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

// syncWriter serialises writes to the output writers.
type syncWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func orDiscard(w io.Writer) io.Writer {
	if w == nil {
		return io.Discard
	}
	return w
}
