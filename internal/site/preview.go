package site

import (
	"io/fs"
	"maps"
	"slices"
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
	site  *prepared
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
	return newPreview(fsys, opts, &load.NarrativeCache{}, &outlines{}, nil, nil)
}

// Reload returns the preview of the site as its files are now, changed
// naming the files (from the site folder) that changed since p was made.
// When only narrative changed, the data is not read again, and only the
// Markdown files whose bytes changed are parsed again. p is left as it was,
// and keeps serving, whatever happens.
func (p *Preview) Reload(changed []string) (*Preview, error) {
	if !NarrativeOnly(changed) {
		return NewPreview(p.site.fsys, p.site.opts)
	}
	return newPreview(p.site.fsys, p.site.opts, p.cache, p.gates, p.site, changed)
}

// newPreview prepares the site, after last when not nil, plans its pages
// and checks the links, rendering no page. With drafts, the links of the published part are
// checked too, as check checks them.
func newPreview(fsys fs.FS, opts Options, cache *load.NarrativeCache, gates *outlines, last *prepared, changed []string) (*Preview, error) {
	s := prepare(fsys, opts, from{how: forServe, cache: cache, gates: gates, last: last, changed: changed})
	if err := s.findings.Err(); err != nil {
		return nil, err
	}
	p := &Preview{site: s, cache: cache, gates: gates}
	jobs, err := plan(s.view, fsys)
	if err != nil {
		return nil, err
	}
	p.jobs = make(map[string]*job, len(jobs))
	for _, j := range jobs {
		p.jobs[j.path] = j
		p.paths = append(p.paths, j.path)
	}
	findings := dedupe(slices.Concat(s.findings, s.links(jobs), s.published()))
	if err := findings.Err(); err != nil {
		return nil, err
	}
	p.Warnings = findings
	p.Drafts = countDrafts(s.full, opts.Drafts, findings)
	return p, nil
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
	return make1(j)
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
