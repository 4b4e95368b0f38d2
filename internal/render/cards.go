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
func (r *Renderer) sparkSummary(m *report.Measure, q *report.Quarter) string {
	return r.say("spark-summary", "Measure", m.Title, "Period", q.ID.Label())
}

// item writes one term of a card's list of figures; wide items take the
// card's whole width.
func (w *rowWriter) item(term string, wide bool) {
	w.startItem(wide)
	w.html(term)
	w.raw(`</dt><dd>`)
}

// sayItem is item with a message of the catalogue as its term.
func (w *rowWriter) sayItem(wide bool, id string, args ...any) {
	w.startItem(wide)
	w.sayOne(id, args...)
	w.raw(`</dt><dd>`)
}

func (w *rowWriter) startItem(wide bool) {
	if wide {
		w.raw(`<div class="card-wide"><dt>`)
	} else {
		w.raw(`<div><dt>`)
	}
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
func (w *rowWriter) against(q *report.Quarter, r *report.Row) {
	w.sayItem(false, "col-actual")
	w.cell(r.Actual)
	w.period(r.Period)
	w.corrections(q, r, "actual")
	w.endItem()
	w.sayItem(false, "col-target")
	w.target(r)
	w.corrections(q, r, "target")
	w.endItem()
}

// latest writes the figures of a measure's row in a quarter: actual,
// target, status, direction of travel.
func (w *rowWriter) latest(q *report.Quarter, r *report.Row, notes []noteLink) {
	w.against(q, r)
	w.sayItem(true, "col-status")
	w.status(r)
	w.noteLinks(notes)
	w.corrections(q, r, "status")
	w.endItem()
	w.sayItem(true, "col-direction-of-travel")
	w.dots(r)
	w.endItem()
}

// scorecardCards writes a theme's scorecard as cards: for each measure,
// the quarter's figures, what good is, its further figures, the earlier
// quarters' actual and status, and its sparkline up to the quarter.
func (r *Renderer) scorecardCards(d themeData) []template.HTML {
	w := rowWriter{r: r, site: d.Site, root: d.Root}
	w.Grow(min(len(d.Rows)*1600, chunkSize+chunkSize/4))
	for _, tr := range d.Rows {
		m := tr.Measure
		w.raw("<li class=\"card\">\n<p class=\"card-title\">")
		w.measureName(m, d.Root)
		w.raw("</p>\n<dl class=\"card-figures\">\n")
		last := len(tr.Cells) - 1
		w.latest(d.Quarter, tr.Row, tr.Cells[last].Notes)
		w.forecastItem(d.Quarter, tr.Row)
		w.sayItem(false, "col-good-is")
		w.html(w.r.goodWords(m.Good))
		w.endItem()
		for _, kind := range d.Refs {
			w.item(d.RefHeading(kind), true)
			w.refs(d.Quarter, tr.Row, tr.Row.Figures(kind))
			w.endItem()
		}
		for i := last - 1; i >= 0; i-- {
			c := tr.Cells[i]
			w.item(c.Quarter.ID.Label(), false)
			if c.Row == nil {
				w.raw(`<span class="empty">`)
				w.say("cell-no-data")
				w.raw(`</span>`)
			} else {
				w.cell(c.Row.Actual)
				w.corrections(c.Quarter, c.Row, "actual")
				w.raw(`<br>`)
				w.status(c.Row)
				w.noteLinks(c.Notes)
				w.corrections(c.Quarter, c.Row, "status")
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
	return template.HTML(d.spark(m, q))
}

// indexCards writes one theme's part of the measure index as cards: each
// measure's latest figures and its sparkline.
func (rd *Renderer) indexCards(t measureIndexTheme, d measureIndexData) []template.HTML {
	w := rowWriter{r: rd, site: d.Site, root: d.Root}
	w.Grow(min(len(t.Rows)*1200, chunkSize+chunkSize/4))
	for _, ir := range t.Rows {
		w.raw("<li class=\"card\">\n<p class=\"card-title\">")
		w.measureName(ir.Measure, d.Root)
		w.raw("</p>\n<dl class=\"card-figures\">\n")
		r := ir.Row
		w.sayItem(true, "card-latest", "Edition", d.Site.EditionWord())
		if r == nil {
			w.raw(`<span class="empty">`)
			w.say("not-yet-reported")
			w.raw(`</span>`)
			w.endItem()
		} else {
			w.html(ir.Quarter.ID.Label())
			w.endItem()
			w.against(ir.Quarter, r)
			w.sayItem(true, "col-status")
			w.publishedStatus(r, true)
			w.corrections(ir.Quarter, r, "status")
			w.endItem()
			w.sayItem(true, "card-since-previous", "Edition", d.Site.EditionWord())
			w.direction(r.SinceQuarter)
			w.published(r)
			w.endItem()
		}
		w.sayItem(false, "col-good-is")
		w.html(w.r.goodWords(ir.Measure.Good))
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
func (rd *Renderer) historyCards(d measureData) []template.HTML {
	w := rowWriter{r: rd, site: d.Site, root: d.Root}
	w.Grow(min(len(d.History)*1400, chunkSize+chunkSize/4))
	edition := d.Site.EditionWord()
	for i := len(d.History) - 1; i >= 0; i-- {
		h := d.History[i]
		r := h.Row
		w.raw("<li class=\"card\">\n<p class=\"card-title\">")
		w.quarterLink(d, h)
		w.raw("</p>\n<dl class=\"card-figures\">\n")
		w.against(h.Quarter, r)
		for _, series := range [][]*report.Series{d.Targets, d.Comparators} {
			for _, sr := range series {
				w.item(sr.Label, false)
				if f := r.Reference(sr); f != nil {
					w.figure(f)
					w.corrections(h.Quarter, r, sr.ID)
				} else {
					w.raw(`<span class="empty">`)
					w.say("cell-none")
					w.raw(`</span>`)
				}
				if sr.Source != "" {
					w.raw(`<span class="period">`)
					w.say("figure-source", "Source", sr.Source)
					w.raw(`</span>`)
				}
				w.endItem()
			}
		}
		w.sayItem(true, "col-published-status")
		w.publishedStatus(r, false)
		w.corrections(h.Quarter, r, "status")
		w.endItem()
		w.forecastItem(h.Quarter, r)
		w.sayItem(true, "card-computed")
		w.computed(r)
		w.endItem()
		w.sayItem(true, "card-since-previous", "Edition", edition)
		w.travel(r.SinceQuarter)
		w.published(r)
		w.endItem()
		w.sayItem(true, "card-since-year")
		w.travel(r.SinceLastYear)
		w.endItem()
		if len(r.Notes) > 0 {
			w.sayItem(true, "col-notes")
			w.notes(r)
			w.endItem()
		}
		if b := d.BreakBefore(i); b != nil {
			w.item(b.Title, true)
			w.html(b.Reason)
			w.raw(` `)
			w.say("break-not-compared")
			w.endItem()
		}
		w.raw("</dl>\n")
		w.endCard()
	}
	return w.result()
}
