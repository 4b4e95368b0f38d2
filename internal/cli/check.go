package cli

import (
	"fmt"
	"strings"

	"scorecard/internal/diag"
	"scorecard/internal/site"
)

func runCheck(env *Env, args []string) error {
	fs := flags(env, "check", "[-src DIR] [-drafts=false]",
		"Check loads the site and checks everything a build would, and the drafts\n"+
			"too, writing nothing. It lists every error and warning in one run, sorted by\n"+
			"file and line, marking with (draft) those in quarters and narrative marked\n"+
			"draft: mistakes in the data and narrative, the placeholder text and empty\n"+
			"sections a build refuses to publish, broken links and images, headings that\n"+
			"skip a level, images without alt text, measures with no figure for the\n"+
			"latest quarter, published statuses that differ from the figures (with the\n"+
			"arithmetic), and the import: section of data/site.yaml. A mistake in one file\n"+
			"does not hide the others. The last line counts the findings file by file.\n"+
			"It exits with status 1 when there are errors, 0 when there are only\n"+
			"warnings or nothing.")
	src := fs.String("src", ".", "the site `folder`, holding data/, content/ and layouts/")
	drafts := fs.Bool("drafts", true, "check quarters and narrative marked \"draft: true\" too, marking what is found in them (draft);\n-drafts=false checks only what a build publishes")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	fsys, err := site.Open(*src)
	if err != nil {
		return err
	}
	defer fsys.Close()
	r := site.Inspect(fsys, site.Options{Drafts: *drafts, Today: env.Now()})
	for i, d := range r.Findings {
		fmt.Fprintln(env.Stdout, findingLine(d, r.Draft[i]))
	}
	summary := checkSummary(r)
	if r.Findings.HasErrors() {
		return fmt.Errorf("%s Fix the errors, then run scorecard check again.", summary)
	}
	fmt.Fprintln(env.Stdout, summary)
	return nil
}

// findingLine prints a finding as FILE:LINE:COL: message, with "(draft)"
// after the position when it lies in a draft.
func findingLine(d diag.Diagnostic, draft bool) string {
	line := d.Error()
	if !draft {
		return line
	}
	pos := d.Pos.String()
	return pos + ": (draft)" + strings.TrimPrefix(line, pos+":")
}

// checkSummary counts the findings, and how many lie in drafts, then file
// by file: "1 error, 3 warnings (2 in drafts) in 2 files:
// data/quarters/2016-17-q3.yaml (2 warnings, draft), content/x.md (1
// error, 1 warning)."
func checkSummary(r site.Review) string {
	type tally struct{ errs, warnings int }
	var files []string
	byFile := map[string]*tally{}
	draftFile := map[string]bool{}
	var all, drafts tally
	for i, d := range r.Findings {
		t := byFile[d.Pos.File]
		if t == nil {
			t = &tally{}
			byFile[d.Pos.File] = t
			files = append(files, d.Pos.File)
		}
		for _, c := range []*tally{t, &all} {
			if d.Severity == diag.Error {
				c.errs++
			} else {
				c.warnings++
			}
		}
		if r.Draft[i] {
			draftFile[d.Pos.File] = true
			if d.Severity == diag.Error {
				drafts.errs++
			} else {
				drafts.warnings++
			}
		}
	}
	count := func(t tally) string {
		var parts []string
		if t.errs > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", t.errs, plural(t.errs, "error", "errors")))
		}
		if t.warnings > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", t.warnings, plural(t.warnings, "warning", "warnings")))
		}
		return strings.Join(parts, ", ")
	}
	head := fmt.Sprintf("%d %s, %d %s", all.errs, plural(all.errs, "error", "errors"), all.warnings, plural(all.warnings, "warning", "warnings"))
	if len(files) == 0 {
		return head + "."
	}
	switch {
	case drafts.errs > 0:
		head += fmt.Sprintf(" (in drafts: %s)", count(drafts))
	case drafts.warnings > 0:
		head += fmt.Sprintf(" (%d of them in drafts)", drafts.warnings)
	}
	var each []string
	for _, f := range files {
		what := count(*byFile[f])
		if draftFile[f] {
			what += ", draft"
		}
		each = append(each, fmt.Sprintf("%s (%s)", diag.Escape(f), what))
	}
	return fmt.Sprintf("%s in %d %s: %s.", head, len(files), plural(len(files), "file", "files"), strings.Join(each, ", "))
}
