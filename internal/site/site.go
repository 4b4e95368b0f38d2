// Package site runs Scorecard's pipeline: load the site's files, render
// its pages, and write them, all at once or not at all.
package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"scorecard/internal/assets"
	"scorecard/internal/chart"
	"scorecard/internal/dataset"
	"scorecard/internal/diag"
	"scorecard/internal/digest"
	"scorecard/internal/hosting"
	"scorecard/internal/narrative"
	"scorecard/internal/parallel"
	"scorecard/internal/publish"
	"scorecard/internal/render"
	"scorecard/internal/report"
	"scorecard/internal/search"
	"scorecard/internal/value"
	"scorecard/internal/words"
)

// File is one file of the built site.
type File struct {
	Path string // slash-separated, relative to the site root
	Data []byte
}

// Result is a build's outcome: the files (held in memory by Generate;
// written and let go by Build, which counts them) and any warnings.
type Result struct {
	Files  []File
	Pages  int // HTML files
	Count  int // all files
	Bytes  int64
	Reused int // files taken as they were from the earlier build (Build)
	// Changed names the inputs that changed since the earlier build in
	// the output folder: source files ("content/2016-17-q2/homes.md"),
	// and "scorecard" for another version of Scorecard. Nil when there was
	// no earlier build that recorded them.
	Changed  []string
	Warnings diag.List
	Drafts   Drafts // what the build did with drafts, and how many warnings lie in them

	mu sync.Mutex // guards the counts while jobs run
}

// countWriter counts what is written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Options change what a build publishes.
type Options struct {
	// Drafts includes narrative and quarters marked draft: a build
	// publishes them, a preview shows them, and check checks them too.
	Drafts bool
	// Today is the day check and build run on, for the release
	// calendar's warning of a report past due (calendar.go); the zero
	// time, as in tests, checks no date. No file depends on it.
	Today time.Time
	// PDF makes each edition's PDF (render.PDFPath) with Chromium, the
	// program Chrome names (pdf.Find), and links it from the edition's
	// home and print pages: Build only.
	PDF    bool
	Chrome string
	// Full makes every file afresh: Build then takes no file from the
	// earlier build in the output folder (see inputs.go). A file whose
	// bytes come out the same is still the earlier one, keeping its
	// modification time.
	Full bool
	// Loaded, when not nil, is called once Build has loaded and checked
	// the site, before it makes any file: the command line collects
	// garbage more often from then on (see cli's runBuild).
	Loaded func()
}

// Build loads the site in src, renders it and writes it to out, replacing
// what out held only when every page was rendered and written.
func Build(src, out string, opts Options) (*Result, error) {
	if err := checkOut(src, out); err != nil {
		return nil, err
	}
	fsys, err := Open(src)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	// The output folder is locked and read (its manifest says what the
	// earlier build made each file from) while the site is loaded: the
	// two are independent, and reading a large site's manifest takes a
	// tenth of an incremental build. Nothing in it changes before the
	// swap, and a build that stops, on errors in the site or in the
	// folder, discards the fresh folder and lets go of the lock.
	type started struct {
		stage *publish.Stage
		err   error
	}
	start := make(chan started, 1)
	go func() {
		stage, err := publish.Start(out)
		start <- started{stage, err}
		scorecardSum() // read once, for the sums of the build's inputs
	}()
	p := prepare(fsys, opts, from{how: forBuild})
	s := <-start
	if s.stage != nil {
		defer s.stage.Discard()
	}
	if err := p.findings.Err(); err != nil {
		return nil, err
	}
	if s.err != nil {
		return nil, s.err
	}
	stage := s.stage
	if opts.Loaded != nil {
		opts.Loaded()
	}
	if opts.PDF {
		// Printed first, so that the pages can link each PDF with its
		// size.
		if p.packs, err = p.printPacks(context.Background(), p.view.Quarters); err != nil {
			return nil, err
		}
	}
	// Each file is written as soon as it is made and then let go, so that
	// memory does not grow with the site; the links are checked before the
	// new site is swapped in.
	res, _, err := p.render(stage)
	if err != nil {
		return nil, err
	}
	if err := stage.Commit(); err != nil {
		return nil, err
	}
	return res, nil
}

// Generate loads and renders the site held in fsys, writing nothing: the
// files are held in memory, in Result.Files.
func Generate(fsys fs.FS, opts Options) (*Result, error) {
	p := prepare(fsys, opts, from{how: forBuild})
	if err := p.findings.Err(); err != nil {
		return nil, err
	}
	mem := &memory{}
	res, jobs, err := p.render(mem)
	if err != nil {
		return nil, err
	}
	res.Files = make([]File, len(jobs))
	for i, j := range jobs {
		res.Files[i] = File{Path: j.path, Data: mem.files[j.path]}
	}
	return res, nil
}

// Check loads the site held in fsys and works out every status and
// direction of travel. It returns the site as a build publishes it (with
// drafts only when opts.Drafts), every row assessed, and every finding:
// errors, including what the publish gate refuses, and warnings, such as
// where a published status differs from the figures. When the files have
// errors, it stops after loading them and returns no site (check goes
// further: see Inspect).
func Check(fsys fs.FS, opts Options) (*report.Site, diag.List) {
	p := prepare(fsys, opts, from{how: forBuild})
	if p.findings.HasErrors() {
		return nil, p.findings
	}
	return p.view, p.findings
}

// dropDrafts leaves out the quarters and narrative marked draft.
func dropDrafts(s *report.Site) {
	if s.About != nil && s.About.Draft {
		s.About = nil
	}
	var kept []*report.Quarter
	for _, q := range s.Quarters {
		if q.Draft {
			continue
		}
		if q.Intro != nil && q.Intro.Draft {
			q.Intro = nil
		}
		for t, n := range q.Narrative {
			if n.Draft {
				delete(q.Narrative, t)
			}
		}
		kept = append(kept, q)
	}
	s.Quarters = kept
}

// due reports whether measure m's next figure is due by edition q's end:
// it is unless its latest figure was for a period longer than an edition
// (a quarter in a monthly report) and the next such period ends after q.
func due(s *report.Site, m *report.Measure, q *report.Quarter) bool {
	var last report.Period
	for _, e := range s.Quarters {
		if r := e.Row(m); r != nil && !r.When.IsZero() {
			last = r.When
		}
	}
	if last.IsZero() || last.Months <= q.ID.Months || last.Kind == report.ToDatePeriod {
		return true
	}
	return last.Next().End() <= q.ID.End()
}

// completeness warns of measures the latest edition leaves without a
// figure and without a word of why.
func completeness(s *report.Site) diag.List {
	var out diag.List
	q := s.Quarters[len(s.Quarters)-1]
	for _, m := range s.Measures {
		r := q.Row(m)
		switch {
		case r == nil && !due(s, m, q):
			// A quarterly measure in a monthly report: its next quarter has
			// not ended yet.
		case r == nil:
			out.Warnf(q.Pos, "measure %s (%s) is not in the latest %s, %s; add it, with its figures or a status that says why there are none", m.ID, m.Title, q.ID.Unit(), q.ID.Label())
		case r.Actual.Kind == value.Blank && r.Status == nil && len(r.Notes) == 0:
			out.Warnf(r.Pos, "measure %s has no actual for %s, and no status or note says why; add the actual, or a status such as \"No actual\" or a note", m.ID, q.ID.Label())
		}
	}
	return out
}

// plan lists the jobs that make every file of the site: its pages, data,
// assets, and the files of its static/ folder.
func plan(s *report.Site, fsys fs.FS) ([]*job, error) {
	return planWith(s, fsys, nil)
}

// planWith is plan with the editions' PDFs (build -pdf): their files, and
// their links on the editions' pages.
func planWith(s *report.Site, fsys fs.FS, packs []pack) ([]*job, error) {
	layouts, err := fs.Sub(fsys, "layouts")
	if err != nil {
		return nil, err
	}
	w, found := words.Load(fsys, s.Language)
	if err := found.Err(); err != nil {
		return nil, err
	}
	r, err := render.NewIn(layouts, w)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	r.Sparkline = chart.SparklineUntil // the cards' sparklines
	r.PDFs = packSizes(packs)
	assetFiles, err := assets.Files()
	if err != nil {
		return nil, err
	}
	return addStatic(fsys, append(siteJobs(s, r, assetFiles), packJobs(packs)...))
}

// siteJobs lists the jobs that make the files Scorecard generates for s,
// with r and the site's assets. Each job makes one file. They run in
// parallel and their files keep the jobs' order, so output does not depend
// on scheduling.
func siteJobs(s *report.Site, r *render.Renderer, assetFiles []assets.File) []*job {
	var jobs []*job
	css, cssPath := useAssets(s, r, assetFiles)
	page := func(path string, write func(io.Writer) error) { jobs = append(jobs, &job{path: path, write: write}) }
	file := func(path string, make func() []byte) {
		jobs = append(jobs, &job{path: path, write: func(w io.Writer) error { _, err := w.Write(make()); return err }})
	}
	latest := s.Quarters[len(s.Quarters)-1]
	charts := newCharts(s, r) // each made once, for its page and its files, which follow the page
	// chartPage adds a page that shows chart sc.
	chartPage := func(path string, sc *sharedChart, write func(io.Writer, render.Chart) error) {
		chart := sc.use()
		jobs = append(jobs, &job{path: path, skip: sc.drop, write: func(w io.Writer) error { return write(w, chart()) }})
	}
	chartPage("index.html", charts.home(latest), func(w io.Writer, c render.Chart) error { return r.Home(w, s, latest, "index.html", c) })
	for i, q := range s.Quarters {
		p := render.QuarterPath(q.ID)
		home := charts.home(q)
		chartPage(p, home, func(w io.Writer, c render.Chart) error { return r.Home(w, s, q, p, c) })
		jobs = append(jobs, charts.files(home)...)
		for _, t := range s.AllThemes() {
			theme := charts.theme(s.Quarters[:i+1], t)
			chartPage(render.ThemePath(q.ID, t), theme, func(w io.Writer, c render.Chart) error { return r.Theme(w, s, q, t, c) })
			jobs = append(jobs, charts.files(theme)...)
		}
	}
	for _, m := range s.Measures {
		trend := charts.trend(m)
		chartPage(render.MeasurePath(m), trend, func(w io.Writer, c render.Chart) error { return r.Measure(w, s, m, c) })
		jobs = append(jobs, charts.files(trend)...)
	}
	for _, a := range assetFiles {
		file(a.Path, func() []byte { return a.Data })
	}
	page("data/index.html", func(w io.Writer) error { return r.Data(w, s) })
	page(render.MeasureIndexPath, func(w io.Writer) error { return r.MeasureIndex(w, s) })
	page(render.AboutPath, func(w io.Writer) error { return r.About(w, s) })
	page(render.AccessibilityPath, func(w io.Writer) error { return r.Accessibility(w, s) })
	if len(s.Releases) > 0 { // the release calendar, and the file to subscribe to it
		page(render.ReleasesPath, func(w io.Writer) error { return r.Releases(w, s) })
		file(render.CalendarPath, func() []byte { return hosting.Calendar(s, render.QuarterPath) })
	}
	if s.CodeOfPractice != nil {
		page(render.CodeOfPracticePath, func(w io.Writer) error { return r.CodeOfPractice(w, s) })
	}
	page(render.SearchPath, func(w io.Writer) error { return r.Search(w, s) })
	page(render.NotFoundPath, func(w io.Writer) error { return r.NotFound(w, s) })
	page(render.CorrectionsPath, func(w io.Writer) error { return r.Corrections(w, s) })
	for i, q := range s.Quarters {
		charts := func(t *report.Theme) render.Chart { return themeChart(r, s, s.Quarters[:i+1], t) }
		page(render.PrintPath(q.ID), func(w io.Writer) error { return r.Print(w, s, q, charts) })
		file(render.PrintCSSPath(q.ID), func() []byte { return r.PrintCSS(s, q) })
	}
	file(render.SearchIndexPath, func() []byte { return search.Index(searchDocs(r, s)) })
	if s.BaseURL != "" {
		var pages []string
		for _, j := range jobs {
			if strings.HasSuffix(j.path, ".html") && j.path != render.NotFoundPath && !strings.HasPrefix(j.path, "charts/") { // embed pages are noindex
				pages = append(pages, j.path)
			}
		}
		file("sitemap.xml", func() []byte { return hosting.Sitemap(s.BaseURL, pages) })
		file("robots.txt", func() []byte { return hosting.Robots(s.BaseURL) })
		file("feed.xml", func() []byte { return hosting.Feed(s, render.QuarterPath, render.CorrectionsPath) })
	}
	// The open data is the largest output, hundreds of megabytes for a big
	// site, so it is written as it is made rather than built in memory.
	page("data/scorecard.csv", func(w io.Writer) error { return dataset.WriteCSV(w, s) })
	page("data/scorecard.json", func(w io.Writer) error { return dataset.WriteJSON(w, s) })
	file("data/datapackage.json", func() []byte { return dataset.Package(s) })
	page(render.CorrectionsCSVPath, func(w io.Writer) error { return dataset.WriteCorrections(w, s) })
	for _, q := range s.Quarters {
		page(render.DataPath(q.ID), func(w io.Writer) error { return dataset.WriteCSV(w, s, q) })
	}
	file(cssPath, func() []byte { return css })
	if render.Favicon(s) == render.FaviconPath {
		file(render.FaviconPath, func() []byte { return render.FaviconSVG(s) })
	}
	return jobs
}

// job makes one file of the site, writing it as it goes.
type job struct {
	path  string
	write func(io.Writer) error
	// src is the source file a file of static/ is copied from, or "".
	src string
	// from is the sum of what the file is made from (inputs.go), worked
	// out before the jobs run; the zero Sum when not known.
	from digest.Sum
	// skip, when not nil, is called instead of write when the file is
	// taken from the earlier build, so that what write would have used
	// (a shared chart) can be let go.
	skip func()
}

// runTo runs do on every job, on every processor. Errors are reported in
// the jobs' order, so the first one reported does not depend on
// scheduling, and files keep the jobs' order, whatever finishes first.
func runTo(jobs []*job, do func(*job) error) error {
	errs := make([]error, len(jobs))
	parallel.Each(len(jobs), func(i int) { errs[i] = do(jobs[i]) })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// brokenLinks checks every link in narrative that points within the site
// s: the page it names must be one of paths, the files the build makes,
// and an anchor must be an id on that page (render.Anchors: the ids its
// template writes and those of the narrative it shows; unknown, and not
// checked, for a page made with a template from the site's layouts/
// folder, fsys's). It renders no page. drafted, when not nil, holds the files the site makes with its
// drafts, when s is the published part alone: a link to one of them that
// the published site lacks goes to a draft.
func brokenLinks(s *report.Site, fsys fs.FS, paths []string, drafted map[string]bool) diag.List {
	have := make(map[string]bool, len(paths))
	for _, p := range paths {
		have[p] = true
	}
	layouts, _ := fs.Sub(fsys, "layouts") // fails only for an invalid path
	anchors := render.NewAnchors(s, layouts)
	ids := map[string]map[string]bool{} // by page, once looked up; nil when unknown
	idsOf := func(page string) map[string]bool {
		if got, ok := ids[page]; ok {
			return got
		}
		ids[page] = pageIDs(anchors, page)
		return ids[page]
	}
	var out diag.List
	check := func(n *report.Narrative, page string) {
		if n == nil {
			return
		}
		for _, l := range n.Links {
			dest, frag, _ := strings.Cut(l.Dest, "#")
			target := page
			if dest != "" {
				if strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "../") || strings.HasPrefix(dest, "./") {
					out.Errorf(l.Pos, "the link %q should be written from the site's root, with no leading / or ../, such as measures/bbh-5/; Scorecard makes it work from every page", l.Dest)
					continue
				}
				target = path.Clean(dest)
				if strings.HasSuffix(dest, "/") {
					target = path.Join(target, "index.html")
				}
			}
			if !have[target] {
				index := path.Join(target, "index.html")
				if !have[index] && (drafted[target] || drafted[index]) {
					out.Errorf(l.Pos, "the link %q goes to %s, which only a draft makes, so the published site will not have it; remove \"draft: true\" from the quarter or narrative it belongs to when it is ready, or link elsewhere meanwhile", l.Dest, target)
					continue
				}
				if ext := path.Ext(target); ext != "" && ext != ".html" && !have[index] {
					out.Errorf(l.Pos, "the link %q goes to %s, which the site does not have; check the address (links are written from the site's root, such as measures/bbh-5/), or save the file (an image, a document) in the static/ folder, as static/%s", l.Dest, target, target)
					continue
				}
				if !have[index] {
					out.Errorf(l.Pos, "the link %q goes to %s, which the site does not have; check the address (links are written from the site's root, such as measures/bbh-5/)", l.Dest, target)
					continue
				}
				target = index
			}
			if frag == "" || !strings.HasSuffix(target, ".html") {
				continue
			}
			if known := idsOf(target); known != nil && !known[frag] {
				out.Errorf(l.Pos, "the link %q goes to #%s, which is not an anchor on %s; headings' anchors are their text in lower case with hyphens, such as #summary-of-key-challenges", l.Dest, frag, target)
			}
		}
	}
	for _, q := range s.Quarters {
		check(q.Intro, render.QuarterPath(q.ID))
		for _, t := range s.AllThemes() {
			check(q.Narrative[t], render.ThemePath(q.ID, t))
		}
	}
	check(s.About, render.AboutPath)
	return out
}

// pageIDs returns the ids of a page render makes, or nil for another file
// (a page in static/) or a page whose ids cannot be worked out from a site
// loaded with errors: anchors into it are not checked.
func pageIDs(anchors *render.Anchors, page string) (ids map[string]bool) {
	defer func() {
		if recover() != nil {
			ids = nil
		}
	}()
	list, ok := anchors.Of(page)
	if !ok {
		return nil
	}
	ids = make(map[string]bool, len(list))
	for _, id := range list {
		ids[id] = true
	}
	return ids
}

// jobPaths lists the files jobs make.
func jobPaths(jobs []*job) []string {
	paths := make([]string, len(jobs))
	for i, j := range jobs {
		paths[i] = j.path
	}
	return paths
}

// addStatic adds the files of the site's static/ folder (a logo, images,
// documents) to the build, at the same paths under the site root. A static
// file may not take the place of a generated one.
func addStatic(fsys fs.FS, jobs []*job) ([]*job, error) {
	taken := make(map[string]bool, len(jobs))
	for _, j := range jobs {
		taken[j.path] = true
	}
	var errs diag.List
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "static" {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if !d.Type().IsRegular() {
			errs.Errorf(diag.Pos{File: p}, "this is not a plain file (a link or a device); static/ may hold only files, which are copied to the site as they are")
			return nil
		}
		rel := strings.TrimPrefix(p, "static/")
		if taken[rel] {
			errs.Errorf(diag.Pos{File: p}, "this file would replace the generated %s; rename it or move it into a folder of its own", rel)
			return nil
		}
		jobs = append(jobs, &job{path: rel, src: p, write: func(w io.Writer) error {
			f, err := fsys.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(w, f)
			return err
		}})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading static/: %w", err)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return jobs, nil
}

// searchDocs lists what search finds: every measure, and every section of
// narrative in every quarter, with their context in r's words.
func searchDocs(r *render.Renderer, s *report.Site) []search.Doc {
	var docs []search.Doc
	latest := s.Quarters[len(s.Quarters)-1]
	for _, m := range s.Measures {
		context := append(themeTitles(m.Theme), r.SearchWords("search-measure", "ID", m.ID))
		context = append(context, m.Codes...) // a resident may search a code: BV053
		if row := latest.Row(m); row != nil && row.Status != nil {
			context = append(context, r.SearchWords("search-status", "Period", latest.ID.Label(), "Status", row.Status.Describe()))
		}
		docs = append(docs, search.Doc{Kind: "measure", Title: m.Title, Context: context, URL: render.MeasurePath(m), Text: m.Definition})
	}
	docs = append(docs, correctionDocs(r, s)...)
	for i := len(s.Quarters) - 1; i >= 0; i-- {
		q := s.Quarters[i]
		if q.Intro != nil {
			docs = appendSections(docs, q.Intro.Sections, render.QuarterPath(q.ID), []string{q.ID.Label()})
		}
		for _, t := range s.AllThemes() {
			if n := q.Narrative[t]; n != nil {
				docs = appendSections(docs, n.Sections, render.ThemePath(q.ID, t), append(themeTitles(t), q.ID.Label()))
			}
		}
	}
	return docs
}

// themeTitles names a theme as search results show it: the themes above
// it, then its own title.
func themeTitles(t *report.Theme) []string {
	var titles []string
	for _, x := range t.Trail() {
		titles = append(titles, x.Title)
	}
	return titles
}

// appendSections adds narrative sections to the search documents: a
// section with level-3 parts (a key project, a challenge) is found by its
// parts, each a result of its own, and by its heading.
func appendSections(docs []search.Doc, sections []*report.Section, page string, context []string) []search.Doc {
	for _, sec := range sections {
		docs = append(docs, search.Doc{Kind: "narrative", Title: sec.Heading, Context: context, URL: page + "#" + sec.Anchor,
			Text: narrative.Text(sec.Lead)})
		for _, part := range sec.Parts {
			docs = append(docs, search.Doc{Kind: "narrative", Title: part.Heading, Context: append(context[:len(context):len(context)], sec.Heading),
				URL: page + "#" + part.Anchor, Text: narrative.Text(part.HTML)})
		}
	}
	return docs
}

// homeChart charts a quarter's status counts, theme by theme.
func homeChart(r *render.Renderer, s *report.Site, q *report.Quarter) render.Chart {
	var names []string
	var rows [][]*report.Row
	for _, t := range s.Themes {
		names = append(names, t.Title)
		rows = append(rows, q.TreeRows(t)) // a top-level theme with the themes below it
	}
	counts := report.CountStatuses(s.Statuses, names, rows)
	c := chart.StatusBars(render.HomeChartID(q), r.HomeChartTitle(q), counts, true, r.Words())
	return reusable(r, s, c, render.Chart{Counts: &counts}, render.QuarterPath(q.ID), q.ID.Label(), q)
}

// themeChart charts a theme's status counts in each quarter up to the
// page's own.
func themeChart(r *render.Renderer, s *report.Site, quarters []*report.Quarter, t *report.Theme) render.Chart {
	var names []string
	var rows [][]*report.Row
	for _, q := range quarters {
		names = append(names, q.ID.Label())
		rows = append(rows, q.TreeRows(t))
	}
	counts := report.CountStatuses(s.Statuses, names, rows)
	q := quarters[len(quarters)-1]
	c := chart.StatusBars(render.ThemeChartID(q, t), r.ThemeChartTitle(s, t), counts, false, r.Words())
	return reusable(r, s, c, render.Chart{Counts: &counts}, render.ThemePath(q.ID, t), r.Span(quarters[0].ID, q.ID), q)
}

// checkOut refuses an output folder whose replacement would destroy the
// site's own files, or that the build would copy into itself (static/).
// It compares real paths, with every symbolic link followed, so that no
// link can make the output the site, a folder of it, or a folder that
// holds it.
func checkOut(src, out string) error {
	realOut, err := publish.Resolve(out)
	if err != nil {
		return err
	}
	realSrc, err := filepath.EvalSymlinks(src)
	if err != nil {
		return nil // no site to harm; Open says what is wrong with src
	}
	if realSrc, err = filepath.Abs(realSrc); err != nil {
		return err
	}
	via := ""
	absOut, _ := filepath.Abs(out)
	absSrc, _ := filepath.Abs(src)
	if absOut != realOut || absSrc != realSrc {
		via = fmt.Sprintf(" (once symbolic links are followed, the output is %s and the site %s)", realOut, realSrc)
	}
	if within(realOut, realSrc) {
		return fmt.Errorf("the output folder %s holds the site itself%s; every build replaces the output folder, so choose another, such as %s", out, via, filepath.Join(src, "public"))
	}
	for _, dir := range []string{"data", "content", "layouts", "static", words.Dir} {
		sub := []string{filepath.Join(realSrc, dir)}
		if real, err := filepath.EvalSymlinks(sub[0]); err == nil {
			if real, err = filepath.Abs(real); err == nil {
				sub = append(sub, real)
			}
		}
		for _, d := range sub {
			if within(d, realOut) {
				why := ""
				if dir == "static" {
					why = ", and every build copies static/ into the output, so each would hold the one before it"
				}
				return fmt.Errorf("the output folder %s is inside the site's %s/ folder%s%s; choose another, such as %s", out, dir, via, why, filepath.Join(src, "public"))
			}
			if within(realOut, d) {
				return fmt.Errorf("the output folder %s holds the site's %s/ folder%s; every build replaces the output folder, so choose another, such as %s", out, dir, via, filepath.Join(src, "public"))
			}
		}
	}
	return nil
}

// within reports whether path is dir or lies inside it; both are clean
// absolute paths.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
