package hostile

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"scorecard/internal/diag"
	"scorecard/internal/site"
)

// A fixture is one broken or hostile site, testdata/NAME.txtar: its files
// are laid over testdata/base.txtar, and its want section says what must
// happen when it is built. The want section holds one directive a line (#
// starts a comment):
//
//	error FILE:LINE:COL TEXT     the build fails, and this is one of its errors
//	warning FILE:LINE:COL TEXT   the build reports this warning
//	safe                         the build succeeds
//	contains PAGE TEXT           PAGE of the built site holds TEXT
//	absent PAGE TEXT             PAGE does not hold TEXT
//	trusted                      the site sets allow_html: true, so its pages are not scanned for script
//	crlf                         every file of the site has CRLF line endings
//	memory MIB                   the build may allocate at most this many MiB in all
//	                             (work is bounded by what it allocates, not by the
//	                             clock, which a busy machine stretches; the times are
//	                             logged, and BenchmarkFixtures measures them)
//
// A finding that has no line or column is written FILE or FILE:LINE. Every
// error the build reports must be listed. PAGE is a path in the built site,
// or * for every HTML page. TEXT is the rest of the line, or a Go string
// literal when it starts with a double quote.
//
// In the files, ⟦repeat N "s"⟧ stands for N copies of the Go string literal
// s, and ⟦seq N "format"⟧ for format filled with each of 1 to N in turn
// (and "", so that "%[1]*[2]s" is that many spaces): huge inputs are made
// by the test rather than stored. A file holding DELETE is removed. A file
// named "symlink PATH" makes PATH a symbolic link to the file's text, in
// which $OUTSIDE names a folder beside the site, so outside it; a file
// named "outside/PATH" is written in that folder; a file named "mkdir PATH"
// makes PATH an empty folder; a file named "mkfifo PATH" makes PATH a named
// pipe, which nothing writes to (where named pipes cannot be made, the
// fixture is skipped).
//
// go test ./internal/hostile -update rewrites the error lines of every
// fixture with the errors its build reports; review the diff.
type fixture struct {
	name    string
	file    string
	archive *txtar.Archive
	files   []txtar.File
	want    want
}

type want struct {
	errors, warnings    []finding
	safe, trusted, crlf bool
	checks              []check
	memory              uint64 // bytes; 0 for no bound
}

type finding struct{ pos, text string }

type check struct {
	page, text string
	present    bool
}

var update = flag.Bool("update", false, "rewrite the error lines of testdata/*.txtar with the errors the builds report")

func readFixture(file string) (*fixture, error) {
	a, err := txtar.ParseFile(file)
	if err != nil {
		return nil, err
	}
	f := &fixture{name: strings.TrimSuffix(filepath.Base(file), ".txtar"), file: file, archive: a}
	found := false
	for _, af := range a.Files {
		if af.Name == "want" {
			if f.want, err = parseWant(af.Data); err != nil {
				return nil, fmt.Errorf("%s: want: %v", file, err)
			}
			found = true
			continue
		}
		f.files = append(f.files, af)
	}
	if !found {
		return nil, fmt.Errorf("%s has no want section", file)
	}
	return f, nil
}

func parseWant(data []byte) (want, error) {
	var w want
	text := func(s string) (string, error) {
		if strings.HasPrefix(s, `"`) {
			return strconv.Unquote(s)
		}
		return s, nil
	}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, rest, _ := strings.Cut(line, " ")
		var err error
		switch verb {
		case "error", "warning":
			pos, msg, _ := strings.Cut(rest, " ")
			msg, err = text(msg)
			fd := finding{pos, msg}
			if verb == "error" {
				w.errors = append(w.errors, fd)
			} else {
				w.warnings = append(w.warnings, fd)
			}
		case "contains", "absent":
			page, s, _ := strings.Cut(rest, " ")
			s, err = text(s)
			if s == "" {
				err = errors.New("empty text")
			}
			w.checks = append(w.checks, check{page, s, verb == "contains"})
		case "safe":
			w.safe = true
		case "trusted":
			w.trusted = true
		case "crlf":
			w.crlf = true
		case "memory":
			var mib uint64
			mib, err = strconv.ParseUint(rest, 10, 32)
			w.memory = mib << 20
		default:
			err = fmt.Errorf("unknown directive %q", verb)
		}
		if err != nil {
			return w, fmt.Errorf("line %d: %v", i+1, err)
		}
	}
	if *update {
		return w, nil
	}
	if w.safe == (len(w.errors) > 0) {
		return w, errors.New(`say either "safe" or which errors the build must report`)
	}
	if !w.safe && len(w.checks) > 0 {
		return w, errors.New("contains and absent need a successful build: add safe")
	}
	return w, nil
}

var macro = regexp.MustCompile(`⟦(repeat|seq) (\d+) ("(?:[^"\\]|\\.)*")⟧`)

// expand replaces the repeat and seq macros in b.
func expand(b []byte) ([]byte, error) {
	var err error
	out := macro.ReplaceAllFunc(b, func(m []byte) []byte {
		sub := macro.FindSubmatch(m)
		n, e1 := strconv.Atoi(string(sub[2]))
		s, e2 := strconv.Unquote(string(sub[3]))
		if e := errors.Join(e1, e2); e != nil {
			err = e
			return nil
		}
		if string(sub[1]) == "repeat" {
			return []byte(strings.Repeat(s, n))
		}
		var buf bytes.Buffer
		for i := 1; i <= n; i++ {
			if strings.Contains(s, "[2]") {
				fmt.Fprintf(&buf, s, i, "")
			} else {
				fmt.Fprintf(&buf, s, i)
			}
		}
		return buf.Bytes()
	})
	return out, err
}

// lay writes files into the site folder src; outside is the folder beside
// it that $OUTSIDE names.
func lay(src, outside string, files []txtar.File) error {
	for _, f := range files {
		data, err := expand(f.Data)
		if err != nil {
			return fmt.Errorf("%s: %v", f.Name, err)
		}
		name := filepath.Join(src, filepath.FromSlash(f.Name))
		switch {
		case strings.HasPrefix(f.Name, "symlink "):
			name = filepath.Join(src, filepath.FromSlash(strings.TrimPrefix(f.Name, "symlink ")))
			target := strings.ReplaceAll(strings.TrimSpace(string(data)), "$OUTSIDE", outside)
			if err := os.RemoveAll(name); err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return err
			}
			if err := os.Symlink(target, name); err != nil {
				return err
			}
			continue
		case strings.HasPrefix(f.Name, "mkdir "):
			dir := filepath.Join(src, filepath.FromSlash(strings.TrimPrefix(f.Name, "mkdir ")))
			if err := os.RemoveAll(dir); err != nil {
				return err
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			continue
		case strings.HasPrefix(f.Name, "mkfifo "):
			name = filepath.Join(src, filepath.FromSlash(strings.TrimPrefix(f.Name, "mkfifo ")))
			if err := os.RemoveAll(name); err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return err
			}
			if err := mkfifo(name); err != nil {
				return err
			}
			continue
		case strings.HasPrefix(f.Name, "outside/"):
			name = filepath.Join(outside, filepath.FromSlash(strings.TrimPrefix(f.Name, "outside/")))
		case string(data) == "DELETE\n":
			if err := os.Remove(name); err != nil {
				return err
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// toCRLF gives every regular file under src but out CRLF line endings.
func toCRLF(src, out string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == out {
			if err == nil {
				err = filepath.SkipDir
			}
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
		return os.WriteFile(p, b, 0o644)
	})
}

// snapshot holds every file and folder under dir, with the files' bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			files[rel+"/"] = ""
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[rel] = string(b)
		default:
			files[rel] = "(" + d.Type().String() + ")"
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameFiles reports how two snapshots differ, or "".
func sameFiles(before, after map[string]string) string {
	var diffs []string
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			diffs = append(diffs, "removed "+p)
		case a != b:
			diffs = append(diffs, "changed "+p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, "added "+p)
		}
	}
	slices.Sort(diffs)
	if len(diffs) > 10 {
		diffs = append(diffs[:10], fmt.Sprintf("and %d more", len(diffs)-10))
	}
	return strings.Join(diffs, "\n")
}

// outcome is what one build of a fixture gave.
type outcome struct {
	res      *site.Result
	err      error
	verify   diag.List
	panicked any
	stack    []byte
	build    time.Duration // site.Build
	check    time.Duration // site.Verify
	alloc    uint64        // bytes allocated by site.Build
}

// attempt builds src into out, then verifies it as scorecard check does,
// turning a panic into a result.
func attempt(src, out string) (o outcome) {
	defer func() {
		if r := recover(); r != nil {
			o.panicked, o.stack = r, debug.Stack()
		}
	}()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	o.res, o.err = site.Build(src, out, site.Options{})
	o.build = time.Since(start)
	runtime.ReadMemStats(&after)
	o.alloc = after.TotalAlloc - before.TotalAlloc
	start = time.Now()
	fsys, err := site.Open(src)
	if err != nil {
		o.err = errors.Join(o.err, err)
		return o
	}
	defer fsys.Close()
	o.verify = site.Verify(fsys, site.Options{})
	o.check = time.Since(start)
	return o
}

// bounded runs attempt, failing the test, with every goroutine's stack,
// if it has not finished shortly before the test's deadline: the build
// hangs.
func bounded(t *testing.T, src, out string) outcome {
	t.Helper()
	done := make(chan outcome, 1)
	go func() { done <- attempt(src, out) }()
	var expire <-chan time.Time
	if d, ok := t.Deadline(); ok {
		expire = time.After(time.Until(d) * 9 / 10)
	}
	select {
	case o := <-done:
		return o
	case <-expire:
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		t.Fatalf("the build has not finished by the test's deadline; it hangs:\n%s", buf)
		return outcome{}
	}
}

// baseFiles are the files of the base site every fixture is laid over.
func baseFiles(t testing.TB) []txtar.File {
	t.Helper()
	a, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return a.Files
}

// TestFixtures builds each broken or hostile site over a last good build
// and checks that the build either fails with the findings it should,
// leaving the last good site as it was, or succeeds and renders the input
// harmlessly; never panicking and never taking long.
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	base := baseFiles(t)
	type timing struct {
		name         string
		build, check time.Duration
		alloc        uint64
	}
	var timings []timing
	n := 0
	for _, file := range files {
		if filepath.Base(file) == "base.txtar" {
			continue
		}
		n++
		fx, err := readFixture(file)
		if err != nil {
			t.Error(err)
			continue
		}
		t.Run(fx.name, func(t *testing.T) {
			o := buildFixture(t, base, fx)
			timings = append(timings, timing{fx.name, o.build, o.check, o.alloc})
		})
	}
	if n < 40 {
		t.Errorf("%d fixtures; the corpus should hold at least 40", n)
	}
	slices.SortFunc(timings, func(a, b timing) int { return int(b.build - a.build) })
	for _, tm := range timings {
		t.Logf("%-30s build %7.1f ms  check %7.1f ms  allocated %4d MiB", tm.name, tm.build.Seconds()*1000, tm.check.Seconds()*1000, tm.alloc>>20)
	}
}

func buildFixture(t *testing.T, base []txtar.File, fx *fixture) outcome {
	dir := t.TempDir()
	src, outside := filepath.Join(dir, "site"), filepath.Join(dir, "outside")
	out := filepath.Join(src, "public")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := lay(src, outside, base); err != nil {
		t.Fatal(err)
	}
	if _, err := site.Build(src, out, site.Options{}); err != nil {
		t.Fatalf("the base site does not build: %v", err)
	}
	lastGood := snapshot(t, out)
	if err := lay(src, outside, fx.files); errors.Is(err, errors.ErrUnsupported) {
		t.Skip(err)
	} else if err != nil {
		t.Fatal(err)
	}
	if fx.want.crlf {
		if err := toCRLF(src, out); err != nil {
			t.Fatal(err)
		}
	}
	entries := func() []string {
		des, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, de := range des {
			names = append(names, de.Name())
		}
		return names
	}
	beside := entries()

	o := bounded(t, src, out)
	if o.panicked != nil {
		t.Fatalf("the build panicked: %v\n%s", o.panicked, o.stack)
	}
	if fx.want.memory > 0 && o.alloc > fx.want.memory {
		t.Errorf("the build allocated %d MiB; the limit is %d MiB", o.alloc>>20, fx.want.memory>>20)
	}
	if got := entries(); !slices.Equal(got, beside) {
		t.Errorf("the site folder held %q before the build and %q after", beside, got)
	}

	if *update {
		rewrite(t, fx, o.err)
		return o
	}
	if !fx.want.safe {
		checkFailed(t, fx, o)
		if diff := sameFiles(lastGood, snapshot(t, out)); diff != "" {
			t.Errorf("the failed build changed the last good site:\n%s", diff)
		}
		return o
	}
	if o.err != nil {
		t.Fatalf("the build failed:\n%v", o.err)
	}
	if o.verify.HasErrors() {
		t.Errorf("the build succeeded but the check found errors:\n%v", o.verify.Err())
	}
	for _, w := range fx.want.warnings {
		if !slices.ContainsFunc(o.res.Warnings, w.matches(diag.Warning)) {
			t.Errorf("no warning %s %q; the warnings:\n%v", w.pos, w.text, o.res.Warnings)
		}
	}
	built := snapshot(t, out)
	for p, data := range built {
		if problems := scan(p, []byte(data), fx.want.trusted); len(problems) > 0 {
			t.Errorf("%s:\n\t%s", p, strings.Join(problems, "\n\t"))
		}
	}
	for _, c := range fx.want.checks {
		pages := []string{c.page}
		if c.page == "*" {
			pages = nil
			for p := range built {
				if strings.HasSuffix(p, ".html") {
					pages = append(pages, p)
				}
			}
			slices.Sort(pages)
		}
		for _, p := range pages {
			data, ok := built[p]
			switch {
			case !ok:
				t.Errorf("the site has no %s", p)
			case c.present && !strings.Contains(data, c.text):
				t.Errorf("%s does not hold %q", p, c.text)
			case !c.present && strings.Contains(data, c.text):
				t.Errorf("%s holds %q", p, c.text)
			}
		}
	}
	return o
}

func (w finding) matches(sev diag.Severity) func(diag.Diagnostic) bool {
	return func(d diag.Diagnostic) bool {
		return d.Severity == sev && d.Pos.String() == w.pos && strings.Contains(d.Msg, w.text)
	}
}

// checkFailed checks that the build failed with exactly the wanted errors,
// and that the check lists them too.
func checkFailed(t *testing.T, fx *fixture, o outcome) {
	t.Helper()
	if o.err == nil {
		t.Fatalf("the build succeeded; want errors:\n%s", wanted(fx.want.errors))
	}
	var list diag.List
	if !errors.As(o.err, &list) {
		t.Fatalf("the build failed without naming a file: %v\nwant:\n%s", o.err, wanted(fx.want.errors))
	}
	ok := true
	for _, w := range fx.want.errors {
		if !slices.ContainsFunc(list, w.matches(diag.Error)) {
			t.Errorf("missing error %s %q", w.pos, w.text)
			ok = false
		}
		if !slices.ContainsFunc(o.verify, w.matches(diag.Error)) {
			t.Errorf("the check does not report error %s %q", w.pos, w.text)
		}
	}
	for _, d := range list {
		if d.Severity != diag.Error {
			continue
		}
		if !slices.ContainsFunc(fx.want.errors, func(w finding) bool { return w.matches(diag.Error)(d) }) {
			t.Errorf("unexpected error %s", d.Error())
			ok = false
		}
		if top, _, _ := strings.Cut(d.Pos.File, "/"); !slices.Contains([]string{"data", "content", "layouts", "static"}, top) {
			t.Errorf("the error names %q, which is not a file of the site: %s", d.Pos.File, d.Error())
		}
	}
	if !ok {
		t.Logf("all the errors:\n%v", list)
	}
}

func wanted(fs []finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s\n", f.pos, f.text)
	}
	return b.String()
}

// rewrite replaces the error lines of the fixture's want section with the
// errors the build reported.
func rewrite(t *testing.T, fx *fixture, err error) {
	t.Helper()
	var list diag.List
	errors.As(err, &list)
	for i, f := range fx.archive.Files {
		if f.Name != "want" {
			continue
		}
		var lines []string
		for _, line := range strings.SplitAfter(string(f.Data), "\n") {
			if line != "" && !strings.HasPrefix(line, "error ") {
				lines = append(lines, line)
			}
		}
		for _, d := range list {
			if d.Severity != diag.Error {
				continue
			}
			msg := d.Msg
			if strings.HasPrefix(msg, `"`) || strings.TrimSpace(msg) != msg || strings.ContainsAny(msg, "\n\r") {
				msg = strconv.Quote(msg)
			}
			lines = append(lines, fmt.Sprintf("error %s %s\n", d.Pos, msg))
		}
		if err != nil && len(list) == 0 {
			t.Errorf("the build failed without naming a file: %v", err)
		}
		fx.archive.Files[i].Data = []byte(strings.Join(lines, ""))
	}
	if err := os.WriteFile(fx.file, txtar.Format(fx.archive), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkFixtures measures how long each fixture's build and check take,
// laid over the base site: go test -bench Fixtures ./internal/hostile.
func BenchmarkFixtures(b *testing.B) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		b.Fatal(err)
	}
	base := baseFiles(b)
	for _, file := range files {
		if filepath.Base(file) == "base.txtar" {
			continue
		}
		fx, err := readFixture(file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fx.name, func(b *testing.B) {
			dir := b.TempDir()
			src, outside := filepath.Join(dir, "site"), filepath.Join(dir, "outside")
			if err := os.MkdirAll(outside, 0o755); err != nil {
				b.Fatal(err)
			}
			if err := lay(src, outside, base); err != nil {
				b.Fatal(err)
			}
			if err := lay(src, outside, fx.files); errors.Is(err, errors.ErrUnsupported) {
				b.Skip(err)
			} else if err != nil {
				b.Fatal(err)
			}
			out := filepath.Join(dir, "public")
			for b.Loop() {
				if o := attempt(src, out); o.panicked != nil {
					b.Fatal(o.panicked)
				}
			}
		})
	}
}
