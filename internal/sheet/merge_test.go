package sheet

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"scorecard/internal/load"
	"scorecard/internal/report"
)

// baseOf is what an import into the test site's 2016-17 Q2 merges into,
// with data as the quarter's file (nil for none).
func baseOf(t testing.TB, data string) Base {
	fsys := siteFS(t)
	b := Base{SiteYAML: fsys[SiteFile].Data, Catalogue: fsys[CatalogueFile].Data}
	if data != "" {
		b.Data = []byte(data)
	}
	return b
}

func merge(t *testing.T, file, sheet string) *Merged {
	t.Helper()
	s := testSite(t)
	q, probs := Import(csvSheet(t, sheet), s, q2, Config{})
	if probs != nil {
		t.Fatal(probs)
	}
	m, err := Merge(s, q, baseOf(t, file), "scores.csv")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// changes lists what a merge changes, a line a measure or note.
func changes(m *Merged) []string {
	var out []string
	for _, c := range m.Measures {
		line := c.Measure.ID
		if c.Added {
			line += " added"
		}
		for _, f := range c.Fields {
			line += fmt.Sprintf(" %s:%q->%q", f.Field, f.Old, f.New)
		}
		out = append(out, line)
	}
	for _, n := range m.Notes {
		line := fmt.Sprintf("note %s %s", n.Theme.ID, n.Label)
		if n.Added {
			line += " added"
		}
		if n.Known {
			line += fmt.Sprintf(" %q->%q", n.Old, n.New)
		}
		out = append(out, line)
	}
	ids := func(ms []*report.Measure) string {
		var s []string
		for _, m := range ms {
			s = append(s, m.ID)
		}
		return strings.Join(s, ",")
	}
	return append(out, "kept "+ids(m.Kept), "absent "+ids(m.Absent))
}

// TestMerge merges sheets into a file that has a little of everything: a
// comment at the top, a draft flag, a publication date, a theme heading,
// rows in flow and block style and a row of nothing, and notes that share
// a text.
func TestMerge(t *testing.T) {
	const file = `# Keep this comment.
quarter: 2016-17 Q2
draft: true
published: 2016-12-07
measures:
    # Homes
    homes-1: {target: "100", actual: , status: }   # Homes built
    homes-3:
    # Work
    work-1:
        target: "01:30"
        actual: "01:45"  # by hand
notes:
    - {theme: homes, labels: [1, 2], text: In arrears}
    - {theme: work, labels: [2]}
`
	for _, tc := range []struct {
		name, sheet string
		changes     []string
		want        string // the file written, or "" for the file as it was
	}{{
		name:    "the same figures change nothing",
		sheet:   "measure,target,actual,status\nhomes-1,100,,\nwork-1,01:30,01:45,\n",
		changes: []string{"homes-1", "work-1", "kept homes-3", "absent homes-2,work-2"},
	}, {
		name:  "a new measure goes where the catalogue puts it, and others are kept as they were, comments and all",
		sheet: "measure,target,actual,status,notes\nhomes-2,90%,93.5%,HG,Note 1\nwork-2,1.5,,,\n",
		changes: []string{
			`homes-2 added target:""->"90%" actual:""->"93.5%" status:""->"HG" notes:""->"1"`,
			`work-2 added target:""->"1.5"`,
			"kept homes-1,homes-3,work-1", "absent ",
		},
		want: `# Keep this comment.
quarter: 2016-17 Q2
draft: true
published: 2016-12-07
measures:
    # Homes
    homes-1: {target: "100", actual: , status: }   # Homes built
    homes-2: {target: 90%, actual: 93.5%, status: HG, notes: [1]}
    homes-3:
    # Work
    work-1:
        target: "01:30"
        actual: "01:45" # by hand
    work-2: {target: "1.5"}
notes:
    - {theme: homes, labels: [1, 2], text: In arrears}
    - {theme: work, labels: [2]}
`,
	}, {
		name:  "a blank cell keeps the file's value; a row of nothing is filled in; a block row keeps its style",
		sheet: "measure,target,actual,status\nhomes-1,,120,HG\nhomes-3,£1,£2,\nwork-1,,01:20,LG\n",
		changes: []string{
			`homes-1 actual:""->"120" status:""->"HG"`,
			`homes-3 target:""->"£1" actual:""->"£2"`,
			`work-1 actual:"01:45"->"01:20" status:""->"LG"`,
			"kept ", "absent homes-2,work-2",
		},
		want: `# Keep this comment.
quarter: 2016-17 Q2
draft: true
published: 2016-12-07
measures:
    # Homes
    homes-1: {target: "100", actual: "120", status: HG} # Homes built
    homes-3: {target: £1, actual: £2}
    # Work
    work-1:
        target: "01:30"
        actual: 01:20 # by hand
        status: LG
notes:
    - {theme: homes, labels: [1, 2], text: In arrears}
    - {theme: work, labels: [2]}
`,
	}, {
		name:  "a note's new text for all its labels changes it in place; for some, they move to a note of their own",
		sheet: "measure,target,actual,status,notes\nhomes-1,,,,Note 1: Estimated\nhomes-3,,,,\"Note 2: Estimated\"\nwork-1,,,,Note 2: Provisional\n",
		changes: []string{
			`homes-1 notes:""->"1"`, `homes-3 notes:""->"2"`, `work-1 notes:""->"2"`,
			`note homes 1 "In arrears"->"Estimated"`, `note homes 2 "In arrears"->"Estimated"`, `note work 2 ""->"Provisional"`,
			"kept ", "absent homes-2,work-2",
		},
		want: `# Keep this comment.
quarter: 2016-17 Q2
draft: true
published: 2016-12-07
measures:
    # Homes
    homes-1: {target: "100", actual: '', status: '', notes: [1]} # Homes built
    homes-3: {notes: [2]}
    # Work
    work-1:
        target: "01:30"
        actual: "01:45" # by hand
        notes: [2]
notes:
    - {theme: homes, labels: [1, 2], text: Estimated}
    - {theme: work, labels: [2], text: Provisional}
`,
	}, {
		name:  "a label whose text differs from the rest of its note's",
		sheet: "measure,target,actual,status,notes\nhomes-1,,,,\"Note 2: Estimated; Note 3: New\"\n",
		changes: []string{
			`homes-1 notes:""->"2, 3"`,
			`note homes 2 "In arrears"->"Estimated"`, `note homes 3 added ""->"New"`,
			"kept homes-3,work-1", "absent homes-2,work-2",
		},
		want: `# Keep this comment.
quarter: 2016-17 Q2
draft: true
published: 2016-12-07
measures:
    # Homes
    homes-1: {target: "100", actual: '', status: '', notes: [2, 3]} # Homes built
    homes-3:
    # Work
    work-1:
        target: "01:30"
        actual: "01:45" # by hand
notes:
    - {theme: homes, labels: [1], text: In arrears}
    - {theme: homes, labels: [2], text: Estimated}
    - {theme: homes, labels: [3], text: New}
    - {theme: work, labels: [2]}
`,
	}, {
		name:  `"-" is a target or actual not applicable, and clears a status, period or notes`,
		sheet: "measure,target,actual,status,period,notes\nhomes-1,-,–,-,-,-\n",
		changes: []string{
			`homes-1 target:"100"->"-" actual:""->"–"`,
			"kept homes-3,work-1", "absent homes-2,work-2",
		},
		want: `# Keep this comment.
quarter: 2016-17 Q2
draft: true
published: 2016-12-07
measures:
    # Homes
    homes-1: {target: '-', actual: –, status: ''} # Homes built
    homes-3:
    # Work
    work-1:
        target: "01:30"
        actual: "01:45" # by hand
notes:
    - {theme: homes, labels: [1, 2], text: In arrears}
    - {theme: work, labels: [2]}
`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			m := merge(t, file, tc.sheet)
			if diff := cmp.Diff(tc.changes, changes(m)); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
			want := tc.want
			if want == "" {
				want = file
				if m.Changed() {
					t.Errorf("Changed() is true for a sheet that agrees with the file")
				}
			}
			if diff := cmp.Diff(want, string(m.Data)); diff != "" {
				t.Errorf("file (-want +got):\n%s", diff)
			}
			if m.Rewritten || len(m.LostComments) > 0 {
				t.Errorf("rewritten %v, lost comments %q; want the file edited in place", m.Rewritten, m.LostComments)
			}
			if !m.Draft || m.Published != "2016-12-07" {
				t.Errorf("draft %v, published %q; want the file's", m.Draft, m.Published)
			}
		})
	}
}

// TestMergeClearsFilledStatus: "-" in the status column clears a status
// the file has; the other fields stay.
func TestMergeClearsFilledStatus(t *testing.T) {
	m := merge(t, "quarter: 2016-17 Q2\nmeasures:\n  homes-1: {target: 100, actual: 90, status: A, period: Q2, notes: [1]}\nnotes:\n  - {theme: homes, labels: [1], text: x}\n",
		"measure,target,actual,status,period,notes\nhomes-1,,,-,-,-\n")
	want := "quarter: 2016-17 Q2\nmeasures:\n  homes-1: {target: 100, actual: 90}\nnotes:\n  - {theme: homes, labels: [1], text: x}\n"
	if string(m.Data) != want {
		t.Errorf("wrote:\n%s\nwant:\n%s", m.Data, want)
	}
	if got := changes(m)[0]; got != `homes-1 status:"A"->"" period:"Q2"->"" notes:"1"->""` {
		t.Errorf("changes: %s", got)
	}
}

// TestMergeNewFile makes a new file from the sheet alone, marked draft.
func TestMergeNewFile(t *testing.T) {
	m := merge(t, "", "measure,target,actual,status,notes\nhomes-1,100,120,HG,Note 1\n")
	want := `# Imported from scores.csv by scorecard import.
quarter: 2016-17 Q2
draft: true
measures:
  # Homes
  homes-1: {target: "100", actual: "120", status: HG, notes: [1]}
notes:
  # The sheet gives no text for these notes: add text: as the report
  # prints it, or leave them without text.
  - {theme: homes, labels: [1]}
`
	if string(m.Data) != want {
		t.Errorf("wrote:\n%s\nwant:\n%s", m.Data, want)
	}
	if m.Existed || !m.Draft || !m.Changed() || len(m.Missing) != 1 {
		t.Errorf("existed %v, draft %v, changed %v, missing %d; want a new draft, changed, with a note missing", m.Existed, m.Draft, m.Changed(), len(m.Missing))
	}
}

// TestMergeRefusesBrokenFile: a file the build refuses is not merged into;
// its errors are returned at their lines.
func TestMergeRefusesBrokenFile(t *testing.T) {
	s := testSite(t)
	q, probs := Import(csvSheet(t, "measure,target,actual,status\nhomes-1,1,2,HG\n"), s, q2, Config{})
	if probs != nil {
		t.Fatal(probs)
	}
	for _, tc := range []struct{ file, want string }{
		{"quarter: 2016-17 Q2\nmeasures:\n  homes-1: {actual: lots}\n", `data/quarters/2016-17-q2.yaml:3:21: measure homes-1: actual "lots" is not a value`},
		{"quarter: 2016-17 Q2\nmeasures:\n  homes-9: {}\n", `data/quarters/2016-17-q2.yaml:3:3: measure "homes-9" is not in data/measures.yaml`},
		{"quarter: 2016-17 Q1\nmeasures: {}\n", `data/quarters/2016-17-q2.yaml:1:10: quarter is "2016-17 Q1", but the file is named for 2016-17 Q2`},
		{"quarter: [\n", `data/quarters/2016-17-q2.yaml:2:`},
		{"\x00", `data/quarters/2016-17-q2.yaml:1:1: the file holds a control character`},
	} {
		_, err := Merge(s, q, baseOf(t, tc.file), "scores.csv")
		var fe *FileErrors
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("merging into %q: %v\nwant an error starting %s", tc.file, err, tc.want)
		}
	}
}

// TestMergeTooLarge refuses a merged file larger than the build reads: a
// file just within the limit, which a long period takes beyond it.
func TestMergeTooLarge(t *testing.T) {
	s := testSite(t)
	q, probs := Import(csvSheet(t, "measure,target,actual,status,period\nhomes-1,,,,"+strings.Repeat("x", 1000)+"\n"), s, q2, Config{})
	if probs != nil {
		t.Fatal(probs)
	}
	file := "quarter: 2016-17 Q2\nmeasures: {}\n"
	file = "# " + strings.Repeat("x", load.MaxFileSize-len(file)-3) + "\n" + file
	if _, err := Merge(s, q, baseOf(t, file), "scores.csv"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Merge: %v, want ErrTooLarge", err)
	}
}

// mergeBase is the quarter file FuzzImportRoundTrip merges into.
const mergeBase = `# A comment to keep.
quarter: 2016-17 Q2
draft: true
published: 2016-12-07
measures:
  # Homes
  homes-1: {target: "100", actual: , status: }  # Homes built
  homes-2: {target: 90%, actual: 88%, status: A, period: Apr to Jun, notes: [1]}
  homes-3:
  # Work
  work-1:
    target: "01:30"
    actual: "01:45"  # by hand
  work-2:  # a figure for Q1 published in Q2
    - {period: 2016-17 Q1, target: 3, actual: 4, notes: [2]}
    - {target: 3, actual: 2.5}
notes:
  - {theme: homes, labels: [1, 2], text: In arrears}
  - {theme: work, labels: [2]}
`

// checkMerge checks the import's promise when it merges q into
// mergeBase: the build accepts the file, which reads back as the base with
// each cell the sheet fills (or clears with "-") put on top, and every
// note's text the sheet gives; the rest is as the base has it.
func checkMerge(t *testing.T, s *report.Site, q *Quarter, base Base, data []byte) {
	m, err := Merge(s, q, base, "scores.csv")
	if errors.Is(err, ErrTooLarge) {
		return
	}
	if err != nil {
		t.Fatalf("merging the sheet into the base: %v\nthe sheet:\n%q", err, data)
	}
	type row struct {
		Target, Actual, Status, Period string
		Notes                          []string
		key                            rowKey
	}
	// Each measure's rows, in the order of their periods as the loader
	// reads them (row.key, from the loader's own When).
	read := func(file []byte) (*report.Quarter, map[string][]row, map[string]string) {
		fsys := siteFS(t)
		fsys["data/quarters/"+q2.Slug()+".yaml"] = &fstest.MapFile{Data: file}
		loaded, findings := load.Site(fsys)
		if err := findings.Err(); err != nil {
			t.Fatalf("the build refuses what the merge wrote: %v\nthe sheet:\n%q\nthe file:\n%s", err, data, file)
		}
		lq := loaded.Quarters[len(loaded.Quarters)-1]
		rows := map[string][]row{}
		for _, r := range slices.Concat(lq.Rows, lq.More) {
			rw := row{Target: r.Target.Raw, Actual: r.Actual.Raw, Period: r.Period, key: rowKey{when: r.When}}
			if r.When.IsZero() {
				rw.key.text = r.Period
			}
			if r.Status != nil {
				rw.Status = r.Status.Code
			}
			for _, n := range r.Notes {
				rw.Notes = append(rw.Notes, n.Label)
			}
			rows[r.Measure.ID] = append(rows[r.Measure.ID], rw)
		}
		for _, rs := range rows {
			slices.SortFunc(rs, func(a, b row) int { return strings.Compare(fmt.Sprintf("%#v", a), fmt.Sprintf("%#v", b)) })
		}
		notes := map[string]string{}
		for _, n := range lq.Notes {
			for _, l := range n.Labels {
				notes[n.Theme.ID+" "+l] = n.Text
			}
		}
		return lq, rows, notes
	}
	_, want, wantNotes := read(base.Data)
	sheetRows := map[string][]*Row{}
	for _, r := range q.Rows {
		sheetRows[r.Measure.ID] = append(sheetRows[r.Measure.ID], r)
	}
	for id, rs := range sheetRows {
		ws := want[id]
		// One row in the sheet and at most one in the file: the sheet's
		// row is put on the file's. Otherwise each of the sheet's rows is
		// put on the file's row for its period, or added.
		several := len(rs) > 1 || len(ws) > 1
		for _, r := range rs {
			k := keyOf(s, r.Measure, q.ID, r.Period)
			i := slices.IndexFunc(ws, func(w row) bool { return !several || w.key == k })
			period := r.Period
			if i < 0 {
				ws, i = append(ws, row{}), len(ws)
			} else if several && period != "" {
				period = ws[i].Period // the same period, as the file writes it
			}
			w := ws[i]
			if r.Target != "" {
				w.Target = r.Target
			}
			if r.Actual != "" {
				w.Actual = r.Actual
			}
			if r.Status != "" || slices.Contains(r.Cleared, "status") {
				w.Status = r.Status
			}
			if period != "" || slices.Contains(r.Cleared, "period") {
				w.Period = period
			}
			if len(r.Notes) > 0 || slices.Contains(r.Cleared, "notes") {
				w.Notes = r.Notes
			}
			w.key = rowKey{}
			ws[i] = w
		}
		want[id] = ws
	}
	for _, rows := range want {
		for i := range rows {
			rows[i].key = rowKey{}
		}
		slices.SortFunc(rows, func(a, b row) int { return strings.Compare(fmt.Sprintf("%#v", a), fmt.Sprintf("%#v", b)) })
	}
	for _, n := range q.Notes {
		for _, l := range n.Labels {
			if _, had := wantNotes[n.Theme.ID+" "+l]; n.Known || !had {
				wantNotes[n.Theme.ID+" "+l] = n.Text
			}
		}
	}
	lq, got, gotNotes := read(m.Data)
	for _, rows := range got {
		for i := range rows {
			rows[i].key = rowKey{}
		}
		slices.SortFunc(rows, func(a, b row) int { return strings.Compare(fmt.Sprintf("%#v", a), fmt.Sprintf("%#v", b)) })
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(row{})); diff != "" {
		t.Errorf("the merged file's rows (-want +got):\n%s\nthe sheet:\n%q\nthe file:\n%s", diff, data, m.Data)
	}
	if diff := cmp.Diff(wantNotes, gotNotes); diff != "" {
		t.Errorf("the merged file's notes (-want +got):\n%s\nthe sheet:\n%q\nthe file:\n%s", diff, data, m.Data)
	}
	if !lq.Draft || lq.Published != "2016-12-07" {
		t.Errorf("the merged file has draft %v and published %q, not the base's:\n%s", lq.Draft, lq.Published, m.Data)
	}
	if !m.Rewritten && !strings.Contains(string(m.Data), "# A comment to keep.\n") {
		t.Errorf("the merged file lost its first comment, and does not say so:\n%s", m.Data)
	}
}
