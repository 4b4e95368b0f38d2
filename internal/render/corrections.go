package render

import (
	"io"

	"scorecard/internal/record"
	"scorecard/internal/report"
)

// A figure, target or status corrected since its edition was put on the
// record says so beside itself, wherever it is shown: "Corrected on 30
// November 2016: was 44%", a link to its entry on the corrections page,
// which says why. The corrections page lists every correction of the
// site, newest edition first.

// CorrectionsPath is the page listing every correction of the site.
const CorrectionsPath = "corrections/index.html"

// correctionNote is what a corrected figure shows beside itself: words
// that say when it was corrected and what it was, linked to its entry on
// the corrections page.
type correctionNote struct {
	Href string // from the page
	Text string
}

// correctionNotes are the notes beside the figure field (target, actual,
// status or a series' id) of row r of edition q, on a page whose way to
// the site root is root; nil for a figure never corrected.
func (r *Renderer) correctionNotes(s *report.Site, root string, q *report.Quarter, row *report.Row, field string) []correctionNote {
	cs := row.CorrectionsOf(field)
	if len(cs) == 0 {
		return nil
	}
	out := make([]correctionNote, len(cs))
	for i, c := range cs {
		out[i] = correctionNote{Href: root + CorrectionsPath + "#" + q.CorrectionAnchor(c), Text: r.correctionWords(s, c)}
	}
	return out
}

// correctionWords says when a figure was corrected and what it was.
func (r *Renderer) correctionWords(s *report.Site, c *report.Correction) string {
	date := r.longDate(c.Date)
	switch {
	case c.From == "":
		return r.say("correction-added", "Date", date)
	case c.To == "":
		return r.say("correction-withdrawn", "Date", date, "Was", correctionFigure(s, c, c.From))
	}
	return r.say("correction-was", "Date", date, "Was", correctionFigure(s, c, c.From))
}

// correctionFigure is a figure of a correction as residents read it: a
// status in words, with its code; a figure as the data file writes it.
func correctionFigure(s *report.Site, c *report.Correction, figure string) string {
	if c.Field == record.Status || c.Field == record.ForecastStatus {
		if st := s.StatusByCode(figure); st != nil {
			return st.Describe()
		}
	}
	return figure
}

// correctionField names what a correction changed: the column's heading,
// or the series' label for a further target or comparator.
func (r *Renderer) correctionField(s *report.Site, field string) string {
	switch field {
	case "target":
		return r.say("col-target")
	case "actual":
		return r.say("col-actual")
	case "status":
		return r.say("col-status")
	case record.Forecast:
		return r.say("col-forecast")
	case record.ForecastStatus:
		return r.say("correction-forecast-status")
	}
	for _, sr := range s.Series {
		if sr.ID == field {
			return sr.Label
		}
	}
	return field
}

// corrections writes the notes of a corrected figure, as the
// "corrections" template does.
func (w *rowWriter) corrections(q *report.Quarter, row *report.Row, field string) {
	if len(row.Corrections) == 0 {
		return
	}
	for _, n := range w.r.correctionNotes(w.site, w.root, q, row, field) {
		w.raw(`<span class="correction"><a href="`)
		w.url(n.Href, true)
		w.raw(`">`)
		w.html(n.Text)
		w.raw(`</a></span>`)
	}
}

type correctionsData struct {
	page
	Editions []correctionEdition
	CSV      string
}

// correctionEdition is an edition's corrections on the corrections page.
type correctionEdition struct {
	Quarter *report.Quarter
	Path    string // the edition's home page
	Entries []correctionEntry
}

// correctionEntry is one correction as the corrections page shows it.
type correctionEntry struct {
	report.CorrectionEntry
	Measure    *report.Measure
	Field      string // what changed, in words
	From, To   string // as residents read them; "" for none
	Date       string // long
	ThemePath  string // the edition's scorecard holding the measure
	ThemeTitle string
}

// Corrections renders the page of every correction to a published
// figure, newest edition first.
func (r *Renderer) Corrections(w io.Writer, s *report.Site) error {
	d := correctionsData{
		page: newPage(s, CorrectionsPath, "", r.say("corrections-title"), homeCrumb, crumb{Msg: "corrections-title"}),
		CSV:  CorrectionsCSVPath,
	}
	for _, e := range s.AllCorrections() {
		if len(d.Editions) == 0 || d.Editions[len(d.Editions)-1].Quarter != e.Quarter {
			d.Editions = append(d.Editions, correctionEdition{Quarter: e.Quarter, Path: QuarterPath(e.Quarter.ID)})
		}
		ed := &d.Editions[len(d.Editions)-1]
		ed.Entries = append(ed.Entries, r.correctionEntry(s, e))
	}
	return r.execute(w, "corrections.html", d)
}

// correctionEntry is a correction in words, as the corrections page and
// an edition's print page list it.
func (r *Renderer) correctionEntry(s *report.Site, e report.CorrectionEntry) correctionEntry {
	c := e.Correction
	ce := correctionEntry{CorrectionEntry: e, Measure: c.Measure, Field: r.correctionField(s, c.Field),
		From: correctionFigure(s, c, c.From), To: correctionFigure(s, c, c.To), Date: r.longDate(c.Date)}
	if c.Measure != nil {
		ce.ThemePath, ce.ThemeTitle = ThemePath(e.Quarter.ID, c.Measure.Theme), c.Measure.Theme.Title
	}
	return ce
}

// editionCorrections are the corrections of edition q in words, in the
// order written, for its print page: on paper a link to the corrections
// page cannot be followed, so the page lists them with their reasons.
func (r *Renderer) editionCorrections(s *report.Site, q *report.Quarter) []correctionEntry {
	var out []correctionEntry
	for _, c := range q.Corrections {
		out = append(out, r.correctionEntry(s, report.CorrectionEntry{Quarter: q, Correction: c, Anchor: q.CorrectionAnchor(c)}))
	}
	return out
}

// CorrectionsCSVPath is the open data of every correction.
const CorrectionsCSVPath = "data/corrections.csv"

// correctionsAnchors are the ids of the corrections page.
func correctionsAnchors(s *report.Site) []string {
	ids := []string{"main"}
	var last *report.Quarter
	for _, e := range s.AllCorrections() {
		if e.Quarter != last {
			ids = append(ids, "edition-"+e.Quarter.ID.Slug())
			last = e.Quarter
		}
		ids = append(ids, e.Anchor)
	}
	return ids
}

// figureCorrections are the notes of a row's corrected actual, target and
// status, for a list that shows them together: the headline's.
func (r *Renderer) figureCorrections(s *report.Site, root string, q *report.Quarter, row *report.Row) []correctionNote {
	if len(row.Corrections) == 0 {
		return nil
	}
	var out []correctionNote
	for _, field := range [...]string{"actual", "target", "status"} {
		out = append(out, r.correctionNotes(s, root, q, row, field)...)
	}
	return out
}

// CorrectionSearch is how search lists a correction: its title (the
// measure and what changed) and its context (the edition, and when it was
// corrected and what it was).
func (r *Renderer) CorrectionSearch(s *report.Site, e report.CorrectionEntry) (title string, context []string) {
	c := e.Correction
	measure := ""
	if c.Measure != nil {
		measure = c.Measure.Title
	}
	title = r.say("correction-search", "Measure", measure, "Field", r.correctionField(s, c.Field))
	return title, []string{r.say("corrections-title"), e.Quarter.ID.Label(), r.correctionWords(s, c)}
}

// CorrectionsTitle and CorrectionsLede are the corrections page's title
// and opening words, for search.
func (r *Renderer) CorrectionsTitle() string { return r.say("corrections-title") }

// CorrectionsLede is the corrections page's opening sentence.
func (r *Renderer) CorrectionsLede(s *report.Site) string {
	return r.say("corrections-lede", "Edition", s.EditionWord())
}
