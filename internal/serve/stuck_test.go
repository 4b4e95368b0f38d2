package serve

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"scorecard/internal/site"
)

// blocker makes a server's loads block while armed, as a load does that
// reads a file which never answers (a named pipe, a network drive that
// stopped responding).
type blocker struct {
	armed   atomic.Bool
	entered chan struct{} // receives when a load blocks
	release chan struct{} // closed to let the loads go on
	once    sync.Once
}

// block puts a blocker in the loads of s: once armed, a load blocks after
// it has read the site, until the blocker is let go, as it is at the end
// of the test.
func block(t *testing.T, s *Server) *blocker {
	b := &blocker{entered: make(chan struct{}, 10), release: make(chan struct{})}
	t.Cleanup(b.letGo)
	load := s.loader
	s.loader = func(last *site.Preview, changed []string) (*site.Preview, error) {
		p, err := load(last, changed)
		if b.armed.Load() {
			b.entered <- struct{}{}
			<-b.release
		}
		return p, err
	}
	return b
}

func (b *blocker) letGo() { b.once.Do(func() { close(b.release) }) }

func (b *blocker) wait(t *testing.T) {
	t.Helper()
	select {
	case <-b.entered:
	case <-timeout(t):
		t.Fatal("no load began")
	}
}

// A first build that never ends does not keep Serve from stopping when its
// context ends: it says that it stopped without waiting for the build.
func TestStopsDuringStuckFirstBuild(t *testing.T) {
	t.Parallel()
	stdout, stderr := new(lockedBuffer), new(lockedBuffer)
	s, err := New(copySite(t), Options{Stdout: stdout, Stderr: stderr})
	if err != nil {
		t.Fatal(err)
	}
	b := block(t, s)
	b.armed.Store(true)
	s.slow = time.Millisecond
	s.stopGrace = 10 * time.Millisecond
	_, stop := serveOn(t, s)

	b.wait(t)
	waitFor(t, "the note that the build has not finished", func() bool {
		return strings.Contains(stderr.String(), "has not finished: a file it reads may not be answering")
	})
	stop(" while the first build was stuck")
	if !strings.Contains(stderr.String(), stillBuilding) {
		t.Errorf("stderr does not say serve stopped without waiting for the build:\n%s", stderr)
	}
	if strings.Contains(stdout.String(), "Serving ") {
		t.Errorf("serve said it was serving before the first build ended:\n%s", stdout)
	}
}

// A rebuild after a change that never ends does not stop the watcher, nor
// keep Serve from stopping.
func TestStopsDuringStuckRebuild(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	var b *blocker
	r := startWith(t, dir, Options{}, func(s *Server) {
		b = block(t, s)
		s.stopGrace = 10 * time.Millisecond
	})
	b.armed.Store(true)
	appendFile(t, filepath.Join(dir, themeFile), "\nA change that blocks the rebuild.\n")
	b.wait(t)
	// The watcher goes on, and asks for another rebuild, which waits.
	appendFile(t, filepath.Join(dir, quarter), "\n")
	r.stop()
	select {
	case <-r.stopped:
	case <-timeout(t):
		t.Fatal("Serve did not stop while a rebuild was stuck")
	}
	if !strings.Contains(r.stderr.String(), stillBuilding) {
		t.Errorf("stderr does not say serve stopped without waiting for the rebuild:\n%s", r.stderr)
	}
}

// The changes made while a rebuild is stuck are rebuilt once it ends.
func TestChangesDuringStuckRebuild(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	var b *blocker
	r := startWith(t, dir, Options{}, func(s *Server) { b = block(t, s) })
	b.armed.Store(true)
	file := filepath.Join(dir, themeFile)
	appendFile(t, file, "\nThe first change.\n")
	b.wait(t)
	const second = "The second change, saved while the rebuild was stuck."
	appendFile(t, file, "\n"+second+"\n")
	// The stuck rebuild read the site before the second change: only a
	// rebuild after it can show it.
	waitFor(t, "the watcher to ask for a rebuild after the second change", func() bool {
		return r.rebuilds.Load().pending(themeFile)
	})
	b.armed.Store(false)
	b.letGo()
	waitFor(t, "the second change on the page", func() bool {
		return strings.Contains(get(t, r.url+themePage).body, second)
	})
}

// pending says whether a rebuild after a change to file is waiting.
func (r *rebuilder) pending(file string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Contains(r.changed, file)
}
