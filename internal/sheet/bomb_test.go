package sheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The bombs: small files that once took gigabytes to import. Each test
// makes its file, then imports it in a process of its own (this test
// binary, running TestBombChild), which reports its peak memory as the
// system measured it; the import must stay within 256 MiB, and refuse the
// file with a clear error, or read it.
const maxPeak = 256 << 20

// xlsxParts writes an XLSX workbook with one sheet, whose XML the function
// sheet writes, and shared text that shared writes when it is not nil:
// files excelize would not write.
func xlsxParts(t testing.TB, file string, sheet, shared func(w io.Writer), styles string) {
	t.Helper()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z := zip.NewWriter(f)
	part := func(name string, write func(w io.Writer)) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriterSize(w, 1<<16)
		write(bw)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	text := func(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	part("[Content_Types].xml", text(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`))
	part("_rels/.rels", text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="`+rel+`officeDocument" Target="xl/workbook.xml"/></Relationships>`))
	part("xl/workbook.xml", text(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="`+strings.TrimSuffix(rel, "/")+`"><sheets><sheet name="Scores" sheetId="1" r:id="rId1"/></sheets></workbook>`))
	part("xl/_rels/workbook.xml.rels", text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="`+rel+`worksheet" Target="worksheets/sheet1.xml"/></Relationships>`))
	part("xl/worksheets/sheet1.xml", func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		sheet(w)
		io.WriteString(w, `</sheetData></worksheet>`)
	})
	if shared != nil {
		part("xl/sharedStrings.xml", func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
			shared(w)
			io.WriteString(w, `</sst>`)
		})
	}
	if styles != "" {
		part("xl/styles.xml", text(`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`+styles+`</styleSheet>`))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
}

// header writes row 1, the columns of the test site's scorecard, as text
// in the cells.
func header(w io.Writer) {
	io.WriteString(w, `<row r="1">`)
	for i, h := range []string{"measure", "target", "actual", "status", "notes"} {
		fmt.Fprintf(w, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, CellName(1, i+1), h)
	}
	io.WriteString(w, `</row>`)
}

// bomb is what importing a file did, as TestBombChild reports it.
type bomb struct {
	err   string // the error opening the file, or the first problem importing it
	total int    // the problems importing it
	lines int    // the lines of the problems' message
	peak  int64  // bytes of memory at the peak
}

// importInChild imports file in a process of its own and reports what it
// did.
func importInChild(t *testing.T, file string) bomb {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestBombChild$", "-test.v")
	cmd.Env = append(os.Environ(), "SCORECARD_BOMB="+file)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the import's process failed: %v\n%s", err, out)
	}
	var b bomb
	found := false
	for line := range strings.Lines(string(out)) {
		key, val, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch key {
		case "bomb-err":
			b.err, found = val, true
		case "bomb-total":
			b.total, _ = strconv.Atoi(val)
		case "bomb-lines":
			b.lines, _ = strconv.Atoi(val)
		case "bomb-peak":
			b.peak, _ = strconv.ParseInt(val, 10, 64)
		}
	}
	if !found {
		t.Fatalf("the import's process reported nothing:\n%s", out)
	}
	t.Logf("peak memory %d MiB; %q", b.peak>>20, b.err)
	switch {
	case b.peak == 0:
		t.Logf("the system does not report peak memory (no /proc/self/status)")
	case raceEnabled:
		t.Logf("the race detector takes memory of its own: the peak is not checked")
	case b.peak > maxPeak:
		t.Errorf("the import's peak memory was %d MiB; it must stay within %d MiB", b.peak>>20, maxPeak>>20)
	}
	return b
}

// TestBombChild is the process importInChild runs: it imports the file
// $SCORECARD_BOMB into the test site, and prints what happened and its
// peak memory.
func TestBombChild(t *testing.T) {
	file := os.Getenv("SCORECARD_BOMB")
	if file == "" {
		t.Skip("run by importInChild")
	}
	var msg string
	total := 0
	sh, err := Open(file, "")
	if err != nil {
		msg = err.Error()
	} else if _, probs := Import(sh, testSite(t), q2, Config{}); probs != nil {
		msg, total = probs.Error(), probs.Total
	} else {
		msg = "imported"
	}
	first, _, _ := strings.Cut(msg, "\n")
	fmt.Printf("bomb-err %s\nbomb-total %d\nbomb-lines %d\nbomb-peak %d\n", first, total, strings.Count(msg, "\n")+1, peakMemory())
}

// peakMemory returns the most memory the process has held, as the system
// counts it (VmHWM, the peak resident set), or 0 when it does not say.
func peakMemory() int64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(status)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func TestBombXFD(t *testing.T) {
	t.Parallel()
	// 12,000 rows, each with one cell in the last column, XFD: excelize
	// gives each row 16,384 cells.
	file := filepath.Join(t.TempDir(), "xfd.xlsx")
	xlsxParts(t, file, func(w io.Writer) {
		for r := 1; r <= 12_000; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
		}
	}, nil, "")
	b := importInChild(t, file)
	if want := file + `:1:16384: cell XFD1 holds something, but a sheet may have at most 200 columns (A to GR)`; !strings.HasPrefix(b.err, want) {
		t.Errorf("error:\n%s\nwant it to start:\n%s", b.err, want)
	}
}

func TestBombSharedStrings(t *testing.T) {
	t.Parallel()
	// 119 MB of shared text in a file of a few hundred kilobytes.
	file := filepath.Join(t.TempDir(), "sst.xlsx")
	xlsxParts(t, file, func(w io.Writer) {
		header(w)
		io.WriteString(w, `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`)
	}, func(w io.Writer) {
		for range 7_000_000 {
			io.WriteString(w, `<si><t>x</t></si>`)
		}
	}, "")
	b := importInChild(t, file)
	if want := file + `: the workbook's shared text (xl/sharedStrings.xml) unpacks to 113 MiB, more than the 64 MiB Scorecard reads`; !strings.HasPrefix(b.err, want) {
		t.Errorf("error:\n%s\nwant it to start:\n%s", b.err, want)
	}
}

func TestBombMillionRows(t *testing.T) {
	t.Parallel()
	// A row in every one of a sheet's 1,048,576 rows, each with a measure
	// the catalogue does not have.
	file := filepath.Join(t.TempDir(), "rows.xlsx")
	xlsxParts(t, file, func(w io.Writer) {
		header(w)
		for r := 2; r <= 1_048_576; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>`, r, r)
		}
	}, func(w io.Writer) { io.WriteString(w, `<si><t>homes-9</t></si>`) }, "")
	b := importInChild(t, file)
	if want := file + `:100001:1: cell A100001 holds something, but a sheet may have at most 100,000 rows`; !strings.HasPrefix(b.err, want) || b.lines != 1 {
		t.Errorf("error (%d lines):\n%s\nwant one line starting:\n%s", b.lines, b.err, want)
	}
}

func TestBombText(t *testing.T) {
	t.Parallel()
	// A text shown 200 times over by its number format (@@@...), in each
	// of a row's cells; and a text of 400 KiB in each of 300 rows.
	file := filepath.Join(t.TempDir(), "format.xlsx")
	xlsxParts(t, file, func(w io.Writer) {
		header(w)
		io.WriteString(w, `<row r="2">`)
		for c := 1; c <= 100; c++ {
			fmt.Fprintf(w, `<c r="%s" s="1" t="s"><v>0</v></c>`, CellName(2, c))
		}
		io.WriteString(w, `</row>`)
	}, func(w io.Writer) {
		io.WriteString(w, `<si><t>`+strings.Repeat("x", 1<<10)+`</t></si>`)
	}, `<numFmts count="1"><numFmt numFmtId="164" formatCode="`+strings.Repeat("@", 200)+`"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>`)
	b := importInChild(t, file)
	if want := file + `:2:6: by cell F2 row 2 holds more than 1 MiB of text`; !strings.HasPrefix(b.err, want) {
		t.Errorf("error:\n%s\nwant it to start:\n%s", b.err, want)
	}

	file = filepath.Join(t.TempDir(), "text.xlsx")
	xlsxParts(t, file, func(w io.Writer) {
		header(w)
		for r := 2; r <= 300; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="E%d" t="s"><v>0</v></c></row>`, r, r)
		}
	}, func(w io.Writer) {
		io.WriteString(w, `<si><t>`+strings.Repeat("x", 400<<10)+`</t></si>`)
	}, "")
	b = importInChild(t, file)
	if want := file + `:83:5: by cell E83 the sheet holds more than 32 MiB of text`; !strings.HasPrefix(b.err, want) {
		t.Errorf("error:\n%s\nwant it to start:\n%s", b.err, want)
	}
}

func TestBombCommas(t *testing.T) {
	t.Parallel()
	// 31 MiB of commas on one line: 32 million empty cells.
	file := filepath.Join(t.TempDir(), "commas.csv")
	if err := os.WriteFile(file, append([]byte("measure,target,actual,status\n"), bytes.Repeat([]byte{','}, 31<<20)...), 0o644); err != nil {
		t.Fatal(err)
	}
	b := importInChild(t, file)
	if want := file + `:2:16385: row 2 has more than 16,384 columns, more than any spreadsheet has`; !strings.HasPrefix(b.err, want) {
		t.Errorf("error:\n%s\nwant it to start:\n%s", b.err, want)
	}
}

func TestBombBigCell(t *testing.T) {
	t.Parallel()
	// One cell of 31 MiB of text.
	file := filepath.Join(t.TempDir(), "cell.csv")
	data := "measure,target,actual,status,notes\nhomes-1,1,2,HG,\"" + strings.Repeat("note ", 31<<20/5) + "\"\n"
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	b := importInChild(t, file)
	if want := file + `:2:5: by cell E2 row 2 holds more than 1 MiB of text`; !strings.HasPrefix(b.err, want) {
		t.Errorf("error:\n%.200s\nwant it to start:\n%s", b.err, want)
	}
}

// TestBombLargest reads sheets at the limits, as large as a sheet may be:
// 100,000 rows holding 31 MB of text, each row a measure the catalogue
// does not have. The import lists the first problems and counts the
// rest.
func TestBombLargest(t *testing.T) {
	t.Parallel()
	if testing.Short() || raceEnabled {
		t.Skip("makes and reads files of 30 MB, in seconds (minutes under the race detector)")
	}
	const rows = MaxRows
	note := strings.Repeat("n", 290)
	t.Run("csv", func(t *testing.T) {
		t.Parallel()
		file := filepath.Join(t.TempDir(), "largest.csv")
		var b strings.Builder
		b.WriteString("measure,target,actual,status,notes\n")
		for r := 2; r <= rows; r++ {
			fmt.Fprintf(&b, "homes-%d,1,2,HG,%s\n", 100+r, note)
		}
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		checkLargest(t, importInChild(t, file), file, rows)
	})
	t.Run("xlsx", func(t *testing.T) {
		t.Parallel()
		// Each row's text is its own shared text: 500,000 of them, the
		// most a workbook may hold.
		file := filepath.Join(t.TempDir(), "largest.xlsx")
		xlsxParts(t, file, func(w io.Writer) {
			header(w)
			for r := 2; r <= rows; r++ {
				fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d"><v>1</v></c><c r="C%d"><v>2</v></c><c r="D%d" t="inlineStr"><is><t>HG</t></is></c><c r="E%d" t="s"><v>%d</v></c></row>`,
					r, r, 2*r, r, r, r, r, 2*r+1)
			}
		}, func(w io.Writer) {
			for i := range maxShared {
				switch {
				case i%2 == 0:
					fmt.Fprintf(w, `<si><t>homes-%d</t></si>`, 100+i/2)
				case i <= 2*rows+1:
					fmt.Fprintf(w, `<si><t>%s%d</t></si>`, note[:len(note)-7], i)
				default:
					io.WriteString(w, `<si><t>x</t></si>`)
				}
			}
		}, "")
		checkLargest(t, importInChild(t, file), file, rows)
	})
}

func checkLargest(t *testing.T, b bomb, file string, rows int) {
	t.Helper()
	if want := file + `:2:1: cell A2: measure "homes-102" is not in data/measures.yaml`; !strings.HasPrefix(b.err, want) {
		t.Errorf("error:\n%s\nwant it to start:\n%s", b.err, want)
	}
	if b.total != rows-1 || b.lines != MaxShown+1 {
		t.Errorf("%d problems in %d lines; want %d problems, in %d lines and a last saying how many more", b.total, b.lines, rows-1, MaxShown)
	}
}
