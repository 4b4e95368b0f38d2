package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"scorecard/internal/load"
	"scorecard/internal/report"
	"scorecard/internal/scaffold"
	"scorecard/internal/site"
)

func runNew(env *Env, args []string) error {
	fset := flags(env, "new", "quarter 2016-17 Q3 [-src DIR]",
		"New quarter scaffolds the next quarter from the latest one: a data file listing\n"+
			"every measure with its target carried forward and the actual and status left\n"+
			"to fill in, and narrative files for the introduction and each theme, marked\n"+
			"draft, with the latest quarter's section headings. It never overwrites a file.\n"+
			"The quarter may be written 2016-17 Q3, 2016/17 Q3, Q3 2016/17 or 2016-17-q3.")
	src := fset.String("src", ".", "the site `folder`, holding data/, content/ and layouts/")
	// The quarter comes before the flags: "new quarter 2016-17 Q3 -src site".
	var words []string
	for len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		words, args = append(words, args[0]), args[1:]
	}
	if err := parse(env, fset, args); err != nil {
		return err
	}
	kinds := map[string]bool{"quarter": true, "month": true, "half": true, "year": true, "edition": true}
	if len(words) < 2 || !kinds[words[0]] {
		fmt.Fprintln(env.Stderr, `scorecard new: say which edition to create, such as: scorecard new quarter 2016-17 Q3 (or new month June 2016, new year 2017-18)`)
		return errUsage
	}
	// A quarter that cannot be is refused before the site is read, in
	// whichever year the site counts.
	if words[0] == "quarter" {
		text := strings.Join(words[1:], " ")
		if _, err := report.ParseQuarterID(text); err != nil {
			if p, err2 := report.ParsePeriod(text, report.CalendarYear); err2 != nil || p.Kind != report.QuarterPeriod {
				fmt.Fprintf(env.Stderr, "scorecard new quarter: %v\n", err)
				return errUsage
			}
		}
	}
	fsys, s, err := loadSite(*src, func(s *report.Site) string { return "create the " + s.EditionKey() })
	if err != nil {
		return err
	}
	defer fsys.Close()
	if key := s.EditionKey(); words[0] != key && words[0] != "edition" {
		fmt.Fprintf(env.Stderr, "scorecard new %s: the site publishes a report each %s (editions: in data/site.yaml), so create a %s, such as: scorecard new %s %s\n", words[0], key, key, key, exampleEdition(s))
		return errUsage
	}
	// "2016-17 Q3" may come as one word or two, or more: "Quarter 3, 2016/17".
	id, err := s.ParseEdition(strings.Join(words[1:], " "))
	if err != nil {
		fmt.Fprintf(env.Stderr, "scorecard new %s: %v\n", words[0], err)
		return errUsage
	}
	files, err := scaffold.Quarter(s, id)
	if err != nil {
		return err
	}
	// Refuse before writing anything, so that a half-made quarter never
	// replaces work.
	var exists []string
	for _, f := range files {
		if _, err := fsys.Stat(f.Path); err == nil {
			exists = append(exists, f.Path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(exists) > 0 {
		return fmt.Errorf("%s already %s; Scorecard never overwrites a %s: move %s aside first if you want to start again", strings.Join(exists, ", "), plural(len(exists), "exists", "exist"), s.EditionKey(), plural(len(exists), "it", "them"))
	}
	for _, f := range files {
		if err := fsys.WriteFile(f.Path, f.Data); err != nil {
			return fmt.Errorf("cannot write %s: %v", f.Path, err)
		}
		fmt.Fprintf(env.Stdout, "Created %s\n", f.Path)
	}
	fmt.Fprintf(env.Stdout, "\nNext: fill in the actuals and statuses in %s, write the narrative, then remove \"draft: true\" from each file when it is ready. scorecard serve shows drafts; scorecard build leaves them out.\n", files[0].Path)
	return nil
}

// exampleEdition is the edition after the site's latest, for messages.
func exampleEdition(s *report.Site) string {
	if n := len(s.Quarters); n > 0 {
		return s.Quarters[n-1].ID.Next().String()
	}
	return report.PartOfYear(s.EditionKind(), 2016, 1, s.Years).String()
}

// loadSite opens and loads the site in src for a command that writes into
// it, which refuses a site whose files have errors: it says to fix them,
// then do what then says. The caller closes the site.
func loadSite(src string, then func(*report.Site) string) (*site.Source, *report.Site, error) {
	fsys, err := site.Open(src)
	if err != nil {
		return nil, nil, err
	}
	s, findings := load.Site(fsys)
	if findings.HasErrors() {
		fsys.Close()
		return nil, nil, fmt.Errorf("%v\n\nThe site has errors; fix them (scorecard check lists them), then %s.", findings.Err(), then(s))
	}
	return fsys, s, nil
}
