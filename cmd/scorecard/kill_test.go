package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/sitetest"
)

// TestKilledBuild kills a build midway with SIGKILL and checks that the
// previous site is untouched, and that the next build tidies up after it.
func TestKilledBuild(t *testing.T) {
	dir := t.TempDir()
	bin := goBuild(t, dir)
	src := filepath.Join(dir, "site")
	writeSite(t, src, 100, 2)
	run := func() (string, error) {
		out, err := exec.Command(bin, "build", "-q", "-src", src).CombinedOutput()
		return string(out), err
	}
	if out, err := run(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := snapshot(t, filepath.Join(src, "public"))

	// A site big enough that its build takes a while to kill.
	writeSite(t, src, 4000, 8)
	for _, wait := range []time.Duration{150 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond} {
		cmd := exec.Command(bin, "build", "-q", "-src", src)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(wait)
		cmd.Process.Kill() // SIGKILL: no chance to clean up
		cmd.Wait()
		if got := snapshot(t, filepath.Join(src, "public")); got != before {
			t.Fatalf("after killing the build at %v, public/ changed", wait)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(src, ".public.*"))
	if len(leftovers) == 0 {
		t.Log("no build was killed midway (each finished or had not begun writing)")
	}
	writeSite(t, src, 100, 2)
	if out, err := run(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, out)
	}
	if left, _ := filepath.Glob(filepath.Join(src, ".public.*")); len(left) != 0 {
		t.Errorf("the next build left %v behind", left)
	}
}

// goBuild builds the scorecard command into dir, returning its path.
func goBuild(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "scorecard")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// snapshot sums up a folder: every file's path and size.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %d\n", p, info.Size())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// writeSite writes a plain site of m measures over q quarters.
func writeSite(t *testing.T, dir string, m, q int) {
	t.Helper()
	files := map[string]string{
		"data/site.yaml": "organisation: Test Council\ntitle: Performance Report\naccessibility: {contact_email: a@example.org, prepared: 2026-11-25}\n",
	}
	var cat strings.Builder
	cat.WriteString("themes:\n  - {id: homes, title: Homes}\nmeasures:\n")
	for i := range m {
		fmt.Fprintf(&cat, "  - {id: m-%d, theme: homes, title: Measure %d, good: higher, unit: count}\n", i, i)
	}
	files["data/measures.yaml"] = cat.String()
	for k := range q {
		year, n := 2010+k/4, k%4+1
		var b strings.Builder
		fmt.Fprintf(&b, "quarter: %d-%02d Q%d\nmeasures:\n", year, (year+1)%100, n)
		for i := range m {
			fmt.Fprintf(&b, "  m-%d: {target: 100, actual: %d, status: HG}\n", i, 100+i%7)
		}
		files[fmt.Sprintf("data/quarters/%d-%02d-q%d.yaml", year, (year+1)%100, n)] = b.String()
	}
	os.RemoveAll(filepath.Join(dir, "data"))
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestKilledIncrementalBuild kills incremental builds midway, once while
// most of their files are being taken from the earlier build (an edit to
// one figure) and once while most are being made again (a new title for
// the site), and checks that the earlier site is untouched, byte for byte
// and modification time for time, and that the next build, incremental,
// gives the same site as a full build.
func TestKilledIncrementalBuild(t *testing.T) {
	dir := t.TempDir()
	bin := goBuild(t, dir)
	src := filepath.Join(dir, "site")
	writeSite(t, src, 800, 4)
	public := filepath.Join(src, "public")
	build := func(args ...string) *exec.Cmd {
		return exec.Command(bin, append([]string{"build", "-q", "-src", src}, args...)...)
	}
	if out, err := build().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := tree(t, public)
	edits := map[string]func(){
		"one figure": func() {
			replaceIn(t, filepath.Join(src, "data/quarters/2010-11-q4.yaml"), "m-7: {target: 100, actual: 100,", "m-7: {target: 100, actual: 93,")
		},
		"the title": func() {
			replaceIn(t, filepath.Join(src, "data/site.yaml"), "title: Performance Report", "title: Quarterly Performance Report")
		},
	}
	killed := 0
	for _, name := range []string{"one figure", "the title"} {
		edits[name]()
		cmd := build()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it once its fresh folder holds some of the new site.
		for staged(t, src) < 50 && !exited(cmd) {
			time.Sleep(time.Millisecond)
		}
		finished := exited(cmd)
		cmd.Process.Kill() // SIGKILL: no chance to clean up
		cmd.Wait()
		if finished {
			// It finished before it could be killed: go on from its site.
			t.Logf("the build (%s) finished before it could be killed", name)
			before = tree(t, public)
			continue
		}
		killed++
		if diff := cmp.Diff(before, tree(t, public)); diff != "" {
			t.Fatalf("after killing the build (%s) midway, public/ changed (-before +after):\n%s", name, diff)
		}
	}
	if killed == 0 {
		t.Error("no build was killed midway: each finished first; make the site bigger")
	}
	if out, err := build().CombinedOutput(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, out)
	}
	if left, _ := filepath.Glob(filepath.Join(src, ".public.*")); len(left) != 0 {
		t.Errorf("the next build left %v behind", left)
	}
	full := filepath.Join(dir, "full")
	if out, err := build("-full", "-out", full).CombinedOutput(); err != nil {
		t.Fatalf("full build: %v\n%s", err, out)
	}
	if diff := cmp.Diff(sitetest.Tree(t, full), sitetest.Tree(t, public)); diff != "" {
		t.Errorf("the incremental build after the kills differs from a full build (-full +incremental):\n%s", diff)
	}
}

// exited reports whether cmd's process has ended, without waiting for it.
func exited(cmd *exec.Cmd) bool {
	return cmd.Process.Signal(syscall.Signal(0)) != nil
}

// staged counts the files in the fresh folders of builds into src/public.
func staged(t *testing.T, src string) int {
	news, _ := filepath.Glob(filepath.Join(src, ".public.new-*"))
	n := 0
	for _, d := range news {
		filepath.WalkDir(d, func(_ string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				n++
			}
			return nil
		})
	}
	return n
}

// tree reads every file under root: its bytes and modification time.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[rel] = fmt.Sprintf("%s\n%x", info.ModTime().UTC(), b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func replaceIn(t *testing.T, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}
