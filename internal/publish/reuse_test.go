package publish

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/digest"
	"scorecard/internal/sitetest"
)

// stageFile is a file an incremental build makes, from inputs summed as
// from.
type stageFile struct {
	path, data string
	from       digest.Sum
}

// buildFrom publishes files into out as an incremental build does: each
// file is reused when its inputs are those of the earlier build, and made
// otherwise. It returns the paths made.
func buildFrom(t *testing.T, out string, files []stageFile) (made []string) {
	t.Helper()
	s, err := Start(out)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Discard()
	for _, f := range files {
		_, ok, err := s.Reuse(f.path, f.from)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			continue
		}
		made = append(made, f.path)
		if err := s.PutFrom(f.path, f.from, func(w io.Writer) error { _, err := io.WriteString(w, f.data); return err }); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	return made
}

// TestReuse: a file made from the same inputs is taken from the earlier
// build, keeping its modification time; a file whose inputs changed is
// made again; a file made again with the same bytes keeps the earlier
// one's time too; a file changed by hand after the build, or whose size
// is not the manifest's, is made again, never reused.
func TestReuse(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	files := []stageFile{
		{"index.html", "<p>home", digest.Sum{1}},
		{"a/index.html", "<p>a", digest.Sum{2}},
		{"b/index.html", "<p>b", digest.Sum{3}},
		{"c/index.html", "<p>c", digest.Sum{4}},
		{"d/index.html", "<p>d", digest.Sum{5}},
	}
	if made := buildFrom(t, out, files); len(made) != len(files) {
		t.Fatalf("the first build made %v; want every file", made)
	}
	first := sitetest.Tree(t, out)
	old := sitetest.Age(t, out)
	// Made later than the manifest: as if edited by hand on the server.
	hand := filepath.Join(out, "c", "index.html")
	if err := os.WriteFile(hand, []byte("<p>C"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(hand, old.Add(time.Hour), old.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	// The same size and time as the manifest, but the size is wrong.
	if err := os.WriteFile(filepath.Join(out, "d", "index.html"), []byte("<p>dd"), 0o644); err != nil {
		t.Fatal(err)
	}
	sitetest.Age(t, filepath.Join(out, "d"))

	files[1].from = digest.Sum{20}  // inputs changed, and so did the bytes
	files[1].data = "<p>a, changed" //
	files[2].from = digest.Sum{30}  // inputs changed, the bytes did not
	made := buildFrom(t, out, files)
	if diff := cmp.Diff([]string{"a/index.html", "b/index.html", "c/index.html", "d/index.html"}, made); diff != "" {
		t.Errorf("made (-want +got):\n%s", diff)
	}
	want := first
	want["a/index.html"] = "<p>a, changed"
	got := sitetest.Tree(t, out)
	delete(got, ManifestName)
	delete(want, ManifestName)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the second build's output (-want +got):\n%s", diff)
	}
	for _, p := range []string{"index.html", "b/index.html"} {
		if got := sitetest.ModTime(t, filepath.Join(out, p)); !got.Equal(old) {
			t.Errorf("%s was modified at %v; want its earlier time %v, kept", p, got, old)
		}
	}
	for _, p := range []string{"a/index.html", "c/index.html", "d/index.html"} {
		if got := sitetest.ModTime(t, filepath.Join(out, p)); got.Equal(old) || got.Equal(old.Add(time.Hour)) {
			t.Errorf("%s kept its time %v; it was made again, so want a new one", p, got)
		}
	}
	m := manifestOf(t, out)
	for _, f := range m.Files {
		if f.Path == "b/index.html" && f.From != (digest.Sum{30}).String() {
			t.Errorf("b/index.html's record says it was made from %s; want the new inputs' sum", f.From)
		}
	}
	sitetest.NoLeftovers(t, filepath.Dir(out))
}

// TestReuseCopies: where a hard link cannot be made (another file system),
// the earlier file is copied, with its modification time.
func TestReuseCopies(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	files := []stageFile{{"index.html", "<p>home", digest.Sum{1}}}
	buildFrom(t, out, files)
	old := sitetest.Age(t, out)
	link = func(string, string) error { return errors.New("links are not allowed here") }
	t.Cleanup(func() { link = os.Link })
	if made := buildFrom(t, out, files); len(made) != 0 {
		t.Errorf("made %v; want the file reused", made)
	}
	if got := sitetest.ModTime(t, filepath.Join(out, "index.html")); !got.Equal(old) {
		t.Errorf("the copy was modified at %v; want %v", got, old)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "<p>home" {
		t.Errorf("the copy holds %q", b)
	}
}

// TestManifestRecords: the manifest records each file's inputs, SHA-256
// and size, the build's inputs, and is the same for the same build.
func TestManifestRecords(t *testing.T) {
	dir := t.TempDir()
	files := []stageFile{{"index.html", "<p>home", digest.Sum{1}}, {"a/b.csv", "x,y\n", digest.Sum{2}}}
	var manifests [2]string
	for i := range manifests {
		out := filepath.Join(dir, "out"+string(rune('1'+i)))
		buildFrom(t, out, files)
		b, err := os.ReadFile(filepath.Join(out, ManifestName))
		if err != nil {
			t.Fatal(err)
		}
		manifests[i] = string(b)
	}
	if manifests[0] != manifests[1] {
		t.Errorf("two builds of the same files wrote different manifests:\n%s\n%s", manifests[0], manifests[1])
	}
	m := manifestOf(t, filepath.Join(dir, "out1"))
	want := []Made{
		{Path: "a/b.csv", From: digest.Sum{2}.String(), SHA256: "9c6536d38fa37da58fac066342747e6d20fdace12ab5b287cf04506f2afe95b0", Size: 4},
		{Path: "index.html", From: digest.Sum{1}.String(), SHA256: "68db1a4970c9e0cc29ab46abb64c517af96cc6935223fd737cf6c27077b036fb", Size: 7},
	} // the sums as sha256sum gives them
	if diff := cmp.Diff(want, m.Files); diff != "" {
		t.Errorf("the manifest's files (-want +got):\n%s", diff)
	}
}

// TestChangedInputs: SetInputs names the inputs added, changed or gone
// since the earlier build, and nothing for a folder with no earlier build.
func TestChangedInputs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	run := func(inputs map[string]string) []string {
		s, err := Start(out)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Discard()
		changed := s.SetInputs(inputs)
		if err := s.Put("index.html", func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
			t.Fatal(err)
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		return changed
	}
	if got := run(map[string]string{"a.md": "1", "b.md": "2", "c.md": "3"}); got != nil {
		t.Errorf("the first build found %v changed; want nothing", got)
	}
	got := run(map[string]string{"a.md": "1", "b.md": "20", "d.md": "4"})
	if diff := cmp.Diff([]string{"b.md", "c.md", "d.md"}, got); diff != "" {
		t.Errorf("changed (-want +got):\n%s", diff)
	}
}
