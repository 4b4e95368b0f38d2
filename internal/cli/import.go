package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"scorecard/internal/diag"
	"scorecard/internal/load"
	"scorecard/internal/report"
	"scorecard/internal/sheet"
	"scorecard/internal/site"
)

func runImport(env *Env, args []string) error {
	fset := flags(env, "import", "FILE.csv|FILE.xlsx -quarter 2016-17-q2 [-src DIR] [-sheet NAME] [-force]",
		"Import reads one quarter's scorecard from a spreadsheet, CSV or XLSX, and\n"+
			"writes it as the quarter's data file, data/quarters/2016-17-q2.yaml: the\n"+
			"measures in catalogue order, each value as the sheet shows it. The sheet\n"+
			"needs a header row naming the columns measure, target, actual and status,\n"+
			"and may have period, notes and quarter (rows of other quarters are left\n"+
			"out); map other headers under \"import: columns:\" in data/site.yaml. Every\n"+
			"problem is listed at its cell, and nothing is written until all are fixed.")
	src := fset.String("src", ".", "the site `folder`, holding data/, content/ and layouts/")
	quarter := fset.String("quarter", "", "the `quarter` the sheet holds, written as 2016-17-q2 or \"2016-17 Q2\" (required)")
	name := fset.String("sheet", "", "the `name` of the XLSX workbook's sheet to read (default: the first)")
	force := fset.Bool("force", false, "replace the quarter's data file if it exists, keeping its publication date and the notes' text where the sheet has none")
	file, err := parseFile(env, fset, args)
	if err != nil {
		return err
	}
	if *quarter == "" {
		fmt.Fprintf(env.Stderr, "scorecard import: say which quarter the sheet holds, such as -quarter 2016-17-q2\n")
		return errUsage
	}
	id, ok := sheet.ParseQuarter(*quarter)
	if !ok {
		fmt.Fprintf(env.Stderr, "scorecard import: -quarter %q is not a quarter; write one such as 2016-17-q2\n", *quarter)
		return errUsage
	}
	out := filepath.Join(*src, "data", "quarters", id.Slug()+".yaml")
	old, err := os.ReadFile(out)
	switch {
	case err == nil && !*force:
		return fmt.Errorf("%s already exists; to replace it with the sheet's figures, import again with -force (its publication date and the notes' text are kept where the sheet has none). Nothing was written.", out)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot read %s: %v", out, err)
	}

	s, cfg, err := catalogue(*src)
	if err != nil {
		return err
	}
	sh, err := sheet.Open(file, *name)
	if err != nil {
		return fmt.Errorf("%v\n\nThe import stopped. Nothing was written.", err)
	}
	q, probs := sheet.Import(sh, s, id, cfg)
	if probs != nil {
		// At most sheet.MaxShown are listed, then how many more there are.
		return fmt.Errorf("%v\n\nThe import stopped: %s %s to fix in %s. Nothing was written.", probs, withCommas(probs.Total), plural(probs.Total, "error", "errors"), file)
	}
	if old != nil {
		q.KeepFrom(old)
	}
	from := filepath.Base(file)
	if sh.Name != "" {
		from += fmt.Sprintf(" (sheet %q)", sh.Name)
	}
	dst, err := site.Open(*src)
	if err != nil {
		return err
	}
	defer dst.Close()
	data := q.YAML(from)
	if len(data) > load.MaxFileSize {
		return fmt.Errorf("%s: the quarter's data file would be larger than %d MiB, which scorecard build refuses; shorten the notes and periods in the sheet. Nothing was written.", file, load.MaxFileSize>>20)
	}
	if err := dst.WriteFile("data/quarters/"+id.Slug()+".yaml", data); err != nil {
		return fmt.Errorf("cannot write %s: %v", out, err)
	}

	n := len(q.Rows)
	fmt.Fprintf(env.Stdout, "Imported %d %s from %s into %s\n", n, plural(n, "measure", "measures"), file, out)
	if missing := q.Missing(); len(missing) > 0 {
		var which []string
		for _, note := range missing {
			which = append(which, fmt.Sprintf("%s %s", note.Theme.ID, strings.Join(note.Labels, ", ")))
		}
		fmt.Fprintf(env.Stdout, "The sheet gives no text for notes the rows refer to (%s): they are written without text, and the pages will say the report gives none; add each note's text under notes: in %s.\n", strings.Join(which, "; "), out)
	}
	check := "scorecard check"
	if *src != "." {
		check += " -src " + *src
	}
	fmt.Fprintf(env.Stdout, "Run %s to check the site with its new figures.\n", check)
	return nil
}

// withCommas writes n with commas between thousands: 1,048,576.
func withCommas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// parseFile parses flags and the one file argument, which may come before
// or after the flags (the flag package stops at the first non-flag).
func parseFile(env *Env, fset *flag.FlagSet, args []string) (string, error) {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fset.SetOutput(env.Stdout)
			fset.Usage()
			return "", flag.ErrHelp
		}
	}
	var files []string
	for rest := args; ; {
		if err := fset.Parse(rest); err != nil {
			return "", errUsage
		}
		if fset.NArg() == 0 {
			break
		}
		files = append(files, fset.Arg(0))
		rest = fset.Args()[1:]
	}
	if len(files) != 1 {
		fmt.Fprintf(env.Stderr, "scorecard import: name one spreadsheet to import, a .csv or .xlsx file\n")
		fset.Usage()
		return "", errUsage
	}
	return files[0], nil
}

// catalogue loads the site for its measure catalogue and status scale, and
// reads the import: section of its configuration. Errors elsewhere in the
// site, such as in other quarters, do not stop an import: scorecard check
// reports them.
func catalogue(src string) (*report.Site, sheet.Config, error) {
	fsys, err := site.Open(src)
	if err != nil {
		return nil, sheet.Config{}, err
	}
	defer fsys.Close()
	s, findings := load.Site(fsys)
	var errs diag.List
	for _, d := range findings {
		if d.Severity == diag.Error && (d.Pos.File == sheet.SiteFile || d.Pos.File == sheet.CatalogueFile) {
			errs = append(errs, d)
		}
	}
	if len(errs) > 0 {
		return nil, sheet.Config{}, fmt.Errorf("%v\n\nThe import needs the site's catalogue and status scale; fix %s, then import again. Nothing was written.", errs, plural(len(errs), "this error", "these errors"))
	}
	src2, err := fsys.ReadFile(sheet.SiteFile)
	if err != nil {
		return nil, sheet.Config{}, fmt.Errorf("cannot read %s: %v", sheet.SiteFile, err)
	}
	cfg, errs := sheet.ReadConfig(src2)
	if len(errs) > 0 {
		return nil, sheet.Config{}, fmt.Errorf("%v\n\nFix the import: section of %s, then import again. Nothing was written.", errs, sheet.SiteFile)
	}
	return s, cfg, nil
}
