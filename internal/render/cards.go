package render

import (
	"html/template"

	"scorecard/internal/report"
)

// On a phone a table of many columns is wider than the screen, and what is
// off to the right is hidden from a reader who does not know it scrolls.
// So each table of figures also has its cards: a card per measure (a
// theme's scorecard, the measure index) or per quarter (a measure's
// history), holding what the table's row holds, the latest figure first.
// The style sheet shows the cards below 40rem and the table above it, and
// always the table in print; the other is display:none, so a screen reader
// meets the figures once. They are written in Go, as the rows are, for
// the same reason (see rows.go), and TestRowsMatchTemplates holds them to
// testdata/rows-reference.html too.

// Sparkline draws a measure's figures up to and including quarter q as a
// small static SVG with summary as its accessible name; "" when there is
// too little to draw. Package site sets it to package chart's; without it
// the cards have no sparkline.
type Sparkline func(s *report.Site, m *report.Measure, q *report.Quarter, summary string) string

// sparkSummary is a sparkline's accessible name: the card says the
// figures in words, so the picture says what it shows.
func sparkSummary(m *report.Measure, q *report.Quarter) string {
	return "Trend of " + m.Title + " up to " + q.ID.Label()
}

// item writes one term of a card's list of figures; wide items take the
// card's whole width.
func (w *rowWriter) item(term string, wide bool) {
	if wide {
		w.raw(`<div class="card-wide"><dt>`)
	} else {
		w.raw(`<div><dt>`)
	}
	w.html(term)
	w.raw(`</dt><dd>`)
}

func (w *rowWriter) endItem() { w.raw("</dd></div>\n") }

// endCard ends a card, starting a new chunk when this one is full.
func (w *rowWriter) endCard() {
	w.raw("</li>\n")
	if w.Len() >= chunkSize {
		w.chunks = append(w.chunks, template.HTML(w.String()))
		w.Reset()
		w.Grow(chunkSize + chunkSize/4)
	}
}

// against writes a row's figure and its target, the figure first.
func (w *rowWriter) against(r *report.Row) {
	w.item("Actual", false)
	w.cell(r.Actual)
	w.period(r.Period)
	w.endItem()
	w.item("Target", false)
	w.target(r)
	w.endItem()
}

// latest writes the figures of a measure's row in a quarter: actual,
// target, status, direction of travel.
func (w *rowWriter) latest(r *report.Row, notes []noteLink) {
	w.against(r)
	w.item("Status", true)
	w.status(r)
	w.noteLinks(notes)
	w.endItem()
	w.item("Direction of travel", true)
	w.dots(r)
	w.endItem()
}

// scorecardCards writes a theme's scorecard as cards: for each measure,
// the quarter's figures, what good is, its further figures, the earlier
// quarters' actual and status, and its sparkline up to the quarter.
func scorecardCards(d themeData) []template.HTML {
	var w rowWriter
	w.Grow(min(len(d.Rows)*1600, chunkSize+chunkSize/4))
	for _, tr := range d.Rows {
		m := tr.Measure
		w.raw("<li class=\"card\">\n<p class=\"card-title\">")
		w.measureName(m, d.Root)
		w.raw("</p>\n<dl class=\"card-figures\">\n")
		last := len(tr.Cells) - 1
		w.latest(tr.Row, tr.Cells[last].Notes)
		w.item("Good is", false)
		w.html(goodShort(m.Good))
		w.endItem()
		for _, kind := range d.Refs {
			w.item(d.RefHeading(kind), true)
			w.refs(tr.Row.Figures(kind))
			w.endItem()
		}
		for i := last - 1; i >= 0; i-- {
			c := tr.Cells[i]
			w.item(c.Quarter.ID.Label(), false)
			if c.Row == nil {
				w.raw(`<span class="empty">no data</span>`)
			} else {
				w.cell(c.Row.Actual)
				w.raw(`<br>`)
				w.status(c.Row)
				w.noteLinks(c.Notes)
			}
			w.endItem()
		}
		w.raw("</dl>\n")
		w.raw(string(d.Spark(m)))
		w.endCard()
	}
	return w.result()
}

// Spark is the sparkline of a measure's card in the index, up to the
// quarter of its latest figures; "" when there is none.
func (d measureIndexData) Spark(m *report.Measure, q *report.Quarter) template.HTML {
	if d.spark == nil {
		return ""
	}
	return template.HTML(d.spark(d.Site, m, q, sparkSummary(m, q)))
}

// indexCards writes one theme's part of the measure index as cards: each
// measure's latest figures and its sparkline.
func indexCards(t measureIndexTheme, d measureIndexData) []template.HTML {
	var w rowWriter
	w.Grow(min(len(t.Rows)*1200, chunkSize+chunkSize/4))
	for _, ir := range t.Rows {
		w.raw("<li class=\"card\">\n<p class=\"card-title\">")
		w.measureName(ir.Measure, d.Root)
		w.raw("</p>\n<dl class=\"card-figures\">\n")
		r := ir.Row
		w.item("Latest "+d.Site.EditionWord(), true)
		if r == nil {
			w.raw(`<span class="empty">not yet reported</span>`)
			w.endItem()
		} else {
			w.html(ir.Quarter.ID.Label())
			w.endItem()
			w.against(r)
			w.item("Status", true)
			w.publishedStatus(r, "See the measure's notes")
			w.endItem()
			w.item("Since the previous "+d.Site.EditionWord(), true)
			w.direction(r.SinceQuarter)
			w.published(r)
			w.endItem()
		}
		w.item("Good is", false)
		w.html(goodShort(ir.Measure.Good))
		w.endItem()
		w.raw("</dl>\n")
		if r != nil {
			w.raw(string(d.Spark(ir.Measure, ir.Quarter)))
		}
		w.endCard()
	}
	return w.result()
}

// historyCards writes a measure's history as cards, newest quarter first:
// each with what the history table's row holds.
func historyCards(d measureData) []template.HTML {
	var w rowWriter
	w.Grow(min(len(d.History)*1400, chunkSize+chunkSize/4))
	edition := d.Site.EditionWord()
	for i := len(d.History) - 1; i >= 0; i-- {
		h := d.History[i]
		r := h.Row
		w.raw("<li class=\"card\">\n<p class=\"card-title\">")
		w.quarterLink(d, h)
		w.raw("</p>\n<dl class=\"card-figures\">\n")
		w.against(r)
		for _, series := range [][]*report.Series{d.Targets, d.Comparators} {
			for _, sr := range series {
				w.item(sr.Label, false)
				if f := r.Reference(sr); f != nil {
					w.figure(f)
				} else {
					w.raw(`<span class="empty">none</span>`)
				}
				if sr.Source != "" {
					w.raw(`<span class="period">Source: `)
					w.html(sr.Source)
					w.raw(`</span>`)
				}
				w.endItem()
			}
		}
		w.item("Published status", true)
		w.publishedStatus(r, "See the notes")
		w.endItem()
		w.item("Status from the figures", true)
		w.computed(r)
		w.endItem()
		w.item("Since the previous "+edition, true)
		w.travel(r.SinceQuarter)
		w.published(r)
		w.endItem()
		w.item("Since a year earlier", true)
		w.travel(r.SinceLastYear)
		w.endItem()
		if len(r.Notes) > 0 {
			w.item("Notes", true)
			w.notes(r)
			w.endItem()
		}
		w.raw("</dl>\n")
		w.endCard()
	}
	return w.result()
}
