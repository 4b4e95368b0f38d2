package sheet

import (
	"fmt"
	"strconv"
	"strings"

	"scorecard/internal/diag"
	"scorecard/internal/load"
)

// Limits on what a sheet may hold. A quarter's scorecard is a few hundred
// rows of a dozen columns; the limits are far above that, and keep a
// hostile or mistaken file (a stray cell in the last column of every row,
// a million rows of nothing much) from taking the computer's memory. The
// README's "### import" section states them.
const (
	// MaxRows is the last row that may hold something.
	MaxRows = 100_000
	// MaxCols is the last column that may hold something: GR.
	MaxCols = 200
	// MaxCells caps the cells a sheet spans, counting each row from
	// column A to its last cell that holds something.
	MaxCells = 1_000_000
	// MaxText caps the text of all the cells together, in bytes: no
	// quarter's data file may be larger, so no scorecard needs more.
	MaxText = load.MaxFileSize
	// MaxRowText caps the text of one row's cells, in bytes.
	MaxRowText = 1 << 20
	// maxFields is the most columns any spreadsheet has (XFD): a CSV line
	// with more fields is not a saved sheet, and is refused before its
	// fields are split.
	maxFields = 16_384
)

// grid collects a sheet's rows within the limits, keeping each row only up
// to its last cell that holds something, and blank rows only before a row
// that holds something.
type grid struct {
	sh    *Sheet
	cells int // cells kept
	text  int // bytes of text kept
}

// add adds row n, counting from 1; rows come in order. It returns the
// limit the row goes beyond, as a diag.List naming the cell.
func (g *grid) add(n int, row []string) error {
	last, first := 0, 0 // the last and first columns holding something
	for i, c := range row {
		if strings.TrimSpace(c) != "" {
			last = i + 1
			if first == 0 {
				first = i + 1
			}
		}
	}
	if last == 0 {
		return nil
	}
	if n > MaxRows {
		return beyondRows(g.sh, n, first)
	}
	if last > MaxCols {
		col := MaxCols + 1
		for strings.TrimSpace(row[col-1]) == "" {
			col++
		}
		return beyondCols(g.sh, n, col)
	}
	if g.cells+last > MaxCells {
		return diag.List{{Pos: g.sh.pos(n, last), Msg: fmt.Sprintf("by cell %s the sheet spans more than %s cells (counting each row from column A to its last filled cell), far more than a scorecard needs; copy the scorecard alone into a new sheet, then save the file again",
			CellName(n, last), withCommas(MaxCells))}}
	}
	rowText := 0
	for i, c := range row[:last] {
		if rowText += len(c); rowText > MaxRowText {
			return longRow(g.sh, n, i+1)
		}
		if g.text += len(c); g.text > MaxText {
			return tooMuchText(g.sh, n, i+1)
		}
	}
	g.cells += last
	for len(g.sh.Rows) < n-1 {
		g.sh.Rows = append(g.sh.Rows, nil)
	}
	g.sh.Rows = append(g.sh.Rows, row[:last:last])
	return nil
}

func beyondRows(sh *Sheet, row, col int) error {
	return diag.List{{Pos: sh.pos(row, col), Msg: fmt.Sprintf("cell %s holds something, but a sheet may have at most %s rows, and a scorecard needs far fewer; delete the rows below the scorecard (or copy the scorecard alone into a new sheet), then save the file again",
		CellName(row, col), withCommas(MaxRows))}}
}

func beyondCols(sh *Sheet, row, col int) error {
	return diag.List{{Pos: sh.pos(row, col), Msg: fmt.Sprintf("cell %s holds something, but a sheet may have at most %d columns (A to %s), and a scorecard needs far fewer; delete the columns to the right of the scorecard (or copy the scorecard alone into a new sheet), then save the file again",
		CellName(row, col), MaxCols, ColumnName(MaxCols))}}
}

func tooMuchText(sh *Sheet, row, col int) error {
	return diag.List{{Pos: sh.pos(row, col), Msg: fmt.Sprintf("by cell %s the sheet holds more than %d MiB of text, far more than a scorecard needs; copy the scorecard alone into a new sheet, then save the file again",
		CellName(row, col), MaxText>>20)}}
}

func longRow(sh *Sheet, row, col int) error {
	return diag.List{{Pos: sh.pos(row, col), Msg: fmt.Sprintf("by cell %s row %d holds more than %d MiB of text, far more than a scorecard's row needs; shorten its cells, or copy the scorecard alone into a new sheet, then save the file again",
		CellName(row, col), row, MaxRowText>>20)}}
}

// withCommas writes n with commas between withCommas: 1,048,576.
func withCommas(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + withCommas(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
