package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/internal/load"
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
	stdout, stderr, err := runImportArgs("-src", dir, "-quarter", "2016-17-q2", csv)
	if err != nil {
		t.Fatal(err)
	}
	want := `Importing scores.csv into data/quarters/2016-17-q2.yaml (a new quarter file, marked draft):
  added     homes-1: target 100; actual 120; status HG
  added     homes-2: target 90%; actual 93.5%; status HG; notes 1
  added     note 1 of theme homes, without text (the sheet gives none)
In all, of the measures: 2 added.
Imported 2 measures from ` + csv + ` into ` + out + `
The quarter is new, so its file is marked draft: true: scorecard build leaves it out, and scorecard serve shows it, until you remove that line.
The sheet gives no text for notes the rows refer to (homes 1): they are written without text, and the pages will say the report gives none; add each note's text under notes: in ` + out + `.
Run scorecard check -src ` + dir + ` to check the site with its new figures.
`
	if stdout != want || stderr != "" {
		t.Errorf("stdout:\n%s\nwant:\n%s\nstderr:\n%s", stdout, want, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want = `# Imported from scores.csv by scorecard import.
quarter: 2016-17 Q2
draft: true
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

	// Imported again, the sheet is merged into the file: the note's text
	// and the publication date the sheet does not give are kept, and
	// the same sheet changes nothing.
	kept := strings.Replace(want, "notes:\n", "published: 2016-12-07\nnotes:\n", 1)
	kept = strings.Replace(kept, "  # The sheet gives no text for these notes: add text: as the report\n  # prints it, or leave them without text.\n  - {theme: homes, labels: [1]}\n", "  - {theme: homes, labels: [1], text: In arrears}\n", 1)
	if err := os.WriteFile(out, []byte(kept), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _, err = runImportArgs(csv, "-src", dir, "-quarter", "2016-17 Q2")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Nothing to change: data/quarters/2016-17-q2.yaml already holds what the sheet says. Nothing was written.\n"; !strings.HasSuffix(stdout, want) {
		t.Errorf("the same sheet again printed:\n%s\nwant it to end:\n%s", stdout, want)
	}
	if got, _ := os.ReadFile(out); string(got) != kept {
		t.Errorf("the same sheet again changed the file:\n%s", got)
	}
}

// mergeSite is a site whose 2016-17 Q1 sets a target for each of five
// measures, with 2016-17 Q2 started from it by scorecard new quarter, as
// the README's workflow starts a quarter. It returns the folder and the
// new quarter file's path and text.
func mergeSite(t *testing.T) (dir, out string, scaffold []byte) {
	t.Helper()
	dir = importSite(t, map[string]string{
		"data/measures.yaml": `themes:
  - {id: homes, title: Homes}
  - {id: work, title: Work}
measures:
  - {id: homes-1, theme: homes, title: Homes built, good: higher, unit: count}
  - {id: homes-2, theme: homes, title: Repairs on time, good: higher, unit: "%"}
  - {id: homes-3, theme: homes, title: Rent collected, good: higher, unit: "£"}
  - {id: homes-4, theme: homes, title: Empty homes, good: lower, unit: count}
  - {id: work-1, theme: work, title: Time to answer calls, good: lower, unit: min:sec}
`,
		"data/quarters/2016-17-q1.yaml": `quarter: 2016-17 Q1
measures:
  homes-1: {target: 100, actual: 90, status: A}
  homes-2: {target: 90%, actual: 88%, status: A}
  homes-3: {target: "£1,000", actual: "£900", status: A}
  homes-4: {target: 40, actual: 45, status: A}
  work-1: {target: "01:30", actual: "01:45", status: A}
`,
		"scores.csv": "Ref,Target,Actual,RAG\nhomes-2,,93.5%,HG\nhomes-1,110,120,\n",
	})
	var stdout, stderr bytes.Buffer
	if err := runNew(&Env{Stdout: &stdout, Stderr: &stderr, Now: time.Now}, []string{"quarter", "2016-17", "Q2", "-src", dir}); err != nil {
		t.Fatalf("new quarter: %v\n%s", err, &stderr)
	}
	out = filepath.Join(dir, "data", "quarters", "2016-17-q2.yaml")
	scaffold, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return dir, out, scaffold
}

// TestImportMergesIntoScaffold imports a sheet of two measures into a
// quarter started by scorecard new quarter: the file stays a draft, the
// targets carried forward for the measures the sheet leaves out are kept,
// and so is the target a blank cell leaves out. An XLSX workbook merges as
// the CSV does.
func TestImportMergesIntoScaffold(t *testing.T) {
	for _, ext := range []string{".csv", ".xlsx"} {
		t.Run(ext, func(t *testing.T) {
			dir, out, scaffold := mergeSite(t)
			file := filepath.Join(dir, "scores.csv")
			if ext == ".xlsx" {
				file = filepath.Join(dir, "scores.xlsx")
				if err := sheet.CSVToXLSX(filepath.Join(dir, "scores.csv"), file); err != nil {
					t.Fatal(err)
				}
			}
			from := filepath.Base(file)
			if ext == ".xlsx" {
				from += ` (sheet "Sheet1")`
			}
			stdout, stderr, err := runImportArgs(file, "-src", dir, "-quarter", "2016-17-q2")
			if err != nil {
				t.Fatal(err)
			}
			want := `Importing ` + from + ` into data/quarters/2016-17-q2.yaml (a draft; what the sheet leaves out or leaves blank is kept):
  changed   homes-1: target 100 -> 110 (replaces a value already set); actual (blank) -> 120
  changed   homes-2: actual (blank) -> 93.5%; status (blank) -> HG
  left as it was (not in the sheet), 3 measures: homes-3, homes-4, work-1
In all, of the measures: 2 changed, 3 left as they were; 1 value already set is replaced or cleared.
Imported 2 measures from ` + file + ` into ` + out + `
Run scorecard check -src ` + dir + ` to check the site with its new figures.
`
			if stdout != want || stderr != "" {
				t.Errorf("stdout:\n%s\nwant:\n%s\nstderr:\n%s", stdout, want, stderr)
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			// Only the two measures' lines change; the comments stay.
			wantFile := strings.NewReplacer(
				`  homes-1: {target: "100", actual: "", status: ""} # Homes built`,
				`  homes-1: {target: "110", actual: "120", status: ""} # Homes built`,
				`  homes-2: {target: 90%, actual: "", status: ""} # Repairs on time`,
				`  homes-2: {target: 90%, actual: 93.5%, status: HG} # Repairs on time`,
			).Replace(string(scaffold))
			if string(got) != wantFile {
				t.Errorf("wrote:\n%s\nwant:\n%s", got, wantFile)
			}

			s, findings := load.Site(os.DirFS(dir))
			if err := findings.Err(); err != nil {
				t.Fatalf("the site has errors after the import:\n%v", err)
			}
			q := s.Quarters[len(s.Quarters)-1]
			if q.ID.Slug() != "2016-17-q2" || !q.Draft {
				t.Errorf("the last quarter is %s, draft %v; want 2016-17 Q2, still a draft", q.ID, q.Draft)
			}
			targets := map[string]string{}
			for _, r := range q.Rows {
				targets[r.Measure.ID] = r.Target.Raw
			}
			for id, want := range map[string]string{"homes-1": "110", "homes-2": "90%", "homes-3": "£1,000", "homes-4": "40", "work-1": "01:30"} {
				if targets[id] != want {
					t.Errorf("%s's target is %q; want %q", id, targets[id], want)
				}
			}
		})
	}
}

// TestImportDryRun lists the changes and writes nothing.
func TestImportDryRun(t *testing.T) {
	dir, out, scaffold := mergeSite(t)
	before, _ := os.ReadDir(filepath.Dir(out))
	stdout, _, err := runImportArgs(filepath.Join(dir, "scores.csv"), "-src", dir, "-quarter", "2016-17-q2", "-dry-run")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  changed   homes-1: target 100 -> 110 (replaces a value already set); actual (blank) -> 120\n",
		"  left as it was (not in the sheet), 3 measures: homes-3, homes-4, work-1\n",
		"This was a dry run: nothing was written.\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q; it is:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "Imported") {
		t.Errorf("a dry run says it imported:\n%s", stdout)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, scaffold) {
		t.Errorf("a dry run changed the file:\n%s", got)
	}
	if after, _ := os.ReadDir(filepath.Dir(out)); len(after) != len(before) {
		t.Errorf("a dry run left %d files in data/quarters, not %d", len(after), len(before))
	}
}

// TestImportPublished refuses to change a published quarter without
// -correct, listing what it would change, and leaves the file as it was;
// with -correct it writes, and says these are corrections.
func TestImportPublished(t *testing.T) {
	dir := importSite(t, map[string]string{
		"scores.csv":                    "Ref,Target,Actual,RAG\nhomes-1,,95,\n",
		"data/quarters/2016-17-q1.yaml": "quarter: 2016-17 Q1\npublished: 2016-08-01\nmeasures:\n  homes-1: {target: 100, actual: 90, status: A}  # as published\n",
	})
	csv := filepath.Join(dir, "scores.csv")
	out := filepath.Join(dir, "data", "quarters", "2016-17-q1.yaml")
	orig, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{}, {"-force"}} {
		stdout, _, err := runImportArgs(append([]string{csv, "-src", dir, "-quarter", "Q1 2016/17"}, args...)...)
		want := `data/quarters/2016-17-q1.yaml is a published quarter (its file has no "draft: true"), and a published quarter's figures are a public record: the import would change them, as listed below, so it stopped. Nothing was written.

Importing scores.csv into data/quarters/2016-17-q1.yaml (a published quarter; what the sheet leaves out or leaves blank is kept):
  changed   homes-1: actual 90 -> 95 (replaces a value already set)
  in neither the sheet nor the file, 1 measure: homes-2
In all, of the measures: 1 changed; 1 value already set is replaced or cleared.

If these are corrections to the published report, import again with -correct.`
		if err == nil || err.Error() != want {
			t.Errorf("import %q into a published quarter:\n%v\nwant:\n%s", args, err, want)
		}
		if stdout != "" {
			t.Errorf("a refused import printed:\n%s", stdout)
		}
		if got, _ := os.ReadFile(out); !bytes.Equal(got, orig) {
			t.Errorf("a refused import changed the file:\n%s", got)
		}
	}

	stdout, _, err := runImportArgs(csv, "-src", dir, "-quarter", "2016-17-q1", "-dry-run")
	if err != nil || !strings.HasSuffix(stdout, "This was a dry run: nothing was written. data/quarters/2016-17-q1.yaml is a published quarter: writing these changes needs -correct, as they would correct a public record.\n") {
		t.Errorf("-dry-run: %v\n%s", err, stdout)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, orig) {
		t.Errorf("-dry-run changed the file:\n%s", got)
	}

	stdout, _, err = runImportArgs(csv, "-src", dir, "-quarter", "2016-17-q1", "-correct")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Corrected " + out + ", a published quarter, from 1 measure of " + csv + ". These are corrections to a public record: publish the site again so that it shows them, and tell readers what was corrected and why.\n"; !strings.Contains(stdout, want) {
		t.Errorf("-correct printed:\n%s\nwant it to hold:\n%s", stdout, want)
	}
	got, _ := os.ReadFile(out)
	if want := "quarter: 2016-17 Q1\npublished: 2016-08-01\nmeasures:\n  homes-1: {target: 100, actual: \"95\", status: A} # as published\n"; string(got) != want {
		t.Errorf("-correct wrote:\n%s\nwant:\n%s", got, want)
	}

	// A sheet that agrees with a published quarter changes nothing, and
	// needs no -correct.
	stdout, _, err = runImportArgs(csv, "-src", dir, "-quarter", "2016-17-q1")
	if err != nil || !strings.Contains(stdout, "Nothing to change") {
		t.Errorf("the same sheet again: %v\n%s", err, stdout)
	}
}

// TestImportBlankAndDash: a blank cell keeps what the file has; "-" is
// the value "not applicable" for a target or actual, and clears a
// status, period or notes.
func TestImportBlankAndDash(t *testing.T) {
	dir := importSite(t, map[string]string{
		"scores.csv": "Ref,Target,Actual,RAG,Period,Notes\nhomes-1,,-,-,-,-\nhomes-2,,,,,\n",
		"data/quarters/2016-17-q2.yaml": "quarter: 2016-17 Q2\ndraft: true\nmeasures:\n" +
			"  homes-1: {target: 100, actual: 90, status: A, period: Apr to Jun, notes: [1]}\n" +
			"  homes-2: {target: 90%, actual: 88%, status: A, period: Apr to Jun, notes: [1]}\n" +
			"notes:\n  - {theme: homes, labels: [1], text: In arrears}\n",
	})
	stdout, _, err := runImportArgs(filepath.Join(dir, "scores.csv"), "-src", dir, "-quarter", "2016-17-q2")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  changed   homes-1: actual 90 -> - (replaces a value already set); status A -> (cleared); period \"Apr to Jun\" -> (cleared); notes 1 -> (cleared)\n",
		"  unchanged (the sheet agrees with the file), 1 measure: homes-2\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q; it is:\n%s", want, stdout)
		}
	}
	got, _ := os.ReadFile(filepath.Join(dir, "data", "quarters", "2016-17-q2.yaml"))
	want := "quarter: 2016-17 Q2\ndraft: true\nmeasures:\n" +
		"  homes-1: {target: 100, actual: '-'}\n" +
		"  homes-2: {target: 90%, actual: 88%, status: A, period: Apr to Jun, notes: [1]}\n" +
		"notes:\n  - {theme: homes, labels: [1], text: In arrears}\n"
	if string(got) != want {
		t.Errorf("wrote:\n%s\nwant:\n%s", got, want)
	}
}

// TestImportRefusesBrokenFile: the import keeps what the sheet leaves out
// of the file, so a file the build refuses is not merged into.
func TestImportRefusesBrokenFile(t *testing.T) {
	broken := "quarter: 2016-17 Q2\ndraft: true\nmeasures:\n  homes-1: {actual: lots}\n"
	dir := importSite(t, map[string]string{"data/quarters/2016-17-q2.yaml": broken})
	_, _, err := runImportArgs(filepath.Join(dir, "scores.csv"), "-src", dir, "-quarter", "2016-17-q2")
	want := `data/quarters/2016-17-q2.yaml:4:21: measure homes-1: actual "lots" is not a value Scorecard can read; write a number such as 90 or 90%, a range such as 13-15%, a time such as 01:30, or "-" when not applicable, or a word saying why there is no figure (NYA, N/A, New, Not measured, No target); to use another word, add it to figure_words in data/site.yaml with its meaning

The import merges the sheet into data/quarters/2016-17-q2.yaml, keeping what the sheet leaves out, so the file must be right first: fix this error (scorecard check lists it too), then import again; or, to import the sheet alone, move the file out of data/quarters. Nothing was written.`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "data", "quarters", "2016-17-q2.yaml")); string(got) != broken {
		t.Errorf("the file changed:\n%s", got)
	}
}

// TestQuarterSpellings names a quarter in each way people write one, to
// new quarter, import -quarter and export -quarter: each reads it as the
// same quarter. A quarter that cannot be says why, and how to write one.
func TestQuarterSpellings(t *testing.T) {
	spellings := []string{
		"2016-17 Q%d", "2016/17 Q%d", "2016-17-q%d", "Q%d 2016/17", "Q%d 2016-17", "2016/17 q%d",
		"  2016-17   q%d ", "q%d  2016/17", "2016–17 Q%d", "2016-2017 Q%d", "Quarter %d, 2016/17", "2016-17/q%d",
	}
	for _, spelling := range spellings {
		q3 := fmt.Sprintf(spelling, 3)
		t.Run(strings.TrimSpace(q3), func(t *testing.T) {
			// new quarter, with the quarter as one argument and as words.
			for _, words := range [][]string{{q3}, strings.Fields(q3)} {
				dir := importSite(t, nil)
				var stdout, stderr bytes.Buffer
				env := &Env{Stdout: &stdout, Stderr: &stderr, Now: time.Now}
				if err := runNew(env, append(append([]string{"quarter"}, words...), "-src", dir)); err != nil {
					t.Errorf("new quarter %q: %v\n%s", words, err, &stderr)
				} else if !strings.HasPrefix(stdout.String(), "Created data/quarters/2016-17-q3.yaml\n") {
					t.Errorf("new quarter %q printed:\n%s", words, &stdout)
				}
			}

			dir := importSite(t, nil)
			if _, stderr, err := runImportArgs(filepath.Join(dir, "scores.csv"), "-src", dir, "-quarter", q3); err != nil {
				t.Errorf("import -quarter %q: %v\n%s", q3, err, stderr)
			} else if _, err := os.Stat(filepath.Join(dir, "data", "quarters", "2016-17-q3.yaml")); err != nil {
				t.Errorf("import -quarter %q did not write 2016-17-q3.yaml: %v", q3, err)
			}

			q1 := fmt.Sprintf(spelling, 1)
			var stdout, stderr bytes.Buffer
			env := &Env{Stdout: &stdout, Stderr: &stderr, Now: time.Now}
			if err := runExport(env, []string{"-src", dir, "-quarter", q1}); err != nil {
				t.Errorf("export -quarter %q: %v\n%s", q1, err, &stderr)
			} else if !strings.Contains(stdout.String(), "\n2016-17 Q1,homes,homes-1,") {
				t.Errorf("export -quarter %q printed:\n%s", q1, &stdout)
			}
		})
	}

	for _, tc := range []struct{ text, why string }{
		{"2016-18 Q3", `"2016-18 Q3" is not a quarter: a financial year runs into the next, so 2016 is followed by 17, not 18; `},
		{"2016-17 Q5", `"2016-17 Q5" is not a quarter: a year has quarters 1 to 4, not 5; `},
		{"Q3", `"Q3" is not a quarter: it names the quarter but not the financial year, with both its years; `},
		{"soon", `"soon" is not a quarter; `},
	} {
		how := "write the financial year and the quarter, such as 2016-17 Q3, 2016/17 Q3, Q3 2016/17 or 2016-17-q3\n"
		dir := importSite(t, nil)
		var stdout, stderr bytes.Buffer
		env := &Env{Stdout: &stdout, Stderr: &stderr, Now: time.Now}
		if err := runNew(env, []string{"quarter", tc.text, "-src", dir}); !errors.Is(err, errUsage) || stderr.String() != "scorecard new quarter: "+tc.why+how {
			t.Errorf("new quarter %q: %v\n%s", tc.text, err, &stderr)
		}
		if _, stderr, err := runImportArgs(filepath.Join(dir, "scores.csv"), "-src", dir, "-quarter", tc.text); !errors.Is(err, errUsage) || stderr != "scorecard import: -quarter "+tc.why+how {
			t.Errorf("import -quarter %q: %v\n%s", tc.text, err, stderr)
		}
		stderr.Reset()
		if err := runExport(env, []string{"-src", dir, "-quarter", tc.text}); !errors.Is(err, errUsage) || stderr.String() != "scorecard export: -quarter "+tc.why+how {
			t.Errorf("export -quarter %q: %v\n%s", tc.text, err, &stderr)
		}
		if entries, _ := os.ReadDir(filepath.Join(dir, "data", "quarters")); len(entries) != 1 {
			t.Errorf("%q: data/quarters holds %d files, not the one it had", tc.text, len(entries))
		}
	}
}

func TestImportErrorsWriteNothing(t *testing.T) {
	dir := importSite(t, map[string]string{
		"scores.csv": "Ref,Target,Actual,RAG\nhomes-2,90%,ninety,HG\nhomes-9,1,2,HG\n",
	})
	csv := filepath.Join(dir, "scores.csv")
	_, _, err := runImportArgs(csv, "-src", dir, "-quarter", "2016-17-q2")
	want := csv + `:2:3: cell C2: measure homes-2: actual "ninety" is not a value Scorecard can read; write a number such as 90 or 90%, a range such as 13-15%, a time such as 01:30, or "-" when not applicable, or a word saying why there is no figure (NYA, N/A, New, Not measured, No target); to use another word, add it to figure_words in data/site.yaml with its meaning
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
		"data/measures.yaml": "themes:\n  - {id: homes, title: Homes}\nmeasures:\n  - {id: homes-1, theme: homes, title: Homes built, good: sideways, unit: count}\n",
	})
	_, _, err := runImportArgs(filepath.Join(dir, "scores.csv"), "-src", dir, "-quarter", "2016-17-q2")
	if err == nil || !strings.HasPrefix(err.Error(), `data/measures.yaml:4:`) || !strings.HasSuffix(err.Error(), "The import needs the site's catalogue, status scale and import: section; fix this error, then import again. Nothing was written.") {
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
		{[]string{csv, "-src", dir, "-quarter", "soon"}, "scorecard import: -quarter \"soon\" is not a quarter; write the financial year and the quarter, such as 2016-17 Q3, 2016/17 Q3, Q3 2016/17 or 2016-17-q3\n"},
		{[]string{"-quarter", "2016-17-q2"}, "scorecard import: name one spreadsheet to import, a .csv or .xlsx file\n"},
		{[]string{csv, csv, "-quarter", "2016-17-q2"}, "scorecard import: name one spreadsheet to import, a .csv or .xlsx file\n"},
	} {
		_, stderr, err := runImportArgs(tc.args...)
		if !errors.Is(err, errUsage) || !strings.HasPrefix(stderr, tc.stderr) {
			t.Errorf("import %q: %v, stderr:\n%s\nwant usage error with:\n%s", tc.args, err, stderr, tc.stderr)
		}
	}
	stdout, _, err := runImportArgs("-help")
	if !errors.Is(err, flag.ErrHelp) || !strings.HasPrefix(stdout, "Usage: scorecard import FILE.csv|FILE.xlsx -quarter 2016-17-q2 | -edition EDITION [-src DIR] [-sheet NAME] [-dry-run] [-correct]\n") {
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
