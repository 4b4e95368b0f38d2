package render

import (
	"io"
	"scorecard/internal/report"
)

type measureData struct {
	page
	Chart   Chart
	Measure *report.Measure
	History []historyRow
	Latest  *historyRow // the newest of History, which the page opens with; nil when none
	Ties    []tieView
	// The further targets and comparators the measure has a figure in,
	// each a column of the history table, in the site's order.
	Targets, Comparators []*report.Series
	// Forecasts says some row of the history has a year-end forecast: the
	// table has a column for them.
	Forecasts bool
	// Breaks are the measure's breaks in its series, earliest first, for
	// its About; breakAt the one before each row of History, or nil.
	Breaks  []*breakView
	breakAt []*breakView
}

type historyRow struct {
	Quarter   *report.Quarter
	Row       *report.Row
	ThemePath string
}

type tieView struct {
	Quarter *report.Quarter
	Theme   *report.Theme
	Tie     *report.Tie
	Path    string
}

// Measure renders a measure's page, with its whole history and its trend
// chart.
func (r *Renderer) Measure(w io.Writer, s *report.Site, m *report.Measure, chart Chart) error {
	return r.execute(w, "measure.html", r.measureData(s, m, chart))
}

func (r *Renderer) measureData(s *report.Site, m *report.Measure, chart Chart) measureData {
	at := MeasurePath(m)
	crumbs := []crumb{{Msg: "home", Path: "index.html"}, {Msg: "all-measures", Path: MeasureIndexPath}}
	if s.Nested() {
		// Where the measure sits among nested themes: each theme's part
		// of the list of all measures.
		for _, t := range m.Theme.Trail() {
			crumbs = append(crumbs, crumb{Text: t.Title, Path: MeasureIndexPath + "#theme-" + t.Address})
		}
	}
	d := measureData{
		page:    newPage(s, at, "measures", m.Title, append(crumbs, crumb{Text: m.Title})...),
		Measure: m,
		Chart:   chart,
	}
	d.HasCharts = true
	quals := qualifierSet{}
	for _, q := range s.Quarters {
		for _, row := range q.RowsOf(m) {
			d.History = append(d.History, historyRow{Quarter: q, Row: row, ThemePath: ThemePath(q.ID, m.Theme)})
			quals.add(row)
		}
	}
	for _, sr := range s.Series {
		for _, h := range d.History {
			if h.Row.Reference(sr) != nil {
				if sr.Kind == report.TargetSeries {
					d.Targets = append(d.Targets, sr)
				} else {
					d.Comparators = append(d.Comparators, sr)
				}
				break
			}
		}
	}
	if len(d.History) > 0 {
		d.Latest = &d.History[len(d.History)-1]
	}
	d.Forecasts = anyForecast(d.History, func(h historyRow) *report.Row { return h.Row })
	for i := range m.Breaks {
		d.Breaks = append(d.Breaks, r.viewBreak(&m.Breaks[i]))
	}
	d.breakAt = r.breaksBefore(m, d.History)
	d.Qualifiers = quals.list(s)
	for i := len(s.Quarters) - 1; i >= 0; i-- {
		q := s.Quarters[i]
		for _, t := range s.AllThemes() {
			n := q.Narrative[t]
			if n == nil {
				continue
			}
			for _, tie := range n.Ties {
				for _, tm := range tie.Measures {
					if tm == m {
						d.Ties = append(d.Ties, tieView{Quarter: q, Theme: t, Tie: tie, Path: ThemePath(q.ID, t) + "#" + tie.Anchor})
					}
				}
			}
		}
	}
	return d
}
