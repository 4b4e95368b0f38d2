package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"scorecard/internal/cli"
	"scorecard/internal/sheet"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"scorecard": func() { os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr)) },
		// mkxlsx FILE.csv FILE.xlsx makes a spreadsheet for the import
		// tests, with numbers and times stored as numbers and formatted.
		"mkxlsx": func() {
			if len(os.Args) != 3 {
				fmt.Fprintln(os.Stderr, "usage: mkxlsx FILE.csv FILE.xlsx")
				os.Exit(2)
			}
			if err := sheet.CSVToXLSX(os.Args[1], os.Args[2]); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		},
	})
}

// TestScripts runs the command end to end over the sites in
// testdata/script/*.txtar.
// A script may start with "example", which copies the repository's
// example site (data/ and content/) into its folder, and change a file
// with "edit FILE OLD NEW", as a reader would in an editor.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"example": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 0 {
					ts.Fatalf("usage: example")
				}
				ts.Check(copyExample(root, ts.MkAbs(".")))
			},
			"edit": edit,
			// append FILE FROM: add FROM's text to the end of FILE, as a
			// writer adds lines at the end of a data file.
			"append": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: append FILE FROM")
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(ts.ReadFile(args[0])+ts.ReadFile(args[1])), 0o644))
			},
			// onefile PATTERN COPY: exactly one file matches the glob PATTERN
			// (a content-hashed name such as public/style.*.css); copy it
			// to COPY for the commands that take a file name.
			"onefile": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: onefile PATTERN COPY")
				}
				m, err := filepath.Glob(ts.MkAbs(args[0]))
				ts.Check(err)
				if len(m) != 1 {
					ts.Fatalf("%d files match %s: %v; want one", len(m), args[0], m)
				}
				b, err := os.ReadFile(m[0])
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), b, 0o644))
			},
		},
	})
}
