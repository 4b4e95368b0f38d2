package serve

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// rebuilder runs the rebuilds that the watcher asks for (and the first
// build) in a goroutine of its own, one at a time, so that neither the
// watcher nor a Ctrl-C ever waits on one. A rebuild that blocks, on a
// file that never answers (a named pipe, a network drive that stopped
// responding), holds up only the rebuilds after it: the changes that
// arrive meanwhile are kept and rebuilt together once it ends.
type rebuilder struct {
	s     *Server
	wake  chan struct{} // a rebuild is pending
	first chan struct{} // closed when the first rebuild has ended
	done  chan struct{} // closed when run returns
	once  sync.Once

	mu      sync.Mutex
	changed []string
	all     bool // reload everything: the changes may not all be known
}

func (s *Server) newRebuilder() *rebuilder {
	return &rebuilder{s: s, wake: make(chan struct{}, 1), first: make(chan struct{}), done: make(chan struct{})}
}

// request asks for a rebuild after changes to the files changed, or to
// everything (all).
func (r *rebuilder) request(changed []string, all bool) {
	r.mu.Lock()
	r.all = r.all || all
	for _, f := range changed {
		if !slices.Contains(r.changed, f) {
			r.changed = append(r.changed, f)
		}
	}
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// built marks the first build as done.
func (r *rebuilder) built() { r.once.Do(func() { close(r.first) }) }

// run rebuilds as asked until ctx is done.
func (r *rebuilder) run(ctx context.Context) {
	defer close(r.done)
	for {
		select {
		case <-ctx.Done():
			return
		case <-r.wake:
		}
		if ctx.Err() != nil {
			return
		}
		r.mu.Lock()
		changed, all := r.changed, r.all
		r.changed, r.all = nil, false
		r.mu.Unlock()
		if all {
			changed = nil // Rebuild reads everything again when given no names
		}
		r.s.rebuildNoting(changed)
		r.built()
	}
}

// wait waits up to grace for run to return, and says whether it did.
func (r *rebuilder) wait(grace time.Duration) bool {
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-r.done:
		return true
	case <-t.C:
		return false
	}
}

// rebuildNoting rebuilds, and says so on Stderr when the rebuild has not
// ended after s.slow, so that a preview that stopped changing is explained.
func (s *Server) rebuildNoting(changed []string) {
	t := time.AfterFunc(s.slow, func() {
		fmt.Fprintf(s.opts.Stderr, "scorecard serve: the build has been running for %v%s and has not finished: a file it reads may not be answering (a named pipe, or a network drive that stopped responding). The browser shows the last build meanwhile; Ctrl-C stops serve.\n", s.slow, after(changed))
	})
	s.Rebuild(changed...) // it reports its own errors
	t.Stop()
}

// stillBuilding is what Serve says when it stops without waiting for a
// rebuild.
const stillBuilding = "scorecard serve: stopped without waiting for the build in progress to finish (serve writes nothing, so nothing is lost).\n"
