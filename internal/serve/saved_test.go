package serve

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// Editors and sed -i save a file by writing a temporary file beside it
// and renaming it over the file. The terminal names the file saved, not
// the temporary one, for a data file (a full reload) and for narrative
// (which reloads only the Markdown named).
func TestNamesSavedFile(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	// A longer quiet time than serve's, so that the temporary file's
	// events and the rename's fall in one burst however slow the machine.
	r := startWith(t, dir, Options{}, func(s *Server) { s.debounce = 500 * time.Millisecond })
	rebuilds := func() int { return strings.Count(r.stdout.String(), "Rebuilt ") }

	for i, c := range []struct{ file, old, new string }{
		{quarter, "quarter: 2016-17 Q2", "# Saved through a temporary file.\nquarter: 2016-17 Q2"},
		{themeFile, "## Summary of achievement", "A sentence saved through a temporary file.\n\n## Summary of achievement"},
	} {
		n := rebuilds()
		path := filepath.Join(dir, filepath.FromSlash(c.file))
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// As sed -i does: data/quarters/sedXXXXXX, written, then renamed.
		tmp := filepath.Join(filepath.Dir(path), "sed8hcFk"+string(rune('A'+i)))
		if err := os.WriteFile(tmp, []byte(strings.Replace(string(b), c.old, c.new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "a rebuild after saving "+c.file, func() bool { return rebuilds() > n })
		lines := strings.Split(strings.TrimSpace(r.stdout.String()), "\n")
		last := lines[len(lines)-1]
		want := regexp.MustCompile(`^Rebuilt \d+ files in [0-9.]+m?s after a change to ` + regexp.QuoteMeta(c.file) + `$`)
		if !want.MatchString(last) {
			t.Errorf("after saving %s through a temporary file, stdout says %q, want it to match %v", c.file, last, want)
		}
	}
	if strings.Contains(r.stdout.String()+r.stderr.String(), "sed8hcFk") {
		t.Errorf("the output names the temporary file:\n%s%s", r.stdout, r.stderr)
	}
}

// saved leaves out a file made and gone within one burst (a temporary
// file), and names the files that exist before those removed.
func TestSaved(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"content/q/theme.md", "data/quarters/2016-17-q2.yaml"} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := &Server{src: dir}
	for _, c := range []struct {
		changed []string
		created map[string]bool
		want    []string
	}{
		// sed -i: the temporary file made, then renamed over the file.
		{[]string{"data/quarters/sedX1", "data/quarters/2016-17-q2.yaml"},
			map[string]bool{"data/quarters/sedX1": true, "data/quarters/2016-17-q2.yaml": true},
			[]string{"data/quarters/2016-17-q2.yaml"}},
		// A file deleted is named, after the files that exist.
		{[]string{"content/q/gone.md", "content/q/theme.md"}, map[string]bool{},
			[]string{"content/q/theme.md", "content/q/gone.md"}},
		// A file made and deleted again: nothing to name.
		{[]string{"content/q/tmp"}, map[string]bool{"content/q/tmp": true}, nil},
	} {
		if got := s.saved(c.changed, c.created); !slices.Equal(got, c.want) {
			t.Errorf("saved(%q, %v) = %q, want %q", c.changed, c.created, got, c.want)
		}
	}
}
