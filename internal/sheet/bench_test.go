package sheet

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// benchSizes are the sizes the benchmarks read: the time per byte should
// stay the same from one to the next.
var benchSizes = []int{1 << 20, 4 << 20, 16 << 20}

// benchRow is one row of a scorecard as a sheet holds it, about 200 bytes.
func benchRow(r int) []string {
	return []string{fmt.Sprintf("homes-%d", r), "90%", "93.5%", "HG", "Apr 15 to Mar 16",
		fmt.Sprintf("Note %d: Data reported a quarter in arrears, as the service's returns come in late from the contractors each quarter, and the figures are checked before they are published", r%7+1)}
}

// benchCSV is CSV data of about size bytes.
func benchCSV(size int) []byte {
	var b bytes.Buffer
	b.WriteString("measure,target,actual,status,period,notes\r\n")
	for r := 2; b.Len() < size; r++ {
		row := benchRow(r)
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,\"%s\"\r\n", row[0], row[1], row[2], row[3], row[4], row[5])
	}
	return b.Bytes()
}

func BenchmarkReadCSV(b *testing.B) {
	for _, size := range benchSizes {
		data := benchCSV(size)
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadCSV("bench.csv", data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(data)), "ns/byte")
		})
	}
}

// BenchmarkReadXLSX reads workbooks whose sheet's XML is about 1, 4 and 16
// MB: each row's measure and notes are shared text, its figures numbers
// shown as percentages.
func BenchmarkReadXLSX(b *testing.B) {
	for _, size := range benchSizes {
		file := filepath.Join(b.TempDir(), "bench.xlsx")
		var rows, xmlSize int
		xlsxParts(b, file, func(w io.Writer) {
			cw := &countWriter{w: w}
			header(cw)
			for r := 2; cw.n < size; r++ {
				row := benchRow(r)
				fmt.Fprintf(cw, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" s="1"><v>0.9</v></c><c r="C%d" s="2"><v>0.935</v></c><c r="D%d" t="inlineStr"><is><t>%s</t></is></c><c r="E%d" t="inlineStr"><is><t>%s</t></is></c><c r="F%d" t="s"><v>%d</v></c></row>`,
					r, r, 2*r, r, r, r, row[3], r, row[4], r, 2*r+1)
				rows = r
			}
			xmlSize = cw.n
		}, func(w io.Writer) {
			for i := 0; i <= 2*rows+1; i++ {
				row := benchRow(i / 2)
				fmt.Fprintf(w, `<si><t>%s</t></si>`, row[5*(i%2)])
			}
		}, `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/></cellXfs>`)
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			b.SetBytes(int64(xmlSize))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadXLSX("bench.xlsx", data, ""); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(xmlSize), "ns/byte")
		})
	}
}

type countWriter struct {
	w io.Writer
	n int
}

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return c.w.Write(p)
}
