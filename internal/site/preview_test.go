package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"scorecard/internal/diag"
	"scorecard/internal/synth"
)

const (
	themeFile = "content/2016-17-q2/build-a-better-harrow.md"
	themePage = "2016-17/q2/build-a-better-harrow/index.html"
)

// TestPreviewMatchesBuild renders every file of the example through a
// Preview and compares it with what a build makes.
func TestPreviewMatchesBuild(t *testing.T) {
	want := generateExample(t)
	p, err := NewPreview(os.DirFS(exampleSite), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Paths()) != len(want) {
		t.Errorf("the preview has %d files, a build %d", len(p.Paths()), len(want))
	}
	for _, path := range p.Paths() {
		got, err := p.Render(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if string(got) != string(want[path]) {
			t.Errorf("%s differs from the build's", path)
		}
	}
	if _, err := p.Render("no/such/page.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Render of a missing file: %v, want fs.ErrNotExist", err)
	}
}

// TestPreviewConcurrentRender renders every file from several goroutines
// at once, as serve's requests do (run with -race in make test), and gets
// what one goroutine gets.
func TestPreviewConcurrentRender(t *testing.T) {
	p, err := NewPreview(os.DirFS(exampleSite), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, path := range p.Paths() {
		b, err := p.Render(path)
		if err != nil {
			t.Fatal(err)
		}
		want[path] = string(b)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			paths := p.Paths()
			for i := range paths {
				path := paths[(i+g*len(paths)/4)%len(paths)]
				b, err := p.Render(path)
				if err != nil || string(b) != want[path] {
					t.Errorf("%s rendered concurrently differs (%v)", path, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestPreviewReload edits narrative and data and checks that each reload
// shows the change, reusing what did not change.
func TestPreviewReload(t *testing.T) {
	dir := copySite(t)
	fsys := os.DirFS(dir)
	p, err := NewPreview(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := func(p *Preview, path string) string {
		t.Helper()
		b, err := p.Render(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	before := page(p, themePage)

	// Narrative: only the edited file is parsed again; the data and the
	// other narrative are the same objects.
	appendTo(t, filepath.Join(dir, themeFile), "\nA sentence added in preview.\n")
	p2, err := p.Reload([]string{themeFile})
	if err != nil {
		t.Fatal(err)
	}
	if got := page(p2, themePage); !strings.Contains(got, "A sentence added in preview.") {
		t.Error("the theme page lacks the new sentence after a narrative reload")
	}
	if page(p, themePage) != before {
		t.Error("reloading changed the old preview's page")
	}
	if p2.site.full.Measures[0] != p.site.full.Measures[0] || p2.site.full.Quarters[0].Rows[0] != p.site.full.Quarters[0].Rows[0] {
		t.Error("a narrative change loaded the data again")
	}
	q, q2 := p.site.full.Quarters[len(p.site.full.Quarters)-1], p2.site.full.Quarters[len(p2.site.full.Quarters)-1]
	if q.Intro == nil || q.Intro != q2.Intro {
		t.Error("the unchanged _index.md was parsed again (or lost)")
	}
	for th, n := range q.Narrative {
		if changed := n.File == themeFile; changed == (q2.Narrative[th] == n) {
			t.Errorf("%s: parsed again %v, want %v", n.File, !changed, changed)
		}
	}

	// A mistake in narrative stops the reload with its position; the old
	// preview is untouched.
	appendTo(t, filepath.Join(dir, themeFile), "\n[a link](javascript:alert(1))\n")
	_, err = p2.Reload([]string{themeFile})
	var list diag.List
	if !errors.As(err, &list) || !strings.Contains(err.Error(), themeFile+":") {
		t.Fatalf("a javascript: link: %v, want a finding in %s", err, themeFile)
	}

	// Data: everything is read again.
	cfg := filepath.Join(dir, "data", "site.yaml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b = []byte(strings.Replace(string(b), "title:", "title: Preview", 1))
	if err := os.WriteFile(cfg, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, themeFile), []byte("## Fixed\n\nThe text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p3, err := p2.Reload([]string{"data/site.yaml", themeFile})
	if err != nil {
		t.Fatal(err)
	}
	if p3.site.full.Measures[0] == p.site.full.Measures[0] {
		t.Error("a data change did not load the data again")
	}
	if !strings.Contains(page(p3, "index.html"), "Preview") {
		t.Error("the home page lacks the new title")
	}
}

// TestPreviewReloadReadsOnlyChanged: a reload reads the files it is told
// changed, and every file a watcher would name: a removed one is gone.
func TestPreviewReloadReadsOnlyChanged(t *testing.T) {
	dir := copySite(t)
	p, err := NewPreview(os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	has := func(p *Preview, text string) bool {
		t.Helper()
		b, err := p.Render(themePage)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Contains(string(b), text)
	}
	appendTo(t, filepath.Join(dir, themeFile), "\nA sentence the watcher has not reported.\n")
	other := "content/2016-17-q2/_index.md"
	p2, err := p.Reload([]string{other})
	if err != nil {
		t.Fatal(err)
	}
	if has(p2, "has not reported") {
		t.Error("a file not named as changed was read again")
	}
	p3, err := p2.Reload([]string{themeFile})
	if err != nil {
		t.Fatal(err)
	}
	if !has(p3, "has not reported") {
		t.Error("the file named as changed was not read again")
	}
	// A folder named as changed (a folder moved or replaced) covers its files.
	appendTo(t, filepath.Join(dir, themeFile), "\nA sentence in a folder that changed.\n")
	p3, err = p3.Reload([]string{"content/2016-17-q2"})
	if err != nil {
		t.Fatal(err)
	}
	if !has(p3, "in a folder that changed") {
		t.Error("a file in a folder named as changed was not read again")
	}
	if err := os.Remove(filepath.Join(dir, themeFile)); err != nil {
		t.Fatal(err)
	}
	p4, err := p3.Reload([]string{themeFile})
	if err != nil {
		t.Fatal(err)
	}
	if !has(p4, "No narrative was published for this theme") {
		t.Error("a removed narrative file is still shown")
	}
}

// TestPreviewLinkCheck: a reload checks narrative's links, rendering the
// pages they point into.
func TestPreviewLinkCheck(t *testing.T) {
	dir := copySite(t)
	p, err := NewPreview(os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	appendTo(t, filepath.Join(dir, themeFile), "\nSee [the history](measures/bbh-5/#no-such-anchor).\n")
	_, err = p.Reload([]string{themeFile})
	if err == nil || !strings.Contains(err.Error(), "#no-such-anchor") || !strings.Contains(err.Error(), themeFile) {
		t.Fatalf("a link to a missing anchor: %v", err)
	}
}

func appendTo(t testing.TB, file, text string) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkPreviewEdit measures the preview's work after a narrative edit
// on a synthetic site of 10,000 measures over 40 quarters: reload, then
// render the edited theme page. The serve package's BenchmarkEditToReload
// adds the server around it.
func BenchmarkPreviewEdit(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := synth.Write(dir, synth.Options{Measures: 10000, Themes: 8, Quarters: 40, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	p, err := NewPreview(os.DirFS(dir), Options{})
	if err != nil {
		b.Fatal(err)
	}
	var file, page string
	for _, path := range p.Paths() {
		if strings.HasPrefix(path, "2016-17/q2/t") && strings.HasSuffix(path, "/index.html") {
			page = path
			file = "content/2016-17-q2/" + strings.TrimSuffix(strings.TrimPrefix(path, "2016-17/q2/"), "/index.html") + ".md"
			break
		}
	}
	if _, err := os.Stat(filepath.Join(dir, file)); err != nil {
		b.Fatalf("no narrative for %s: %v", page, err)
	}
	b.ResetTimer()
	for b.Loop() {
		appendTo(b, filepath.Join(dir, file), "\nAnother sentence.\n")
		next, err := p.Reload([]string{file})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := next.Render(page); err != nil {
			b.Fatal(err)
		}
		p = next
	}
}
