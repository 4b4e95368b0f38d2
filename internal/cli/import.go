package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
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
	fset := flags(env, "import", "FILE.csv|FILE.xlsx -quarter 2016-17-q2 | -edition EDITION [-src DIR] [-sheet NAME] [-dry-run] [-correct]",
		"Import reads one edition's scorecard from a spreadsheet, CSV or XLSX, into\n"+
			"the edition's data file: a quarter's, data/quarters/2016-17-q2.yaml, or a\n"+
			"month's, half-year's or year's (data/months/2016-06.yaml) for a report\n"+
			"published so. The sheet needs a header row naming the columns measure,\n"+
			"target, actual and status, and may have period, notes and quarter (the\n"+
			"row's edition: rows of other editions are left out); map other headers\n"+
			"under \"import: columns:\" in data/site.yaml. A measure may have a row for\n"+
			"each of several periods, each with its period. Every problem is listed at\n"+
			"its cell, and nothing is written until all are fixed.\n\n"+
			"When the edition has a data file, the sheet is merged into it: a blank cell\n"+
			"keeps what the file has, and so do the measures and periods the sheet\n"+
			"leaves out, the notes' text and draft: true. A cell of \"-\" is a value: a\n"+
			"target or actual not applicable, and no status, period or notes. Import\n"+
			"lists each change before writing it. An edition without draft: true is\n"+
			"published: its figures are changed only with -correct. A new edition's\n"+
			"file is marked draft.")
	src := fset.String("src", ".", "the site `folder`, holding data/, content/ and layouts/")
	quarter := new(string)
	fset.StringVar(quarter, "quarter", "", "the `quarter` the sheet holds, such as 2016-17 Q2, 2016/17 Q2, Q2 2016/17 or 2016-17-q2; the same as -edition")
	fset.StringVar(quarter, "edition", "", "the `edition` the sheet holds, as the site publishes them: a quarter (2016-17 Q2), a month (June 2016, 2016-06), a half-year (2016-17 H1) or a year (2016-17) (required)")
	name := fset.String("sheet", "", "the `name` of the XLSX workbook's sheet to read (default: the first)")
	dryRun := fset.Bool("dry-run", false, "list what the import would change, and write nothing")
	correct := fset.Bool("correct", false, "change the figures of a published edition (one without draft: true): the changes are corrections to a public record")
	force := fset.Bool("force", false, "no longer needed, as import merges into the edition's file; accepted so that old scripts run, it does not allow changing a published edition (see -correct)")
	file, err := parseFile(env, fset, args)
	if err != nil {
		return err
	}
	// The flag is -quarter or -edition, whichever was given.
	flagUsed := "edition"
	fset.Visit(func(f *flag.Flag) {
		if f.Name == "quarter" || f.Name == "edition" {
			flagUsed = f.Name
		}
	})
	if *quarter == "" {
		// Say it in the site's words when the site can be read.
		example, word := "-quarter 2016-17-q2", "quarter"
		if s, _, _, err := catalogue(*src); err == nil && (s.EditionKind() != report.QuarterPeriod || s.Years != report.FinancialYear) {
			word, example = s.EditionWord(), "-edition "+strconv.Quote(exampleEdition(s))
		}
		fmt.Fprintf(env.Stderr, "scorecard import: say which %s the sheet holds, such as %s\n", word, example)
		return errUsage
	}
	s, cfg, findings, err := catalogue(*src)
	if err != nil {
		return err
	}
	id, err := s.ParseEdition(*quarter)
	if err != nil {
		fmt.Fprintf(env.Stderr, "scorecard import: -%s %v\n", flagUsed, err)
		return errUsage
	}
	word := s.EditionWord()
	if *force {
		fmt.Fprintf(env.Stderr, "scorecard import: -force is no longer needed: import merges the sheet into the %s's file, keeping what the sheet leaves out. It does not allow changing a published %s; that needs -correct.\n", word, word)
	}
	path := s.EditionFile(id)
	out := filepath.Join(*src, filepath.FromSlash(path))
	sh, err := sheet.Open(file, *name)
	if err != nil {
		return fmt.Errorf("%v\n\nThe import stopped. Nothing was written.", err)
	}
	q, probs := sheet.Import(sh, s, id, cfg)
	if probs != nil {
		// At most sheet.MaxShown are listed, then how many more there are.
		return fmt.Errorf("%v\n\nThe import stopped: %s %s to fix in %s. Nothing was written.", probs, withCommas(probs.Total), plural(probs.Total, "error", "errors"), file)
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
	// The quarter's file is read as the build reads it; one the build
	// refuses (or will not read, such as a link) is not merged into.
	var fileErrs diag.List
	for _, d := range findings {
		if d.Severity == diag.Error && d.Pos.File == path {
			fileErrs = append(fileErrs, d)
		}
	}
	var m *sheet.Merged
	if len(fileErrs) == 0 {
		var base sheet.Base
		if base, err = sheet.ReadBase(dst, s, id); err != nil {
			return fmt.Errorf("%v\n\nThe import stopped. Nothing was written.", err)
		}
		m, err = sheet.Merge(s, q, base, from)
	}
	var fe *sheet.FileErrors
	switch {
	case len(fileErrs) > 0 || errors.As(err, &fe):
		if fe != nil {
			fileErrs = fe.List
		}
		return fmt.Errorf("%v\n\nThe import merges the sheet into %s, keeping what the sheet leaves out, so the file must be right first: fix %s (scorecard check lists %s too), then import again; or, to import the sheet alone, move the file out of %s. Nothing was written.",
			fileErrs, path, plural(len(fileErrs), "this error", "these errors"), plural(len(fileErrs), "it", "them"), s.EditionDir())
	case errors.Is(err, sheet.ErrTooLarge):
		return fmt.Errorf("%s: %v; shorten the notes and periods in the sheet. Nothing was written.", file, err)
	case err != nil:
		return err
	}

	published := m.Existed && !m.Draft
	if published && m.Changed() && !*correct && !*dryRun {
		var b strings.Builder
		describe(&b, m, from, word)
		return fmt.Errorf("%s is a published %s (its file has no \"draft: true\"), and a published %s's figures are a public record: the import would change them, as listed below, so it stopped. Nothing was written.\n\n%s\nIf these are corrections to the published report, import again with -correct.",
			path, word, word, b.String())
	}
	var b strings.Builder
	describe(&b, m, from, word)
	io.WriteString(env.Stdout, diag.EscapeLines(b.String()))
	switch {
	case !m.Changed():
		fmt.Fprintf(env.Stdout, "Nothing to change: %s already holds what the sheet says. Nothing was written.\n", path)
		return nil
	case *dryRun:
		fmt.Fprintf(env.Stdout, "This was a dry run: nothing was written.")
		if published && !*correct {
			fmt.Fprintf(env.Stdout, " %s is a published %s: writing these changes needs -correct, as they would correct a public record.", path, word)
		}
		fmt.Fprintln(env.Stdout)
		return nil
	}
	if err := dst.WriteFile(path, m.Data); err != nil {
		return fmt.Errorf("cannot write %s: %v", out, err)
	}

	n := q.Measures()
	if published {
		fmt.Fprintf(env.Stdout, "Corrected %s, a published %s, from %d %s of %s. These are corrections to a public record: publish the site again so that it shows them, and tell readers what was corrected and why.\n", out, word, n, plural(n, "measure", "measures"), file)
	} else {
		fmt.Fprintf(env.Stdout, "Imported %d %s from %s into %s\n", n, plural(n, "measure", "measures"), file, out)
	}
	if !m.Existed {
		fmt.Fprintf(env.Stdout, "The %s is new, so its file is marked draft: true: scorecard build leaves it out, and scorecard serve shows it, until you remove that line.\n", word)
	}
	if m.Rewritten {
		fmt.Fprintf(env.Stdout, "The file could not be changed in place, so it was written afresh: its figures, notes, draft: and published: are as listed, but its comments and layout were not kept.\n")
	} else if len(m.LostComments) > 0 {
		fmt.Fprintf(env.Stdout, "%s of the file could not be kept: %s\n", plural(len(m.LostComments), "This comment", "These comments"), diag.EscapeLines(strings.Join(m.LostComments, " ")))
	}
	if len(m.Missing) > 0 {
		var which []string
		for _, note := range m.Missing {
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

// describe writes what an import changes: each measure of the sheet that
// it adds or changes, field by field (a row at a time when the measure has
// rows for several periods), then the measures it leaves alone. word names
// an edition of the site: quarter, month...
func describe(w io.Writer, m *sheet.Merged, from, word string) {
	what := "a new " + word + " file, marked draft"
	switch {
	case m.Existed && m.Draft:
		what = "a draft; what the sheet leaves out or leaves blank is kept"
	case m.Existed:
		what = "a published " + word + "; what the sheet leaves out or leaves blank is kept"
	}
	fmt.Fprintf(w, "Importing %s into %s (%s):\n", from, m.Path, what)
	var unchanged []string
	changed, added, replaced := 0, 0, 0
	for _, c := range m.Measures {
		var parts []string
		for _, f := range c.Fields {
			switch {
			case c.Added:
				parts = append(parts, f.Field+" "+shown(f.New))
			case f.New == "":
				parts = append(parts, fmt.Sprintf("%s %s -> (cleared)", f.Field, shown(f.Old)))
			case f.Replaces():
				parts = append(parts, fmt.Sprintf("%s %s -> %s (replaces a value already set)", f.Field, shown(f.Old), shown(f.New)))
			default:
				parts = append(parts, fmt.Sprintf("%s (blank) -> %s", f.Field, shown(f.New)))
			}
		}
		name := c.Measure.ID
		if c.Period != "" {
			name += " (" + c.Period + ")"
		}
		switch {
		case c.Added:
			added++
			if len(parts) == 0 {
				parts = []string{"no figures"}
			}
			fmt.Fprintf(w, "  added     %s: %s\n", name, strings.Join(parts, "; "))
		case c.Changed():
			changed++
			replaced += c.Replaces()
			fmt.Fprintf(w, "  changed   %s: %s\n", name, strings.Join(parts, "; "))
		default:
			unchanged = append(unchanged, name)
		}
	}
	for _, n := range m.Notes {
		switch {
		case n.Added && n.Known && n.New == "":
			fmt.Fprintf(w, "  added     note %s of theme %s, without text\n", n.Label, n.Theme.ID)
		case n.Added && n.Known:
			fmt.Fprintf(w, "  added     note %s of theme %s: text %s\n", n.Label, n.Theme.ID, shown(n.New))
		case n.Added:
			fmt.Fprintf(w, "  added     note %s of theme %s, without text (the sheet gives none)\n", n.Label, n.Theme.ID)
		case n.Old == "":
			fmt.Fprintf(w, "  changed   note %s of theme %s: text (none) -> %s\n", n.Label, n.Theme.ID, shown(n.New))
		default:
			replaced++
			fmt.Fprintf(w, "  changed   note %s of theme %s: text %s -> %s (replaces a text already set)\n", n.Label, n.Theme.ID, shown(n.Old), shown(n.New))
		}
	}
	ids := func(ms []*report.Measure) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	list(w, "unchanged (the sheet agrees with the file)", unchanged)
	if m.Existed {
		list(w, "left as it was (not in the sheet)", ids(m.Kept))
		list(w, "in neither the sheet nor the file", ids(m.Absent))
	} else {
		list(w, "not in the sheet", ids(m.Absent))
	}
	var summary []string
	for _, n := range []struct {
		n    int
		what string
	}{{added, "added"}, {changed, "changed"}, {len(unchanged), "unchanged"}, {len(m.Kept), "left as " + plural(len(m.Kept), "it was", "they were")}} {
		if n.n > 0 {
			summary = append(summary, fmt.Sprintf("%s %s", withCommas(n.n), n.what))
		}
	}
	of := "the measures"
	for _, c := range m.Measures {
		if c.Period != "" {
			of = "the measures' rows" // a measure with rows for several periods counts each
		}
	}
	fmt.Fprintf(w, "In all, of %s: %s", of, strings.Join(summary, ", "))
	if replaced > 0 {
		fmt.Fprintf(w, "; %s already set %s replaced or cleared", plural(replaced, "1 value", withCommas(replaced)+" values"), plural(replaced, "is", "are"))
	}
	fmt.Fprintln(w, ".")
}

// list writes a list of measure ids under a heading, wrapped.
func list(w io.Writer, heading string, ids []string) {
	if len(ids) == 0 {
		return
	}
	line := fmt.Sprintf("  %s, %d %s:", heading, len(ids), plural(len(ids), "measure", "measures"))
	for i, id := range ids {
		if i < len(ids)-1 {
			id += ","
		}
		if len(line)+1+len(id) > 78 {
			fmt.Fprintln(w, line)
			line = "   "
		}
		line += " " + id
	}
	fmt.Fprintln(w, line)
}

// shown writes a cell's text for the change list: as it is when it reads
// plainly, quoted when it has spaces or punctuation that would blur the
// list, shortened when long.
func shown(text string) string {
	if text == "" {
		return "(blank)"
	}
	if n := []rune(text); len(n) > 60 {
		text = string(n[:60]) + "…"
	}
	if strings.ContainsAny(text, " ,;\"'()>") || text != strings.TrimSpace(text) {
		return strconv.Quote(text)
	}
	return text
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
// the import: section of its configuration (an error in which stops the
// import, as one in the rest of data/site.yaml does). Errors elsewhere in the
// site, such as in other quarters, do not stop an import: scorecard check
// reports them. It returns the site's findings too, for the import to look
// at those about the quarter it merges into.
func catalogue(src string) (*report.Site, sheet.Config, diag.List, error) {
	fsys, err := site.Open(src)
	if err != nil {
		return nil, sheet.Config{}, nil, err
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
		return nil, sheet.Config{}, nil, fmt.Errorf("%v\n\nThe import needs the site's catalogue, status scale and import: section; fix %s, then import again. Nothing was written.", errs, plural(len(errs), "this error", "these errors"))
	}
	return s, s.Import, findings, nil
}
