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
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".csv":
		if name != "" {
			return nil, fileError(path, "-sheet picks a sheet of an XLSX workbook, but a CSV file has only one; leave -sheet out")
		}
	case ".xlsx", ".xlsm":
	default:
		return nil, fileError(path, "Scorecard imports .csv and .xlsx files; save the sheet in one of those formats")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, "cannot open the file: %v", unwrapPath(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fileError(path, "cannot read the file: %v", unwrapPath(err))
	}
	if st.Size() > load.MaxFileSize {
		return nil, tooLarge(path)
	}
	if ext != ".csv" {
		// A workbook is read where it lies, a part at a time.
		return readXLSX(path, f, st.Size(), name)
	}
	// The file is read whole, into one piece of its size.
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, fileError(path, "cannot read the file: %v", unwrapPath(err))
	}
	return ReadCSV(path, data)
}

func tooLarge(path string) error {
	return fileError(path, "the file is larger than %d MiB; a quarter's scorecard is far smaller, so save only the scorecard sheet", load.MaxFileSize>>20)
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
// file shows, blank lines included. It takes time in proportion to the
// data's length, and refuses a sheet beyond the limits (MaxRows and the
// others) at the first cell beyond them.
func ReadCSV(file string, data []byte) (*Sheet, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, notUTF8(file, data)
	}
	sh := &Sheet{File: file}
	// encoding/csv reads a whole line, and splits it, before it can be
	// refused: a line of millions of commas would take gigabytes.
	if err := csvShape(sh, data); err != nil {
		return nil, err
	}
	g := &grid{sh: sh}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	var (
		end   int64 // the offset just after the previous record
		lines int   // the line ends before end
		row   int   // the row of the previous record
	)
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
		// The line ends are counted once each, from the previous record.
		line, _ := r.FieldPos(0)
		row += line - lines // the blank lines, and this record's row
		next := r.InputOffset()
		lines += bytes.Count(data[end:next], []byte{'\n'})
		end = next
		if err := g.add(row, rec); err != nil {
			return nil, err
		}
	}
	return sh, nil
}

// csvShape checks each row of CSV data, split as encoding/csv splits it,
// against the limits on a row: maxFields fields, MaxRowText bytes. It is
// a single pass that keeps nothing.
func csvShape(sh *Sheet, data []byte) error {
	row, fields, start := 1, 1, 0 // the row, its fields so far, and where it starts
	field := true                 // at the start of a field
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"' && field:
			// A quoted field: its commas and line ends are text. A
			// doubled quote is a quote; a single one ends it.
			for i++; i < len(data); i++ {
				if data[i] == '"' {
					if i+1 < len(data) && data[i+1] == '"' {
						i++
						continue
					}
					break
				}
			}
			field = false
		case c == ',':
			if fields++; fields > maxFields {
				return diag.List{{Pos: sh.pos(row, fields),
					Msg: fmt.Sprintf("row %d has more than %s columns, more than any spreadsheet has, so the file is not a sheet a spreadsheet saved; open it in the spreadsheet, copy the scorecard alone into a new sheet, and save that as CSV", row, withCommas(maxFields))}}
			}
			field = true
		case c == '\n':
			row, fields, start, field = row+1, 1, i+1, true
			continue
		default:
			field = false
		}
		if i-start >= MaxRowText {
			return longRow(sh, row, fields)
		}
	}
	return nil
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
