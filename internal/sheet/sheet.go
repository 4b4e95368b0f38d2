// Package sheet reads a quarter's scorecard from a spreadsheet (CSV or XLSX)
// into a quarter data file.
package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"scorecard/internal/diag"
	"scorecard/internal/load"
)

// Sheet is a grid of cells as the spreadsheet shows them: an XLSX cell's
// formatted text (93.5%, not 0.935), a CSV cell as written.
type Sheet struct {
	File string     // the file, as named on the command line, for messages
	Name string     // the sheet's name in an XLSX workbook; "" for CSV
	Rows [][]string // Rows[i] is row i+1; rows may differ in length
}

// cell returns the text at row and col (both counting from 1), or "",
// without the ' that guards a formula character (see unguard).
func (sh *Sheet) cell(row, col int) string {
	if row < 1 || row > len(sh.Rows) || col < 1 || col > len(sh.Rows[row-1]) {
		return ""
	}
	return strings.TrimSpace(unguard(sh.Rows[row-1][col-1]))
}

// unguard undoes the guard against CSV injection that Scorecard's open
// data puts on text cells (dataset.safeCell): text starting with = + - @,
// a tab or a carriage return is written with a leading ', which a
// spreadsheet reads as "this is text" and does not show. Dropping it, as
// the spreadsheet does, lets a CSV that Scorecard exported import back
// unchanged. A ' before anything else is the cell's own text and stays.
func unguard(c string) string {
	if len(c) >= 2 && c[0] == '\'' && strings.IndexByte(formulaStart, c[1]) >= 0 {
		return c[1:]
	}
	return c
}

// formulaStart holds the characters that make a spreadsheet read a cell as
// a formula, as dataset.safeCell guards them.
const formulaStart = "=+-@\t\r"

// pos is the position of a cell in messages: file:row:col.
func (sh *Sheet) pos(row, col int) diag.Pos { return diag.Pos{File: sh.File, Line: row, Col: col} }

// CellName names a cell as a spreadsheet does: column 2 of row 12 is B12.
func CellName(row, col int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return fmt.Sprintf("R%dC%d", row, col)
	}
	return name
}

// ColumnName names a column as a spreadsheet does: 2 is B.
func ColumnName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return strconv.Itoa(col)
	}
	return name
}

// Open reads the file at path: a .csv file, or the sheet called name of a
// .xlsx workbook (its first sheet when name is ""). Problems with the file
// come back as a diag.List.
func Open(path, name string) (*Sheet, error) {
	var read func(string, []byte, string) (*Sheet, error)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		if name != "" {
			return nil, fileError(path, "-sheet picks a sheet of an XLSX workbook, but a CSV file has only one; leave -sheet out")
		}
		read = func(file string, data []byte, _ string) (*Sheet, error) { return ReadCSV(file, data) }
	case ".xlsx", ".xlsm":
		read = ReadXLSX
	default:
		return nil, fileError(path, "Scorecard imports .csv and .xlsx files; save the sheet in one of those formats")
	}
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return read(path, data, name)
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, "cannot open the file: %v", unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, load.MaxFileSize+1))
	if err != nil {
		return nil, fileError(path, "cannot read the file: %v", unwrapPath(err))
	}
	if len(data) > load.MaxFileSize {
		return nil, fileError(path, "the file is larger than %d MiB; a quarter's scorecard is far smaller, so save only the scorecard sheet", load.MaxFileSize>>20)
	}
	return data, nil
}

func unwrapPath(err error) error {
	if pe, ok := errors.AsType[*os.PathError](err); ok {
		return pe.Err
	}
	return err
}

func fileError(file, format string, args ...any) diag.List {
	var l diag.List
	l.Errorf(diag.Pos{File: file}, format, args...)
	return l
}

// ReadCSV reads CSV data, as a spreadsheet saves it: UTF-8 with or without
// a byte-order mark. Row numbers are the ones a spreadsheet opening the
// file shows, blank lines included.
func ReadCSV(file string, data []byte) (*Sheet, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, notUTF8(file, data)
	}
	sh := &Sheet{File: file}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	var end int64 // the offset just after the previous record
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if pe, ok := errors.AsType[*csv.ParseError](err); ok {
			return nil, diag.List{{Pos: diag.Pos{File: file, Line: pe.Line, Col: pe.Column},
				Msg: fmt.Sprintf("the file is not valid CSV: %v; save the sheet again as CSV from the spreadsheet", pe.Err)}}
		}
		if err != nil {
			return nil, fileError(file, "cannot read the file as CSV: %v", err)
		}
		// The reader skips blank lines; a spreadsheet shows them as blank
		// rows, so count them to keep row numbers as the user sees them.
		line, _ := r.FieldPos(0)
		for blank := line - 1 - bytes.Count(data[:end], []byte{'\n'}); blank > 0; blank-- {
			sh.Rows = append(sh.Rows, nil)
		}
		end = r.InputOffset()
		sh.Rows = append(sh.Rows, rec)
	}
	return sh, nil
}

func notUTF8(file string, data []byte) diag.List {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			line := 1 + bytes.Count(data[:i], []byte{'\n'})
			return diag.List{{Pos: diag.Pos{File: file, Line: line},
				Msg: "the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""}}
		}
		i += size
	}
	return nil
}

// Limits on what an XLSX workbook may unpack to: a quarter's scorecard is a
// few hundred kilobytes, and the limits keep a hostile file from
// exhausting memory.
const (
	unzipLimit    = 512 << 20
	unzipXMLLimit = 128 << 20
)

// ReadXLSX reads the sheet called name (the first sheet when name is "") of
// an XLSX workbook. Each cell is read as the spreadsheet displays it, with
// its number format applied: 0.935 formatted as a percentage reads 93.5%,
// a time of a minute and a half formatted mm:ss reads 01:30.
func ReadXLSX(file string, data []byte, name string) (*Sheet, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipLimit, UnzipXMLSizeLimit: unzipXMLLimit})
	if err != nil {
		return nil, fileError(file, "cannot read the file as an XLSX workbook: %v; save it from the spreadsheet as an Excel Workbook (.xlsx)", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	switch {
	case len(sheets) == 0:
		return nil, fileError(file, "the workbook has no sheets")
	case name == "":
		name = sheets[0]
	default:
		found := false
		for _, s := range sheets {
			found = found || s == name
		}
		if !found {
			return nil, fileError(file, "the workbook has no sheet %q; it has %s; pick one with -sheet", name, quoteList(sheets))
		}
	}
	rows, err := f.Rows(name)
	if err != nil {
		return nil, fileError(file, "cannot read sheet %q: %v", name, err)
	}
	sh := &Sheet{File: file, Name: name}
	n, last := 0, 0
	// Rows visits every row number, empty rows included, so n is the row
	// number the spreadsheet shows.
	for rows.Next() {
		n++
		cells, err := rows.Columns()
		if err != nil {
			rows.Close()
			return nil, diag.List{{Pos: diag.Pos{File: file, Line: n}, Msg: fmt.Sprintf("cannot read row %d of sheet %q: %v", n, name, err)}}
		}
		sh.Rows = append(sh.Rows, cells)
		if len(cells) > 0 {
			last = n
		}
	}
	if err := rows.Close(); err != nil {
		return nil, fileError(file, "cannot read sheet %q: %v", name, err)
	}
	sh.Rows = sh.Rows[:last]
	return sh, nil
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return joinList(q)
}

// joinList joins names for messages: "a, b and c".
func joinList(ss []string) string {
	switch len(ss) {
	case 0:
		return "(none)"
	case 1:
		return ss[0]
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " and " + ss[len(ss)-1]
}
