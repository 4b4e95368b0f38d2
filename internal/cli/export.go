package cli

import (
	"fmt"
	"strings"

	"scorecard/internal/dataset"
	"scorecard/internal/report"
	"scorecard/internal/site"
)

func runExport(env *Env, args []string) error {
	fs := flags(env, "export", "[-src DIR] [-quarter \"2016-17 Q2\"]",
		"Export writes the scorecard to standard output as CSV, the same as the\n"+
			"site's data/scorecard.csv: one row per measure per quarter.")
	src := fs.String("src", ".", "the site `folder`, holding data/, content/ and layouts/")
	quarter := fs.String("quarter", "", "only this `quarter`, such as 2016-17 Q2, 2016/17 Q2, Q2 2016/17 or 2016-17-q2 (default: every quarter)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	fsys, err := site.Open(*src)
	if err != nil {
		return err
	}
	defer fsys.Close()
	s, findings := site.Check(fsys, site.Options{})
	if err := findings.Err(); err != nil {
		return fmt.Errorf("%v\n\nThe site has errors; fix them, then export again.", err)
	}
	var want report.Period
	if *quarter != "" {
		id, err := s.ParseEdition(*quarter)
		if err != nil {
			fmt.Fprintf(env.Stderr, "scorecard export: -quarter %v\n", err)
			return errUsage
		}
		want = id
	}
	var quarters []*report.Quarter
	if *quarter != "" {
		for _, q := range s.Quarters {
			if q.ID == want {
				quarters = append(quarters, q)
			}
		}
		if quarters == nil {
			return fmt.Errorf("the site has no quarter %s; it has %s", want, quarterList(s))
		}
	}
	// Written as it is made: a large site's CSV is hundreds of megabytes.
	return dataset.WriteCSV(env.Stdout, s, quarters...)
}

func quarterList(s *report.Site) string {
	var ids []string
	for _, q := range s.Quarters {
		ids = append(ids, q.ID.String())
	}
	return strings.Join(ids, ", ")
}
