package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadCSVLimits(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string // the error, or "" when the sheet is read
		rows     [][]string
	}{{
		name: "blank cells beyond the last column are dropped",
		in:   "a,b" + strings.Repeat(",", 300) + "\n" + strings.Repeat(", ", 16_000) + "\nc\n",
		rows: [][]string{{"a", "b"}, nil, {"c"}},
	}, {
		name: "a cell beyond the last column",
		in:   "measure\na" + strings.Repeat(",", 300) + "x\n",
		want: "t.csv:2:301: cell KO2 holds something, but a sheet may have at most 200 columns (A to GR), and a scorecard needs far fewer; delete the columns to the right of the scorecard (or copy the scorecard alone into a new sheet), then save the file again",
	}, {
		name: "more columns than a spreadsheet has",
		in:   "a\n" + strings.Repeat(",", 16_384) + "\n",
		want: "t.csv:2:16385: row 2 has more than 16,384 columns, more than any spreadsheet has, so the file is not a sheet a spreadsheet saved; open it in the spreadsheet, copy the scorecard alone into a new sheet, and save that as CSV",
	}, {
		name: "commas in quotes are text",
		in:   `"` + strings.Repeat(",", 20_000) + `"` + ",b\n",
		rows: [][]string{{strings.Repeat(",", 20_000), "b"}},
	}, {
		name: "a cell beyond the last row",
		in:   "measure" + strings.Repeat("\n", MaxRows) + ",x\n",
		want: "t.csv:100001:2: cell B100001 holds something, but a sheet may have at most 100,000 rows, and a scorecard needs far fewer; delete the rows below the scorecard (or copy the scorecard alone into a new sheet), then save the file again",
	}, {
		name: "blank rows beyond the last row are dropped",
		in:   "measure" + strings.Repeat("\n,,", 2*MaxRows) + "\n",
		rows: [][]string{{"measure"}},
	}, {
		name: "more cells than a sheet may span",
		in:   strings.Repeat(strings.Repeat(",", MaxCols-1)+"x\n", MaxCells/MaxCols+1),
		want: "t.csv:5001:200: by cell GR5001 the sheet spans more than 1,000,000 cells (counting each row from column A to its last filled cell), far more than a scorecard needs; copy the scorecard alone into a new sheet, then save the file again",
	}, {
		name: "a row of more than a megabyte",
		in:   "a,b\nc,\"" + strings.Repeat("x", MaxRowText) + "\"\n",
		want: "t.csv:2:2: by cell B2 row 2 holds more than 1 MiB of text, far more than a scorecard's row needs; shorten its cells, or copy the scorecard alone into a new sheet, then save the file again",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			sh, err := ReadCSV("t.csv", []byte(tc.in))
			if got := errString(err); tc.want != "" || err != nil {
				if got != tc.want {
					t.Errorf("error:\n%s\nwant:\n%s", got, tc.want)
				}
				return
			}
			if diff := cmp.Diff(tc.rows, sh.Rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

// zipOf makes a zip file of the named parts.
func zipOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, text := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	relNS   = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	relType = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	mainNS  = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)

// oneSheet is a workbook whose one sheet, "Scores", holds sheetData.
func oneSheet(t *testing.T, sheetData, styles string) []byte {
	parts := map[string]string{
		"_rels/.rels":                `<Relationships ` + relNS + `><Relationship Id="rId1" Type="` + relType + `officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook ` + mainNS + `><sheets><sheet name="Scores" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships ` + relNS + `><Relationship Id="rId1" Type="` + relType + `worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   `<worksheet ` + mainNS + `><sheetData>` + sheetData + `</sheetData></worksheet>`,
	}
	if styles != "" {
		parts["xl/styles.xml"] = `<styleSheet ` + mainNS + `>` + styles + `</styleSheet>`
	}
	return zipOf(t, parts)
}

func TestReadXLSXLimits(t *testing.T) {
	percent := `<numFmts><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="` + strings.Repeat("0", 300) + `"/></numFmts>` +
		`<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>`
	for _, tc := range []struct {
		name        string
		data, style string
		want        string // the error, or "" when the sheet is read
		rows        [][]string
	}{{
		name:  "formats applied, cells without a value left out",
		data:  `<row r="1"><c r="A1" s="1"><v>0.935</v></c><c r="C1" s="1"/><c r="XFD1" s="2"/></row><row r="3"><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row>`,
		style: percent,
		rows:  [][]string{{"93.5%"}, nil, {"a", "2"}},
	}, {
		name: "a cell beyond the last column",
		data: `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="GS2"><f>1+1</f></c></row>`,
		want: "t.xlsx:2:201: cell GS2 holds something, but a sheet may have at most 200 columns (A to GR), and a scorecard needs far fewer; delete the columns to the right of the scorecard (or copy the scorecard alone into a new sheet), then save the file again",
	}, {
		name: "a cell beyond the last row",
		data: `<row r="1"><c r="A1"><v>1</v></c></row><row r="100001"><c r="B100001"><v>1</v></c></row>`,
		want: "t.xlsx:100001:2: cell B100001 holds something, but a sheet may have at most 100,000 rows, and a scorecard needs far fewer; delete the rows below the scorecard (or copy the scorecard alone into a new sheet), then save the file again",
	}, {
		name: "rows out of order",
		data: `<row r="5"><c r="A5"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row>`,
		want: "t.xlsx:3: row 3 comes after row 5, so the file is damaged or was not saved by a spreadsheet; open it in the spreadsheet, copy the scorecard alone into a new workbook, and save that",
	}, {
		name: "one cell listed again and again",
		data: `<row r="1">` + strings.Repeat(`<c r="A1"><v>1</v></c>`, MaxCols+1) + `</row>`,
		want: "t.xlsx:1:1: row 1 lists more than 200 cells, though a sheet may have at most 200 columns, so the file is damaged or was not saved by a spreadsheet; open it in the spreadsheet, copy the scorecard alone into a new workbook, and save that",
	}, {
		name:  "a number format longer than a spreadsheet allows",
		data:  `<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="2"><v>1</v></c></row>`,
		style: percent,
		want:  "t.xlsx:1:2: cell B1 has a number format longer than the 255 characters a spreadsheet allows; give the cell another format, such as General, and save the file again",
	}, {
		name: "a cell format beyond those a workbook may have",
		data: `<row r="1"><c r="A1" s="70000"><v>1</v></c></row>`,
		want: "t.xlsx:1:1: cell A1 has cell format number 70000, but a workbook may have at most 65,536, so the file is damaged or was not saved by a spreadsheet; open it in the spreadsheet, copy the scorecard alone into a new workbook, and save that",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			sh, err := ReadXLSX("t.xlsx", oneSheet(t, tc.data, tc.style), "")
			if got := errString(err); tc.want != "" || err != nil {
				if got != tc.want {
					t.Errorf("error:\n%s\nwant:\n%s", got, tc.want)
				}
				return
			}
			if diff := cmp.Diff(tc.rows, sh.Rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadXLSXParts checks that the sheet is found as excelize finds it,
// wherever the workbook keeps it, and the errors when it is not there.
func TestReadXLSXParts(t *testing.T) {
	moved := zipOf(t, map[string]string{
		"_rels/.rels":              `<Relationships ` + relNS + `><Relationship Id="rId1" Type="` + relType + `officeDocument" Target="/book/main.xml"/></Relationships>`,
		"book/main.xml":            `<workbook ` + mainNS + `><workbookPr date1904="1"/><sheets><sheet name="Notes" sheetId="1" r:id="a"/><sheet name="Scores &amp; more" sheetId="2" r:id="b"/></sheets></workbook>`,
		"book/_rels/main.xml.rels": `<Relationships ` + relNS + `><Relationship Id="a" Type="` + relType + `worksheet" Target="../other/n.xml"/><Relationship Id="b" Type="` + relType + `worksheet" Target="/other/s.xml"/></Relationships>`,
		"other/n.xml":              `<worksheet ` + mainNS + `><sheetData><row><c t="inlineStr"><is><t>notes</t></is></c></row></sheetData></worksheet>`,
		"other/s.xml":              `<worksheet ` + mainNS + `><sheetData><row><c t="inlineStr"><is><t>scores</t></is></c></row></sheetData></worksheet>`,
	})
	for _, tc := range []struct{ sheet, want string }{{"", "notes"}, {"Scores & more", "scores"}} {
		sh, err := ReadXLSX("t.xlsx", moved, tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(sh.Rows); got != "[["+tc.want+"]]" {
			t.Errorf("sheet %q reads %s; want [[%s]]", tc.sheet, got, tc.want)
		}
	}

	missing := zipOf(t, map[string]string{
		"xl/workbook.xml":            `<workbook ` + mainNS + `><sheets><sheet name="Scores" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships ` + relNS + `><Relationship Id="rId1" Type="` + relType + `worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	})
	for _, tc := range []struct {
		data []byte
		want string
	}{
		{missing, `t.xlsx: the workbook lists sheet "Scores", but the file does not hold it, so the file is damaged; open it in the spreadsheet and save it again`},
		{append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 512)...), "t.xlsx: the workbook is protected with a password, or is an old .xls file; open it in the spreadsheet and save it without a password as an Excel Workbook (.xlsx)"},
		{zipOf(t, map[string]string{"a.txt": "a"}), "t.xlsx: cannot read the file as an XLSX workbook: it has no xl/workbook.xml; save it from the spreadsheet as an Excel Workbook (.xlsx)"},
	} {
		_, err := ReadXLSX("t.xlsx", tc.data, "")
		if got := errString(err); got != tc.want {
			t.Errorf("error:\n%s\nwant:\n%s", got, tc.want)
		}
	}
}
