package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// serveOutput is an output writer that serve and the test share.
type serveOutput struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *serveOutput) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *serveOutput) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestServeArguments(t *testing.T) {
	for _, c := range []struct {
		args   []string
		want   error
		stderr string
	}{
		{[]string{"-addr", ":1313"}, errUsage, "every network"},
		{[]string{"-addr", "1313"}, errUsage, "not host:port"},
		{[]string{"extra"}, errUsage, `unexpected argument "extra"`},
		{[]string{"-src", filepath.Join(t.TempDir(), "missing"), "-addr", "127.0.0.1:0"}, nil, ""},
	} {
		var stdout, stderr bytes.Buffer
		err := runServe(&Env{Stdout: &stdout, Stderr: &stderr, Now: time.Now}, c.args)
		switch {
		case c.want != nil && !errors.Is(err, c.want):
			t.Errorf("serve %q: %v, want %v", c.args, err, c.want)
		case c.want == nil && (err == nil || !strings.Contains(err.Error(), "site folder")):
			t.Errorf("serve %q: %v, want an error about the site folder", c.args, err)
		}
		if !strings.Contains(stderr.String(), c.stderr) {
			t.Errorf("serve %q: stderr %q, want %q in it", c.args, stderr.String(), c.stderr)
		}
	}

	var stdout bytes.Buffer
	if err := runServe(&Env{Stdout: &stdout, Stderr: io.Discard, Now: time.Now}, []string{"-help"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("serve -help: %v", err)
	}
	if !strings.Contains(stdout.String(), "Usage: scorecard serve [-src DIR] [-addr HOST:PORT] [-host NAMES] [-drafts=false]") {
		t.Errorf("serve -help printed:\n%s", stdout.String())
	}
}

// serveSite copies the example's data/ and content/ into a fresh folder.
func serveSite(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	for _, sub := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(src, sub), os.DirFS(filepath.Join("../..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

// serveDeadline is when a serve test gives up waiting: a little before
// its own deadline (go test -timeout); never when it has none.
func serveDeadline(t *testing.T) time.Time {
	d, ok := t.Deadline()
	if !ok {
		return time.Time{}
	}
	return d.Add(-3 * time.Second)
}

// serveWait polls cond until it holds, failing the test at its deadline.
func serveWait(t *testing.T, what string, cond func() bool) {
	t.Helper()
	d := serveDeadline(t)
	for !cond() {
		if !d.IsZero() && time.Now().After(d) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// serveStopped waits for serve to return, and checks that it returned nil.
func serveStopped(t *testing.T, done <-chan error) {
	t.Helper()
	var limit <-chan time.Time
	if d := serveDeadline(t); !d.IsZero() {
		limit = time.After(time.Until(d))
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after it was stopped, want nil", err)
		}
	case <-limit:
		t.Fatal("serve did not stop")
	}
}

var serving = regexp.MustCompile(`Serving .* at (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)`)

// serve runs until its context ends, then returns nil.
func TestServeRuns(t *testing.T) {
	src := serveSite(t)
	stdout, stderr := new(serveOutput), new(serveOutput)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- serveUntil(ctx, &Env{Stdout: stdout, Stderr: stderr, Now: time.Now}, []string{"-src", src, "-addr", "127.0.0.1:0"})
	}()

	serveWait(t, "serve to start", func() bool { return serving.MatchString(stdout.String()) })
	url := serving.FindStringSubmatch(stdout.String())[1]
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET %s: status %d", url, resp.StatusCode)
	}
	if !regexp.MustCompile(`(?m)^Built \d+ files in `).MatchString(stdout.String()) {
		t.Errorf("stdout does not report the first build:\n%s", stdout)
	}

	// Only the names it serves: a page that reached it by another name,
	// pointed at this computer (DNS rebinding), is refused.
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "evil.example"
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("GET %s with Host evil.example: status %d, want 421", url, resp.StatusCode)
	}

	cancel()
	serveStopped(t, done)
}

// serve stops on SIGTERM, even with a named pipe in the site, which a
// build could block on reading: the site's reader refuses it, and the
// preview shows the error; were the reader to block, serve would stop all
// the same. Not parallel: the signal goes to the whole test program.
func TestServeStopsOnSignal(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes or SIGTERM")
	}
	src := serveSite(t)
	const pipe = "data/quarters/2017-18-q1.yaml"
	path := filepath.Join(src, filepath.FromSlash(pipe))
	if out, err := exec.Command("mkfifo", path).CombinedOutput(); err != nil {
		t.Skipf("cannot make a named pipe: %v %s", err, out)
	}
	// openWriter succeeds only while a reader is blocked on the pipe.
	openWriter := func() (*os.File, error) { return os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0) }
	t.Cleanup(func() {
		if f, err := openWriter(); err == nil {
			f.Close()
		}
	})

	stdout, stderr := new(serveOutput), new(serveOutput)
	done := make(chan error, 1)
	go func() {
		done <- runServe(&Env{Stdout: stdout, Stderr: stderr, Now: time.Now}, []string{"-src", src, "-addr", "127.0.0.1:0"})
	}()
	var writer *os.File
	serveWait(t, "serve to start, or a build to block on the named pipe", func() bool {
		if serving.MatchString(stdout.String()) {
			return true
		}
		if f, err := openWriter(); err == nil {
			writer = f // the build stays blocked until it is closed
			return true
		}
		return false
	})
	if writer != nil {
		t.Log("the build blocked on the named pipe")
		defer writer.Close() // after serve has stopped
	} else {
		url := serving.FindStringSubmatch(stdout.String())[1]
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 500 || !strings.Contains(string(body), pipe) {
			t.Errorf("GET %s: status %d, want 500 with the error naming %s:\n%s", url, resp.StatusCode, pipe, body)
		}
	}

	self, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if err := self.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	serveStopped(t, done)
}
