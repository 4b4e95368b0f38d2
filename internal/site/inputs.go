package site

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"maps"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"scorecard/internal/assets"
	"scorecard/internal/diag"
	"scorecard/internal/digest"
	"scorecard/internal/parallel"
	"scorecard/internal/render"
	"scorecard/internal/report"
	"scorecard/internal/words"
)

// Incremental builds. Every file a build writes is recorded in the
// output's manifest with the sum of what it was made from (publish.Made);
// the next build works out those sums again and takes each file whose
// sum is unchanged from the earlier site (publish.Stage.Reuse), rendering
// only the rest.
//
// A file's sum is made from the model as loaded and assessed, not from
// the source files: each part of the model is summed once (inputs), and a
// file's sum combines the parts its page shows (keys). The parts:
//
//   - site: what every page may show: Scorecard itself (its executable),
//     the options, the words folder, data/site.yaml, the site's
//     configuration as loaded, every theme (title, place), and the list of
//     editions (id, date, draft);
//   - each kind of page's templates: its own in layouts/, and the partials
//     every page holds (render.Layouts), so that a change to the measure
//     page's template makes the measure pages again and no other;
//   - each edition's own parts: its notes, corrections, date (not its rows
//     or narrative);
//   - each edition's introduction, and each theme's narrative in it (its
//     Markdown, and the definitions of the measures it ties passages to);
//   - each measure's definition;
//   - each measure's history up to each edition: its rows in that edition
//     and every earlier one, as assessed, so that a status or direction of
//     travel worked out from an earlier figure changes with it.
//
// The sums read exported fields only, and leave out positions in the
// source files, which no page shows (see package digest). A measure, theme
// or edition that another part points to is summed by its id. A file no
// rule below names is made from everything, so a new kind of file is
// never reused wrongly, only made again.

// keyFormat changes when the way sums are made does, so that a build by
// another version of these rules reuses nothing.
const keyFormat = "scorecard incremental 1"

// inputs are the sums of the parts of a prepared site.
type inputs struct {
	h        *digest.Hasher
	site     digest.Sum
	layouts  map[string]digest.Sum // by page template: its own and the partials, from the site's layouts/
	edition  []digest.Sum          // by edition, oldest first: its own parts, chained with the earlier editions'
	intro    []digest.Sum
	narr     []map[*report.Theme]digest.Sum
	narrAll  []digest.Sum // every narrative of the edition, intro and themes
	about    digest.Sum
	def      map[*report.Measure]digest.Sum
	defs     digest.Sum     // every measure's definition, in catalogue order
	history  [][]digest.Sum // [edition][measure's place in Site.Measures]: its rows up to the edition
	upTo     []digest.Sum   // every measure's history up to each edition
	ties     map[*report.Measure][]digest.Sum
	place    map[*report.Measure]int
	sources  map[string]string // every source file's SHA-256, for the manifest
	figures  digest.Sum        // what the open data shows: no narrative
	anything digest.Sum        // every part but the templates
	anyPage  digest.Sum        // every part and every template
}

// hasher sums the parts of the model.
func hasher() *digest.Hasher {
	// A field's type says what its id names, so the ids need no prefix.
	// Statuses and series are the site's (load makes them from
	// data/site.yaml alone), summed in full with the site.
	byID := func(v reflect.Value) string {
		switch x := v.Interface().(type) {
		case *report.Measure:
			return x.ID
		case *report.Theme:
			return x.ID
		case *report.Quarter:
			return x.ID.Path()
		case *report.Status:
			return x.Code
		case *report.Series:
			return x.ID
		}
		panic("unreachable")
	}
	return &digest.Hasher{
		Ref: map[reflect.Type]func(reflect.Value) string{
			reflect.TypeFor[*report.Measure](): byID,
			reflect.TypeFor[*report.Theme]():   byID,
			reflect.TypeFor[*report.Quarter](): byID,
			reflect.TypeFor[*report.Status]():  byID,
			reflect.TypeFor[*report.Series]():  byID,
		},
		Skip: map[reflect.Type]bool{reflect.TypeFor[diag.Pos](): true},
		// Markdown trees are summed by their source (narrative below):
		// never walk one, node by node.
		SkipPackages: []string{"github.com/yuin/goldmark"},
		Fields: map[reflect.Type]map[string]bool{
			// Made from other parts, which are summed where pages show
			// them: a site's measures and editions, a theme's measures
			// (each theme page sums its own), a measure's place in the
			// catalogue (which no page shows), an edition's rows; and
			// what rag.Assess works out for a row (its status and
			// directions of travel), which it makes from the row, the
			// measure's rows before it, the measure, and the site's
			// rating and editions: a page that shows a row's history
			// sums all of those (keys).
			reflect.TypeFor[report.Site]():    {"Measures": true, "Quarters": true, "About": true, "Themes": true},
			reflect.TypeFor[report.Theme]():   {"Measures": true},
			reflect.TypeFor[report.Measure](): {"Index": true},
			reflect.TypeFor[report.Quarter](): {"Rows": true, "More": true, "Intro": true, "Narrative": true},
			reflect.TypeFor[report.Row]():     {"Computed": true, "SinceQuarter": true, "SinceLastYear": true},
		},
		Custom: map[reflect.Type]func(*digest.Writer, reflect.Value){
			// Narrative is made from its Markdown; its tree and the blocks
			// cut from it are not summed (see narrativeSum).
			reflect.TypeFor[*report.Narrative](): func(w *digest.Writer, v reflect.Value) {
				if v.IsNil() {
					w.String("no narrative")
					return
				}
				n := v.Interface().(*report.Narrative)
				w.String(n.Title)
				w.String(n.File)
				w.Value(n.Draft)
				if n.Doc != nil {
					w.Bytes(n.Doc.Source)
					w.Value(n.Doc.AllowHTML)
				}
			},
		},
	}
}

// scorecardSum sums the running program, so that a build by another
// version of Scorecard reuses nothing.
var scorecardSum = sync.OnceValue(func() digest.Sum {
	w := hasher().New()
	w.String(keyFormat)
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			h := sha256.New()
			if _, err := io.Copy(h, f); err == nil {
				w.Bytes(h.Sum(nil))
				f.Close()
				return w.Sum()
			}
			f.Close()
		}
	}
	// No way to tell this version from another: nothing is reused.
	w.String("unknown version")
	random := make([]byte, 16)
	rand.Read(random)
	w.Bytes(random)
	return w.Sum()
})

// sumInputs sums the parts of the site s (a view of a prepared site)
// held in fsys, built with opts and the PDFs packs.
func sumInputs(s *report.Site, fsys fs.FS, opts Options, packs []pack) *inputs {
	in := &inputs{
		def:     make(map[*report.Measure]digest.Sum, len(s.Measures)),
		place:   make(map[*report.Measure]int, len(s.Measures)),
		ties:    map[*report.Measure][]digest.Sum{},
		sources: sourceSums(fsys),
	}
	h := hasher()
	in.h = h
	w := h.New()
	w.Add(scorecardSum())
	w.Value(opts.Drafts)
	w.Value(packSizes(packs))
	for _, name := range slices.Sorted(maps.Keys(in.sources)) {
		if strings.HasPrefix(name, words.Dir+"/") || name == "data/site.yaml" {
			w.String(name)
			w.String(in.sources[name])
		}
	}
	w.Value(s)
	for _, t := range s.AllThemes() {
		w.Deep(t)
	}
	for _, st := range s.Statuses {
		w.Deep(st)
	}
	for _, sr := range s.Series {
		w.Deep(sr)
	}
	for _, q := range s.Quarters {
		w.Value(q.ID)
		w.String(q.Published)
		w.Value(q.Draft)
	}
	in.site = w.Sum()
	partials, pages := render.Layouts()
	w = h.New()
	for _, name := range partials {
		w.String(name)
		w.String(in.sources["layouts/"+name]) // "" for the built-in one, which is part of Scorecard
	}
	shared := w.Sum()
	in.layouts = make(map[string]digest.Sum, len(pages))
	for _, name := range pages {
		w := h.New()
		w.Add(shared)
		w.String(name)
		w.String(in.sources["layouts/"+name])
		in.layouts[name] = w.Sum()
	}
	in.about = h.Sum(s.About)

	// Definitions, in parallel.
	defs := make([]digest.Sum, len(s.Measures))
	parallel.Each(len(s.Measures), func(k int) {
		w := h.New()
		w.Deep(s.Measures[k])
		defs[k] = w.Sum()
	})
	w = h.New()
	for k, m := range s.Measures {
		in.def[m] = defs[k]
		in.place[m] = k
		w.Add(defs[k])
	}
	in.defs = w.Sum()

	// Each edition: its own parts, narrative and rows, in parallel; then
	// the chains through the editions.
	n := len(s.Quarters)
	own := make([]digest.Sum, n)
	rows := make([][]digest.Sum, n)
	in.intro = make([]digest.Sum, n)
	in.narr = make([]map[*report.Theme]digest.Sum, n)
	in.narrAll = make([]digest.Sum, n)
	themes := s.AllThemes()
	var mu sync.Mutex
	parallel.Each(n, func(i int) {
		q := s.Quarters[i]
		qw := h.New()
		qw.Deep(q)
		own[i] = qw.Sum()
		in.intro[i] = narrativeSum(h, q.Intro, in.def)
		in.narr[i] = make(map[*report.Theme]digest.Sum, len(themes))
		all := h.New()
		all.Add(in.intro[i])
		for _, t := range themes {
			sum := narrativeSum(h, q.Narrative[t], in.def)
			in.narr[i][t] = sum
			all.Add(sum)
			if nar := q.Narrative[t]; nar != nil {
				mu.Lock()
				for _, tie := range nar.Ties {
					for _, m := range tie.Measures {
						in.ties[m] = append(in.ties[m], sum)
					}
				}
				mu.Unlock()
			}
		}
		in.narrAll[i] = all.Sum()
		rows[i] = make([]digest.Sum, len(s.Measures))
		for k, m := range s.Measures {
			if rs := q.RowsOf(m); len(rs) > 0 {
				rows[i][k] = h.Sum(rs)
			}
		}
	})
	for _, sums := range in.ties { // the order in which editions finished
		sort.Slice(sums, func(a, b int) bool { return string(sums[a][:]) < string(sums[b][:]) })
	}
	in.edition = make([]digest.Sum, n)
	in.history = make([][]digest.Sum, n)
	in.upTo = make([]digest.Sum, n)
	var prev digest.Sum
	for i := range s.Quarters {
		w := h.New()
		w.Add(prev)
		w.Add(own[i])
		in.edition[i] = w.Sum()
		prev = in.edition[i]
		in.history[i] = make([]digest.Sum, len(s.Measures))
	}
	parallel.Each(len(s.Measures), func(k int) {
		var last digest.Sum
		w := h.New()
		for i, q := range s.Quarters {
			w.Add(last)
			w.String(q.ID.Path())
			w.Add(rows[i][k])
			last = w.Sum()
			in.history[i][k] = last
		}
	})
	for i := range s.Quarters {
		w := h.New()
		for _, sum := range in.history[i] {
			w.Add(sum)
		}
		in.upTo[i] = w.Sum()
	}
	last := n - 1
	w = h.New()
	w.Add(in.site)
	w.Add(in.edition[last])
	w.Add(in.defs)
	w.Add(in.upTo[last])
	in.figures = w.Sum()
	w.Add(in.figures)
	w.Add(in.about)
	for _, sum := range in.narrAll {
		w.Add(sum)
	}
	in.anything = w.Sum()
	w = h.New()
	w.Add(in.anything)
	for _, name := range pages {
		w.Add(in.layouts[name])
	}
	in.anyPage = w.Sum()
	return in
}

// manifest is what the manifest records of the build's inputs: the sum
// of Scorecard itself, and every source file's SHA-256.
func (in *inputs) manifest() map[string]string {
	out := maps.Clone(in.sources)
	out["scorecard"] = scorecardSum().String()
	return out
}

// narrativeSum sums a narrative: its Markdown, and the definitions of the
// measures it ties passages to, whose titles and addresses it shows.
func narrativeSum(h *digest.Hasher, n *report.Narrative, def map[*report.Measure]digest.Sum) digest.Sum {
	w := h.New()
	w.Value(n)
	if n != nil {
		for _, tie := range n.Ties {
			for _, m := range tie.Measures {
				w.Add(def[m])
			}
		}
	}
	return w.Sum()
}

// sourceSums sums every file of the site's folders that a build reads
// (data, content, layouts, words, static), by path. A symbolic link is
// followed, as the build follows it (a layout may be a link to another
// file of the site), to a file or, a few levels deep, a folder; what is
// not a plain file once followed (a pipe, a device) is not read.
func sourceSums(fsys fs.FS) map[string]string {
	var files []string
	var walk func(dir string, depth int)
	walk = func(dir string, depth int) {
		fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			info, err := fs.Stat(fsys, p) // follows a link
			switch {
			case err != nil:
			case info.IsDir() && depth < 8:
				walk(p, depth+1)
			case info.Mode().IsRegular():
				files = append(files, p)
			}
			return nil
		})
	}
	for _, dir := range []string{"data", "content", "layouts", words.Dir, "static"} {
		walk(dir, 0)
	}
	found := make([]string, len(files))
	parallel.Each(len(files), func(i int) {
		found[i], _ = fileSum(fsys, files[i]) // "" when it cannot be read
	})
	sums := make(map[string]string, len(files))
	for i, p := range files {
		if found[i] != "" {
			sums[p] = found[i]
		}
	}
	return sums
}

// fileSum is the SHA-256 of the file at p, in hexadecimal.
func fileSum(fsys fs.FS, p string) (string, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// keys works out the sum of each job's inputs, by the rules above; a job
// made from a fixed content (a static file, a PDF) has its sum already.
func (in *inputs) keys(s *report.Site, jobs []*job, assetFiles []assets.File) {
	h := in.h
	rule := map[string]func(*digest.Writer){}
	last := len(s.Quarters) - 1
	add := func(sums ...digest.Sum) func(*digest.Writer) {
		return func(w *digest.Writer) {
			for _, sum := range sums {
				w.Add(sum)
			}
		}
	}
	chart := func(id string, f func(*digest.Writer)) {
		c := render.FilesOf(id)
		rule[c.CSV], rule[c.SVG] = f, f
		rule[c.Page] = func(w *digest.Writer) {
			w.Add(in.layouts["embed.html"])
			f(w)
		}
	}
	page := func(layout string, f func(*digest.Writer)) func(*digest.Writer) {
		return func(w *digest.Writer) {
			w.Add(in.layouts[layout])
			f(w)
		}
	}
	for i, q := range s.Quarters {
		home := add(in.site, in.edition[i], in.narrAll[i], in.defs, in.upTo[i])
		rule[render.QuarterPath(q.ID)] = page("home.html", home)
		if i == last {
			rule["index.html"] = page("home.html", home)
		}
		rule[render.PrintPath(q.ID)] = page("print.html", home)
		figures := add(in.site, in.edition[i], in.defs, in.upTo[i])
		chart(render.HomeChartID(q), figures)
		rule[render.DataPath(q.ID)] = figures
		rule[render.PrintCSSPath(q.ID)] = add(in.site, in.edition[i])
		for _, t := range s.AllThemes() {
			// The theme's measures in the edition, summed once for its
			// page and its chart's three files.
			w := h.New()
			w.Add(in.site)
			w.Add(in.edition[i])
			t.Walk(func(x *report.Theme) {
				for _, m := range x.Measures {
					w.Add(in.def[m])
					w.Add(in.history[i][in.place[m]])
				}
			})
			theme := w.Sum()
			chart(render.ThemeChartID(q, t), add(theme))
			rule[render.ThemePath(q.ID, t)] = page("theme.html", add(theme, in.narr[i][t]))
		}
	}
	for _, m := range s.Measures {
		measure := func(w *digest.Writer) {
			w.Add(in.site)
			w.Add(in.def[m])
			w.Add(in.history[last][in.place[m]])
			for _, sum := range in.ties[m] {
				w.Add(sum)
			}
		}
		rule[render.MeasurePath(m)] = page("measure.html", measure)
		chart(render.TrendChartID(m), measure)
	}
	figures := add(in.figures)
	for _, p := range []string{"data/scorecard.csv", "data/scorecard.json", "data/datapackage.json", render.CorrectionsCSVPath} {
		rule[p] = figures
	}
	rule[render.MeasureIndexPath] = page("measures.html", figures)
	rule[render.CorrectionsPath] = page("corrections.html", figures)
	for _, a := range assetFiles {
		rule[a.Path] = add(in.site)
	}
	// The site's other pages, each made with a template of its own.
	for p, layout := range map[string]string{
		render.AboutPath: "about.html", render.AccessibilityPath: "accessibility.html", render.SearchPath: "search.html",
		render.NotFoundPath: "404.html", "data/index.html": "data.html", render.ReleasesPath: "releases.html",
		render.CodeOfPracticePath: "codeofpractice.html",
	} {
		rule[p] = page(layout, add(in.anything))
	}
	parallel.Each(len(jobs), func(i int) {
		j := jobs[i]
		if !j.from.IsZero() {
			return
		}
		w := h.New()
		w.String(j.path)
		if j.src != "" { // a file of static/, copied as it is
			w.String(in.sources[j.src])
		} else if f := rule[j.path]; f != nil {
			f(w)
		} else if strings.HasSuffix(j.path, ".html") { // made with a template that is not known here
			w.Add(in.anyPage)
		} else {
			w.Add(in.anything)
		}
		j.from = w.Sum()
	})
}
