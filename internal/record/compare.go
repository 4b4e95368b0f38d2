package record

import (
	"fmt"
	"strconv"
	"strings"

	"scorecard/internal/diag"
	"scorecard/internal/report"
)

// Chains checks the corrections of edition q among themselves and
// against its data file: for each cell, each correction goes from where
// the one before left it, and the last to what the file holds now. at
// gives the place in the data file of a row's cell (field "" for the row
// itself), for the errors about it.
func Chains(q *report.Quarter, at func(k Key, field string) diag.Pos) diag.List {
	var out diag.List
	now := map[Key]*Row{}
	for _, main := range q.Rows {
		for _, r := range q.RowsOf(main.Measure) {
			k := KeyOf(q, r)
			now[k] = &Row{Key: k, Cells: cellsOf(r)}
		}
	}
	type cell struct {
		k     Key
		field string
	}
	chains := map[cell][]*report.Correction{}
	var order []cell
	for _, c := range q.Corrections {
		if c.Measure == nil {
			continue
		}
		k := Key{Measure: c.Measure.ID, Period: c.Period}
		key := cell{k, c.Field}
		chain := chains[key]
		if n := len(chain); n > 0 && chain[n-1].To != c.From {
			out.Errorf(c.Pos, "this correction of measure %s%s's %s starts from %s, but the correction before it (line %d) left it at %s; write from: %s", k.Measure, periodNote(k.Period), c.Field, show(c.From), chain[n-1].Pos.Line, show(chain[n-1].To), literal(chain[n-1].To))
		}
		if chain == nil {
			order = append(order, key)
		}
		chains[key] = append(chain, c)
	}
	for _, key := range order {
		chain := chains[key]
		last := chain[len(chain)-1]
		v := ""
		if r := now[key.k]; r != nil {
			c, _ := r.Cell(key.field)
			v = c.Value
		}
		if v != last.To {
			out.Errorf(at(key.k, key.field), "measure %s%s's %s is %s in this file, but its last correction (line %d) says it became %s; if %s is right, add this entry under corrections:, with the day it is published and why: %s; otherwise write %s", key.k.Measure, periodNote(key.k.Period), key.field, show(v), last.Pos.Line, show(last.To), show(v), Entry(key.k, key.field, last.To, v), show(last.To))
		}
	}
	return out
}

// Compare holds edition q to its lock l: every cell of the edition, as
// its corrections say it was first published (Of), must be as l recorded
// it. It returns an error for each cell that is not, at the correction
// whose from: is wrong or else at the changed cell, with the correction
// to add. at and series are as for Chains and Of.
func Compare(l *Lock, q *report.Quarter, series []*report.Series, at func(k Key, field string) diag.Pos) diag.List {
	var out diag.List
	firsts := map[Key]map[string]*report.Correction{} // the first correction of each field of a row
	corrected := map[Key]bool{}
	for _, c := range q.Corrections {
		if c.Measure == nil {
			continue
		}
		k := Key{Measure: c.Measure.ID, Period: c.Period}
		if firsts[k] == nil {
			firsts[k] = map[string]*report.Correction{}
		}
		if firsts[k][c.Field] == nil {
			firsts[k][c.Field] = c
		}
		corrected[k] = true
	}

	// What the edition held when it was published, by its corrections,
	// against the record.
	want := Of(q, series)
	byKey := map[Key]*Row{}
	for i := range want.Rows {
		byKey[want.Rows[i].Key] = &want.Rows[i]
	}
	locked := map[Key]bool{}
	for i := range l.Rows {
		lr := &l.Rows[i]
		locked[lr.Key] = true
		w := byKey[lr.Key]
		if w == nil {
			out = append(out, withdrawn(l, lr, at))
			continue
		}
		out = append(out, cells(l, lr, w, firsts[lr.Key], at)...)
	}
	for i := range want.Rows {
		w := &want.Rows[i]
		if locked[w.Key] {
			continue
		}
		if len(w.Cells) == 0 && !corrected[w.Key] {
			out.Errorf(at(w.Key, ""), "measure %s%s was not in %s as published (%s); remove it from this file, or, if its figures were added since, record each with a correction", w.Measure, periodNote(w.Period), l.Edition, l.File)
			continue
		}
		out = append(out, cells(l, &Row{Key: w.Key, Pos: diag.Pos{File: l.File}}, w, firsts[w.Key], at)...)
	}
	out.Sort()
	return out
}

// cells compares the cells of a row as published (lr) with the row as its
// corrections say it was published (w).
func cells(l *Lock, lr, w *Row, first map[string]*report.Correction, at func(Key, string) diag.Pos) diag.List {
	var out diag.List
	fields := map[string]bool{}
	var order []string
	for _, r := range []*Row{lr, w} {
		for _, c := range r.Cells {
			if !fields[c.Field] {
				fields[c.Field] = true
				order = append(order, c.Field)
			}
		}
	}
	for _, f := range order {
		pc, _ := lr.Cell(f)
		wc, _ := w.Cell(f)
		if pc.Value == wc.Value {
			continue
		}
		where := pc.Pos
		if where.Line == 0 {
			where = lr.Pos
		}
		if where.File == "" {
			where.File = l.File
		}
		if c := first[f]; c != nil {
			out.Errorf(c.Pos, "this correction says measure %s%s's %s was %s when %s was published, but the record (%s) has %s; write from: %s", lr.Measure, periodNote(lr.Period), f, show(c.From), l.Edition, where, show(pc.Value), literal(pc.Value))
			continue
		}
		was := fmt.Sprintf("%s published its %s as %s (%s)", l.Edition, f, show(pc.Value), where)
		undo := "otherwise put back " + show(pc.Value)
		if pc.Value == "" {
			was = fmt.Sprintf("%s published no %s (%s)", l.Edition, f, where)
			undo = "otherwise remove it"
		}
		is, right := "now holds "+show(wc.Value), "if "+show(wc.Value)+" is right"
		if wc.Value == "" {
			is, right = "now leaves it blank", "if it should be blank"
		}
		out.Errorf(at(lr.Key, f), "measure %s%s: %s, and this file %s; a published figure changes only by a correction: %s, add this entry under corrections: in this file, with the day it is published and why: %s; %s", lr.Measure, periodNote(lr.Period), was, is, right, Entry(lr.Key, f, pc.Value, wc.Value), undo)
	}
	return out
}

// withdrawn is the error about a row on the record that the data file no
// longer lists, and that no correction withdrew.
func withdrawn(l *Lock, lr *Row, at func(Key, string) diag.Pos) diag.Diagnostic {
	var out diag.List
	put := lr.Measure + ": {}"
	if len(lr.Cells) == 0 {
		out.Errorf(at(lr.Key, ""), "measure %s%s was published in %s with no figures (%s), and this file no longer lists it; put back its row, %s", lr.Measure, periodNote(lr.Period), l.Edition, lr.Pos, put)
		return out[0]
	}
	var entries []string
	for _, c := range lr.Cells {
		entries = append(entries, Entry(lr.Key, c.Field, c.Value, ""))
	}
	out.Errorf(at(lr.Key, ""), "measure %s%s was published in %s (%s), and this file no longer lists it; put its row back as it was, or record the withdrawal of each of its figures under corrections:, with the day it is published and why: %s", lr.Measure, periodNote(lr.Period), l.Edition, lr.Pos, strings.Join(entries, " "))
	return out[0]
}

// show writes a cell's value for a message.
func show(v string) string {
	if v == "" {
		return "blank"
	}
	return strconv.Quote(v)
}

// literal writes a value as a data file may: "" for a blank.
func literal(v string) string {
	if v == "" {
		return `""`
	}
	return v
}
