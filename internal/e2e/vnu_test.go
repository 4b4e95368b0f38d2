package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNuChecker runs the Nu HTML Checker (npm's vnu-jar, with Java) over
// every .html file of the build, and every .css file, and fails on each
// error it reports, as file:line:col: message. Each run also checks a
// known-bad file, and fails unless the checker finds its error, so that a
// checker that checks nothing cannot pass.
func TestNuChecker(t *testing.T) {
	dir := builtSite(t)
	java := javaPath(t)
	jar := nodeModule(t, "vnu-jar/build/dist/vnu.jar")
	bad := t.TempDir()
	writeFile(t, filepath.Join(bad, "bad.html"), "<!DOCTYPE html>\n<html lang=en><title>x</title>\n<img src=x.png>\n</html>\n")
	writeFile(t, filepath.Join(bad, "bad.css"), "p { colr: red }\n")

	// The two runs are independent, and each spends much of its time
	// starting Java, so they run side by side.
	t.Run("html", func(t *testing.T) {
		t.Parallel()
		n := countFiles(t, dir, ".html")
		if n == 0 {
			t.Fatalf("the build in %s has no .html file", dir)
		}
		// Given a folder, vnu finds the pages itself, so a page added to
		// the site is checked without naming it here.
		msgs := runVnu(t, java, jar, "--skip-non-html", bad, dir)
		report(t, dir, bad, msgs, "bad.html:3:", `An 'img' element must have an 'alt' attribute`)
		t.Logf("checked %d .html files", n)
	})

	t.Run("css", func(t *testing.T) {
		t.Parallel()
		// The files are named one by one: given a folder, vnu 26.9.27
		// reports CSS errors one line below where they are.
		var css []string
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(path) == ".css" {
				css = append(css, path)
			}
			return err
		})
		if err != nil {
			t.Fatalf("reading the build: %v", err)
		}
		if len(css) == 0 {
			t.Fatalf("the build in %s has no .css file", dir)
		}
		msgs := runVnu(t, java, jar, append([]string{"--css", filepath.Join(bad, "bad.css")}, css...)...)
		report(t, dir, bad, msgs, "bad.css:1:", `Property 'colr' doesn't exist`)
		t.Logf("checked %d .css files", len(css))
	})
}

// report fails on each message about a file in dir, as file:line:col:
// message, and unless a message about a file in bad starts with place and
// holds want.
func report(t *testing.T, dir, bad string, msgs []vnuMessage, place, want string) {
	t.Helper()
	found := false
	for _, m := range msgs {
		if rel, ok := m.file(bad); ok {
			s := m.String(rel)
			found = found || strings.HasPrefix(s, place) && strings.Contains(s, want)
			continue
		}
		rel, _ := m.file(dir)
		t.Error(m.String(rel))
	}
	if !found {
		var got []string
		for _, m := range msgs {
			rel, _ := m.file(bad)
			got = append(got, m.String(rel))
		}
		t.Errorf("the checker did not report %q at %s in a known-bad file, so it may be checking nothing; it said:%s", want, place, list(got))
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// vnuOutput is the checker's --format json report.
type vnuOutput struct {
	Messages []vnuMessage `json:"messages"`
}

type vnuMessage struct {
	Type        string `json:"type"`    // "error", "info" or "non-document-error"
	SubType     string `json:"subType"` // "fatal", "warning", "io", ...
	URL         string `json:"url"`     // file:/abs/path
	FirstLine   int    `json:"firstLine"`
	LastLine    int    `json:"lastLine"`
	FirstColumn int    `json:"firstColumn"`
	LastColumn  int    `json:"lastColumn"`
	Message     string `json:"message"`
	Extract     string `json:"extract"`
}

// runVnu runs the checker, errors only, on args, and returns its messages.
func runVnu(t *testing.T, java, jar string, args ...string) []vnuMessage {
	t.Helper()
	ctx := untilDeadline(t)
	// The checker runs for seconds, not hours: the client compiler alone
	// (TieredStopAtLevel=1) halves its processor time, and needs a larger
	// stack than the default for vnu's schema (it asks for 512k or more).
	argv := append([]string{"-XX:TieredStopAtLevel=1", "-Xss8m", "-jar", jar, "--errors-only", "--format", "json", "--stdout", "--asciiquotes"}, args...)
	cmd := exec.CommandContext(ctx, java, argv...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	t.Logf("java -jar %s took %v", jar, time.Since(start).Round(10*time.Millisecond))
	// vnu exits 1 when it reports an error; anything else, or no report,
	// means it did not run.
	var out vnuOutput
	if jerr := json.Unmarshal(stdout.Bytes(), &out); jerr != nil {
		t.Fatalf("%s %s: %v, and its output is not the JSON report (%v):\n%s\n%s", java, strings.Join(argv, " "), err, jerr, stdout.String(), stderr.String())
	}
	if exit, ok := err.(*exec.ExitError); err != nil && !(ok && exit.ExitCode() == 1) {
		t.Fatalf("%s %s: %v\n%s", java, strings.Join(argv, " "), err, stderr.String())
	}
	if s := strings.TrimSpace(stderr.String()); s != "" {
		t.Logf("the checker's standard error:\n%s", s)
	}
	return out.Messages
}

// file returns the message's file relative to dir, and whether it is in
// dir.
func (m vnuMessage) file(dir string) (string, bool) {
	u, err := url.Parse(m.URL)
	if err != nil || u.Scheme != "file" {
		return m.URL, false
	}
	p := u.Path
	if p == "" {
		p = u.Opaque
	}
	rel, err := filepath.Rel(dir, filepath.Clean(p))
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
		return m.URL, false
	}
	return filepath.ToSlash(rel), true
}

// String gives the message as file:line:col: kind: message (near
// "extract").
func (m vnuMessage) String(file string) string {
	line := m.FirstLine
	if line == 0 {
		line = m.LastLine
	}
	col := m.FirstColumn
	if col == 0 {
		col = m.LastColumn
	}
	kind := m.Type
	if m.SubType != "" {
		kind += " (" + m.SubType + ")"
	}
	s := fmt.Sprintf("%s:%d:%d: %s: %s", file, line, col, kind, m.Message)
	if ex := strings.Join(strings.Fields(m.Extract), " "); ex != "" {
		s += fmt.Sprintf(" (near %q)", ex)
	}
	return s
}

// countFiles counts the files under dir whose names end in ext.
func countFiles(t *testing.T, dir, ext string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(path) == ext {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatalf("reading the build: %v", err)
	}
	return n
}
