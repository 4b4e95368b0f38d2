package dataset

import (
	"bytes"
	"testing"
)

// TestWriteTable checks a chart's table as CSV: quoted where CSV needs it,
// text that would run as a formula made text, figures as published, and
// the caller's table left as it was.
func TestWriteTable(t *testing.T) {
	table := [][]string{
		{"Period", "Target", "Actual"},
		{"Q1 2016/17", "-10%", "=HYPERLINK(\"x\")"},
		{"Q2, late", "02:31", "@SUM(A1)"},
	}
	var b bytes.Buffer
	if err := WriteTable(&b, table); err != nil {
		t.Fatal(err)
	}
	want := "Period,Target,Actual\r\nQ1 2016/17,-10%,\"'=HYPERLINK(\"\"x\"\")\"\r\n\"Q2, late\",02:31,'@SUM(A1)\r\n"
	if b.String() != want {
		t.Errorf("WriteTable wrote\n%q\nwant\n%q", b.String(), want)
	}
	if table[1][2] != "=HYPERLINK(\"x\")" {
		t.Errorf("WriteTable changed the caller's table: %q", table[1][2])
	}
}
