package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// The rows of the big tables (a theme's scorecard, a measure's history,
// the measure index, a status chart's numbers) are written here in Go
// rather than by ranging over them in a template: a site of 40,000
// measures has millions of such rows, and html/template's reflective
// evaluation costs about 100 µs a row where this code takes a few. The
// templates range over what these functions return for the table bodies
// ({{range scorecardRows .}}{{.}}{{end}}; historyRows, indexRows and
// countRows alike), so a site's own layouts can still replace the whole
// table, or range over .Rows themselves.
//
// Every piece of text from the site goes through html or url below, which
// escape exactly as html/template does in the same context, so the output
// is byte for byte what the templates wrote and no user text can become
// markup. TestRowsMatchTemplates holds them to that.

// rowWriter builds a table body as a list of chunks of about chunkSize
// bytes, which the template writes one after the other: a single string of
// megabytes would be copied whole into a fresh buffer by the template's
// printing (fmt pools only small buffers).
type rowWriter struct {
	strings.Builder
	chunks []template.HTML
	r      *Renderer // whose catalogue gives the words

	// For the notes of corrected figures (corrections.go): the site, and
	// the way from the page to its root.
	site *report.Site
	root string
}

const chunkSize = 32 << 10

// endRow ends a table row, starting a new chunk when this one is full.
func (w *rowWriter) endRow() {
	w.raw("</tr>\n")
	if w.Len() >= chunkSize {
		w.chunks = append(w.chunks, template.HTML(w.String()))
		w.Builder = strings.Builder{}
		w.Grow(chunkSize + chunkSize/4)
	}
}

// escapes is what html/template's htmlEscaper writes for each byte it
// escapes; the others pass as they are.
var escapes = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// html writes text for an element's content or a quoted attribute value,
// escaped as html/template's htmlEscaper does.
func (w *rowWriter) html(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if repl := escapes[s[i]]; repl != "" {
			w.WriteString(s[last:i])
			w.WriteString(repl)
			last = i + 1
		}
	}
	w.WriteString(s[last:])
}

// say writes a message of the renderer's catalogue (ids written out, as
// for Renderer.say), escaped as html/template escapes it. A message is
// the same on every row but for its arguments: it is cut around them
// once per Renderer (words.Catalogue.Pieces) and its pieces reused, so a
// table of millions of rows does not format each message anew.
func (w *rowWriter) say(id string, args ...any) { w.sayOne(id, args...) }

// sayOne is say for an id chosen at run time from constants written out.
func (w *rowWriter) sayOne(id string, args ...any) {
	cached, ok := w.r.said.Load(id)
	if !ok {
		cached = w.r.cut(id, args)
		w.r.said.Store(id, cached)
	}
	pieces, _ := cached.([]rowPiece)
	if pieces == nil {
		// A message that cannot be cut: one that shows an argument twice,
		// or not at all (a site's translation may), or a counted one.
		w.html(w.r.sayOne(id, args...))
		return
	}
	for _, p := range pieces {
		if p.arg < 0 {
			w.raw(p.text)
			continue
		}
		switch v := args[p.arg].(type) {
		case string:
			w.html(v)
		default:
			w.html(fmt.Sprint(v))
		}
	}
}

// rowPiece is a piece of a message cut around its arguments: its text,
// escaped, or the index in say's args of the argument's value (arg >= 0).
type rowPiece struct {
	text string
	arg  int
}

// cut cuts message id around the arguments args names, for say; nil when
// it cannot.
func (r *Renderer) cut(id string, args []any) any {
	if r.words.Plural(id) {
		return nil
	}
	slots := make([]any, len(args))
	index := map[string]int{}
	for i := 0; i+1 < len(args); i += 2 {
		name, _ := args[i].(string)
		slots[i] = name
		index[name] = i + 1
	}
	pieces, err := r.words.Pieces(id, slots...)
	if err != nil {
		return nil
	}
	out := make([]rowPiece, 0, len(pieces))
	for _, p := range pieces {
		if p.Slot != "" {
			out = append(out, rowPiece{arg: index[p.Slot]})
			continue
		}
		var e rowWriter
		e.html(p.Text)
		out = append(out, rowPiece{text: e.String(), arg: -1})
	}
	return out
}

// good writes what good is for a measure, as {{good}} does.
func (w *rowWriter) good(p report.Polarity) {
	switch p {
	case report.Higher:
		w.say("good-higher")
	case report.Lower:
		w.say("good-lower")
	case report.InRange:
		w.say("good-in-range")
	case report.NotStated:
		w.say("good-not-stated")
	default:
		w.html(string(p))
	}
}

// raw writes markup that is part of the layout.
func (w *rowWriter) raw(s string) { w.WriteString(s) }

// url writes a site path in an href, as html/template does at the start of
// a URL attribute: characters URLs may hold pass, others are percent
// encoded, then the result is escaped for the attribute. Paths here are
// made from ids the loader has checked, so the scheme filter html/template
// also applies could never fire.
func (w *rowWriter) url(s string, norm bool) {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", c) >= 0,
			norm && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0,
			norm && c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			// Passed by the URL escaper; the attribute escaper may still
			// change it (& and +).
			if e := escapes[c]; e != "" {
				w.WriteString(e)
			} else {
				w.WriteByte(c)
			}
		default:
			// Percent encoded: % and hex digits need no more escaping.
			w.WriteByte('%')
			w.WriteByte(hex[c>>4])
			w.WriteByte(hex[c&15])
		}
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// cell writes a target or actual as the "cell" template does.
func (w *rowWriter) cell(v value.Value) {
	switch v.Kind {
	case value.Blank:
		w.raw(`<span class="empty">`)
		w.say("cell-no-data")
		w.raw(`</span>`)
	case value.NotApplicable:
		w.raw(`<span class="empty">`)
		w.say("cell-not-applicable")
		w.raw(`</span>`)
	default:
		w.html(v.Figure())
		for _, q := range v.Qualifiers() {
			if q.Mark != "" {
				w.raw(`<sup class="qualifier"><span aria-hidden="true">`)
				w.html(q.Mark)
				w.raw(`</span><span class="visually-hidden"> (`)
				w.html(q.Meaning)
				w.raw(`)</span></sup>`)
				continue
			}
			w.raw(` <span class="qualifier">(`)
			w.html(q.Word)
			w.raw(`)</span>`)
		}
	}
}

// status writes a row's published status as the "status" template does.
func (w *rowWriter) status(r *report.Row) {
	switch {
	case r.Status != nil:
		w.statusTag(r.Status)
	case len(r.Notes) == 0:
		w.raw(`<span class="empty">`)
		w.say("cell-no-data")
		w.raw(`</span>`)
	}
}

func (w *rowWriter) statusTag(s *report.Status) {
	w.raw(`<span class="status `)
	w.html(s.Class)
	w.raw(`">`)
	w.html(s.Describe())
	w.raw(`</span>`)
}

// direction writes a direction of travel as the "direction" template does.
func (w *rowWriter) direction(d report.Direction) {
	w.raw(`<span class="dot `)
	w.html(dirClass(d.Kind))
	w.raw(`"><span aria-hidden="true">`)
	w.html(d.Kind.Arrow())
	w.raw(`</span> `)
	w.html(w.r.sayOne(dirMsg(d.Kind)))
	w.raw(`</span>`)
}

// measureName writes the row header's number, linked title and tag.
func (w *rowWriter) measureName(m *report.Measure, root string) {
	if m.Number != "" {
		w.raw(`<span class="num">`)
		w.html(m.Number)
		w.raw(`</span> `)
	}
	w.raw(`<a href="`)
	w.url(root+MeasurePath(m), true)
	w.raw(`">`)
	w.html(m.Title)
	w.raw(`</a>`)
	if m.Equalities {
		w.raw(` <span class="tag">`)
		w.say("tag-equalities")
		w.raw(`</span>`)
	}
}

// result is the table body, for {{range}} in a template.
func (w *rowWriter) result() []template.HTML {
	if w.Len() > 0 {
		w.chunks = append(w.chunks, template.HTML(w.String()))
	}
	return w.chunks
}

// scorecardRows writes the body of a theme's scorecard table: a row per
// measure, the current quarter's target, actual and status next to its
// name, then its directions of travel, what good is, its further figures,
// and the earlier quarters', newest first, for comparison.
func (r *Renderer) scorecardRows(d themeData) []template.HTML {
	w := rowWriter{r: r, site: d.Site, root: d.Root}
	w.Grow(min(len(d.Rows)*1600, chunkSize+chunkSize/4))
	p := d.IDPrefix
	for _, tr := range d.Rows {
		m := tr.Measure
		mh := p + "m-" + m.Address
		w.raw("<tr>\n<th scope=\"row\" id=\"")
		w.html(mh)
		w.raw(`" headers="`)
		w.html(p)
		w.raw(`h-measure">`)
		w.measureName(m, d.Root)
		w.raw("</th>\n")
		last := len(tr.Cells) - 1
		w.quarterCells(tr.Cells[last])
		if d.Forecast {
			w.raw(`<td headers="`)
			w.html(mh + " " + p + "h-forecast")
			w.raw(`">`)
			w.forecast(d.Quarter, tr.Row)
			w.raw("</td>\n")
		}
		w.raw(`<td headers="`)
		w.html(mh + " " + p + "h-dot")
		w.raw(`">`)
		w.dots(tr.Row)
		w.raw("</td>\n<td headers=\"")
		w.html(mh + " " + p + "h-good")
		w.raw(`">`)
		w.good(m.Good)
		w.raw("</td>\n")
		for _, kind := range d.Refs {
			w.raw(`<td headers="`)
			w.html(mh + " " + p + "h-" + kind.Key())
			w.raw(`">`)
			w.refs(d.Quarter, tr.Row, tr.Row.Figures(kind))
			w.raw("</td>\n")
		}
		for i := last - 1; i >= 0; i-- {
			w.quarterCells(tr.Cells[i])
		}
		w.endRow()
	}
	return w.result()
}

// quarterCells writes a scorecard row's target, actual and status cells
// for one quarter.
func (w *rowWriter) quarterCells(c themeCell) {
	if c.Row == nil {
		for i, suffix := range [...]string{"-t", "-a", "-s"} {
			w.raw(`<td`)
			if i < 2 {
				w.raw(` class="n"`)
			}
			w.raw(` headers="`)
			w.headers(c, suffix)
			w.raw(`"><span class="empty">`)
			w.say("cell-no-data")
			w.raw(`</span></td>`)
		}
		w.raw("\n")
		return
	}
	w.raw(`<td class="n" headers="`)
	w.headers(c, "-t")
	w.raw(`">`)
	w.cell(c.Row.Target)
	w.corrections(c.Quarter, c.Row, "target")
	w.raw("</td>\n<td class=\"n\" headers=\"")
	w.headers(c, "-a")
	w.raw(`">`)
	w.cell(c.Row.Actual)
	w.period(c.Row.Period)
	w.corrections(c.Quarter, c.Row, "actual")
	w.raw("</td>\n<td headers=\"")
	w.headers(c, "-s")
	w.raw(`">`)
	w.status(c.Row)
	w.noteLinks(c.Notes)
	w.corrections(c.Quarter, c.Row, "status")
	w.raw("</td>\n")
}

// noteLinks writes the links from a status to its notes.
func (w *rowWriter) noteLinks(notes []noteLink) {
	for _, n := range notes {
		w.raw(` <a class="noteref" href="#`)
		w.url(n.Anchor, false)
		w.raw(`">`)
		w.say("note-ref", "Label", n.Label)
		if n.Period != "" {
			w.raw(`<span class="visually-hidden">, `)
			w.html(n.Period)
			w.raw(`</span>`)
		}
		w.raw(`</a>`)
	}
}

// dots writes a scorecard row's directions of travel: since the quarter
// before, and since a year earlier when that is another quarter.
func (w *rowWriter) dots(r *report.Row) {
	if r == nil {
		return
	}
	w.since(r.SinceQuarter)
	w.published(r)
	// For a yearly figure the period before is the year before: said once.
	if r.SinceLastYear.Against != r.SinceQuarter.Against || r.SinceQuarter.Against.IsZero() {
		w.raw("\n")
		w.since(r.SinceLastYear)
	}
}

// headers writes a cell's headers attribute, as themeCell.Headers makes it.
func (w *rowWriter) headers(c themeCell, suffix string) {
	w.html(c.mh)
	w.raw(" ")
	w.html(c.qh)
	w.raw(" ")
	w.html(c.qh)
	w.raw(suffix)
}

func (w *rowWriter) period(p string) {
	if p != "" {
		w.raw(`<span class="period">`)
		w.say("data-period", "Period", p)
		w.raw(`</span>`)
	}
}

// since writes a direction of travel with the quarter it compares with.
func (w *rowWriter) since(d report.Direction) {
	w.raw(`<span class="since">`)
	w.direction(d)
	w.raw(` <span class="against">`)
	switch {
	case d.Kind == report.NotComparable && d.Against.IsZero():
		// No earlier period to name: the reason says why.
		w.html(w.r.reason(d))
	case d.Kind == report.NotComparable:
		w.say("since-reason", "Period", d.Against.Label(), "Reason", w.r.reason(d))
	default:
		w.say("since", "Period", d.Against.Label())
	}
	w.raw(`</span></span>`)
}

// published writes the report's own direction of travel where it differs
// from the one worked out from the figures, saying which is which.
func (w *rowWriter) published(r *report.Row) {
	p := r.PublishedDirection
	if p == nil || p.Kind == r.SinceQuarter.Kind {
		return
	}
	w.raw(`<span class="since published-dot"><span class="against">`)
	w.say("published-dot")
	w.raw(`</span>`)
	w.direction(report.Direction{Kind: p.Kind})
	w.raw(` <span class="against">`)
	w.say("published-dot-ours", "Raw", p.Raw, "Ours", strings.ToLower(w.r.sayOne(dirMsg(r.SinceQuarter.Kind))))
	w.raw(`</span></span>`)
}

// historyRows writes the body of a measure's history table: a row per
// quarter, newest first, with the published and the computed status, the
// directions of travel with their reasons, and the notes.
func (rd *Renderer) historyRows(d measureData) []template.HTML {
	w := rowWriter{r: rd, site: d.Site, root: d.Root}
	w.Grow(min(len(d.History)*1200, chunkSize+chunkSize/4))
	for i := len(d.History) - 1; i >= 0; i-- {
		h := d.History[i]
		r := h.Row
		w.raw("<tr>\n<th scope=\"row\">")
		w.quarterLink(d, h)
		w.raw("</th>\n<td class=\"n\">")
		w.target(r)
		w.corrections(h.Quarter, r, "target")
		w.raw("</td>\n")
		w.figures(h.Quarter, r, d.Targets)
		w.raw("<td class=\"n\">")
		w.cell(r.Actual)
		w.period(r.Period)
		w.corrections(h.Quarter, r, "actual")
		w.raw("</td>\n")
		w.figures(h.Quarter, r, d.Comparators)
		w.raw("<td>")
		w.publishedStatus(r, false)
		w.corrections(h.Quarter, r, "status")
		if d.Forecasts {
			w.raw("</td>\n<td>")
			w.forecast(h.Quarter, r)
		}
		w.raw("</td>\n<td>")
		w.computed(r)
		w.raw("</td>\n<td>")
		w.travel(r.SinceQuarter)
		w.published(r)
		w.raw("</td>\n<td>")
		w.travel(r.SinceLastYear)
		w.raw("</td>\n<td>")
		w.notes(r)
		if len(r.Notes) == 0 {
			w.raw(`<span class="empty">`)
			w.say("cell-none")
			w.raw(`</span>`)
		}
		w.raw("</td>\n")
		w.endRow()
		if b := d.BreakBefore(i); b != nil {
			w.breakRow(b, d.HistoryColumns())
		}
	}
	return w.result()
}

// quarterLink writes a history row's quarter, linked to its theme page.
func (w *rowWriter) quarterLink(d measureData, h historyRow) {
	w.raw(`<a href="`)
	w.url(d.Root+h.ThemePath, true)
	w.raw(`">`)
	w.html(h.Quarter.ID.Label())
	w.raw(`</a>`)
}

// target writes a history row's target, saying when it is the year's.
func (w *rowWriter) target(r *report.Row) {
	w.cell(r.Target)
	if r.Target.Annual {
		w.raw(`<span class="period">`)
		w.say("annual-target")
		w.raw(`</span>`)
	}
}

// publishedStatus writes a row's published status, or, when the row has
// none and its notes say why, words pointing to the notes: the measure's,
// from the index, when measures is set.
func (w *rowWriter) publishedStatus(r *report.Row, measures bool) {
	switch {
	case r.Status != nil || len(r.Notes) == 0:
		w.status(r)
	case measures:
		w.say("see-measure-notes")
	default:
		w.say("see-notes")
	}
}

// computed writes the status Scorecard works out from the figures, with
// its working, or why there is none.
func (w *rowWriter) computed(r *report.Row) {
	if c := r.Computed; c.Status != nil {
		w.statusTag(c.Status)
		w.raw(`<span class="working">`)
		w.html(c.Working())
	} else {
		w.raw(`<span class="empty">`)
		w.say("cell-none")
		w.raw(`</span><span class="working">`)
		w.html(c.Reason())
	}
	w.raw("</span>")
}

// travel writes a direction of travel with its reason.
func (w *rowWriter) travel(d report.Direction) {
	w.direction(d)
	w.raw(`<span class="working">`)
	w.html(w.r.reason(d))
	w.raw("</span>")
}

// notes writes a row's notes, each a paragraph.
func (w *rowWriter) notes(r *report.Row) {
	for _, n := range r.Notes {
		w.raw(`<p>`)
		text := n.Note.Text
		if text == "" {
			text = w.r.say("note-no-text")
		}
		w.say("note", "Labels", n.Label, "Text", text)
		w.raw(`</p>`)
	}
}

// figures writes a cell for each of the series: the row's figure in it,
// or "none".
func (w *rowWriter) figures(q *report.Quarter, r *report.Row, series []*report.Series) {
	for _, sr := range series {
		w.raw(`<td class="n">`)
		if f := r.Reference(sr); f != nil {
			w.figure(f)
			w.corrections(q, r, sr.ID)
		} else {
			w.raw(`<span class="empty">`)
			w.say("cell-none")
			w.raw(`</span>`)
		}
		w.raw("</td>\n")
	}
}

// figure writes a further target or comparator with the period it
// describes and its own source, when the data gives them.
func (w *rowWriter) figure(f *report.Figure) {
	w.cell(f.Value)
	if f.Period != "" {
		w.raw(`<span class="period">`)
		w.say("figure-period", "Period", f.Period)
		w.raw(`</span>`)
	}
	if f.Source != "" {
		w.raw(`<span class="period">`)
		w.say("figure-source", "Source", f.Source)
		w.raw(`</span>`)
	}
}

// refs writes a row's figures of one kind as a list, each with its label:
// the "Other targets" and "Comparators" cells of a theme's scorecard.
func (w *rowWriter) refs(q *report.Quarter, r *report.Row, figs []report.Figure) {
	if len(figs) == 0 {
		w.raw(`<span class="empty">`)
		w.say("cell-none")
		w.raw(`</span>`)
		return
	}
	w.raw(`<ul class="refs">`)
	for i := range figs {
		w.raw(`<li>`)
		w.html(figs[i].Series.Label)
		w.raw(`: `)
		w.figure(&figs[i])
		w.corrections(q, r, figs[i].Series.ID)
		w.raw(`</li>`)
	}
	w.raw(`</ul>`)
}

// indexRows writes the body of one theme's table in the measure index:
// each measure with its latest figures next to its name, then what good
// is.
func (rd *Renderer) indexRows(t measureIndexTheme, root string) []template.HTML {
	w := rowWriter{r: rd, site: t.site, root: root}
	w.Grow(min(len(t.Rows)*700, chunkSize+chunkSize/4))
	for _, ir := range t.Rows {
		w.raw("<tr>\n<th scope=\"row\">")
		w.measureName(ir.Measure, root)
		w.raw("</th>\n")
		if r := ir.Row; r == nil {
			w.raw(`<td colspan="5"><span class="empty">`)
			w.say("not-yet-reported")
			w.raw("</span></td>\n")
		} else {
			w.raw("<td>")
			w.html(ir.Quarter.ID.Label())
			w.raw("</td>\n<td class=\"n\">")
			w.cell(r.Target)
			w.corrections(ir.Quarter, r, "target")
			w.raw("</td>\n<td class=\"n\">")
			w.cell(r.Actual)
			w.corrections(ir.Quarter, r, "actual")
			w.raw("</td>\n<td>")
			w.publishedStatus(r, true)
			w.corrections(ir.Quarter, r, "status")
			w.raw("</td>\n<td>")
			w.direction(r.SinceQuarter)
			w.published(r)
			w.raw("</td>\n")
		}
		w.raw("<td>")
		w.good(ir.Measure.Good)
		w.raw("</td>\n")
		w.endRow()
	}
	return w.result()
}

// embedRows writes the body of a chart's table on its embed page: a row
// per row of figures, its first cell the row's heading.
func embedRows(rows [][]string) []template.HTML {
	w := rowWriter{}
	for _, row := range rows {
		w.raw("<tr>")
		for i, c := range row {
			if i == 0 {
				w.raw(`<th scope="row">`)
				w.html(c)
				w.raw("</th>")
			} else {
				w.raw("<td>")
				w.html(c)
				w.raw("</td>")
			}
		}
		w.endRow()
	}
	return w.result()
}

// countRows writes the body of a status chart's table: a row per status,
// with its count in each category, then the totals.
func (r *Renderer) countRows(c *report.Counts) []template.HTML {
	w := rowWriter{r: r}
	w.Grow(min((len(c.Statuses)+1)*(len(c.Categories)*24+64), chunkSize+chunkSize/4))
	row := func(label string, n []int) {
		w.raw(`<tr><th scope="row">`)
		w.html(label)
		w.raw(`</th>`)
		for _, k := range n {
			w.raw(`<td class="n">`)
			w.WriteString(strconv.Itoa(k))
			w.raw(`</td>`)
		}
	}
	for i, st := range c.Statuses {
		row(r.countLabel(st), c.N[i])
		w.endRow()
	}
	row(r.say("all-measures"), c.Totals)
	w.raw("</tr>")
	return w.result()
}
