package main

import (
	"fmt"
	"os"
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
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}
