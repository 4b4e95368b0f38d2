package render

import (
	"strconv"

	"scorecard/internal/record"
	"scorecard/internal/report"
)

// A row's year-end forecast (report.Forecast) is shown beside the
// edition's status wherever that is shown: a column of the theme's
// scorecard and of a measure's history when some row has one, an item of
// their cards and of the measure's Latest block. A break in a measure's
// series (report.Break) is a row of its history table and an item of the
// card of the first figure after it, and is listed in its About.

// forecast writes row r's year-end forecast in edition q: its figure,
// then the status it would earn as a tag with its words, each with the
// note of a correction to it; "none" when the row gives none.
func (w *rowWriter) forecast(q *report.Quarter, r *report.Row) {
	if r == nil || r.Forecast == nil {
		w.raw(`<span class="empty">`)
		w.say("cell-none")
		w.raw(`</span>`)
		return
	}
	f := r.Forecast
	w.raw(`<span class="forecast">`)
	if f.Value.Raw != "" {
		w.cell(f.Value)
	}
	if f.Status != nil {
		if f.Value.Raw != "" {
			w.raw(` `)
		}
		w.statusTag(f.Status)
	}
	w.raw(`</span>`)
	w.corrections(q, r, record.Forecast)
	w.corrections(q, r, record.ForecastStatus)
}

// forecastItem writes a card's item for row r's forecast in edition q,
// when it has one.
func (w *rowWriter) forecastItem(q *report.Quarter, r *report.Row) {
	if r == nil || r.Forecast == nil {
		return
	}
	w.sayItem(true, "col-forecast")
	w.forecast(q, r)
	w.endItem()
}

// anyForecast reports whether any of rows has a forecast.
func anyForecast[T any](rows []T, row func(T) *report.Row) bool {
	for _, x := range rows {
		if r := row(x); r != nil && r.Forecast != nil {
			return true
		}
	}
	return false
}

// breakView is a break in a measure's series as its page shows it.
type breakView struct {
	Title  string // "Method change from Q1 2016/17"
	Lead   string // the title before the reason: "Method change from Q1 2016/17:"
	Reason string
}

// viewBreak words a break.
func (r *Renderer) viewBreak(b *report.Break) *breakView {
	kind := r.say("break-break")
	if b.Kind == report.MethodChange {
		kind = r.say("break-method")
	}
	title := r.say("break-from", "Kind", kind, "Period", b.From.Label())
	return &breakView{Title: title, Lead: r.say("break-lead", "Title", title), Reason: b.Reason}
}

// breaksBefore finds, for each of a measure's history rows, the break
// that falls between it and the row with a period before it: nil for most.
func (r *Renderer) breaksBefore(m *report.Measure, history []historyRow) []*breakView {
	if len(m.Breaks) == 0 {
		return nil
	}
	out := make([]*breakView, len(history))
	prev := -1
	for i, h := range history {
		if h.Row.When.IsZero() {
			continue
		}
		if prev >= 0 {
			if b := m.Between(history[prev].Row.When, h.Row.When); b != nil {
				out[i] = r.viewBreak(b)
			}
		}
		prev = i
	}
	return out
}

// BreakBefore is the break between history row i and the one before it,
// or nil.
func (d measureData) BreakBefore(i int) *breakView {
	if i < len(d.breakAt) {
		return d.breakAt[i]
	}
	return nil
}

// HistoryColumns is how many columns the history table has.
func (d measureData) HistoryColumns() int {
	n := 8 + len(d.Targets) + len(d.Comparators)
	if d.Forecasts {
		n++
	}
	return n
}

// breakRow writes a history table's row marking a break, below the first
// figure after it (the table runs newest first).
func (w *rowWriter) breakRow(b *breakView, columns int) {
	w.raw(`<tr class="series-break"><td colspan="`)
	w.html(strconv.Itoa(columns))
	w.raw(`">`)
	w.breakText(b)
	w.raw("</td>")
	w.endRow()
}

// breakText writes a break's kind and period, its reason, and what it
// means for the figures.
func (w *rowWriter) breakText(b *breakView) {
	w.raw(`<span class="break-title">`)
	w.html(b.Lead)
	w.raw(`</span> `)
	w.html(b.Reason)
	w.raw(` `)
	w.say("break-not-compared")
}
