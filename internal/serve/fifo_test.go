//go:build unix

package serve

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// pipeQuarter is where the tests put a named pipe: a quarter's file.
const pipeQuarter = "data/quarters/2017-18-q1.yaml"

// mkfifo makes a named pipe at name in dir. At the end of the test, it
// lets go whatever is still blocked opening it.
func mkfifo(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	t.Cleanup(func() {
		if f, err := openWriter(path); err == nil {
			f.Close()
		}
	})
	return path
}

// openWriter opens the pipe at path for writing without waiting: it
// succeeds only while something has it open for reading (or is blocked
// opening it so), and then lets that reader's open return. The reader
// then waits for data until the writer closes.
func openWriter(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0)
}

// waitOnPipe waits until either cond holds (the build has refused the
// pipe) or a build is blocked reading it. In the second case it returns
// the pipe opened for writing: the build stays blocked, reading, until it
// is closed.
func waitOnPipe(t *testing.T, path string, what string, cond func() bool) (writer *os.File) {
	t.Helper()
	waitFor(t, what, func() bool {
		if cond() {
			return true
		}
		f, err := openWriter(path)
		if err == nil {
			writer = f
			return true
		}
		return false
	})
	return writer
}

// A named pipe where a quarter's file should be: the site's reader
// refuses it and the preview shows the error, naming the file; or, if the
// reader were to wait on the pipe, serve would still stop when asked.
func TestNamedPipeAtStart(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	path := mkfifo(t, dir, pipeQuarter)
	stdout, stderr := new(lockedBuffer), new(lockedBuffer)
	s, err := New(dir, Options{Stdout: stdout, Stderr: stderr})
	if err != nil {
		t.Fatal(err)
	}
	s.stopGrace = 0
	ln, stop := serveOn(t, s)

	writer := waitOnPipe(t, path, "the build to refuse the named pipe, or to block on it", func() bool {
		return strings.Contains(stdout.String(), "Serving ")
	})
	if writer == nil {
		page := get(t, "http://"+ln.Addr().String()+"/")
		if page.status != 500 || !strings.Contains(page.body, pipeQuarter) {
			t.Errorf("GET /: status %d, want 500 with the error naming %s:\n%s", page.status, pipeQuarter, page.body)
		}
		if !strings.Contains(stderr.String(), pipeQuarter) {
			t.Errorf("stderr does not name %s:\n%s", pipeQuarter, stderr)
		}
	} else {
		t.Log("the build blocked on the named pipe")
		defer writer.Close() // after Serve has returned
	}

	stop("")
	if s.current.Load() == nil && !strings.Contains(stderr.String(), stillBuilding) {
		t.Errorf("serve stopped during the first build without saying so:\n%s", stderr)
	}
}

// A named pipe made while serving: the rebuild refuses it, and removing it
// brings the site back; or, if the rebuild were to wait on it, serve would
// still stop when asked. The watcher itself never opens it.
func TestNamedPipeWhileServing(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	r := startWith(t, dir, Options{}, func(s *Server) { s.stopGrace = 0 })
	path := mkfifo(t, dir, pipeQuarter)

	writer := waitOnPipe(t, path, "the rebuild to refuse the named pipe, or to block on it", func() bool {
		return strings.Contains(r.stderr.String(), pipeQuarter)
	})
	if writer != nil {
		t.Log("the rebuild blocked on the named pipe")
		defer writer.Close() // after Serve has returned
		r.stop()
		select {
		case <-r.stopped:
		case <-timeout(t):
			t.Fatal("Serve did not stop while a rebuild was blocked on the named pipe")
		}
		return
	}
	// The terminal hears of the error just before the browsers do.
	var page response
	waitFor(t, "the error page", func() bool { page = get(t, r.url+"/"); return page.status == 500 })
	if !strings.Contains(page.body, pipeQuarter) {
		t.Errorf("GET /: the error page does not name %s:\n%s", pipeQuarter, page.body)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the site to come back", func() bool { return get(t, r.url+"/").status == 200 })
}
