package render

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"scorecard/internal/narrative"
	"scorecard/internal/report"
)

type themeData struct {
	page
	Theme     *report.Theme
	Quarter   *report.Quarter
	Summary   summaryView
	Headline  headlineView // the answer the page opens with
	Rollups   rollupView   // the themes within it, when it has any
	Chart     Chart
	CSV       string
	Level     int               // the heading level of the scorecard's section
	IDPrefix  string            // before every id in the scorecard, when several share a page
	Columns   []*report.Quarter // oldest first, ending with Quarter
	Earlier   []*report.Quarter // Columns less Quarter, newest first
	Caption   string            // the scorecard table's
	Rows      []themeRow
	Notes     []noteView
	Narrative *narrativeView
	Measures  int         // in the theme's scorecard this quarter
	Children  []themeLink // the themes directly below it, each with its roll-up
	// Refs are the kinds of further figure (targets, comparators) that a
	// measure in the scorecard has this quarter: each is one column, after
	// the quarters', listing a row's figures of that kind with their labels.
	Refs []report.SeriesKind

	// refHeadings are RefHeading's words: other targets, comparators.
	refHeadings [2]string

	// Cards asks for the scorecard's cards for phones as well as its
	// table: on the theme's page, not on the quarter's print page.
	Cards bool
	spark func(*report.Measure) string // a measure's sparkline up to Quarter, for its card

	// Forecast says some row of the scorecard has a year-end forecast:
	// the table has a column for them, after the edition's status.
	Forecast bool
}

// Spark is the sparkline of a measure's card, "" when there is none.
func (d themeData) Spark(m *report.Measure) template.HTML {
	if d.spark == nil {
		return ""
	}
	return template.HTML(d.spark(m))
}

// RefHeading is the heading of the scorecard's column of further targets
// or comparators.
func (d themeData) RefHeading(kind report.SeriesKind) string {
	if kind == report.TargetSeries {
		return d.refHeadings[0]
	}
	return d.refHeadings[1]
}

type themeRow struct {
	Measure *report.Measure
	Row     *report.Row // this quarter's
	Cells   []themeCell
}

type themeCell struct {
	Quarter *report.Quarter
	Row     *report.Row // nil when the measure has no row that quarter
	Notes   []noteLink

	mh, qh string // the ids of the cell's row header and column group header
}

// Headers are the cell's headers attributes, for the target, actual and
// status cells, for templates: scorecardRows writes them piece by piece.
func (c themeCell) Headers() [3]string {
	return [3]string{c.header("-t"), c.header("-a"), c.header("-s")}
}

func (c themeCell) header(suffix string) string { return c.mh + " " + c.qh + " " + c.qh + suffix }

// noteLink is a table cell's link to its note. Period names the note's
// quarter to screen readers when the notes list holds several quarters'
// notes, so that two "Note 1" links are told apart; it is empty otherwise.
type noteLink struct{ Label, Anchor, Period string }

// noteView is one note in a scorecard's notes list. Notes are numbered per
// quarter, so a note's anchors hold its quarter's slug.
type noteView struct {
	Anchor string
	Extra  []string // anchors of the note's other labels
	Text   string

	quarter report.Period
	note    *report.Note
}

// Columns returns the quarters a scorecard for q shows, as published
// scorecards do: the same quarter a year earlier, the previous quarter and
// q itself, those the site holds, oldest first.
func Columns(s *report.Site, q *report.Quarter) []*report.Quarter {
	var out []*report.Quarter
	for _, id := range []report.Period{q.ID.YearAgo(), q.ID.Prev(), q.ID} {
		for _, c := range s.Quarters {
			if c.ID == id {
				out = append(out, c)
			}
		}
	}
	return out
}

// Theme renders a theme's page for quarter q, with its chart of status
// counts by quarter.
func (r *Renderer) Theme(w io.Writer, s *report.Site, q *report.Quarter, t *report.Theme, chart Chart) error {
	d := r.themeData(s, q, t, chart, "")
	d.Cards = true
	return r.execute(w, "theme.html", d)
}

// themeData gathers what a theme's scorecard shows, for its page or for
// the quarter's print page; prefix goes before the scorecard's ids.
func (r *Renderer) themeData(s *report.Site, q *report.Quarter, t *report.Theme, chart Chart, prefix string) themeData {
	at := ThemePath(q.ID, t)
	crumbs := siteCrumbs(q)
	trail := t.Trail()
	for _, up := range trail[:len(trail)-1] {
		crumbs = append(crumbs, crumb{Text: up.Title, Path: ThemePath(q.ID, up)})
	}
	d := themeData{
		page:      newPage(s, at, "report", t.Title+" – "+q.ID.Label(), append(crumbs, crumb{Text: t.Title})...),
		Theme:     t,
		Quarter:   q,
		Columns:   Columns(s, q),
		Narrative: viewNarrative(q.Narrative[t], narrative.Place{}),
		Chart:     chart,
		CSV:       DataPath(q.ID),
		Level:     2,
		IDPrefix:  prefix,
		refHeadings: [2]string{r.say("col-other-targets", "Period", q.ID.Label()),
			r.say("col-comparators", "Period", q.ID.Label())},
	}
	d.HasCharts = true
	if r.Sparkline != nil {
		d.spark = func(m *report.Measure) string { return r.Sparkline(s, m, q, r.sparkSummary(m, q)) }
	}
	d.reportNav(s, q, t)
	rows := q.ThemeRows(t)
	d.Measures = len(rows)
	d.Summary = newSummary(s, q, r.say("theme-summary-caption", "Count", len(rows), "Theme", t.Title, "Period", q.ID.Label()), rows)
	if len(t.Children) > 0 {
		// A parent's glance is its roll-up: its own measures and those of
		// every theme below it.
		all := q.TreeRows(t)
		d.Summary = newSummary(s, q, r.say("theme-summary-caption-tree", "Measures", r.say("count-measures", len(all)), "Theme", t.Title, "Period", q.ID.Label()), all)
		d.Children = themeLinks(s, q, t.Children)
		d.Rollups = rollupView{Caption: r.say("theme-rollups-caption", "Theme", t.Title, "Period", q.ID.Label()), Root: d.Root, Links: d.Children}
		d.Headline = r.newHeadline(s, q, d.Root, r.say("theme-headline-of-tree", "Measures", r.say("count-measures", len(all))), all)
	} else {
		d.Headline = r.newHeadline(s, q, d.Root, r.say("theme-headline-of", "Measures", r.say("count-measures", len(rows))), rows)
	}
	for i := len(d.Columns) - 2; i >= 0; i-- {
		d.Earlier = append(d.Earlier, d.Columns[i])
	}
	d.Caption = r.say("scorecard-caption", "Theme", t.Title, "Period", q.ID.Label())
	if n := len(d.Earlier); n > 0 {
		labels := make([]string, n)
		for i, e := range d.Earlier {
			labels[i] = e.ID.Label()
		}
		d.Caption = r.say("scorecard-caption-earlier", "Theme", t.Title, "Period", q.ID.Label(), "Earlier", r.list(labels))
	}
	anchors := map[*report.Note]string{}
	// Notes of one quarter with the same labels and text are listed once:
	// byText finds those listed with a quarter and text, to compare labels.
	type noteKey struct{ quarter, text string }
	byText := map[noteKey][]int{} // indices in d.Notes
	used := map[string]bool{}
	qhs := make([]string, len(d.Columns))
	for i, c := range d.Columns {
		qhs[i] = d.IDPrefix + "h-" + c.ID.Slug()
	}
	quals := qualifierSet{}
	for _, m := range t.Measures {
		row := q.Row(m)
		if row == nil {
			continue
		}
		tr := themeRow{Measure: m, Row: row, Cells: make([]themeCell, 0, len(d.Columns))}
		mh := d.IDPrefix + "m-" + m.Address
		for i, c := range d.Columns {
			cell := themeCell{Quarter: c, Row: c.Row(m), mh: mh, qh: qhs[i]}
			quals.add(cell.Row)
			if cell.Row != nil {
				for _, ref := range cell.Row.Notes {
					a, ok := anchors[ref.Note]
					if !ok {
						key := noteKey{c.ID.Slug(), ref.Note.Text}
						same := slices.IndexFunc(byText[key], func(i int) bool { return slices.Equal(d.Notes[i].note.Labels, ref.Note.Labels) })
						if same >= 0 {
							a = d.Notes[byText[key][same]].Anchor
						} else {
							base := d.IDPrefix + "note-" + c.ID.Slug() + "-"
							a = uniqueAnchor(base+ref.Note.Labels[0], used)
							byText[key] = append(byText[key], len(d.Notes))
							nv := noteView{Anchor: a, quarter: c.ID, note: ref.Note}
							for _, l := range ref.Note.Labels[1:] {
								nv.Extra = append(nv.Extra, uniqueAnchor(base+l, used))
							}
							d.Notes = append(d.Notes, nv)
						}
						anchors[ref.Note] = a
					}
					cell.Notes = append(cell.Notes, noteLink{Label: ref.Label, Anchor: a})
				}
			}
			tr.Cells = append(tr.Cells, cell)
		}
		d.Rows = append(d.Rows, tr)
	}
	d.Forecast = anyForecast(d.Rows, func(tr themeRow) *report.Row { return tr.Row })
	for _, kind := range []report.SeriesKind{report.TargetSeries, report.ComparatorSeries} {
		for _, tr := range d.Rows {
			if len(tr.Row.Figures(kind)) > 0 {
				d.Refs = append(d.Refs, kind)
				break
			}
		}
	}
	d.Notes = orderNotes(d.Notes, q.ID)
	mixed := len(d.Notes) > 0 && d.Notes[len(d.Notes)-1].quarter != q.ID
	for i := range d.Notes {
		n := &d.Notes[i]
		n.Text = r.noteText(n.note, n.quarter, mixed)
	}
	if mixed {
		for _, tr := range d.Rows {
			for _, c := range tr.Cells {
				for i := range c.Notes {
					c.Notes[i].Period = c.Quarter.ID.Label()
				}
			}
		}
	}
	d.Qualifiers = quals.list(s)
	return d
}

// orderNotes puts q's own notes first, then each earlier quarter's, newest
// first, keeping the order of first reference within a quarter.
func orderNotes(notes []noteView, q report.Period) []noteView {
	rank := func(id report.Period) int {
		if id == q {
			return -1 << 30
		}
		return -id.Index()
	}
	slices.SortStableFunc(notes, func(a, b noteView) int { return rank(a.quarter) - rank(b.quarter) })
	return notes
}

func uniqueAnchor(a string, used map[string]bool) string {
	base := a
	for i := 2; used[a]; i++ {
		a = fmt.Sprintf("%s-%d", base, i)
	}
	used[a] = true
	return a
}

// noteText prints a note as the report does: "Note 1, 2, 6 & 7: text";
// in a list of several quarters' notes, with its quarter: "Q1 2016/17,
// notes 1, 2, 6 & 7: text".
func (r *Renderer) noteText(n *report.Note, q report.Period, withPeriod bool) string {
	labels := n.Labels[0]
	if k := len(n.Labels); k > 1 {
		labels = r.say("note-labels", "List", strings.Join(n.Labels[:k-1], ", "), "Last", n.Labels[k-1])
	}
	text := n.Text
	if text == "" {
		text = r.say("note-no-text")
	}
	switch {
	case withPeriod && len(n.Labels) > 1:
		return r.say("note-period-several", "Period", q.Label(), "Labels", labels, "Text", text)
	case withPeriod:
		return r.say("note-period", "Period", q.Label(), "Labels", labels, "Text", text)
	}
	return r.say("note", "Labels", labels, "Text", text)
}

// list joins words as a list in the catalogue's words: "Q1 and Q2",
// "Q1, Q2 and Q3".
func (r *Renderer) list(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return r.say("list-and", "List", strings.Join(items[:len(items)-1], r.say("list-comma")), "Last", items[len(items)-1])
}
