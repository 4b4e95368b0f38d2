package publish

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/digest"
	"scorecard/internal/sitetest"
)

// site is the site the tests publish: the files a build of a small site
// makes, enough for every check of the output to have something to see.
var site = map[string]string{
	"index.html":              "<p>home",
	"404.html":                "<p>not found",
	"about/index.html":        "<p>about",
	"measures/m-1/index.html": "<p>a measure",
	"assets/search-index.js":  "var index = [];",
}

// build publishes site, with extra files, into out.
func build(out string, extra map[string]string) error {
	files := maps.Clone(site)
	maps.Copy(files, extra)
	s, err := Start(out)
	if err != nil {
		return err
	}
	defer s.Discard()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		data := files[name]
		if err := s.Put(name, func(w io.Writer) error { _, err := io.WriteString(w, data); return err }); err != nil {
			return err
		}
	}
	return s.Commit()
}

// mustBuild publishes site, with extra files, into out, which must work.
func mustBuild(t *testing.T, out string, extra map[string]string) {
	t.Helper()
	if err := build(out, extra); err != nil {
		t.Fatal(err)
	}
}

// writeFiles writes files (slash-separated paths under dir -> contents).
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// refused publishes into out, wants a refusal that says each of says,
// and checks that nothing under watch changed.
func refused(t *testing.T, out, watch string, says ...string) {
	t.Helper()
	before := sitetest.Tree(t, watch)
	err := build(out, nil)
	if err == nil {
		t.Fatalf("publishing into %s succeeded; want a refusal", out)
	}
	for _, s := range says {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("the refusal does not say %q:\n%v", s, err)
		}
	}
	if diff := cmp.Diff(before, sitetest.Tree(t, watch)); diff != "" {
		t.Errorf("the refused build changed %s (-before +after):\n%s", watch, diff)
	}
}

// manifestOf reads the manifest of the build in out, which must be JSON
// of the current format.
func manifestOf(t *testing.T, out string) manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, ManifestName))
	if err != nil {
		t.Fatalf("the build wrote no manifest: %v", err)
	}
	if !json.Valid(b) {
		t.Fatalf("the manifest is not JSON:\n%s", b)
	}
	m, err := readManifest(b)
	if err != nil || m.Format != manifestFormat {
		t.Fatalf("the manifest is not of format %d (%v):\n%s", manifestFormat, err, b)
	}
	return m
}

// TestOutputNotABuild refuses an output folder that holds files no build
// wrote, naming them, and leaves it untouched.
func TestOutputNotABuild(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	writeFiles(t, victim, map[string]string{
		"docs/thesis.txt": "x", "a.txt": "a", "b.txt": "b", "c.txt": "c",
	})
	refused(t, victim, dir, "the output folder "+victim+" holds files Scorecard did not write (a.txt, b.txt, c.txt and 1 more)", "choose an empty or new folder")

	// A site built before builds were marked: refused, with a word on why.
	legacy := filepath.Join(dir, "legacy")
	writeFiles(t, legacy, map[string]string{"index.html": "<p>", "404.html": "<p>", "assets/search-index.js": "x"})
	refused(t, legacy, dir, "looks like a Scorecard build but lacks the "+ManifestName, "delete the folder yourself this once")
}

// TestOutputEmptyAccepted builds into an empty folder that is there
// already, and writes a manifest that lists exactly the files written.
func TestOutputEmptyAccepted(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "www")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, out, nil)
	m := manifestOf(t, out)
	if m.Generator != "Scorecard" || m.Format != manifestFormat {
		t.Errorf("manifest: generator %q, format %d", m.Generator, m.Format)
	}
	var onDisk []string
	for p := range sitetest.Tree(t, out) {
		if p != ManifestName && !strings.HasSuffix(p, "/") {
			onDisk = append(onDisk, p)
		}
	}
	slices.Sort(onDisk)
	if diff := cmp.Diff(onDisk, m.paths()); diff != "" {
		t.Errorf("the manifest does not list the files written (-written +listed):\n%s", diff)
	}
	if len(m.Files) != len(site) {
		t.Errorf("the manifest lists %d files; the build wrote %d", len(m.Files), len(site))
	}
	sitetest.NoLeftovers(t, dir)
}

// TestPreviousBuildReplaced builds twice into one folder: the second build
// replaces the first, and a file only the first wrote does not survive. (A
// file put there by hand stops the build: see TestForeignFileInBuild.)
func TestPreviousBuildReplaced(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(src, "public")
	mustBuild(t, out, map[string]string{"old.txt": "old"})
	if err := build(out, map[string]string{"new.txt": "new"}); err != nil {
		t.Fatalf("the second build into a first: %v", err)
	}
	files := sitetest.Tree(t, out)
	if _, ok := files["old.txt"]; ok {
		t.Error("old.txt, which only the first build wrote, survived the second")
	}
	if files["new.txt"] != "new" {
		t.Error("the second build's new.txt is missing")
	}
	if m := manifestOf(t, out); slices.Contains(m.paths(), "old.txt") || !slices.Contains(m.paths(), "new.txt") {
		t.Errorf("the manifest was not rewritten: %v", m.paths())
	}
	sitetest.NoLeftovers(t, src)
}

// TestForeignFileInBuild refuses to replace a build that has had files
// added since, or one of its files swapped for a link, naming them.
func TestForeignFileInBuild(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(src, "public")
	mustBuild(t, out, nil)
	writeFiles(t, out, map[string]string{"google123.html": "verify", "measures/notes.txt": "mine"})
	refused(t, out, src, "holds files that no Scorecard build wrote (google123.html, measures/notes.txt)", "static/")

	if err := os.Remove(filepath.Join(out, "google123.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(out, "measures", "notes.txt")); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(out, "about", "index.html")
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/hostname", page); err != nil {
		t.Fatal(err)
	}
	refused(t, out, src, "holds a file that no Scorecard build wrote (about/index.html)")
}

// TestManifestChangedDuringBuild: the output is looked at again before
// the swap, its manifest read again when it changed since Start read it
// (here, another build that got in by hand lists a file it added), and
// its files checked against that.
func TestManifestChangedDuringBuild(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(src, "public")
	mustBuild(t, out, nil)
	s, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Discard()
	if err := s.Put("index.html", func(w io.Writer) error { _, err := io.WriteString(w, "<p>home"); return err }); err != nil {
		t.Fatal(err)
	}
	m := manifestOf(t, out)
	m.Files = append(m.Files, Made{Path: "extra.html", SHA256: strings.Repeat("0", 64)})
	data, err := m.encode()
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, out, map[string]string{ManifestName: string(data) + "\n", "extra.html": "x", "stray.html": "y"})
	err = s.Commit()
	if err == nil || !strings.Contains(err.Error(), "(stray.html)") {
		t.Fatalf("Commit = %v, want a refusal of stray.html alone, extra.html being listed now", err)
	}
}

// TestManifestNotOurs refuses a folder whose manifest Scorecard did not
// write, or a newer Scorecard did.
func TestManifestNotOurs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	writeFiles(t, out, map[string]string{ManifestName: "not json", "index.html": "x"})
	refused(t, out, dir, "holds a "+ManifestName+" file that Scorecard did not write")
	writeFiles(t, out, map[string]string{ManifestName: `{"generator": "Scorecard", "format": 3, "files": ["index.html"]}`})
	refused(t, out, dir, "built by a newer version of Scorecard")
}

// TestFormerManifestReplaced: a build by an earlier version, whose
// manifest (format 1) lists its files by name alone, is replaced like any
// build, its files made afresh, since it does not say what they were made
// from.
func TestFormerManifestReplaced(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	writeFiles(t, out, map[string]string{
		ManifestName: `{"generator": "Scorecard", "format": 1, "files": ["index.html", "old.html"]}`,
		"index.html": "<p>home", "old.html": "<p>old",
	})
	s, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Discard()
	from := digest.Sum{1}
	if _, ok, err := s.Reuse("index.html", from); ok || err != nil {
		t.Errorf("Reuse from a format-1 build = %v, %v; want false, nil", ok, err)
	}
	if err := s.PutFrom("index.html", from, func(w io.Writer) error { _, err := io.WriteString(w, "<p>new home"); return err }); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"./": "", ManifestName: "", "index.html": "<p>new home"}
	got := sitetest.Tree(t, out)
	got[ManifestName] = ""
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the output (-want +got):\n%s", diff)
	}
}

// TestManifestNameReserved: no file of the site may take the manifest's
// name.
func TestManifestNameReserved(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	err := build(out, map[string]string{ManifestName: "{}"})
	if err == nil || !strings.Contains(err.Error(), "keeps that name") {
		t.Fatalf("writing %s: err = %v; want a refusal", ManifestName, err)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the failed build made %s: %v", out, err)
	}
}

// TestOutputIsSymlink builds into a link to a folder elsewhere: the
// link's target is replaced, twice, the link is kept, and nothing is left
// beside either. A link to a folder that is not a build, or to nothing,
// is refused.
func TestOutputIsSymlink(t *testing.T) {
	dir := t.TempDir()
	www := filepath.Join(dir, "www")
	target := filepath.Join(www, "site")
	if err := os.MkdirAll(target, 0o755); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "src")
	if err := os.Mkdir(src, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(src, "public")
	if err := os.Symlink(target, out); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if err := build(out, map[string]string{"n.txt": fmt.Sprint(i)}); err != nil {
			t.Fatalf("build %d through the link: %v", i+1, err)
		}
		if info, err := os.Lstat(out); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			t.Fatalf("build %d replaced the link %s with a folder", i+1, out)
		}
		if b, err := os.ReadFile(filepath.Join(target, "n.txt")); err != nil || string(b) != fmt.Sprint(i) {
			t.Errorf("build %d did not update the link's target: n.txt = %q, %v", i+1, b, err)
		}
		if _, err := os.Stat(filepath.Join(target, "index.html")); err != nil {
			t.Errorf("build %d: %v", i+1, err)
		}
	}
	sitetest.NoLeftovers(t, src)
	if des, _ := os.ReadDir(www); len(des) != 1 {
		t.Errorf("%s holds %d entries; want just site/", www, len(des))
	}

	// A link to a folder of other things.
	other := filepath.Join(dir, "other")
	writeFiles(t, other, map[string]string{"thesis.txt": "x"})
	out2 := filepath.Join(dir, "public2")
	if err := os.Symlink(other, out2); err != nil {
		t.Fatal(err)
	}
	refused(t, out2, dir, "the output folder "+out2+" (a link to "+other+") holds files Scorecard did not write (thesis.txt)")

	// A link to nothing.
	out3 := filepath.Join(dir, "public3")
	if err := os.Symlink(filepath.Join(dir, "missing"), out3); err != nil {
		t.Fatal(err)
	}
	refused(t, out3, dir, "is a symbolic link to "+filepath.Join(dir, "missing")+", which does not exist")
}

// holdLock takes the lock on the output out as another build would,
// writing pid into the lock file, and returns the function that lets go.
func holdLock(t *testing.T, out string, pid int) func() {
	t.Helper()
	name := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".lock")
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Fprintf(f, "%d\n", pid); err != nil {
		t.Fatal(err)
	}
	return func() {
		os.Remove(name)
		f.Close()
	}
}

// TestConcurrentBuild: while one build holds the output's lock, with its
// fresh folder beside the output, a second build is refused, saying why,
// and touches neither. Once the first lets go, a build succeeds and tidies
// up.
func TestConcurrentBuild(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(src, "public")
	mustBuild(t, out, nil)
	release := holdLock(t, out, 4242)
	writeFiles(t, src, map[string]string{".public.new-first/index.html": "half-written"})
	refused(t, out, src, "another scorecard build is writing "+out+" (process 4242); wait for it to finish")
	release()
	if err := build(out, nil); err != nil {
		t.Fatalf("the build once the lock was free: %v", err)
	}
	sitetest.NoLeftovers(t, src)
}

// TestLockReleased: a build lets go of the lock, failed or not, and
// removes the lock file.
func TestLockReleased(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	boom := errors.New("boom")
	s, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put("index.html", func(io.Writer) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v; want boom", err)
	}
	s.Discard()
	release := holdLock(t, out, 1) // fails the test if the lock were still held
	release()
	if s, err = Start(out); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err == nil {
		t.Error("a second Commit of the same stage succeeded")
	}
	release = holdLock(t, out, 1)
	release()
	sitetest.NoLeftovers(t, filepath.Dir(out))
}

// TestOldSiteNotDeletable: when a folder of the old site cannot be
// changed, the build stops before writing anything, saying which folder
// and what to do. canChange stands in for a folder of another user's, as
// the tests may run as root, who may change anything.
func TestOldSiteNotDeletable(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(src, "public")
	mustBuild(t, out, nil)
	stuck := filepath.Join(out, "measures")
	defer func(f func(string) error) { canChange = f }(canChange)
	canChange = func(dir string) error {
		if dir == stuck {
			return &fs.PathError{Op: "access", Path: dir, Err: syscall.EACCES}
		}
		return nil
	}
	refused(t, out, src, "cannot replace the output folder "+out, stuck+" cannot be changed by this user (permission denied)", "writable")
	sitetest.NoLeftovers(t, src)
}

// TestOldSiteReadOnly does the same with a real read-only folder, where
// the tests do not run as root.
func TestOldSiteReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may change a read-only folder; TestOldSiteNotDeletable covers this")
	}
	src := t.TempDir()
	out := filepath.Join(src, "public")
	mustBuild(t, out, nil)
	stuck := filepath.Join(out, "measures")
	if err := os.Chmod(stuck, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(stuck, 0o755) })
	refused(t, out, src, stuck+" cannot be changed by this user")
	sitetest.NoLeftovers(t, src)
}

// TestRemoveOldFails: when the old site cannot be deleted after the swap
// (the check before found nothing wrong), and none of it was, it is put
// back and the build fails; when some of it was, the new site stays, and
// the build fails naming what is left. The next build deletes it.
func TestRemoveOldFails(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(src, "public")
	mustBuild(t, out, nil)
	defer func(f func(string) error) { removeAll = f }(removeAll)
	removeAll = func(p string) error {
		return &fs.PathError{Op: "unlinkat", Path: filepath.Join(p, "measures"), Err: syscall.EPERM}
	}
	refused(t, out, src, "cannot delete the old site in "+out, "the old site was put back as it was")
	sitetest.NoLeftovers(t, src)

	removeAll = func(p string) error {
		os.Remove(filepath.Join(p, "index.html"))
		return &fs.PathError{Op: "unlinkat", Path: filepath.Join(p, "measures"), Err: syscall.EPERM}
	}
	err := build(out, map[string]string{"new.txt": "new"})
	if err == nil || !strings.Contains(err.Error(), "the new site is in "+out) || !strings.Contains(err.Error(), filepath.Join(src, ".public.old-")) {
		t.Fatalf("err = %v; want a failure naming the old site left beside the new", err)
	}
	var left *OldSiteLeft
	if !errors.As(err, &left) {
		t.Errorf("err is a %T, not an *OldSiteLeft, so the command would say nothing was written", err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "new.txt")); err != nil || string(b) != "new" {
		t.Errorf("the new site is not in place: new.txt = %q, %v", b, err)
	}
	removeAll = os.RemoveAll
	if err := build(out, nil); err != nil {
		t.Fatalf("the build after: %v", err)
	}
	sitetest.NoLeftovers(t, src)
}
