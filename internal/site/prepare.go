package site

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"

	"scorecard/internal/assets"
	"scorecard/internal/diag"
	"scorecard/internal/digest"
	"scorecard/internal/load"
	"scorecard/internal/report"
)

// The pipeline has one way in and one way out. prepare loads a site and
// makes it ready to render: every caller (Check, Build, Generate, Inspect
// and Verify, NewPreview and Reload) starts with it. render makes every
// file of a prepared site into a Sink: a staged folder swapped in for the
// output (publish.Stage, for Build), memory (Generate) or nowhere (check).
// The preview makes one file at a time into memory, when asked
// (Preview.Render); so does the link check, for the pages it looks into.

// prepared is a site ready to render: loaded, seen with or without its
// drafts, run through the publish gate, and, as the last step, assessed:
// every row of the view holds its status and directions of travel, so no
// caller ever sees a row of it unassessed. (When drafts are left out, the
// rows of full's draft quarters are not assessed: they are in no view,
// and nothing renders or reads them. A site salvaged from files with
// errors may be assessed in part, or not at all: Inspect renders from it
// only to find anchors, passing over a page that cannot be made.)
type prepared struct {
	fsys fs.FS
	opts Options
	*scope
	// findings are every finding so far, sorted, without repeats: a
	// caller that goes on to render or check links adds its own.
	findings diag.List
	// data are the findings not about narrative (content/): loading the
	// data, the finding that every edition is a draft, statuses that
	// differ from the figures, missing figures. A preview reloading only
	// narrative keeps them, with the rows they are about.
	data   diag.List
	broken bool // loading found errors (only a salvaging prepare goes on)
	// packs are the editions' PDFs that render writes and links, made
	// by printPacks (build -pdf); nil for none.
	packs []pack
}

// How to see the drafts of a site whose every edition is one, for the
// finding that says so: a build or check shows them with -drafts; serve
// shows them unless told not to.
const (
	forBuild = "build with -drafts"
	forServe = "serve without -drafts=false"
)

// from says where prepare's site comes from and how far prepare goes.
type from struct {
	how   string               // how to see drafts, for the finding that every edition is one
	cache *load.NarrativeCache // keeps parsed narrative for a later reload, when not nil
	gates *outlines            // keeps the gate's outlines for a later reload, when not nil
	// last, when not nil, is the site before a change to the narrative
	// files changed alone (see NarrativeOnly): its data and rows are kept,
	// and only the changed narrative is loaded again.
	last    *prepared
	changed []string
	// salvage goes on past errors in the files, checking what it can of
	// the rest, for Inspect.
	salvage bool
}

// prepare loads the site held in fsys and makes it ready to render: it
// scopes the drafts, finds a site whose every edition is a draft, runs
// the publish gate, finds missing figures, and assesses every row of the
// view, in that order. It stops after loading when the files have errors,
// and after scoping when there is nothing to publish, unless in.salvage;
// p.findings then hold the errors, and p.scope is nil when loading
// stopped. With in.salvage, a site whose files have errors is checked as
// far as it can be, and its figures are worked out when they can be.
func prepare(fsys fs.FS, opts Options, in from) *prepared {
	p := &prepared{fsys: fsys, opts: opts}
	var full *report.Site
	if in.last != nil {
		// The rows are in.last's, shared, not copied (withNarrative), and
		// so are their findings (data): they were assessed in a view of
		// the same quarters (the same data, the same Options), and
		// narrative has no part in a status or a direction. A change to
		// anything else is not narrative only, and prepares afresh.
		full = withNarrative(in.last.full, false)
		p.findings = load.Content(fsys, full, in.cache, in.changed)
		if p.findings.HasErrors() {
			return p
		}
	} else {
		full, p.findings = load.SiteCached(fsys, in.cache)
		p.findings = append(p.findings, checkWords(fsys, full)...)
		if !p.findings.HasErrors() {
			p.findings = append(p.findings, onRecord(fsys, full)...)
		}
		p.data = notContent(p.findings)
		p.broken = p.findings.HasErrors()
		if p.broken && !in.salvage {
			return p
		}
	}
	p.scope = newScope(full, opts.Drafts)
	if len(full.Quarters) == 0 { // only when loading found errors
		return p
	}
	if in.last == nil {
		due := pastDue(full, opts.Today)
		p.findings = append(p.findings, due...)
		p.data = append(p.data, due...)
		drafts := p.allDrafts(in.how)
		p.findings = append(p.findings, drafts...)
		p.data = append(p.data, drafts...)
		if drafts.HasErrors() && !in.salvage {
			return p
		}
	}
	p.findings = append(p.findings, gate(full, opts.Drafts, in.gates)...)
	switch {
	case in.last != nil:
		p.data = in.last.data
		p.findings = append(p.findings, p.data...)
	case len(p.view.Quarters) == 0:
	case p.broken:
		// A site loaded with errors may lack what the figures need (a
		// quarter file that is not YAML has no rows): then none are
		// worked out, and the errors already found say what to fix.
		func() {
			defer func() { recover() }()
			p.assess()
		}()
	default:
		p.assess()
	}
	p.findings = dedupe(p.findings)
	return p
}

// assess finds the measures the latest edition leaves without a figure,
// and then, last of all, works out every status and direction of travel
// in the view (figures).
func (p *prepared) assess() {
	found := p.figures()
	p.findings = append(p.findings, found...)
	p.data = append(p.data, notContent(found)...)
}

// notContent is the findings of l that are not about narrative.
func notContent(l diag.List) diag.List {
	var out diag.List
	for _, f := range l {
		if !isContent(f.Pos.File) {
			out = append(out, f)
		}
	}
	return out
}

// Sink is where the files of a build go.
type Sink interface {
	// Put makes the file at path (slash-separated, from the site root),
	// having write fill it. It may be called from several goroutines at
	// once.
	Put(path string, write func(io.Writer) error) error
}

// incremental is a Sink that keeps an earlier build (publish.Stage): a
// file whose inputs are those it was made from then is taken from it, and
// each file made is recorded with the sum of its inputs.
type incremental interface {
	Sink
	Reuse(path string, from digest.Sum) (size int64, ok bool, err error)
	PutFrom(path string, from digest.Sum, write func(io.Writer) error) error
	SetInputs(map[string]string) (changed []string)
}

// memory is a Sink that holds every file in memory.
type memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memory) Put(path string, write func(io.Writer) error) error {
	var b bytes.Buffer
	err := write(&b)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[path] = b.Bytes()
	return err
}

// discard is a Sink that keeps nothing, for check.
type discard struct{}

func (discard) Put(_ string, write func(io.Writer) error) error { return write(io.Discard) }

// render checks the links between the view's files, which needs only the
// list of them, and then makes every file in parallel, putting each in
// sink, and counts them: a broken link fails the build before any page is
// made. The files are returned in the order of the jobs, which does not
// depend on scheduling.
func (p *prepared) render(sink Sink) (*Result, []*job, error) {
	jobs, err := planWith(p.view, p.fsys, p.packs)
	if err != nil {
		return nil, nil, err
	}
	if err := p.links(jobs).Err(); err != nil {
		return nil, nil, err
	}
	res := &Result{Warnings: p.findings, Drafts: countDrafts(p.full, p.opts.Drafts, p.findings)}
	inc, _ := sink.(incremental)
	if inc != nil {
		assetFiles, err := assets.Files()
		if err != nil {
			return nil, nil, err
		}
		in := sumInputs(p.view, p.fsys, p.opts, p.packs)
		in.keys(p.view, jobs, assetFiles)
		res.Changed = inc.SetInputs(in.manifest())
	}
	err = runTo(jobs, func(j *job) error {
		write := func(w io.Writer) error {
			cw := &countWriter{w: w}
			if err := j.write(cw); err != nil {
				return fmt.Errorf("rendering %s: %w", j.path, err)
			}
			res.count(j.path, cw.n, false)
			return nil
		}
		if inc == nil {
			return sink.Put(j.path, write)
		}
		if !p.opts.Full {
			size, ok, err := inc.Reuse(j.path, j.from)
			if err != nil {
				return fmt.Errorf("taking %s from the earlier build: %w", j.path, err)
			}
			if ok {
				if j.skip != nil {
					j.skip()
				}
				res.count(j.path, size, true)
				return nil
			}
		}
		return inc.PutFrom(j.path, j.from, write)
	})
	if err != nil {
		return nil, nil, err
	}
	return res, jobs, nil
}

// count counts a file of n bytes made at path, or taken from the
// earlier build when reused.
func (r *Result) count(path string, n int64, reused bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Count++
	if reused {
		r.Reused++
	}
	r.Bytes += n
	if strings.HasSuffix(path, ".html") {
		r.Pages++
	}
}

// links checks every link in the view's narrative that points within the
// site, against the files jobs make (the view's), rendering no page. The
// anchors of a page whose ids cannot be worked out (from a site loaded
// with errors) are not checked.
func (p *prepared) links(jobs []*job) diag.List {
	return checkLinks(p.view, p.fsys, jobs, nil)
}

// published checks the links of the published part of a site shown with
// its drafts, as a build without drafts will see them: a link to a page
// only a draft makes breaks once published. It finds nothing when the
// view is the published part.
func (p *prepared) published() diag.List {
	if !p.drafts || len(p.pub.Quarters) == 0 || !p.full.HasDrafts() {
		return nil
	}
	jobs, err := plan(p.pub, p.fsys)
	if err != nil {
		return asFindings(err)
	}
	shown, err := plan(p.view, p.fsys)
	if err != nil {
		return asFindings(err)
	}
	drafted := map[string]bool{}
	for _, j := range shown {
		drafted[j.path] = true
	}
	return checkLinks(p.pub, p.fsys, jobs, drafted)
}

// checkLinks is the one place the link check runs: it checks the links
// of s against the files that jobs make for it, and the ids render
// declares for its pages (brokenLinks), rendering none. drafted, when not
// nil, holds the files the whole site makes, of which s is the published
// part, so that a link to a page only a draft makes says so.
func checkLinks(s *report.Site, fsys fs.FS, jobs []*job, drafted map[string]bool) diag.List {
	return brokenLinks(s, fsys, jobPaths(jobs), drafted)
}
