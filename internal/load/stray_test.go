package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"scorecard/internal/diag"
	"scorecard/internal/render"
	"scorecard/internal/report"
)

// countFS counts how often each file of fsys is opened and how many of
// its bytes are read. Listing a folder and looking up a file's size count
// for nothing.
type countFS struct {
	fsys   fs.FS
	mu     sync.Mutex
	opened map[string]int
	read   map[string]int64
}

func newCountFS(fsys fs.FS) *countFS {
	return &countFS{fsys: fsys, opened: map[string]int{}, read: map[string]int64{}}
}

func (c *countFS) Open(name string) (fs.File, error) {
	f, err := c.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return f, nil
	}
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return &countFile{File: f, c: c, name: name}, nil
}

func (c *countFS) Stat(name string) (fs.FileInfo, error)  { return fs.Stat(c.fsys, name) }
func (c *countFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(c.fsys, name) }
func (c *countFS) ReadLink(name string) (string, error)   { return fs.ReadLink(c.fsys, name) }

type countFile struct {
	fs.File
	c    *countFS
	name string
}

func (f *countFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.c.mu.Lock()
	f.c.read[f.name] += int64(n)
	f.c.mu.Unlock()
	return n, err
}

// writeBase writes testdata/base.txtar into a new folder and returns it.
func writeBase(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	a, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range a.Files {
		write(t, filepath.Join(dir, filepath.FromSlash(f.Name)), string(f.Data))
	}
	return dir
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sparse writes a file that starts with head and is size bytes long,
// without writing the rest: os.Truncate makes it a sparse file, which
// takes next to no disk.
func sparse(t *testing.T, name, head string, size int64) {
	t.Helper()
	write(t, name, head)
	if err := os.Truncate(name, size); err != nil {
		t.Fatal(err)
	}
}

// findings returns the findings about file, one a line.
func findings(errs diag.List, file string) string {
	var out []string
	for _, d := range errs {
		if d.Pos.File == file {
			out = append(out, d.Error())
		}
	}
	return strings.Join(out, "\n")
}

// TestStrayBigFiles warns about large stray YAML files in data/ without
// reading them: one larger than Scorecard reads is not even opened, and
// of one below that size only the first few KB are read, enough to find
// its quarter: key.
func TestStrayBigFiles(t *testing.T) {
	dir := writeBase(t)
	sparse(t, filepath.Join(dir, "data", "big.yaml"), "quarter: 2016-17 Q3\n", 50<<20)
	sparse(t, filepath.Join(dir, "data", "mid.yaml"), "quarter: 2016-17 Q4\nmeasures:\n", 20<<20)
	sparse(t, filepath.Join(dir, "data", "zeros.yaml"), "", 10<<20)
	c := newCountFS(os.DirFS(dir))
	_, errs := Site(c)
	if errs.HasErrors() {
		t.Fatalf("the site has errors:\n%v", errs)
	}
	for _, tt := range []struct{ file, want string }{
		{"data/big.yaml", "data/big.yaml: warning: Scorecard reads only site.yaml, measures.yaml and the quarters folder in data/, so it does not read this file, of 50 MiB (larger than any file Scorecard reads); move it out of data/ or delete it"},
		{"data/mid.yaml", "data/mid.yaml: warning: this holds the figures for 2016-17 Q4 (its quarter: key says so), but Scorecard reads quarter files only from the data/quarters folder; move it to data/quarters/2016-17-q4.yaml"},
		{"data/zeros.yaml", "data/zeros.yaml: warning: Scorecard reads only site.yaml, measures.yaml and the quarters folder in data/, so it does not read this file; move it out of data/ or delete it"},
	} {
		if got := findings(errs, tt.file); got != tt.want {
			t.Errorf("findings about %s:\n%s\nwant\n%s", tt.file, got, tt.want)
		}
	}
	if n := c.opened["data/big.yaml"]; n != 0 {
		t.Errorf("data/big.yaml, larger than Scorecard reads, was opened %d times; want none", n)
	}
	for _, f := range []string{"data/mid.yaml", "data/zeros.yaml"} {
		if n := c.read[f]; n == 0 || n > peekSize {
			t.Errorf("%d bytes of %s were read; want a peek of at most %d", n, f, peekSize)
		}
	}
	if n := c.read["data/site.yaml"]; n == 0 {
		t.Errorf("the counting reader saw nothing of data/site.yaml: it counts nothing")
	}
}

// TestStrayQuiet skips the files the computer, version control and open
// editors leave in folders without a word, wherever they are, and warns
// about backups and hidden files.
func TestStrayQuiet(t *testing.T) {
	fsys := site(t, nil)
	quiet := []string{".DS_Store", "Thumbs.db", "desktop.ini", "._homes.md", ".gitkeep", ".homes.md.swp", ".#homes.md", "#homes.md#", "~$notes.docx", ".~lock.notes.docx#", "4913", "homes.md___jb_tmp___"}
	for _, dir := range []string{"data", "data/quarters", "content", "content/2016-17-q2", "layouts"} {
		for _, name := range quiet {
			fsys[dir+"/"+name] = &fstest.MapFile{Data: []byte("junk")}
		}
	}
	fsys["layouts/.git/HEAD"] = &fstest.MapFile{Data: []byte("ref")}
	_, errs := Site(fsys)
	if len(errs) > 0 {
		t.Errorf("files that are skipped without a word gave findings:\n%v", errs)
	}
	for name, want := range map[string]leftover{
		"homes.md":          notLeftover,
		"_index.md":         notLeftover,
		"2016-17-q2.yaml":   notLeftover,
		"homes.md~":         backupLeftover,
		"homes.md.bak":      backupLeftover,
		"site.yaml.orig":    backupLeftover,
		".homes.md":         hiddenLeftover,
		".drafts":           hiddenLeftover,
		".homes.md.new-1-0": writeLeftover,
		"Thumbs.db":         quietLeftover,
		".DS_Store":         quietLeftover,
	} {
		if got := classify(name); got != want {
			t.Errorf("classify(%q) = %d, want %d", name, got, want)
		}
	}
}

// TestStrayContentOnReload warns about a hidden file in content/ when only
// the narrative is read again, as the preview does after an edit.
func TestStrayContentOnReload(t *testing.T) {
	fsys := site(t, nil)
	s, errs := Site(fsys)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	fsys["content/2016-17-q2/.homes.md"] = &fstest.MapFile{Data: []byte("Text.")}
	for _, q := range s.Quarters {
		q.Intro, q.Narrative = nil, map[*report.Theme]*report.Narrative{}
	}
	errs = Content(fsys, s, nil, nil)
	if got := findings(errs, "content/2016-17-q2/.homes.md"); !strings.Contains(got, "warning: this is a hidden file") {
		t.Errorf("findings:\n%v\nwant a warning about the hidden file", errs)
	}
}

func TestQuarterLike(t *testing.T) {
	for name, want := range map[string]string{
		"2016-17-q3": "2016-17 Q3", "2016-17 Q3": "2016-17 Q3", "2016_17_Q3": "2016-17 Q3",
		"2016-17q3": "2016-17 Q3", "201617-q3": "2016-17 Q3", "Q3 2016-17": "2016-17 Q3", "2016/17 Q3": "2016-17 Q3",
		"2016-18-q3": "", "2016-17-q5": "", "notes": "", "2016-17": "",
	} {
		id, ok := quarterLike(name)
		got := ""
		if ok {
			got = id.String()
		}
		if got != want {
			t.Errorf("quarterLike(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestNearest(t *testing.T) {
	names := []string{"_index.md", "homes.md", "work.md", "protect-the-most-vulnerable.md"}
	for name, want := range map[string]string{
		"home.md": "homes.md", "Homes.md": "homes.md", "homes.txt": "homes.md", "index.md": "_index.md",
		"wrok.md": "work.md", "protect-the-most-vulnerble.md": "protect-the-most-vulnerable.md",
		"housing.md": "", "notes.md": "", "readme.md": "",
	} {
		if got := nearest(name, names); got != want {
			t.Errorf("nearest(%q) = %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string]string{
		"mesure.html": "measure.html", "measure.htm": "measure.html", "measure.tmpl": "measure.html",
		"Home.HTML": "home.html", "date.html": "data.html", "acessibility.html": "accessibility.html",
		"main.html": "", "README": "", "custom.html": "", "partial.html": "",
	} {
		if got := nearest(name, templateNames); got != want {
			t.Errorf("nearest(%q, templates) = %q, want %q", name, got, want)
		}
	}
}

// TestTemplateNames keeps the loader's list of the templates a site's
// layouts/ may replace the same as the renderer's.
func TestTemplateNames(t *testing.T) {
	if got := render.TemplateNames(); !slices.Equal(got, templateNames) {
		t.Errorf("the loader knows the templates %v; the renderer has %v", templateNames, got)
	}
}

// TestExampleSiteReadsEverything loads the example site at the top of the
// repository: Scorecard reads every file it has, so nothing is reported.
func TestExampleSiteReadsEverything(t *testing.T) {
	_, errs := Site(os.DirFS("../.."))
	for _, d := range errs {
		t.Errorf("the example site: %v", d)
	}
}
