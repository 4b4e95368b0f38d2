package cli

import (
	"fmt"

	"scorecard/internal/diag"
	"scorecard/internal/site"
)

func runCheck(env *Env, args []string) error {
	fs := flags(env, "check", "[-src DIR] [-drafts]",
		"Check loads the site and checks everything a build would, writing nothing.\n"+
			"It lists every error and warning, sorted by file and line: mistakes in the\n"+
			"data and narrative, broken links, headings that skip a level, images without\n"+
			"alt text, measures with no figure for the latest quarter, and published\n"+
			"statuses that differ from the figures (with the arithmetic). It exits with\n"+
			"status 1 when there are errors, 0 when there are only warnings or nothing.")
	src := fs.String("src", ".", "the site `folder`, holding data/, content/ and layouts/")
	drafts := fs.Bool("drafts", false, "check quarters and narrative marked \"draft: true\" as if they were published")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	fsys, err := site.Open(*src)
	if err != nil {
		return err
	}
	defer fsys.Close()
	findings := site.Verify(fsys, site.Options{Drafts: *drafts})
	errs, warnings := 0, 0
	for _, d := range findings {
		fmt.Fprintln(env.Stdout, d.Error())
		if d.Severity == diag.Error {
			errs++
		} else {
			warnings++
		}
	}
	summary := fmt.Sprintf("%d %s, %d %s.", errs, plural(errs, "error", "errors"), warnings, plural(warnings, "warning", "warnings"))
	if errs > 0 {
		return fmt.Errorf("%s Fix the errors, then run scorecard check again.", summary)
	}
	fmt.Fprintln(env.Stdout, summary)
	return nil
}
