package cli

import (
	"fmt"
	"os"

	"scorecard/internal/diag"
	"scorecard/internal/site"
)

func runCheck(env *Env, args []string) error {
	fs := flags(env, "check", "[-src DIR]",
		"Check loads the site and checks everything a build would, writing nothing.\n"+
			"It lists every error and warning, sorted by file and line: a warning where\n"+
			"a published status differs from the one the figures give, with the\n"+
			"arithmetic. It exits with status 1 when there are errors, 0 when there\n"+
			"are only warnings or nothing at all.")
	src := fs.String("src", ".", "the site `folder`, holding data/, content/ and layouts/")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	_, findings := site.Check(os.DirFS(*src))
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
