package hostile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// baseSite lays testdata/base.txtar out in a fresh folder and returns it.
func baseSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	if err := lay(src, filepath.Join(dir, "outside"), baseFiles(t)); err != nil {
		t.Fatal(err)
	}
	return src
}

// failOutput builds the base site into out, which cannot be written, and
// checks that the build fails with a message naming the path, without a
// panic, and changing nothing in dir.
func failOutput(t *testing.T, src, out, dir string, says ...string) {
	t.Helper()
	before := snapshot(t, dir)
	o := bounded(t, src, out)
	if o.panicked != nil {
		t.Fatalf("the build panicked: %v\n%s", o.panicked, o.stack)
	}
	if o.err == nil {
		t.Fatalf("the build into %s succeeded", out)
	}
	t.Logf("%s: %v", out, o.err)
	for _, s := range says {
		if !strings.Contains(o.err.Error(), s) {
			t.Errorf("the build failed with %q, which does not say %q", o.err, s)
		}
	}
	if diff := sameFiles(before, snapshot(t, dir)); diff != "" {
		t.Errorf("the failed build changed %s:\n%s", dir, diff)
	}
}

// TestOutputIsAFile builds into a path that is an existing file.
func TestOutputIsAFile(t *testing.T) {
	src, dir := baseSite(t), t.TempDir()
	out := filepath.Join(dir, "public")
	if err := os.WriteFile(out, []byte("a file, not a folder\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	failOutput(t, src, out, dir, out, "is a file")
}

// TestOutputParentIsAFile builds into a folder whose parent, or a folder
// above that, is a file: the message says which, in plain words.
func TestOutputParentIsAFile(t *testing.T) {
	src, dir := baseSite(t), t.TempDir()
	parent := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(parent, []byte("a file, not a folder\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{filepath.Join(parent, "public"), filepath.Join(parent, "www", "public")} {
		failOutput(t, src, out, dir, "cannot create the output folder "+out+": "+parent+" is a file, not a folder; choose another output folder")
	}
}

// TestOutputNotWritable builds into a folder whose parent cannot be
// written, over a last good site that must survive. Root ignores
// permissions, so the test is skipped when run as root (as CI is); the
// two tests above cover an output that cannot be written there.
func TestOutputNotWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write anywhere")
	}
	src, dir := baseSite(t), t.TempDir()
	parent := filepath.Join(dir, "www")
	out := filepath.Join(parent, "public")
	if o := attempt(src, out); o.err != nil {
		t.Fatalf("the base site does not build: %v", o.err)
	}
	if err := os.Chmod(parent, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(parent, 0o755) })
	failOutput(t, src, out, dir, parent)
}

// TestOutputHoldsTheSite refuses outputs whose replacement would destroy
// the site's own files.
func TestOutputHoldsTheSite(t *testing.T) {
	src := baseSite(t)
	for _, out := range []string{src, filepath.Dir(src), filepath.Join(src, "data"), filepath.Join(src, "content", "public")} {
		failOutput(t, src, out, filepath.Dir(src), "output folder")
	}
}

// TestOutputInsideStatic refuses an output inside static/, which every
// build copies into the output: each build would hold the last one
// (public/public/public/...) and the site would grow without end.
func TestOutputInsideStatic(t *testing.T) {
	src := baseSite(t)
	for _, out := range []string{filepath.Join(src, "static"), filepath.Join(src, "static", "public")} {
		failOutput(t, src, out, filepath.Dir(src), "the output folder "+out+" is inside the site's static/ folder", "choose another")
	}
}
