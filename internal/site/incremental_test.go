package site

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/publish"
	"scorecard/internal/sitetest"
	"scorecard/internal/synth"
)

// TestIncrementalMatchesFull makes a random sequence of edits to a
// synthetic site (each kind of edit the issue names, in a shuffled order,
// with random places and values), builds incrementally after each,
// and compares the output, byte for byte and manifest included, with a
// full build of the same files into a fresh folder. It also checks that
// every file whose bytes did not change kept its modification time, and
// that the edits that touch a few pages reuse most of the site.
//
// Each sequence makes each kind of edit once; under the race detector,
// which is several times slower, there is one sequence, otherwise two.
func TestIncrementalMatchesFull(t *testing.T) {
	seeds, rounds := []uint64{1, 2}, 1
	if raceEnabled {
		seeds = []uint64{3}
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) { incrementalSequence(t, seed, rounds) })
	}
}

// edit is one change a council might make between two builds. It returns
// what it did, for the log, and whether the change touches only a few
// pages, so that most files must be reused.
type edit struct {
	name string
	do   func(e *editor) (what string, local bool)
}

// editor changes the site in dir.
type editor struct {
	t     *testing.T
	dir   string
	rng   *rand.Rand
	added []string // ids of measures the test added, which it may remove
	n     int      // edits made, for unique words
}

func (e *editor) read(name string) string {
	e.t.Helper()
	b, err := os.ReadFile(filepath.Join(e.dir, name))
	if err != nil {
		e.t.Fatal(err)
	}
	return string(b)
}

func (e *editor) write(name, data string) {
	e.t.Helper()
	p := filepath.Join(e.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

// glob lists the files matching pattern in the site, sorted.
func (e *editor) glob(pattern string) []string {
	e.t.Helper()
	m, err := filepath.Glob(filepath.Join(e.dir, pattern))
	if err != nil || len(m) == 0 {
		e.t.Fatalf("no file matches %s", pattern)
	}
	for i := range m {
		m[i], _ = filepath.Rel(e.dir, m[i])
	}
	slices.Sort(m)
	return m
}

func (e *editor) pick(list []string) string { return list[e.rng.IntN(len(list))] }

var (
	percentActual = regexp.MustCompile(`actual: (\d+)(?:\.\d+)?%`)
	titleLine     = regexp.MustCompile(`(?m)^    title: .*$`)
	siteTitle     = regexp.MustCompile(`(?m)^title: .*$`)
	tieAttr       = regexp.MustCompile(`\{measure="([^"]*)"\}`)
	quarterLine   = regexp.MustCompile(`(?m)^quarter: (\d{4})-(\d\d) Q(\d)$`)
)

var edits = []edit{
	{"narrative", func(e *editor) (string, bool) {
		f := e.pick(e.glob("content/*/*.md"))
		e.write(f, e.read(f)+fmt.Sprintf("\nA sentence added by edit %d.\n", e.n))
		return "appended a sentence to " + f, true
	}},
	{"figure", func(e *editor) (string, bool) {
		type place struct {
			file string
			at   []int
		}
		var all []place
		for _, f := range e.glob("data/quarters/*.yaml") {
			for _, m := range percentActual.FindAllStringSubmatchIndex(e.read(f), -1) {
				all = append(all, place{f, m})
			}
		}
		if len(all) == 0 {
			e.t.Fatal("no quarter file has a percentage to change")
		}
		p := all[e.rng.IntN(len(all))]
		data := e.read(p.file)
		var v int
		fmt.Sscan(data[p.at[2]:p.at[3]], &v)
		e.write(p.file, data[:p.at[2]]+fmt.Sprint(v+1+e.rng.IntN(5))+data[p.at[3]:])
		return "changed an actual in " + p.file, false
	}},
	{"measure added", func(e *editor) (string, bool) {
		id := fmt.Sprintf("t01-x%03d", e.n)
		cat := e.read("data/measures.yaml")
		e.write("data/measures.yaml", cat+fmt.Sprintf("  - id: %s\n    theme: t01-better-borough\n    title: Added measure %d\n    good: higher\n    unit: '%%'\n", id, e.n))
		files := e.glob("data/quarters/*.yaml")
		for i, f := range files {
			if e.rng.IntN(2) == 0 || i == len(files)-1 { // always in the latest edition
				row := fmt.Sprintf("measures:\n  %s: {target: 50%%, actual: %d%%, status: HG}\n", id, 50+e.rng.IntN(40))
				e.write(f, strings.Replace(e.read(f), "measures:\n", row, 1))
			}
		}
		e.added = append(e.added, id)
		return "added measure " + id, false
	}},
	{"measure renamed", func(e *editor) (string, bool) {
		cat := e.read("data/measures.yaml")
		all := titleLine.FindAllStringIndex(cat, -1)
		m := all[e.rng.IntN(len(all))]
		e.write("data/measures.yaml", cat[:m[0]]+fmt.Sprintf("    title: Renamed measure %d", e.n)+cat[m[1]:])
		return "renamed a measure", false
	}},
	{"measure removed", func(e *editor) (string, bool) {
		cat := e.read("data/measures.yaml")
		var id string
		if len(e.added) > 0 {
			id, e.added = e.added[0], e.added[1:]
		} else {
			ids := regexp.MustCompile(`(?m)^  - id: (\S+)$`).FindAllStringSubmatch(cat, -1)
			id = ids[e.rng.IntN(len(ids))][1]
		}
		start := strings.Index(cat, "  - id: "+id+"\n")
		end := start + 1 + strings.Index(cat[start+1:], "  - id: ")
		if end <= start {
			end = len(cat)
		}
		e.write("data/measures.yaml", cat[:start]+cat[end:])
		row := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(id) + `: .*\n`)
		for _, f := range e.glob("data/quarters/*.yaml") {
			e.write(f, row.ReplaceAllString(e.read(f), ""))
		}
		for _, f := range e.glob("content/*/*.md") {
			// Its page is gone: link to the list instead, and tie no
			// passage to it.
			text := strings.ReplaceAll(e.read(f), "](measures/"+id+"/)", "](measures/)")
			text = tieAttr.ReplaceAllStringFunc(text, func(attr string) string {
				ids := strings.Fields(tieAttr.FindStringSubmatch(attr)[1])
				ids = slices.DeleteFunc(ids, func(x string) bool { return x == id })
				if len(ids) == 0 {
					return ""
				}
				return `{measure="` + strings.Join(ids, " ") + `"}`
			})
			e.write(f, text)
		}
		return "removed measure " + id, false
	}},
	{"edition added", func(e *editor) (string, bool) {
		files := e.glob("data/quarters/*.yaml")
		last := e.read(files[len(files)-1])
		m := quarterLine.FindStringSubmatch(last)
		var year, q int
		fmt.Sscan(m[1], &year)
		fmt.Sscan(m[3], &q)
		if q++; q == 5 {
			year, q = year+1, 1
		}
		id := fmt.Sprintf("%d-%02d Q%d", year, (year+1)%100, q)
		name := fmt.Sprintf("%d-%02d-q%d", year, (year+1)%100, q)
		next := quarterLine.ReplaceAllString(last, "quarter: "+id)
		next = regexp.MustCompile(`(?m)^published: .*$`).ReplaceAllString(next, fmt.Sprintf(`published: "%d-12-0%d"`, year+1, q))
		e.write("data/quarters/"+name+".yaml", next)
		e.write("content/"+name+"/_index.md", fmt.Sprintf("---\ntitle: Performance in %s\n---\n\nThe quarter in brief, edit %d.\n", id, e.n))
		return "added edition " + id, false
	}},
	{"edition removed", func(e *editor) (string, bool) {
		files := e.glob("data/quarters/*.yaml")
		if len(files) <= 3 {
			return "removed no edition (too few)", false
		}
		f := files[len(files)-1]
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		if err := os.Remove(filepath.Join(e.dir, f)); err != nil {
			e.t.Fatal(err)
		}
		if err := os.RemoveAll(filepath.Join(e.dir, "content", name)); err != nil {
			e.t.Fatal(err)
		}
		return "removed edition " + name, false
	}},
	{"layout", func(e *editor) (string, bool) {
		const name = "layouts/404.html"
		if _, err := os.Stat(filepath.Join(e.dir, name)); err == nil && e.rng.IntN(2) == 0 {
			if err := os.Remove(filepath.Join(e.dir, name)); err != nil {
				e.t.Fatal(err)
			}
			return "removed " + name, false
		}
		b, err := os.ReadFile(filepath.Join("..", "render", name))
		if err != nil {
			e.t.Fatal(err)
		}
		e.write(name, strings.Replace(string(b), "{{define", fmt.Sprintf("{{/* edit %d */}}{{define", e.n), 1))
		return "changed " + name, false
	}},
	{"configuration", func(e *editor) (string, bool) {
		cfg := e.read("data/site.yaml")
		e.write("data/site.yaml", siteTitle.ReplaceAllString(cfg, fmt.Sprintf("title: Performance Report %d", e.n)))
		return "changed the site's title", false
	}},
}

func incrementalSequence(t *testing.T, seed uint64, rounds int) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	if err := synth.Write(src, synth.Options{Measures: 15, Themes: 3, Quarters: 5, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	inc := filepath.Join(dir, "inc")
	if _, err := Build(src, inc, Options{}); err != nil {
		t.Fatal(err)
	}
	e := &editor{t: t, dir: src, rng: rand.New(rand.NewPCG(seed, 17))}
	var order []edit
	for range rounds {
		order = append(order, edits...)
	}
	e.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	for step, ed := range order {
		e.n = step
		what, local := ed.do(e)
		before := sitetest.Tree(t, inc)
		old := sitetest.Age(t, inc)
		res, err := Build(src, inc, Options{})
		if err != nil {
			t.Fatalf("step %d (%s: %s): incremental build: %v", step, ed.name, what, err)
		}
		full := filepath.Join(dir, fmt.Sprint("full", step))
		if _, err := Build(src, full, Options{Full: true}); err != nil {
			t.Fatalf("step %d (%s): full build: %v", step, what, err)
		}
		got, want := sitetest.Tree(t, inc), sitetest.Tree(t, full)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("step %d (%s): the incremental build differs from a full build (-full +incremental):\n%s", step, what, diff)
		}
		os.RemoveAll(full)
		t.Logf("step %d: %s: made %d of %d files", step, what, res.Count-res.Reused, res.Count)
		if made := res.Count - res.Reused; local && made > res.Count/4 {
			t.Errorf("step %d (%s): made %d of %d files again; want at most a quarter of them", step, what, made, res.Count)
		}
		for name, data := range got {
			if name == publish.ManifestName || strings.HasSuffix(name, "/") || before[name] != data {
				continue
			}
			if mt := sitetest.ModTime(t, filepath.Join(inc, name)); !mt.Equal(old) {
				t.Errorf("step %d (%s): %s has the same bytes as before but was modified at %v, not kept", step, what, name, mt)
			}
		}
	}
}
