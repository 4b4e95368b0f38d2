package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/report"
)

// TestImportSection reads the import: section of data/site.yaml with the
// rest of the file, reporting its mistakes at their file:line:col.
func TestImportSection(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     report.Import
		errs     []string // line numbers counted from the first line of in
	}{{
		name: "no import section",
	}, {
		name: "columns and header_row",
		in: `import:
  columns: {measure: "Ref", target: "Target", actual: "Actual", status: "RAG"}
  header_row: 3
`,
		want: report.Import{Columns: map[string]string{"measure": "Ref", "target": "Target", "actual": "Actual", "status": "RAG"}, HeaderRow: 3},
	}, {
		name: "block style, every field",
		in: `import:
  columns:
    measure: Ref
    target: Target
    actual: Actual
    status: RAG
    period: Data period
    notes: Notes
    quarter: Quarter
`,
		want: report.Import{Columns: map[string]string{"measure": "Ref", "target": "Target", "actual": "Actual", "status": "RAG",
			"period": "Data period", "notes": "Notes", "quarter": "Quarter"}},
	}, {
		name: "empty",
		in:   "import:\n",
	}, {
		name: "mistakes",
		in: `import:
  columns: {measure: Ref, rag: RAG, target: "", actual: ref, measure: Other, status: [a]}
  header_row: first
  sheet: Q2
`,
		want: report.Import{Columns: map[string]string{"measure": "Ref"}},
		errs: []string{
			`2:27: import: columns has an unknown field "rag"; the fields are: measure, target, actual, status, period, notes, quarter`,
			`2:45: import: columns: target should be the header of the sheet's target column, such as "Ref"`,
			`2:57: import: columns: measure and actual both read the column "ref"; give each field its own column`,
			`2:62: import: columns names measure twice; remove one`,
			`2:86: import: columns: status should be a single value, but it is a list`,
			`3:15: import: header_row should be the number of the row that holds the column headers, such as 1, not "first"`,
			`4:3: import has an unknown field "sheet"; the fields are: columns, header_row (check the spelling and indentation)`,
		},
	}, {
		name: "not a mapping",
		in:   "import: yes\n",
		errs: []string{`1:9: import should be a set of "name: value" lines, but it is the value "yes"`},
	}, {
		name: "columns not a mapping",
		in:   "import:\n  columns: [Ref]\n",
		errs: []string{`2:12: import: columns should map each field to its column's header, such as {measure: Ref, status: RAG}`},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := site(t, nil)
			base := string(fsys[siteFile].Data)
			fsys[siteFile].Data = []byte(base + tc.in)
			s, errs := Site(fsys)
			if diff := cmp.Diff(tc.want, s.Import, cmpEmptyMap); diff != "" {
				t.Errorf("import (-want +got):\n%s", diff)
			}
			offset := strings.Count(base, "\n")
			var want []string
			for _, e := range tc.errs {
				var line int
				var rest string
				fmt.Sscanf(e, "%d:", &line)
				rest = e[strings.Index(e, ":"):]
				want = append(want, fmt.Sprintf("%s:%d%s", siteFile, line+offset, rest))
			}
			var got []string
			for _, d := range errs {
				got = append(got, d.Error())
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

// cmpEmptyMap treats a nil map and an empty one alike.
var cmpEmptyMap = cmp.FilterValues(func(a, b map[string]string) bool { return len(a) == 0 && len(b) == 0 }, cmp.Ignore())
