package site

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"scorecard/internal/diag"
	"scorecard/internal/rag"
	"scorecard/internal/report"
)

// One rule for drafts. A quarter or narrative marked "draft: true" is read
// in the preview: serve shows drafts unless told not to, each marked as
// such. A build leaves them out unless asked for them (-drafts). Check
// checks them too, marking each finding that lies in a draft. The counts
// agree: check counts every finding and says how many lie in drafts; a
// build counts what it publishes; serve counts what it previews, which
// with drafts is what check counts.

// scope is a loaded site as a build, a check or a preview sees it.
type scope struct {
	full   *report.Site // as loaded, drafts and all
	pub    *report.Site // the published part; no quarters when every one is a draft
	view   *report.Site // what is built or shown: full with drafts, else pub
	drafts bool
}

// newScope sees full with its drafts or without them. The quarters of
// pub and view are copies, so that leaving drafts out changes nothing of
// full.
func newScope(full *report.Site, drafts bool) *scope {
	pub := withNarrative(full, true)
	dropDrafts(pub)
	sc := &scope{full: full, pub: pub, view: pub, drafts: drafts}
	if drafts {
		sc.view = withNarrative(full, true)
	}
	return sc
}

// allDrafts is the finding about a site whose every quarter is a draft,
// when drafts are left out (an error: there is nothing to publish) and
// when they are shown (a warning). how says how to see them.
func (sc *scope) allDrafts(how string) diag.List {
	var out diag.List
	if len(sc.pub.Quarters) > 0 || len(sc.full.Quarters) == 0 {
		return nil
	}
	if sc.drafts {
		out.Warnf(diag.Pos{File: "data/quarters"}, "every quarter is marked draft, so a build has nothing to publish yet; remove \"draft: true\" from the quarter (and its narrative) once it is ready")
		return out
	}
	out.Errorf(diag.Pos{File: "data/quarters"}, "every quarter is marked draft, so there is nothing to publish; %s to see them, or remove \"draft: true\" from the quarter that is ready", how)
	return out
}

// figures returns what the figures give: measures the latest quarter
// leaves without a figure, in the published site and, with drafts, in the
// latest draft quarter; then, last, it works out every status and
// direction of travel in the view, storing them in its rows, and adds the
// published statuses and directions that differ from them.
func (sc *scope) figures() diag.List {
	var out diag.List
	if sc.view != nil {
		out = append(out, missingBaseURL(sc.view)...)
	}
	if n := len(sc.pub.Quarters); n > 0 {
		out = append(out, completeness(sc.pub)...)
	}
	if n := len(sc.full.Quarters); sc.drafts && n > 0 {
		latest := sc.full.Quarters[n-1]
		if m := len(sc.pub.Quarters); m == 0 || sc.pub.Quarters[m-1].ID != latest.ID {
			out = append(out, completeness(sc.full)...)
		}
	}
	return append(out, rag.Assess(sc.view)...)
}

// draftFiles lists the files of full that are drafts: the data file of a
// quarter marked draft, and every narrative marked draft or of a quarter
// marked draft.
func draftFiles(full *report.Site) map[string]bool {
	files := map[string]bool{}
	if full.About != nil && full.About.Draft {
		files[full.About.File] = true
	}
	for _, q := range full.Quarters {
		if q.Draft {
			files[q.Pos.File] = true
		}
		if q.Intro != nil && (q.Draft || q.Intro.Draft) {
			files[q.Intro.File] = true
		}
		for _, n := range q.Narrative {
			if q.Draft || n.Draft {
				files[n.File] = true
			}
		}
	}
	return files
}

// dedupe sorts the findings and drops repeats, which the published part
// and the whole of a site with drafts both give: the same message at the
// same place, keeping an error over a warning.
func dedupe(l diag.List) diag.List {
	l.Sort() // by place; errors before warnings at the same place
	out := l[:0]
	group := 0 // where the findings at the current place start in out
	for _, d := range l {
		if len(out) > 0 && out[len(out)-1].Pos != d.Pos {
			group = len(out)
		}
		repeat := false
		for _, e := range out[group:] {
			if e.Msg == d.Msg {
				repeat = true
				break
			}
		}
		if !repeat {
			out = append(out, d)
		}
	}
	return out
}

// Drafts says what a build or a preview did with the site's drafts, for
// its messages.
type Drafts struct {
	Any      bool // the site has quarters or narrative marked draft
	Shown    bool // and they are in the build or the preview
	Warnings int  // how many of the warnings lie in drafts
}

// countDrafts fills in Drafts for a build or preview of full.
func countDrafts(full *report.Site, shown bool, findings diag.List) Drafts {
	files := draftFiles(full)
	d := Drafts{Any: len(files) > 0, Shown: shown}
	for _, f := range findings {
		if f.Severity == diag.Warning && files[f.Pos.File] {
			d.Warnings++
		}
	}
	return d
}

// WarningsLine says, for the terminal, how many warnings a build or a
// preview has and what they cover, so that it never seems to disagree
// with check, which lists every warning, drafts' too; "" when there are
// none.
func WarningsLine(warnings int, d Drafts) string {
	if warnings == 0 {
		return ""
	}
	list := fmt.Sprintf("run scorecard check to list %s.", plural(warnings, "it", "them"))
	switch {
	case d.Any && d.Shown:
		return fmt.Sprintf("%d %s, %d of them in drafts: %s", warnings, plural(warnings, "warning", "warnings"), d.Warnings, list)
	case d.Any:
		return fmt.Sprintf("%d %s in the published site (drafts left out): %s", warnings, plural(warnings, "warning", "warnings"), strings.TrimSuffix(list, ".")+", drafts' too.")
	}
	return fmt.Sprintf("%d %s: %s", warnings, plural(warnings, "warning", "warnings"), list)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Review is everything check finds about a site.
type Review struct {
	Findings diag.List // sorted by file and line
	// Draft says, for each finding, whether it lies in a draft: a
	// quarter or narrative marked draft, which a build leaves out.
	Draft []bool
}

// Verify finds everything that would stop a build or look wrong once
// published, writing nothing; see Inspect.
func Verify(fsys fs.FS, opts Options) diag.List { return Inspect(fsys, opts).Findings }

// Inspect finds everything that would stop a build or look wrong once
// published, in one pass, writing nothing: mistakes in loading the files,
// statuses the figures do not give, missing figures, narrative the
// publish gate refuses, the import: section of data/site.yaml, template
// errors, and links, anchors and images that go nowhere. A mistake in one
// file does not hide the others: the rest of the site is still loaded,
// rated, rendered and checked, as far as it can be.
//
// With opts.Drafts it checks drafts as well as what a build publishes,
// and marks the findings that lie in drafts.
func Inspect(fsys fs.FS, opts Options) Review {
	p := prepare(fsys, opts, from{how: forBuild, salvage: true})
	found := slices.Clone(p.findings)
	switch {
	case len(p.view.Quarters) == 0:
	case p.broken:
		// Parts of the site are missing (a quarter file that is not YAML
		// has no rows; a measure whose unit is wrong has none): a page
		// that cannot be made from what was loaded is passed over, and
		// the anchors into it are not checked; the errors already found
		// say what to fix, and a check once they are fixed renders every
		// page.
		jobs, err := plan(p.view, fsys)
		if err != nil {
			found = append(found, asFindings(err)...)
			break
		}
		found = append(found, p.links(jobs)...)
		found = append(found, p.published()...)
	default:
		// Every file is rendered, and kept nowhere: template errors and
		// links that go nowhere.
		if _, _, err := p.render(discard{}); err != nil {
			found = append(found, asFindings(err)...)
		}
		found = append(found, p.published()...)
	}
	found = dedupe(found)
	files := draftFiles(p.full)
	r := Review{Findings: found, Draft: make([]bool, len(found))}
	for i, d := range found {
		r.Draft[i] = files[d.Pos.File]
	}
	return r
}

// make1 makes one file into memory.
func make1(j *job) (data []byte, err error) {
	var m memory
	err = m.Put(j.path, j.write)
	return m.files[j.path], err
}

// asFindings lists what err holds: each finding of a diag.List, or the
// one error (a template's, say), named for the build as a whole.
func asFindings(err error) diag.List {
	var list diag.List
	if errors.As(err, &list) {
		return list
	}
	list.Errorf(diag.Pos{File: "(build)"}, "%v", err)
	return list
}
