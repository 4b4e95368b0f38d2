package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"scorecard/internal/record"
	"scorecard/internal/report"
)

func runPublish(env *Env, args []string) error {
	fset := flags(env, "publish", "[-src DIR] [-edition E]",
		"Publish puts editions on the record: for each it writes data/published/EDITION.yaml,\n"+
			"the lock file that keeps its figures, targets and statuses as published, with a\n"+
			"digest of each row. Commit it with the data. From then on scorecard check and\n"+
			"build refuse a change to those figures unless the edition's data file records\n"+
			"it under corrections: (see docs/corrections.md). Without -edition it writes the\n"+
			"lock of every edition that is not a draft and has none. It never rewrites a\n"+
			"lock with other contents, and refuses a draft.")
	src := fset.String("src", ".", "the site `folder`, holding data/, content/ and layouts/")
	edition := fset.String("edition", "", "the `edition` to put on the record, such as 2016-17-q2 or \"2016-17 Q2\"; every published edition not yet on the record when not given")
	if err := parse(env, fset, args); err != nil {
		return err
	}
	fsys, s, err := loadSite(*src, func(*report.Site) string { return "publish" })
	if err != nil {
		return err
	}
	defer fsys.Close()
	var editions []*report.Quarter
	if *edition != "" {
		id, err := s.ParseEdition(*edition)
		if err != nil {
			fmt.Fprintf(env.Stderr, "scorecard publish: %v\n", err)
			return errUsage
		}
		var q *report.Quarter
		for _, e := range s.Quarters {
			if e.ID == id {
				q = e
			}
		}
		switch {
		case q == nil:
			return fmt.Errorf("scorecard publish: %s has no data file (%s); only an edition the site holds can be put on the record", id, s.EditionFile(id))
		case q.Draft:
			return fmt.Errorf("scorecard publish: %s is a draft (draft: true in %s), and a draft is not published; remove draft: true from its files when it is ready, then publish it", id, s.EditionFile(id))
		}
		editions = append(editions, q)
	} else {
		for _, q := range s.Quarters {
			if _, err := fsys.Stat(record.Path(q.ID)); q.Draft || err == nil {
				continue
			}
			editions = append(editions, q)
		}
		if len(editions) == 0 {
			fmt.Fprintf(env.Stdout, "Every %s that is not a draft is on the record already; nothing to write.\n", s.EditionKey())
			return nil
		}
	}
	var wrote []string
	for _, q := range editions {
		path := record.Path(q.ID)
		lock := record.Of(q, s.Series)
		data := record.Encode(lock, s.EditionFile(q.ID))
		old, err := fsys.ReadFile(path)
		switch {
		case err == nil && bytes.Equal(old, data):
			fmt.Fprintf(env.Stdout, "%s is on the record already, unchanged: %s\n", q.ID, path)
			continue
		case err == nil:
			return fmt.Errorf("scorecard publish: %s is on the record already, and %s holds other figures than %s now does; a lock file is never rewritten: record each change under corrections: in %s (scorecard check says what to write), or, if the lock file was edited by hand, put it back as it was (git checkout -- %s)", q.ID, path, s.EditionFile(q.ID), s.EditionFile(q.ID), path)
		case !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("cannot read %s: %v", path, err)
		}
		if err := fsys.WriteFile(path, data); err != nil {
			return fmt.Errorf("cannot write %s: %v", path, err)
		}
		fmt.Fprintf(env.Stdout, "Wrote %s: %s as published, %d %s.\n", path, q.ID, len(lock.Rows), plural(len(lock.Rows), "row", "rows"))
		wrote = append(wrote, path)
	}
	if len(wrote) > 0 {
		fmt.Fprintf(env.Stdout, "\nCommit %s with the data: from now on scorecard check and build hold each %s to its record, and a change to a published figure needs a correction (docs/corrections.md).\n", strings.Join(wrote, ", "), s.EditionKey())
	}
	return nil
}
