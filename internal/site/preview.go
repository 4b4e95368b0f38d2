package site

import (
	"bytes"
	"io/fs"
	"maps"
	"strings"

	"scorecard/internal/diag"
	"scorecard/internal/load"
	"scorecard/internal/report"
)

// Preview is a site loaded for the preview server: it renders one file at a
// time, when asked for it, and a change to narrative alone reloads only the
// Markdown that changed. On a site of 10,000 measures a full build takes
// seconds; a preview of an edited page takes milliseconds.
//
// With drafts (Options.Drafts) it shows the whole site, and finds what
// check finds; without, what a build publishes, and finds what the build
// finds. The narrative must pass the publish gate, and every link must go
// somewhere, as for a build.
//
// A Preview is never changed once made, and Render may be called from
// several goroutines at once. Reload makes a new one.
type Preview struct {
	fsys  fs.FS
	opts  Options
	full  *report.Site // as loaded, drafts and all, assessed
	data  diag.List    // the findings not about content/: loading data, statuses, completeness
	cache *load.NarrativeCache
	gates *outlines // the narrative's headings and placeholders, for the publish gate

	jobs     map[string]*job
	paths    []string
	Warnings diag.List
	Drafts   Drafts // what the preview does with drafts, and how many warnings lie in them
}

// NewPreview loads the site held in fsys. The error, when not nil, is a
// diag.List of every finding that stops the build.
func NewPreview(fsys fs.FS, opts Options) (*Preview, error) {
	cache := &load.NarrativeCache{}
	full, findings := load.SiteCached(fsys, cache)
	if err := findings.Err(); err != nil {
		return nil, err
	}
	p := &Preview{fsys: fsys, opts: opts, full: full, cache: cache, gates: &outlines{}}
	sc, err := p.scope(full)
	if err != nil {
		return nil, err
	}
	// The rows are shared by every later view: their statuses and
	// directions are worked out once, as long as the data is the same.
	findings = append(findings, sc.allDrafts("")...)
	findings = append(findings, sc.figures()...)
	for _, f := range findings {
		if !isContent(f.Pos.File) {
			p.data = append(p.data, f)
		}
	}
	return p, p.prepare(sc, findings)
}

// Reload returns the preview of the site as its files are now, changed
// naming the files (from the site folder) that changed since p was made.
// When only narrative changed, the data is not read again, and only the
// Markdown files whose bytes changed are parsed again. p is left as it was,
// and keeps serving, whatever happens.
func (p *Preview) Reload(changed []string) (*Preview, error) {
	if !NarrativeOnly(changed) {
		return NewPreview(p.fsys, p.opts)
	}
	full := withNarrative(p.full, false)
	found := load.Content(p.fsys, full, p.cache, changed)
	if err := found.Err(); err != nil {
		return nil, err
	}
	next := &Preview{fsys: p.fsys, opts: p.opts, full: full, data: p.data, cache: p.cache, gates: p.gates}
	sc, err := next.scope(full)
	if err != nil {
		return nil, err
	}
	return next, next.prepare(sc, append(found, p.data...))
}

// scope is what the preview shows of full: all of it with drafts, or the
// published part.
func (p *Preview) scope(full *report.Site) (*scope, error) {
	sc := newScope(full, p.opts.Drafts)
	if err := sc.allDrafts("serve without -drafts=false").Err(); err != nil {
		return nil, err
	}
	return sc, nil
}

// prepare plans the pages of the view, runs the publish gate and checks
// the links, rendering only the pages that links point into with an
// anchor. With drafts, the links of the published part are checked too,
// as check checks them.
func (p *Preview) prepare(sc *scope, findings diag.List) error {
	s := sc.view
	jobs, err := plan(s, p.fsys)
	if err != nil {
		return err
	}
	p.jobs = make(map[string]*job, len(jobs))
	for _, j := range jobs {
		p.jobs[j.path] = j
		p.paths = append(p.paths, j.path)
	}
	findings = append(findings, brokenLinks(s, p.fsys, p.paths, nil)...)
	findings = append(findings, gate(p.fsys, sc.full, p.opts.Drafts, p.gates)...)
	if sc.drafts && len(sc.pub.Quarters) > 0 && sc.full.HasDrafts() {
		findings = append(findings, checkLinks(sc.pub, p.fsys, sc.view)...)
	}
	findings = dedupe(findings)
	if err := findings.Err(); err != nil {
		return err
	}
	p.Warnings = findings
	p.Drafts = countDrafts(sc.full, p.opts.Drafts, findings)
	return nil
}

// Paths lists the files of the site, in the order a build writes them.
func (p *Preview) Paths() []string { return p.paths }

// Has says whether the site has a file at path.
func (p *Preview) Has(path string) bool { return p.jobs[path] != nil }

// Render makes the file at path (slash-separated, from the site root);
// fs.ErrNotExist when the site has none.
func (p *Preview) Render(path string) ([]byte, error) {
	j := p.jobs[path]
	if j == nil {
		return nil, fs.ErrNotExist
	}
	var b bytes.Buffer
	if err := j.write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// withNarrative copies s and its quarters, sharing everything else (the
// catalogue, the rows), with or without the quarters' narrative.
func withNarrative(s *report.Site, keep bool) *report.Site {
	c := *s
	c.Quarters = make([]*report.Quarter, len(s.Quarters))
	for i, q := range s.Quarters {
		qc := *q
		if keep {
			qc.Narrative = maps.Clone(q.Narrative)
		} else {
			qc.Intro, qc.Narrative = nil, map[*report.Theme]*report.Narrative{}
		}
		c.Quarters[i] = &qc
	}
	if !keep {
		c.About = nil
	}
	return &c
}

func isContent(file string) bool { return strings.HasPrefix(file, "content/") || file == "content" }

// NarrativeOnly says whether the changed files (from the site folder) are
// all narrative, under content/, so that Reload need not read the data
// again. No files at all is not narrative only: everything may have changed.
func NarrativeOnly(changed []string) bool {
	for _, f := range changed {
		if !isContent(f) {
			return false
		}
	}
	return len(changed) > 0
}
