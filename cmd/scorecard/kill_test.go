package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestKilledBuild kills a build midway with SIGKILL and checks that the
// previous site is untouched, and that the next build tidies up after it.
func TestKilledBuild(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "scorecard")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
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
