//go:build unix

package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"scorecard/internal/diag"
)

// exampleCopy copies the example site's data/ and content/ into a new
// folder and returns it.
func exampleCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(exampleSite, sub))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// mkfifo puts a named pipe at name, in place of what was there. Nothing
// ever writes to it, so reading it would wait for ever: if the build
// regresses, the test hangs until go test's -timeout stops it.
func mkfifo(t *testing.T, name string) {
	t.Helper()
	if err := os.RemoveAll(name); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
}

// TestBuildRefusesNamedPipes builds sites with a named pipe where a data
// or content file (or folder) belongs: the build returns at once, with
// one finding that names the pipe, and writes nothing.
func TestBuildRefusesNamedPipes(t *testing.T) {
	for _, tt := range []struct{ pipe, want string }{
		{"data/site.yaml", "not a file"},
		{"data/measures.yaml", "not a file"},
		{"data/quarters/2016-17-q3.yaml", "not a file"},
		{"data/quarters", "not a folder"},
		{"content/2016-17-q2/build-a-better-harrow.md", "not a file"},
		{"content/2016-17-q2/_index.md", "not a file"},
		{"content/_about.md", "not a file"},
		{"content/2016-17-q2", "not a folder"},
		{"content", "not a folder"},
		{"layouts/404.html", "not a file"},
		{"layouts", "not a folder"},
		{"static/logo.png", "not a plain file"},
	} {
		t.Run(strings.ReplaceAll(tt.pipe, "/", "_"), func(t *testing.T) {
			dir := exampleCopy(t)
			mkfifo(t, filepath.Join(dir, filepath.FromSlash(tt.pipe)))
			out := filepath.Join(t.TempDir(), "public")
			_, err := Build(dir, out, Options{})
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("the build gave %v; want a finding about %s", err, tt.pipe)
			}
			found := 0
			for _, d := range list {
				if d.Pos.File == tt.pipe {
					found++
					if !strings.Contains(d.Msg, tt.want) {
						t.Errorf("%s: %s; want it to say %q", tt.pipe, d.Msg, tt.want)
					}
					if d.Pos.File != "static/logo.png" && !strings.Contains(d.Msg, "named pipe") {
						t.Errorf("%s: %s; want it to say it is a named pipe", tt.pipe, d.Msg)
					}
				}
			}
			if found != 1 {
				t.Errorf("%d findings name %s; want 1:\n%v", found, tt.pipe, list)
			}
			if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the failed build wrote %s (%v)", out, err)
			}
		})
	}
}

// TestSourceNamedPipe reads a folder holding a named pipe through a
// Source: listing the folder shows the pipe without opening it, and
// opening or reading it is refused at once with a finding that names it.
func TestSourceNamedPipe(t *testing.T) {
	dir := t.TempDir()
	mkfifo(t, filepath.Join(dir, "data", "quarters", "2016-17-q3.yaml"))
	if err := os.WriteFile(filepath.Join(dir, "data", "quarters", "2016-17-q2.yaml"), []byte("quarter: 2016-17 Q2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()

	des, err := src.ReadDir("data/quarters")
	if err != nil || len(des) != 2 || des[0].Name() != "2016-17-q2.yaml" || des[1].Type()&fs.ModeNamedPipe == 0 {
		t.Fatalf("ReadDir = %v, %v; want the file, then the pipe", des, err)
	}
	if b, err := src.ReadFile("data/quarters/2016-17-q2.yaml"); err != nil || string(b) != "quarter: 2016-17 Q2\n" {
		t.Errorf("ReadFile of a plain file = %q, %v", b, err)
	}
	const pipe = "data/quarters/2016-17-q3.yaml"
	check := func(what string, err error) {
		t.Helper()
		var list diag.List
		if !errors.As(err, &list) || len(list) != 1 || list[0].Pos.File != pipe || !strings.HasPrefix(list[0].Msg, "this is a named pipe") {
			t.Errorf("%s: %v; want a finding that %s is a named pipe", what, err, pipe)
		}
	}
	_, err = src.Open(pipe)
	check("Open", err)
	_, err = src.ReadFile(pipe)
	check("ReadFile", err)
	_, err = src.ReadDir(pipe)
	check("ReadDir", err)
	_, err = fs.ReadFile(src, pipe)
	check("fs.ReadFile", err)
	if info, err := src.Stat(pipe); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("Stat = %v, %v; want the pipe's", info, err)
	}
	_, err = src.Open(pipe + "/below")
	check("a path through the pipe", err)
}
