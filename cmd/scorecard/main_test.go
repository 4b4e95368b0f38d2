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
		},
	})
}
