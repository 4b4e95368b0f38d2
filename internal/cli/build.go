package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"scorecard/internal/diag"
	"scorecard/internal/pdf"
	"scorecard/internal/publish"
	"scorecard/internal/site"
)

func runBuild(env *Env, args []string) error {
	fs := flags(env, "build", "[-src DIR] [-out DIR] [-drafts] [-pdf] [-full] [-q]",
		"Build loads the site in the source folder, checks it, and writes it to the\n"+
			"output folder. The output folder is replaced only when the whole build\n"+
			"succeeds; on errors it is left as it was and every error is listed.\n"+
			"Quarters and narrative marked \"draft: true\" are left out unless -drafts.\n"+
			"Published narrative must be finished: the placeholder text scorecard new\n"+
			"quarter writes, a section left empty, or a heading carried from last quarter\n"+
			"that still names it, stops the build.\n"+
			"A build into a folder that holds an earlier build makes again only the\n"+
			"files whose data, narrative, layouts or configuration changed, and takes\n"+
			"the rest as they are, with their modification times; -full makes every\n"+
			"file again.")
	src := fs.String("src", ".", "the site `folder`, holding data/, content/ and layouts/")
	out := fs.String("out", "public", "the output `folder`; a relative path is taken inside -src")
	drafts := fs.Bool("drafts", false, "include quarters and narrative marked \"draft: true\"")
	quiet := fs.Bool("q", false, "print nothing but errors")
	withPDF := fs.Bool("pdf", false, "also write each edition's whole report as a PDF (such as 2016-17/q2/report.pdf), linked from its pages; needs Chromium (see scorecard pdf)")
	full := fs.Bool("full", false, "make every file again, taking none from the earlier build in the output folder")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file`, for go tool pprof")
	memProfile := fs.String("memprofile", "", "write a profile of the memory the build allocated to `file`, for go tool pprof")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("cannot write the CPU profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cannot write the CPU profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		if err != nil {
			return fmt.Errorf("cannot write the memory profile: %w", err)
		}
		defer f.Close()
		defer func() {
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fmt.Fprintf(env.Stderr, "cannot write the memory profile: %v\n", err)
			}
		}()
	}
	dir := *out
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(*src, dir)
	}
	opts := site.Options{Drafts: *drafts, PDF: *withPDF, Today: env.Now(), Full: *full}
	if env.Getenv("GOGC") == "" {
		// The command collects garbage when the heap has grown by half
		// of what is live (cmd/scorecard's collectSooner), for the pages
		// a build renders are garbage once written. While the site is
		// loaded, the heap grows with the site itself, not with garbage:
		// Go's default of all of it is collected as often as is needed.
		// On a synthetic site of 2,000 measures this took an incremental
		// build from 2.61 to 2.34 s (median of seven), and left a full
		// build's peak memory as it was (187 MB).
		old := debug.SetGCPercent(100)
		opts.Loaded = func() { debug.SetGCPercent(old) }
		defer debug.SetGCPercent(old)
	}
	if *withPDF {
		chrome, err := pdf.Find(env.Getenv)
		if err != nil {
			return fmt.Errorf("The build stopped: %v\nNothing was written; %s is as it was.", err, dir)
		}
		opts.Chrome = chrome
	}
	start := env.Now()
	res, err := site.Build(*src, dir, opts)
	var list diag.List
	if errors.As(err, &list) {
		return fmt.Errorf("%v\n\nThe build stopped: %d %s to fix. Nothing was written; %s is as it was.", list, len(list), plural(len(list), "error", "errors"), dir)
	}
	var left *publish.OldSiteLeft
	if errors.As(err, &left) {
		return fmt.Errorf("The build stopped: %v", err)
	}
	if err != nil {
		return fmt.Errorf("The build stopped: %v\nNothing was written; %s is as it was.", err, dir)
	}
	if *quiet {
		return nil
	}
	if line := site.WarningsLine(len(res.Warnings), res.Drafts); line != "" {
		fmt.Fprintln(env.Stderr, line)
	}
	took := env.Now().Sub(start).Round(time.Millisecond)
	built := fmt.Sprintf("Built %d pages (%d files) into %s in %v", res.Pages, res.Count, diag.Escape(dir), took)
	made := res.Count - res.Reused
	switch {
	case res.Reused == 0:
		fmt.Fprintf(env.Stdout, "%s.\n", built)
	case made == 0:
		fmt.Fprintf(env.Stdout, "%s: nothing they are made from changed, so every file was kept as it was.\n", built)
	default:
		fmt.Fprintf(env.Stdout, "%s: made %d %s again whose inputs changed, and kept %d as %s.\n",
			built, made, plural(made, "file", "files"), res.Reused, plural(res.Reused, "it was", "they were"))
	}
	if line := changedLine(res.Changed); line != "" && made > 0 {
		fmt.Fprintln(env.Stdout, line)
	}
	return nil
}

// changedLine names what changed since the last build, the first few
// files and a count of the rest, for the build's summary.
func changedLine(changed []string) string {
	if len(changed) == 0 {
		return ""
	}
	const shown = 3
	names := make([]string, 0, shown+1)
	for i, c := range changed {
		if i == shown {
			names = append(names, fmt.Sprintf("%d more", len(changed)-shown))
			break
		}
		if c == "scorecard" {
			c = "the version of Scorecard"
		}
		names = append(names, diag.Escape(c))
	}
	return "Changed since the last build: " + strings.Join(names, ", ") + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
