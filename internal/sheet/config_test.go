package sheet

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadConfig(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     Config
		errs     []string
	}{{
		name: "no import section",
		in:   "organisation: Test Council\ntitle: Report\n",
	}, {
		name: "columns and header_row; the rest of the file is the loader's",
		in: `organisation: Test Council
import:
  columns: {measure: "Ref", target: "Target", actual: "Actual", status: "RAG"}
  header_row: 3
statuses: whatever the loader says
`,
		want: Config{Columns: map[string]string{"measure": "Ref", "target": "Target", "actual": "Actual", "status": "RAG"}, HeaderRow: 3},
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
		want: Config{Columns: map[string]string{"measure": "Ref", "target": "Target", "actual": "Actual", "status": "RAG",
			"period": "Data period", "notes": "Notes", "quarter": "Quarter"}},
	}, {
		name: "mistakes",
		in: `import:
  columns: {measure: Ref, rag: RAG, target: "", actual: ref}
  header_row: first
  sheet: Q2
`,
		want: Config{Columns: map[string]string{"measure": "Ref"}},
		errs: []string{
			`data/site.yaml:2:27: import: columns has an unknown field "rag"; the fields are: measure, target, actual, status, period, notes, quarter`,
			`data/site.yaml:2:45: import: columns: target should be the header of the sheet's target column, such as "Ref"`,
			`data/site.yaml:2:57: import: columns: measure and actual both read the column "ref"; give each field its own column`,
			`data/site.yaml:3:15: import: header_row should be the number of the row that holds the column headers, such as 1, not "first"`,
			`data/site.yaml:4:3: import has an unknown field "sheet"; the fields are: columns, header_row (check the spelling and indentation)`,
		},
	}, {
		name: "not a mapping",
		in:   "import: yes\n",
		errs: []string{`data/site.yaml:1:9: import should hold "columns:" and "header_row:", as name: value lines`},
	}, {
		name: "not YAML: the loader says where",
		in:   "import: [\n",
		errs: []string{`data/site.yaml: the file is not valid YAML; run scorecard check to see where`},
	}} {
		got, errs := ReadConfig([]byte(tc.in))
		if diff := cmp.Diff(tc.want, got, cmpEmptyMap); diff != "" {
			t.Errorf("%s: config (-want +got):\n%s", tc.name, diff)
		}
		var gotErrs []string
		for _, d := range errs {
			gotErrs = append(gotErrs, d.Error())
		}
		if diff := cmp.Diff(tc.errs, gotErrs); diff != "" {
			t.Errorf("%s: errors (-want +got):\n%s", tc.name, diff)
		}
	}
}

// cmpEmptyMap treats a nil map and an empty one alike.
var cmpEmptyMap = cmp.FilterValues(func(a, b map[string]string) bool { return len(a) == 0 && len(b) == 0 }, cmp.Ignore())
