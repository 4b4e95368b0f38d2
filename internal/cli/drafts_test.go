package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// run runs the command line args and returns its exit status and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// newQuarterSite is the example with Q3 2016/17 started by scorecard new
// quarter, its files as it made them: marked draft, with its placeholder
// text and last quarter's headings.
func newQuarterSite(t *testing.T) string {
	t.Helper()
	src := serveSite(t)
	if code, out, errs := run(t, "new", "quarter", "2016-17", "Q3", "-src", src); code != 0 {
		t.Fatalf("new quarter: exit status %d\n%s%s", code, out, errs)
	}
	return src
}

// newQuarterFiles are the files scorecard new quarter made for Q3.
func newQuarterFiles(t *testing.T, src string) []string {
	t.Helper()
	files := []string{"data/quarters/2016-17-q3.yaml"}
	md, err := filepath.Glob(filepath.Join(src, "content", "2016-17-q3", "*.md"))
	if err != nil || len(md) < 2 {
		t.Fatalf("the new quarter's narrative: %v %q", err, md)
	}
	for _, f := range md {
		rel, _ := filepath.Rel(src, f)
		files = append(files, filepath.ToSlash(rel))
	}
	return files
}

// scaffoldText finds, in the files named (from src), every line holding
// text, and gives its position as FILE:LINE:COL.
func scaffoldText(t *testing.T, src string, files []string, text string) []string {
	t.Helper()
	var at []string
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if col := strings.Index(line, text); col >= 0 {
				at = append(at, fmt.Sprintf("%s:%d:%d", name, i+1, col+1))
			}
		}
	}
	return at
}

// Removing the draft flags from a scaffolded quarter whose text is as
// scorecard new quarter wrote it fails the build, naming each placeholder
// and each heading that still names last quarter, with file:line:col;
// while they are drafts, check lists the same as warnings, marked (draft).
func TestPublishGate(t *testing.T) {
	src := newQuarterSite(t)
	files := newQuarterFiles(t, src)
	placeholders := append(scaffoldText(t, src, files, "Write this section for the new quarter."),
		scaffoldText(t, src, files, "Write the introduction here.")...)
	carried := scaffoldText(t, src, files, "## Summary of achievement at Quarter 2")
	if len(placeholders) < 4 || len(carried) < 3 {
		t.Fatalf("the scaffold has %d placeholders and %d carried headings; the test expects the example's", len(placeholders), len(carried))
	}

	code, stdout, stderr := run(t, "check", "-src", src)
	if code != 0 {
		t.Fatalf("check of the drafts: exit status %d, want 0 (the gate warns of drafts)\n%s%s", code, stdout, stderr)
	}
	for _, at := range placeholders {
		want := at + `: (draft) warning: "Write `
		if !strings.Contains(stdout, "\n"+want) && !strings.HasPrefix(stdout, want) {
			t.Errorf("check does not warn of the placeholder at %s as a draft's:\n%s", at, stdout)
		}
	}

	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := run(t, "build", "-src", src, "-out", out); code != 0 {
		t.Fatalf("build with the quarter a draft: exit status %d\n%s%s", code, stdout, stderr)
	}
	for _, name := range files {
		path := filepath.Join(src, filepath.FromSlash(name))
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		undrafted := strings.Replace(string(b), "draft: true\n", "", 1)
		if undrafted == string(b) {
			t.Fatalf("%s has no draft: true line", name)
		}
		if err := os.WriteFile(path, []byte(undrafted), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	placeholders = append(scaffoldText(t, src, files, "Write this section for the new quarter."),
		scaffoldText(t, src, files, "Write the introduction here.")...)
	carried = scaffoldText(t, src, files, "## Summary of achievement at Quarter 2")

	code, stdout, stderr = run(t, "build", "-src", src, "-out", out)
	if code != 1 {
		t.Fatalf("build of the undrafted scaffold: exit status %d, want 1\n%s%s", code, stdout, stderr)
	}
	lines := strings.Split(stderr, "\n")
	has := func(prefix, text string) bool {
		for _, l := range lines {
			if strings.HasPrefix(l, prefix+": ") && strings.Contains(l, text) && !strings.Contains(l, "warning:") {
				return true
			}
		}
		return false
	}
	for _, at := range placeholders {
		if !has(at, "is placeholder text from scorecard new quarter; replace it with this quarter's text") {
			t.Errorf("the build does not refuse the placeholder at %s:\n%s", at, stderr)
		}
	}
	for _, at := range carried {
		if !has(at, `the heading "Summary of achievement at Quarter 2" is the same as in Q2 2016/17`) {
			t.Errorf("the build does not refuse the heading carried from Q2 at %s:\n%s", at, stderr)
		}
	}
	if want := fmt.Sprintf("The build stopped: %d errors to fix.", len(placeholders)+len(carried)); !strings.Contains(stderr, want) {
		t.Errorf("the build does not say %q:\n%s", want, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "2016-17", "q3")); err == nil {
		t.Error("the failed build published the quarter")
	}
}

// A section left empty is refused too, and "Key projects", which repeats
// every quarter and names none, is not.
func TestPublishGateEmptySection(t *testing.T) {
	src := serveSite(t)
	writeFile(t, src, "data/quarters/2016-17-q3.yaml", "quarter: 2016-17 Q3\nmeasures:\n  bbh-5: {target: 97.5%, actual: 98%, status: HG}\n")
	writeFile(t, src, "content/2016-17-q3/build-a-better-harrow.md", `---
title: Build a Better Harrow
---
## Summary of achievement at Quarter 3

Text.

## Key Projects and Initiatives

### A project

More text.

## Summary of key challenges
`)
	code, _, stderr := run(t, "build", "-src", src, "-out", filepath.Join(t.TempDir(), "public"))
	want := `content/2016-17-q3/build-a-better-harrow.md:14:1: the section "Summary of key challenges" has nothing under it before the next heading; write its text, or delete the heading`
	if code != 1 || !strings.Contains(stderr, want+"\n") {
		t.Errorf("build: exit status %d, want 1 with\n%s\nin:\n%s", code, want, stderr)
	}
	if strings.Count(stderr, "content/") != 1 {
		t.Errorf("the build finds more than the empty section:\n%s", stderr)
	}
}

func writeFile(t *testing.T, dir, name, data string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

var (
	checkTotal   = regexp.MustCompile(`(?m)^0 errors, (\d+) warnings \((\d+) of them in drafts\) in \d+ files: `)
	serveDrafts  = regexp.MustCompile(`(?m)^(\d+) warnings, (\d+) of them in drafts: run scorecard check to list them\.$`)
	publishedOut = regexp.MustCompile(`(?m)^(\d+) warnings in the published site \(drafts left out\): run scorecard check to list them, drafts' too\.$`)
)

// check marks each finding that lies in a draft, and counts them; serve
// with drafts counts what check counts, and serve -drafts=false and build
// count what the published site has, which is check's count less the
// drafts'.
func TestDraftCountsAgree(t *testing.T) {
	src := newQuarterSite(t)
	code, stdout, stderr := run(t, "check", "-src", src)
	if code != 0 {
		t.Fatalf("check: exit status %d\n%s%s", code, stdout, stderr)
	}
	m := checkTotal.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("check's last line does not match %v:\n%s", checkTotal, stdout)
	}
	all, inDrafts := m[1], m[2]
	drafted, plain := 0, 0
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		switch {
		case strings.Contains(l, ": (draft) warning: "):
			drafted++
			if !strings.HasPrefix(l, "data/quarters/2016-17-q3.yaml:") && !strings.HasPrefix(l, "content/2016-17-q3/") {
				t.Errorf("a finding outside the draft quarter is marked draft: %s", l)
			}
		case strings.Contains(l, ": warning: "):
			plain++
			if strings.Contains(l, "2016-17-q3") {
				t.Errorf("a finding in the draft quarter is not marked draft: %s", l)
			}
		}
	}
	if fmt.Sprint(drafted) != inDrafts || fmt.Sprint(drafted+plain) != all {
		t.Errorf("check lists %d warnings, %d marked draft, but counts %s, %s in drafts", drafted+plain, drafted, all, inDrafts)
	}
	if plain == 0 || drafted == 0 {
		t.Fatalf("the test needs warnings in and out of drafts: %d and %d", drafted, plain)
	}

	_, _, stderr = run(t, "build", "-src", src, "-out", filepath.Join(t.TempDir(), "public"))
	if m := publishedOut.FindStringSubmatch(stderr); m == nil || m[1] != fmt.Sprint(plain) {
		t.Errorf("build says %q; want %d warnings in the published site", stderr, plain)
	}
	_, _, stderr = run(t, "build", "-drafts", "-src", src, "-out", filepath.Join(t.TempDir(), "public"))
	if m := serveDrafts.FindStringSubmatch(stderr); m == nil || m[1] != all || m[2] != inDrafts {
		t.Errorf("build -drafts says %q; want %s warnings, %s in drafts", stderr, all, inDrafts)
	}

	for _, c := range []struct {
		args       []string
		re         *regexp.Regexp
		n, drafts  string
		page, want string // a page of the draft quarter, and whether it is served
	}{
		{nil, serveDrafts, all, inDrafts, "/2016-17/q3/build-a-better-harrow/", "200"},
		{[]string{"-drafts=false"}, publishedOut, fmt.Sprint(plain), "", "/2016-17/q3/build-a-better-harrow/", "404"},
	} {
		url, stderr, stop := serveFor(t, src, c.args...)
		waitLine := func() []string {
			var m []string
			serveWait(t, "serve's count of warnings", func() bool { m = c.re.FindStringSubmatch(stderr.String()); return m != nil })
			return m
		}
		m := waitLine()
		if m[1] != c.n || c.drafts != "" && m[2] != c.drafts {
			t.Errorf("serve %q says %q; want %s warnings (%s in drafts)", c.args, m[0], c.n, c.drafts)
		}
		resp, body := fetch(t, url+c.page)
		if fmt.Sprint(resp) != c.want {
			t.Errorf("serve %q: GET %s: status %d, want %s", c.args, c.page, resp, c.want)
		}
		_, home := fetch(t, url)
		banner := strings.Contains(home, "<strong>Draft preview.</strong>")
		if shown := c.want == "200"; banner != shown {
			t.Errorf("serve %q: the home page has the draft banner: %v, want %v", c.args, banner, shown)
		}
		if c.want == "200" && !strings.Contains(body, "<strong>Draft.</strong> This quarter is marked draft") {
			t.Errorf("serve: the draft quarter's theme page does not say it is a draft:\n%s", body)
		}
		stop()
	}
}

// serveFor runs serve on the site with args, on a free port, and returns
// its address, its standard error and the function that stops it.
func serveFor(t *testing.T, src string, args ...string) (string, *serveOutput, func()) {
	t.Helper()
	stdout, stderr := new(serveOutput), new(serveOutput)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serveUntil(ctx, &Env{Stdout: stdout, Stderr: stderr, Now: time.Now}, append([]string{"-src", src, "-addr", "127.0.0.1:0"}, args...))
	}()
	serveWait(t, "serve to start", func() bool { return serving.MatchString(stdout.String()) })
	url := strings.TrimSuffix(serving.FindStringSubmatch(stdout.String())[1], "/")
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			cancel()
			serveStopped(t, done)
		}
	}
	t.Cleanup(stop)
	return url, stderr, stop
}

func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	if _, err := io.Copy(&b, bufio.NewReader(resp.Body)); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b.String()
}
