package sheet

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// xcell is one cell of a workbook a test makes: a value, and the number
// format that shows it ("" for none).
type xcell struct {
	v      any
	format string
}

// workbook makes an XLSX workbook with the given sheets, in order; each
// maps a cell name such as B3 to its cell.
func workbook(t *testing.T, sheets ...map[string]xcell) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, cells := range sheets {
		name := "Sheet1"
		if i > 0 {
			name = "Sheet" + string(rune('1'+i))
			if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
		}
		for ref, c := range cells {
			if err := f.SetCellValue(name, ref, c.v); err != nil {
				t.Fatal(err)
			}
			if c.format == "" {
				continue
			}
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &c.format})
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStyle(name, ref, ref, style); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSXShowsFormattedText(t *testing.T) {
	data := workbook(t, map[string]xcell{
		"A1": {"measure", ""}, "B1": {"target", ""}, "C1": {"actual", ""},
		"A2": {"homes-2", ""}, "B2": {0.935, "0.0%"}, "C2": {0.138, "0.00%"},
		"A3": {"work-1", ""}, "B3": {90.0 / 86400, "mm:ss"}, "C3": {1.5 / 24, "hh:mm"},
		"A4": {"homes-1", ""}, "B4": {33000, "#,##0"}, "C4": {97.8, ""},
		"A5": {"text", ""}, "B5": {"42.5% (62/146)", ""}, "C5": {"[60%]", ""},
		// Row 6 is blank; row 7 has a gap at B.
		"A7": {"gap", ""}, "C7": {0.5, "0%"},
		"A8": {"money", ""}, "B8": {125000, "£#,##0"}, "C8": {-0.1, "0%"},
	})
	sh, err := ReadXLSX("t.xlsx", data, "")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"measure", "target", "actual"},
		{"homes-2", "93.5%", "13.80%"},
		{"work-1", "01:30", "01:30"},
		{"homes-1", "33,000", "97.8"},
		{"text", "42.5% (62/146)", "[60%]"},
		nil,
		{"gap", "", "50%"},
		{"money", "£125,000", "-10%"},
	}
	if diff := cmp.Diff(want, sh.Rows); diff != "" {
		t.Errorf("ReadXLSX rows (-want +got):\n%s", diff)
	}
	if sh.Name != "Sheet1" {
		t.Errorf("sheet name = %q, want Sheet1 (the first)", sh.Name)
	}
}

func TestReadXLSXSheets(t *testing.T) {
	data := workbook(t, map[string]xcell{"A1": {"first", ""}}, map[string]xcell{"B2": {"second", ""}})
	sh, err := ReadXLSX("t.xlsx", data, "Sheet2")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{nil, {"", "second"}}, sh.Rows); diff != "" {
		t.Errorf("-sheet Sheet2 (-want +got):\n%s", diff)
	}
	_, err = ReadXLSX("t.xlsx", data, "Scores")
	if got, want := errString(err), `t.xlsx: the workbook has no sheet "Scores"; it has "Sheet1" and "Sheet2"; pick one with -sheet`; got != want {
		t.Errorf("missing sheet:\n got %s\nwant %s", got, want)
	}
	_, err = ReadXLSX("t.xlsx", []byte("measure,target\n"), "")
	if got := errString(err); !strings.HasPrefix(got, "t.xlsx: cannot read the file as an XLSX workbook: ") || !strings.HasSuffix(got, "save it from the spreadsheet as an Excel Workbook (.xlsx)") {
		t.Errorf("not a workbook: %s", got)
	}
}

func TestReadCSV(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     [][]string
	}{
		{"plain", "a,b\r\n1,2\r\n", [][]string{{"a", "b"}, {"1", "2"}}},
		{"byte-order mark", "\ufeffmeasure,target\n", [][]string{{"measure", "target"}}},
		// A spreadsheet shows blank lines as rows: keep its row numbers.
		{"blank lines", "\n\ntitle\n\nmeasure,target\nx,1\n", [][]string{nil, nil, {"title"}, nil, {"measure", "target"}, {"x", "1"}}},
		{"quoted line break", "a,\"two\nlines\"\n\nb,c\n", [][]string{{"a", "two\nlines"}, nil, {"b", "c"}}},
		{"ragged rows", "a\nb,c,d\n", [][]string{{"a"}, {"b", "c", "d"}}},
		{"spaces kept", "a, 93% \n", [][]string{{"a", " 93% "}}},
	} {
		sh, err := ReadCSV("t.csv", []byte(tc.in))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if diff := cmp.Diff(tc.want, sh.Rows); diff != "" {
			t.Errorf("%s: ReadCSV(%q) (-want +got):\n%s", tc.name, tc.in, diff)
		}
	}
}

// TestCellUnguards checks that a cell reads without the ' that Scorecard's
// CSV export puts before a formula character, and with any other '.
func TestCellUnguards(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Guarded by the export: the ' goes.
		{"'=HYPERLINK(\"https://evil.example/\")", "=HYPERLINK(\"https://evil.example/\")"},
		{"'=1+1", "=1+1"},
		{"'+cmd|' /C calc'!A0", "+cmd|' /C calc'!A0"},
		{"'-2+3", "-2+3"},
		{"'- see note 3", "- see note 3"},
		{"'@SUM(1+1)", "@SUM(1+1)"},
		{"'\t=1+1", "=1+1"}, // the tab goes too, as for any cell's spaces
		{"'\r=1+1", "=1+1"},
		{"'=", "="},
		// Not guarded: as written.
		{"'", "'"},
		{"''=1+1", "''=1+1"},
		{"'93%", "'93%"},
		{"'Tis the season", "'Tis the season"},
		{" '=1+1", "'=1+1"}, // only a leading ' is the guard
		{"=1+1", "=1+1"},
		{"-10%", "-10%"},
		{"- ", "-"},
		{"", ""},
	} {
		sh := &Sheet{Rows: [][]string{{tc.in}}}
		if got := sh.cell(1, 1); got != tc.want {
			t.Errorf("cell %q reads %q; want %q", tc.in, got, tc.want)
		}
	}

	// As the export writes it, read from a file.
	sh, err := ReadCSV("t.csv", []byte("measure,period,actual\r\nhomes-1,\"'=HYPERLINK(\"\"x\"\")\",-10%\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := []string{sh.cell(2, 1), sh.cell(2, 2), sh.cell(2, 3)}, []string{"homes-1", `=HYPERLINK("x")`, "-10%"}; !slices.Equal(got, want) {
		t.Errorf("row 2 reads %q; want %q", got, want)
	}
}

func TestReadCSVErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"measure,target\nbbh-5,\xa393\n", `t.csv:2: the file is not UTF-8 text; save it from the spreadsheet as "CSV UTF-8"`},
		{"measure,target\nbbh-5,\"93\"%\n", `t.csv:2:10: the file is not valid CSV: extraneous or missing " in quoted-field; save the sheet again as CSV from the spreadsheet`},
	} {
		_, err := ReadCSV("t.csv", []byte(tc.in))
		if got := errString(err); got != tc.want {
			t.Errorf("ReadCSV(%q):\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ path, sheet, want string }{
		{"scores.ods", "", "scores.ods: Scorecard imports .csv and .xlsx files; save the sheet in one of those formats"},
		{"scores.csv", "Q2", "scores.csv: -sheet picks a sheet of an XLSX workbook, but a CSV file has only one; leave -sheet out"},
		{filepath.Join(dir, "missing.csv"), "", filepath.Join(dir, "missing.csv") + ": cannot open the file: no such file or directory"},
	} {
		_, err := Open(tc.path, tc.sheet)
		if got := errString(err); got != tc.want {
			t.Errorf("Open(%q, %q):\n got %s\nwant %s", tc.path, tc.sheet, got, tc.want)
		}
	}
}

func TestCellName(t *testing.T) {
	for _, tc := range []struct {
		row, col int
		want     string
	}{{1, 1, "A1"}, {12, 2, "B12"}, {3, 27, "AA3"}} {
		if got := CellName(tc.row, tc.col); got != tc.want {
			t.Errorf("CellName(%d, %d) = %q, want %q", tc.row, tc.col, got, tc.want)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
