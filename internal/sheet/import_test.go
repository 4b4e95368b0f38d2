package sheet

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"scorecard/internal/load"
	"scorecard/internal/report"
)

// testSite loads testdata/site.txtar.
func testSite(t *testing.T) *report.Site {
	t.Helper()
	s, findings := load.Site(siteFS(t))
	if err := findings.Err(); err != nil {
		t.Fatalf("the test site has errors:\n%v", err)
	}
	return s
}

func siteFS(t testing.TB) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// csvSheet is a sheet read from CSV text written for a test.
func csvSheet(t *testing.T, text string) *Sheet {
	t.Helper()
	sh, err := ReadCSV("scores.csv", []byte(strings.TrimPrefix(text, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

// rowText gives a row as one line: id, then each field that is set.
func rowText(r *Row) string {
	s := r.Measure.ID
	for _, f := range [][2]string{{"target", r.Target}, {"actual", r.Actual}, {"status", r.Status}, {"period", r.Period}} {
		if f[1] != "" {
			s += fmt.Sprintf(" %s=%q", f[0], f[1])
		}
	}
	if len(r.Notes) > 0 {
		s += " notes=" + strings.Join(r.Notes, ",")
	}
	return s + fmt.Sprintf(" @%d:%d", r.Pos.Line, r.Pos.Col)
}

func noteLine(n *Note) string {
	if !n.Known {
		return fmt.Sprintf("%s %s: ?", n.Theme.ID, strings.Join(n.Labels, ","))
	}
	return fmt.Sprintf("%s %s: %q", n.Theme.ID, strings.Join(n.Labels, ","), n.Text)
}

var q2 = report.QuarterOf(2016, 2)

func TestImport(t *testing.T) {
	s := testSite(t)
	for _, tc := range []struct {
		name  string
		cfg   Config
		sheet string
		rows  []string
		notes []string
	}{{
		name: "the open data's columns, in catalogue order whatever the sheet's",
		sheet: `
measure,target,actual,status,period,notes
work-1,01:30,02:31,HR,,
homes-2,[60%],42.5% (62/146),HG,Apr 15 to Mar 16,
homes-1,100,"1,059",LG,,
`,
		rows: []string{
			`homes-1 target="100" actual="1,059" status="LG" @4:1`,
			`homes-2 target="[60%]" actual="42.5% (62/146)" status="HG" period="Apr 15 to Mar 16" @3:1`,
			`work-1 target="01:30" actual="02:31" status="HR" @2:1`,
		},
	}, {
		name: "blank cells, blank rows and theme headings are left out; headers in any case",
		sheet: `
Measure,Target,Actual,STATUS
Homes,,,
homes-1,,,
,,,

Work and skills,,,
work-1,-,-,No survey this qtr
`,
		rows: []string{`homes-1 @3:1`, `work-1 target="-" actual="-" status="No survey this qtr" @7:1`},
	}, {
		name: "a header below a title, mapped column names, extra columns ignored",
		cfg:  Config{Columns: map[string]string{"measure": "Ref", "target": "Target 2016/17", "status": "RAG"}},
		sheet: `
Strategic Performance Report,,,,
Quarter 2,,,,
Ref,Title,Target 2016/17,Actual,RAG
homes-2,Repairs on time,90%,88%,A
Ref,Title,Target 2016/17,Actual,RAG
work-2,Sickness,8.18,5.33 (26th),HR
`,
		rows: []string{`homes-2 target="90%" actual="88%" status="A" @4:1`, `work-2 target="8.18" actual="5.33 (26th)" status="HR" @6:1`},
	}, {
		name: "header_row picks the header when the measure's name is also above it",
		cfg:  Config{HeaderRow: 2},
		sheet: `
measure by measure,,,
measure,target,actual,status
homes-1,1,2,HG
`,
		rows: []string{`homes-1 target="1" actual="2" status="HG" @3:1`},
	}, {
		name: "a quarter column keeps only the quarter imported, in either spelling",
		sheet: `
quarter,measure,target,actual,status
2016-17 Q1,homes-1,100,90,A
2016-17 Q2,homes-1,100,120,HG
2016-17-q2,work-1,01:30,01:20,HG
2015-16 Q2,work-1,01:30,01:40,A
`,
		rows: []string{`homes-1 target="100" actual="120" status="HG" @3:2`, `work-1 target="01:30" actual="01:20" status="HG" @4:2`},
	}, {
		name: "surrounding spaces are trimmed; ids and statuses match in any case",
		sheet: `
measure,target,actual,status
 HOMES-1 , 100 ,  120,hg
`,
		rows: []string{`homes-1 target="100" actual="120" status="HG" @2:1`},
	}, {
		name: "notes: labels in every spelling; the open data's text is kept",
		sheet: `
measure,target,actual,status,notes
homes-1,,,,Note 7
homes-2,,,,"1, 2"
homes-3,,,,Notes 2 & 10
work-1,,,,3
work-2,,,,Note 4: Data in arrears; Note 5: (published without text); Note 6: Two; parts
`,
		rows: []string{`homes-1 notes=7 @2:1`, `homes-2 notes=1,2 @3:1`, `homes-3 notes=2,10 @4:1`, `work-1 notes=3 @5:1`, `work-2 notes=4,5,6 @6:1`},
		notes: []string{
			`homes 1,2,7,10: ?`,
			`work 4: "Data in arrears"`, `work 5: ""`, `work 6: "Two; parts"`, `work 3: ?`,
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			q, errs := Import(csvSheet(t, tc.sheet), s, q2, tc.cfg)
			if errs != nil {
				t.Fatalf("Import: unexpected errors:\n%v", errs)
			}
			var rows, notes []string
			for _, r := range q.Rows {
				rows = append(rows, rowText(r))
			}
			for _, n := range q.Notes {
				notes = append(notes, noteLine(n))
			}
			if diff := cmp.Diff(tc.rows, rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.notes, notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}

// TestImportXLSX reads the figures as the workbook shows them: formatted
// percentages and times, text cells, blank cells, a header not on row 1.
func TestImportXLSX(t *testing.T) {
	data := workbook(t, map[string]xcell{
		"A1": {"Performance Report, Q2 2016/17", ""},
		"A3": {"Ref", ""}, "B3": {"Target", ""}, "C3": {"Actual", ""}, "D3": {"RAG", ""}, "E3": {"Notes", ""},
		"A4": {"homes-2", ""}, "B4": {0.9, "0%"}, "C4": {0.935, "0.0%"}, "D4": {"HG", ""}, "E4": {7, ""},
		"A5": {"work-1", ""}, "B5": {90.0 / 86400, "mm:ss"}, "C5": {151.0 / 86400, "mm:ss"}, "D5": {"HR", ""},
		"A6": {"homes-1", ""}, "B6": {"Year on year reduction", ""}, "C6": {"83 (353)", ""},
		"A7": {"homes-3", ""}, "B7": {125000, "£#,##0"}, "C7": {"-", ""}, "D7": {"No target", ""},
	})
	sh, err := ReadXLSX("scores.xlsx", data, "")
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Columns: map[string]string{"measure": "Ref", "status": "RAG"}}
	q, errs := Import(sh, testSite(t), q2, cfg)
	if errs != nil {
		t.Fatalf("Import: unexpected errors:\n%v", errs)
	}
	var rows []string
	for _, r := range q.Rows {
		rows = append(rows, rowText(r))
	}
	want := []string{
		`homes-1 target="Year on year reduction" actual="83 (353)" @6:1`,
		`homes-2 target="90%" actual="93.5%" status="HG" notes=7 @4:1`,
		`homes-3 target="£125,000" actual="-" status="No target" @7:1`,
		`work-1 target="01:30" actual="02:31" status="HR" @5:1`,
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

// TestImportErrors lists the problems of each broken sheet, all at once,
// sorted, each at its cell as file:row:col.
func TestImportErrors(t *testing.T) {
	s := testSite(t)
	for _, tc := range []struct {
		name  string
		cfg   Config
		sheet string
		want  []string
	}{{
		name: "every problem at once, sorted by row and column",
		sheet: `
measure,target,actual,status,notes
homes-99,1,2,HG,
Homes,,,,
hmoes-3,,,,
homes-2,90%,ninety,Purple,
,1,,,
homes-1,100,120%,hg,see below
homes-2,90%,88%,A,
`,
		want: []string{
			`scores.csv:2:1: cell A2: measure "homes-99" is not in data/measures.yaml; check the id or add the measure to the catalogue`,
			`scores.csv:4:1: cell A4: measure "hmoes-3" is not in data/measures.yaml; check the id or add the measure to the catalogue`,
			`scores.csv:5:3: cell C5: measure homes-2: actual "ninety" is not a value Scorecard can read; write a number such as 90 or 90%, a range such as 13-15%, a time such as 01:30, or "-" when not applicable, or a word saying why there is no figure (NYA, N/A, New, Not measured, No target); to use another word, add it to figure_words in data/site.yaml with its meaning`,
			`scores.csv:5:4: cell D5: measure homes-2: status "Purple" is not on the status scale; use one of "HG", "LG", "G", "A", "LR", "HR", "No survey this qtr", "New in 2016/17", "No target", "Reports in Q4 only", "No actual" and "None", or add it to the statuses in data/site.yaml`,
			`scores.csv:6:1: cell A6: the row has figures but no measure id; write the id of its measure from data/measures.yaml, or clear the row`,
			`scores.csv:7:3: cell C7: measure homes-1 is a count, but its actual "120%" has a % sign; show it as a plain number, without % or £ (format the cell as a number), or change the measure's unit in data/measures.yaml`,
			`scores.csv:7:5: cell E7: notes "see below" is not a list of note labels; write the labels of the notes the row refers to, such as 7, Note 7 or 1, 2`,
			`scores.csv:8:1: cell A8: measure homes-2 is listed twice (first in row 5); keep one row for it, or, for figures of several periods, give each row its period in a period column`,
		},
	}, {
		name: "a percentage the sheet shows as a fraction, a time as a number",
		sheet: `
measure,target,actual,status
homes-2,0.9,0.935,HG
work-1,90,01:30,LG
`,
		want: []string{
			`scores.csv:2:2: cell B2: measure homes-2 is measured in per cent, but its target "0.9" is a plain number; show it with a % sign, such as 93.5% (format the cell as a percentage), or change the measure's unit in data/measures.yaml`,
			`scores.csv:2:3: cell C2: measure homes-2 is measured in per cent, but its actual "0.935" is a plain number; show it with a % sign, such as 93.5% (format the cell as a percentage), or change the measure's unit in data/measures.yaml`,
			`scores.csv:3:2: cell B3: measure work-1 is a time in minutes and seconds, but its target "90" is a plain number; show it as minutes:seconds, such as 01:30 (format the cell as mm:ss), or change the measure's unit in data/measures.yaml`,
		},
	}, {
		name:  "no measure column anywhere",
		sheet: "id,target,actual,status\nhomes-1,1,2,HG\n",
		want:  []string{`scores.csv: the sheet has no column "measure"; name a column measure, or map it in data/site.yaml under import: columns:`},
	}, {
		name:  "a mapped measure column that is not there",
		cfg:   Config{Columns: map[string]string{"measure": "Ref"}},
		sheet: "measure,target,actual,status\nhomes-1,1,2,HG\n",
		want:  []string{`scores.csv: the sheet has no column "Ref", which data/site.yaml maps measure to under import: columns:; check the header's spelling there and in the sheet`},
	}, {
		name:  "missing required columns, and a mapped optional one",
		cfg:   Config{Columns: map[string]string{"period": "Data period"}},
		sheet: "Scorecard\nmeasure,actual\nhomes-1,2\n",
		want: []string{
			`scores.csv:2: the header row (row 2) has no column "Data period", which data/site.yaml maps period to under import: columns:; check the header's spelling there and in the sheet`,
			`scores.csv:2: the header row (row 2) has no column "status"; name a column status, or map it in data/site.yaml under import: columns:`,
			`scores.csv:2: the header row (row 2) has no column "target"; name a column target, or map it in data/site.yaml under import: columns:`,
		},
	}, {
		name:  "header_row set to a row without the columns",
		cfg:   Config{HeaderRow: 1},
		sheet: "Scorecard\nmeasure,target,actual,status\nhomes-1,1,2,HG\n",
		want: []string{
			`scores.csv:1: the header row (row 1, set by header_row in data/site.yaml) has no column "actual"; name a column actual, or map it in data/site.yaml under import: columns:`,
			`scores.csv:1: the header row (row 1, set by header_row in data/site.yaml) has no column "measure"; name a column measure, or map it in data/site.yaml under import: columns:`,
			`scores.csv:1: the header row (row 1, set by header_row in data/site.yaml) has no column "status"; name a column status, or map it in data/site.yaml under import: columns:`,
			`scores.csv:1: the header row (row 1, set by header_row in data/site.yaml) has no column "target"; name a column target, or map it in data/site.yaml under import: columns:`,
		},
	}, {
		name:  "header_row beyond the sheet",
		cfg:   Config{HeaderRow: 9},
		sheet: "measure,target,actual,status\n",
		want:  []string{`scores.csv: import: header_row in data/site.yaml is 9, but the sheet has only 1 rows; set header_row to the row that names the columns, or leave it out`},
	}, {
		name:  "two columns with one header",
		sheet: "measure,target,actual,status,Target\nhomes-1,1,2,HG,3\n",
		want:  []string{`scores.csv:1:5: cell E1: a second column is headed "target" (the first is column B); rename one, so that the import knows which to read`},
	}, {
		name:  "an empty sheet",
		sheet: "\n,,\n",
		want:  []string{`scores.csv: the file is empty; save the scorecard sheet into it, with a header row naming the columns`},
	}, {
		name:  "a header and nothing below it",
		sheet: "measure,target,actual,status\n,,,\n",
		want:  []string{`scores.csv:1: the sheet has no measures below its header row (row 1); put one measure a row, with its id in the "measure" column`},
	}, {
		name:  "no rows for the quarter",
		sheet: "quarter,measure,target,actual,status\n2016-17 Q1,homes-1,1,2,HG\n2015-16 Q2,homes-1,1,2,HG\n",
		want:  []string{`scores.csv: the sheet has no rows for 2016-17 Q2, only for 2015-16 Q2 and 2016-17 Q1; check -quarter, or the sheet's "quarter" column`},
	}, {
		name:  "a quarter cell that is not a quarter",
		sheet: "quarter,measure,target,actual,status\nQ2,homes-1,1,2,HG\n,homes-1,1,2,HG\n2016-17 Q2,homes-1,1,2,HG\n",
		want: []string{
			`scores.csv:2:1: cell A2: quarter "Q2" is not a quarter: it names the quarter but not the financial year, with both its years; write the financial year and the quarter, such as 2016-17 Q3, 2016/17 Q3, Q3 2016/17 or 2016-17-q3`,
			`scores.csv:3:1: cell A3: the quarter is blank; write the row's quarter, such as 2016-17 Q2`,
		},
	}, {
		name: "a note given two texts",
		sheet: `
measure,target,actual,status,notes
homes-1,,,,Note 1: In arrears
homes-2,,,,Note 1: Estimated
work-1,,,,Note 1: Estimated
`,
		want: []string{`scores.csv:3:5: cell E3: note 1 of theme homes has a different text here than in cell E2; make them agree`},
	}, {
		// What the loader refuses in a data file, the import refuses at
		// its cell: the first found by fuzzing a round trip.
		name:  "control characters",
		sheet: "meAsure,tArget,ACtuAl,stAtus,period,notes\nhomes-1,00,000,,,0:\x10\nhomes-2,9\x07%,1%,HG\x1b,Q2\ufffe,\nwork-1,,,,Q\u0085Q,Note 1: ok\x7f\n",
		want: []string{
			`scores.csv:2:6: cell F2: the notes holds a control character, U+0010, which a web page cannot show; delete the cell's text and type it again (the character is invisible in most spreadsheets)`,
			`scores.csv:3:2: cell B3: the target holds a control character, U+0007, which a web page cannot show; delete the cell's text and type it again (the character is invisible in most spreadsheets)`,
			`scores.csv:3:4: cell D3: the status holds a control character, U+001B, which a web page cannot show; delete the cell's text and type it again (the character is invisible in most spreadsheets)`,
			`scores.csv:3:5: cell E3: the period holds a control character, U+FFFE, which a web page cannot show; delete the cell's text and type it again (the character is invisible in most spreadsheets)`,
			`scores.csv:4:5: cell E4: the period holds a control character, U+0085, which a web page cannot show; delete the cell's text and type it again (the character is invisible in most spreadsheets)`,
			`scores.csv:4:6: cell F4: the notes holds a control character, U+007F, which a web page cannot show; delete the cell's text and type it again (the character is invisible in most spreadsheets)`,
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			q, errs := Import(csvSheet(t, tc.sheet), s, q2, tc.cfg)
			if q != nil {
				t.Errorf("Import returned a quarter with its errors")
			}
			if errs == nil {
				t.Fatal("Import found no problems")
			}
			var got []string
			for _, d := range errs.List {
				got = append(got, d.Error())
			}
			if errs.Total != len(errs.List) {
				t.Errorf("Total = %d, but %d problems are listed", errs.Total, len(errs.List))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestImportEmptyXLSXSheet(t *testing.T) {
	sh, err := ReadXLSX("scores.xlsx", workbook(t, map[string]xcell{}), "")
	if err != nil {
		t.Fatal(err)
	}
	_, errs := Import(sh, testSite(t), q2, Config{})
	if got, want := errString(errs), `scores.xlsx: sheet "Sheet1" is empty; pick the sheet that holds the scorecard with -sheet`; got != want {
		t.Errorf("empty sheet:\n got %s\nwant %s", got, want)
	}
}

// TestParseQuarter reads a quarter cell as report.ParseQuarterID does:
// its tests try every spelling.
func TestParseQuarter(t *testing.T) {
	for _, in := range []string{"2016-17 Q2", "2016-17-q2", "2016-17-Q2", " 2016-17 q2 ", "2016/17 Q2", "Q2 2016/17", "Quarter 2, 2016/17"} {
		if got, err := ParseQuarter(in); err != nil || got != q2 {
			t.Errorf("ParseQuarter(%q) = %v, %v, want %v", in, got, err, q2)
		}
	}
	for _, in := range []string{"", "Q2", "2016-18 Q2", "2016-17 Q5", "2016/17"} {
		if got, err := ParseQuarter(in); err == nil {
			t.Errorf("ParseQuarter(%q) = %v, want not a quarter", in, got)
		}
	}
}

func TestParseNotes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // label=text or label=? per note; "!" for an error
	}{
		{"", ""},
		{"-", ""},
		{"7", "7=?"},
		{"Note 7", "7=?"},
		{"note7", "7=?"},
		{"1, 2", "1=? 2=?"},
		{"Notes 1, 2 & 7", "1=? 2=? 7=?"},
		{"1 and 2", "1=? 2=?"},
		{"3a, b, *", "3a=? b=? *=?"},
		{"Note 1: Data in arrears", `1="Data in arrears"`},
		{"Note 1, 2: Estimated", `1="Estimated" 2="Estimated"`},
		{"Note 3: (published without text)", `3=""`},
		{"Note 1: A; b; Note 2: C", `1="A; b" 2="C"`},
		{"see below", "!"},
		{"N/A", "!"},
		{"Note", "!"},
		{"Note: text", "!"},
	} {
		refs, ok := parseNotes(tc.in)
		var parts []string
		for _, r := range refs {
			if r.known {
				parts = append(parts, fmt.Sprintf("%s=%q", r.label, r.text))
			} else {
				parts = append(parts, r.label+"=?")
			}
		}
		got := strings.Join(parts, " ")
		if !ok {
			got = "!"
		}
		if got != tc.want {
			t.Errorf("parseNotes(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
