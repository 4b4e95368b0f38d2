// Package record keeps the record of what each edition published: its lock
// file under data/published/, written by scorecard publish, read back with
// every mistake at file:line:col, and compared with the edition's data
// file, whose corrections: must explain every change since.
package record

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"scorecard/internal/diag"
	"scorecard/internal/report"
)

// Dir is the folder of the lock files, one per edition on the record.
const Dir = "data/published"

// Path is the lock file of the edition id.
func Path(id report.Period) string { return Dir + "/" + id.Slug() + ".yaml" }

// Lock is an edition as it was published: each row's figures, target,
// status and further figures, as its data file wrote them, with a digest
// of each row and one of the whole, so that a hand edit is found.
type Lock struct {
	File      string // the lock file, from the site folder
	Edition   string // as data files write it: "2016-17 Q2"
	Published string // the edition's published: date, or ""
	Rows      []Row  // in the order of the data file: catalogue order
	Digest    string // "sha256:" and the hex digest of everything above
	Pos       diag.Pos
}

// Key names a row of an edition: its measure, and its period as written
// for a further period of the measure ("" for the edition's own row).
type Key struct {
	Measure string
	Period  string
}

// Row is one row of a locked edition.
type Row struct {
	Key
	Cells  []Cell // the cells that are not blank: target, actual, status, then the further figures
	Digest string // the first 12 hex digits of the row's SHA-256
	Pos    diag.Pos
	index  int // the measure's place in the catalogue, for the order of rows Of makes
}

// Cell is one figure, target or status of a row, as written.
type Cell struct {
	Field string            // "target", "actual", "status" or a series id
	Kind  report.SeriesKind // of a series: a further target or a comparator; 0 for the row's own
	Value string
	Pos   diag.Pos // in a lock file read back
}

// Own fields of a row, the ones that are not series.
const (
	Target = "target"
	Actual = "actual"
	Status = "status"
	// The year-end forecast's figure and status (forecast: in the data
	// file, a figure or {value, status}).
	Forecast       = "forecast"
	ForecastStatus = "forecast_status"
)

// Cell returns the row's value of field, "" when it is blank.
func (r *Row) Cell(field string) (Cell, bool) {
	for _, c := range r.Cells {
		if c.Field == field {
			return c, true
		}
	}
	return Cell{}, false
}

// set sets field to v, removing the cell when v is "".
func (r *Row) set(field string, kind report.SeriesKind, v string) {
	for i, c := range r.Cells {
		if c.Field == field {
			if v == "" {
				r.Cells = slices.Delete(r.Cells, i, i+1)
			} else {
				r.Cells[i].Value = v
			}
			return
		}
	}
	if v != "" {
		r.Cells = append(r.Cells, Cell{Field: field, Kind: kind, Value: v})
		slices.SortStableFunc(r.Cells, func(a, b Cell) int { return rank(a) - rank(b) })
	}
}

// rank orders cells: the row's own fields first, then further targets,
// then comparators.
func rank(c Cell) int {
	switch c.Field {
	case Target:
		return 0
	case Actual:
		return 1
	case Status:
		return 2
	case Forecast:
		return 3
	case ForecastStatus:
		return 4
	}
	return 4 + int(c.Kind) // further targets 5, comparators 6: as encode writes them, after the row's own
}

// KeyOf is the key of row r of edition q.
func KeyOf(q *report.Quarter, r *report.Row) Key {
	k := Key{Measure: r.Measure.ID}
	if q.Row(r.Measure) != r {
		k.Period = r.Period
	}
	return k
}

// cellsOf is the cells of a row of the model, as written.
func cellsOf(r *report.Row) []Cell {
	var out []Cell
	add := func(field string, kind report.SeriesKind, v string) {
		if v != "" {
			out = append(out, Cell{Field: field, Kind: kind, Value: v})
		}
	}
	add(Target, 0, r.Target.Raw)
	add(Actual, 0, r.Actual.Raw)
	if r.Status != nil {
		add(Status, 0, r.Status.Code)
	}
	if f := r.Forecast; f != nil {
		add(Forecast, 0, f.Value.Raw)
		if f.Status != nil {
			add(ForecastStatus, 0, f.Status.Code)
		}
	}
	for _, f := range r.Targets {
		add(f.Series.ID, report.TargetSeries, f.Value.Raw)
	}
	for _, f := range r.Comparators {
		add(f.Series.ID, report.ComparatorSeries, f.Value.Raw)
	}
	return out
}

// Of is the lock of edition q as it was first published: its rows as its
// data file holds them, with each corrected cell put back as the first
// of its corrections found it (its from:), and a row withdrawn since
// publication made again from its corrections. series are the site's
// series, for a further figure a correction withdrew.
func Of(q *report.Quarter, series []*report.Series) *Lock {
	l := &Lock{Edition: q.ID.String(), Published: q.Published, File: Path(q.ID)}
	at := map[Key]int{}
	for _, main := range q.Rows {
		for _, r := range q.RowsOf(main.Measure) {
			k := KeyOf(q, r)
			if _, dup := at[k]; dup {
				continue
			}
			at[k] = len(l.Rows)
			l.Rows = append(l.Rows, Row{Key: k, Cells: cellsOf(r), index: r.Measure.Index})
		}
	}
	firsts := map[Key]map[string]bool{}
	for _, c := range q.Corrections {
		if c.Measure == nil {
			continue
		}
		k := Key{Measure: c.Measure.ID, Period: c.Period}
		i, ok := at[k]
		if !ok {
			i = len(l.Rows)
			at[k] = i
			l.Rows = append(l.Rows, Row{Key: k, index: c.Measure.Index})
		}
		if firsts[k] == nil {
			firsts[k] = map[string]bool{}
		}
		if firsts[k][c.Field] {
			continue
		}
		firsts[k][c.Field] = true
		l.Rows[i].set(c.Field, kindOf(c.Field, series), c.From)
	}
	slices.SortStableFunc(l.Rows, func(a, b Row) int { return a.index - b.index })
	l.seal()
	return l
}

// kindOf is the kind of the series field names, 0 for a row's own field.
func kindOf(field string, series []*report.Series) report.SeriesKind {
	switch field {
	case Target, Actual, Status:
		return 0
	}
	for _, s := range series {
		if s.ID == field {
			return s.Kind
		}
	}
	return report.TargetSeries
}

// seal works out every digest of l.
func (l *Lock) seal() {
	for i := range l.Rows {
		l.Rows[i].Digest = l.Rows[i].digest()
	}
	l.Digest = l.digest()
}

// canonical writes what a row's digest covers: every piece quoted, so
// that no text can pass for another.
func (r *Row) canonical(b *strings.Builder) {
	b.WriteString(strconv.Quote(r.Measure))
	b.WriteByte(' ')
	b.WriteString(strconv.Quote(r.Period))
	for _, c := range r.Cells {
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(int(c.Kind)))
		b.WriteString(strconv.Quote(c.Field))
		b.WriteString(strconv.Quote(c.Value))
	}
	b.WriteByte('\n')
}

// digest is the first 12 hex digits of the SHA-256 of the row.
func (r *Row) digest() string {
	var b strings.Builder
	r.canonical(&b)
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])[:12]
}

// digest is the SHA-256 of the whole edition: its name, its date and
// every row.
func (l *Lock) digest() string {
	var b strings.Builder
	b.WriteString(strconv.Quote(l.Edition))
	b.WriteByte(' ')
	b.WriteString(strconv.Quote(l.Published))
	b.WriteByte('\n')
	for i := range l.Rows {
		l.Rows[i].canonical(&b)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Equal reports whether two locks record the same edition with the same
// rows, in the same order.
func Equal(a, b *Lock) bool {
	if a.Edition != b.Edition || a.Published != b.Published || len(a.Rows) != len(b.Rows) {
		return false
	}
	for i := range a.Rows {
		x, y := a.Rows[i], b.Rows[i]
		if x.Key != y.Key || len(x.Cells) != len(y.Cells) {
			return false
		}
		for j := range x.Cells {
			if x.Cells[j].Field != y.Cells[j].Field || x.Cells[j].Kind != y.Cells[j].Kind || x.Cells[j].Value != y.Cells[j].Value {
				return false
			}
		}
	}
	return true
}
