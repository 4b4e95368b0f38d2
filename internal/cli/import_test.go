package cli

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/internal/sheet"
)

// importSite writes a small site into a new folder and returns it.
func importSite(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"data/site.yaml": "organisation: Test Council\ntitle: Performance Report\n" +
			"accessibility: {contact_email: access@example.org, prepared: 2026-11-25}\n" +
			"import:\n  columns: {measure: Ref, status: RAG}\n",
		"data/measures.yaml": `themes:
  - {id: homes, title: Homes}
measures:
  - {id: homes-1, theme: homes, title: Homes built, good: higher, unit: count}
  - {id: homes-2, theme: homes, title: Repairs on time, good: higher, unit: "%"}
`,
		"data/quarters/2016-17-q1.yaml": "quarter: 2016-17 Q1\nmeasures:\n  homes-1: {target: 100, actual: 90, status: A}\n",
		"scores.csv":                    "Ref,Target,Actual,RAG,Notes\nhomes-2,90%,93.5%,HG,Note 1\nhomes-1,100,120,HG,\n",
	}
	for name, data := range extra {
		files[name] = data
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runImportArgs(args ...string) (stdout, stderr string, err error) {
	var out, errw bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errw, Now: time.Now}
	err = runImport(env, args)
	return out.String(), errw.String(), err
}

func TestImportWrites(t *testing.T) {
	dir := importSite(t, nil)
	csv := filepath.Join(dir, "scores.csv")
	out := filepath.Join(dir, "data", "quarters", "2016-17-q2.yaml")
	// The file may come after the flags as well as before them.
	stdout, _, err := runImportArgs("-src", dir, "-quarter", "2016-17-q2", csv)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Imported 2 measures from " + csv + " into " + out + "\n",
		"The sheet gives no text for notes the rows refer to (homes 1): they are written without text, and the pages will say the report gives none; add each note's text under notes: in " + out + ".\n",
		"Run scorecard check -src " + dir + " to check the site with its new figures.\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q; it is:\n%s", want, stdout)
		}
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := `# Imported from scores.csv by scorecard import.
quarter: 2016-17 Q2
measures:
  # Homes
  homes-1: {target: "100", actual: "120", status: HG}
  homes-2: {target: 90%, actual: 93.5%, status: HG, notes: [1]}
notes:
  # The sheet gives no text for these notes: add text: as the report
  # prints it, or leave them without text.
  - {theme: homes, labels: [1]}
`
	if string(got) != want {
		t.Errorf("wrote:\n%s\nwant:\n%s", got, want)
	}

	// An existing quarter is replaced only with -force, which keeps what
	// the sheet does not hold.
	kept := strings.Replace(want, "notes:\n", "published: 2016-12-07\nnotes:\n", 1)
	kept = strings.Replace(kept, "  - {theme: homes, labels: [1]}\n", "  - {theme: homes, labels: [1], text: In arrears}\n", 1)
	if err := os.WriteFile(out, []byte(kept), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = runImportArgs(csv, "-src", dir, "-quarter", "2016-17 Q2")
	if err == nil || !strings.Contains(err.Error(), out+" already exists; to replace it with the sheet's figures, import again with -force") {
		t.Errorf("without -force: %v", err)
	}
	if got, _ := os.ReadFile(out); string(got) != kept {
		t.Errorf("without -force the file changed:\n%s", got)
	}
	if _, _, err := runImportArgs(csv, "-src", dir, "-quarter", "2016-17 Q2", "-force"); err != nil {
		t.Fatal(err)
	}
	got, _ = os.ReadFile(out)
	for _, want := range []string{"published: \"2016-12-07\"\n", "  - {theme: homes, labels: [1], text: In arrears}\n"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("-force lost %q:\n%s", want, got)
		}
	}
	if strings.Contains(string(got), "# The sheet gives no text") {
		t.Errorf("-force kept the note's text but still asks for it:\n%s", got)
	}
}

func TestImportErrorsWriteNothing(t *testing.T) {
	dir := importSite(t, map[string]string{
		"scores.csv": "Ref,Target,Actual,RAG\nhomes-2,90%,ninety,HG\nhomes-9,1,2,HG\n",
	})
	csv := filepath.Join(dir, "scores.csv")
	_, _, err := runImportArgs(csv, "-src", dir, "-quarter", "2016-17-q2")
	want := csv + `:2:3: cell C2: measure homes-2: actual "ninety" is not a value Scorecard can read; write a number such as 90 or 90%, a range such as 13-15%, a time such as 01:30, or "-" when not applicable
` + csv + `:3:1: cell A3: measure "homes-9" is not in data/measures.yaml; check the id or add the measure to the catalogue

The import stopped: 2 errors to fix in ` + csv + `. Nothing was written.`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "quarters", "2016-17-q2.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the quarter file was written: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "data", "quarters")); len(entries) != 1 {
		t.Errorf("data/quarters holds %d files, want only the one it had", len(entries))
	}
}

// The import needs the catalogue and the status scale; errors elsewhere do
// not stop it.
func TestImportSiteErrors(t *testing.T) {
	dir := importSite(t, map[string]string{
		"data/quarters/2016-17-q1.yaml": "quarter: 2016-17 Q1\nmeasures:\n  homes-1: {actual: lots}\n",
	})
	if _, _, err := runImportArgs(filepath.Join(dir, "scores.csv"), "-src", dir, "-quarter", "2016-17-q2"); err != nil {
		t.Errorf("an error in another quarter stopped the import: %v", err)
	}

	dir = importSite(t, map[string]string{
		"data/measures.yaml": "themes:\n  - {id: homes, title: Homes}\nmeasures:\n  - {id: homes-1, theme: homes, title: Homes built, good: up, unit: count}\n",
	})
	_, _, err := runImportArgs(filepath.Join(dir, "scores.csv"), "-src", dir, "-quarter", "2016-17-q2")
	if err == nil || !strings.HasPrefix(err.Error(), `data/measures.yaml:4:`) || !strings.HasSuffix(err.Error(), "The import needs the site's catalogue and status scale; fix this error, then import again. Nothing was written.") {
		t.Errorf("a catalogue error: %v", err)
	}

	dir = importSite(t, map[string]string{
		"data/site.yaml": "organisation: Test Council\ntitle: Performance Report\nimport:\n  columns: {ref: Ref}\n",
	})
	_, _, err = runImportArgs(filepath.Join(dir, "scores.csv"), "-src", dir, "-quarter", "2016-17-q2")
	if err == nil || !strings.HasPrefix(err.Error(), `data/site.yaml:4:13: import: columns has an unknown field "ref"`) {
		t.Errorf("an import: section error: %v", err)
	}
}

func TestImportUsage(t *testing.T) {
	dir := importSite(t, nil)
	csv := filepath.Join(dir, "scores.csv")
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{csv}, "scorecard import: say which quarter the sheet holds, such as -quarter 2016-17-q2\n"},
		{[]string{csv, "-quarter", "soon"}, "scorecard import: -quarter \"soon\" is not a quarter; write one such as 2016-17-q2\n"},
		{[]string{"-quarter", "2016-17-q2"}, "scorecard import: name one spreadsheet to import, a .csv or .xlsx file\n"},
		{[]string{csv, csv, "-quarter", "2016-17-q2"}, "scorecard import: name one spreadsheet to import, a .csv or .xlsx file\n"},
	} {
		_, stderr, err := runImportArgs(tc.args...)
		if !errors.Is(err, errUsage) || !strings.HasPrefix(stderr, tc.stderr) {
			t.Errorf("import %q: %v, stderr:\n%s\nwant usage error with:\n%s", tc.args, err, stderr, tc.stderr)
		}
	}
	stdout, _, err := runImportArgs("-help")
	if !errors.Is(err, flag.ErrHelp) || !strings.HasPrefix(stdout, "Usage: scorecard import FILE.csv|FILE.xlsx -quarter 2016-17-q2 [-src DIR] [-sheet NAME] [-force]\n") {
		t.Errorf("-help: %v\n%s", err, stdout)
	}
}

// A sheet with a problem in each of its rows lists the first problems and
// counts the rest; one beyond the limit on rows is refused at the first
// row beyond it.
func TestImportListsFirstProblems(t *testing.T) {
	for _, tc := range []struct {
		name      string
		rows      int
		lines     int // of the error message
		first     string
		more, end string
	}{{
		name: "a problem in each of 100,000 rows", rows: 100_000, lines: sheet.MaxShown + 3,
		first: `:2:1: cell A2: measure "homes-9" is not in data/measures.yaml; check the id or add the measure to the catalogue`,
		more:  "... and 99,899 more problems, not listed; fix these first, then import again to see the rest",
		end:   "The import stopped: 99,999 errors to fix in ",
	}, {
		name: "1,048,576 rows", rows: 1_048_576, lines: 3,
		first: ":100001:1: cell A100001 holds something, but a sheet may have at most 100,000 rows, and a scorecard needs far fewer; delete the rows below the scorecard (or copy the scorecard alone into a new sheet), then save the file again",
		end:   "The import stopped. Nothing was written.",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("Ref,Target,Actual,RAG\n")
			for range tc.rows - 1 {
				b.WriteString("homes-9,1,2,HG\n")
			}
			dir := importSite(t, map[string]string{"scores.csv": b.String()})
			csv := filepath.Join(dir, "scores.csv")
			_, _, err := runImportArgs(csv, "-src", dir, "-quarter", "2016-17-q2")
			if err == nil {
				t.Fatal("the import succeeded")
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != tc.lines {
				t.Errorf("the error has %d lines; want %d", len(lines), tc.lines)
			}
			if lines[0] != csv+tc.first {
				t.Errorf("first line:\n%s\nwant:\n%s", lines[0], csv+tc.first)
			}
			if tc.more != "" && lines[len(lines)-3] != tc.more {
				t.Errorf("the line after the problems:\n%s\nwant:\n%s", lines[len(lines)-3], tc.more)
			}
			if last := lines[len(lines)-1]; !strings.HasPrefix(last, tc.end) {
				t.Errorf("last line:\n%s\nwant it to start:\n%s", last, tc.end)
			}
		})
	}
}
