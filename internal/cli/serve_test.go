package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
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
	if !strings.Contains(stdout.String(), "Usage: scorecard serve [-src DIR] [-addr HOST:PORT] [-drafts]") {
		t.Errorf("serve -help printed:\n%s", stdout.String())
	}
}

// serve runs until its context ends, then returns nil.
func TestServeRuns(t *testing.T) {
	src := t.TempDir()
	for _, sub := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(src, sub), os.DirFS(filepath.Join("../..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr := new(serveOutput), new(serveOutput)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- serveUntil(ctx, &Env{Stdout: stdout, Stderr: stderr, Now: time.Now}, []string{"-src", src, "-addr", "127.0.0.1:0"})
	}()

	serving := regexp.MustCompile(`Serving .* at (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)`)
	deadline := time.Now().Add(10 * time.Second)
	for !serving.MatchString(stdout.String()) {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s\n%s", stdout, stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
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

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after it was stopped, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
