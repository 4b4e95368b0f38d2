package rag

import (
	"slices"
	"strconv"
	"strings"

	"scorecard/internal/diag"
	"scorecard/internal/parallel"
	"scorecard/internal/report"
)

// Assess computes every row's status and directions of travel, storing
// them in the rows (Row.Computed, Row.SinceQuarter, Row.SinceLastYear;
// and Row.When, when a model made by hand leaves it unset): it is the one
// function here that changes the model. site's prepare calls it as the
// last step of preparing a site, so that nothing after sees a row of the
// site unassessed; a model made by hand (in a test) is assessed by calling
// it. Directions compare like with like: a row's figure with
// the measure's figure for the period of the same kind just before (the
// previous month, quarter or year, or the rolling year before), and with
// the same period a year earlier; a year to date only with the same part of
// the year before. Where one period is published in several editions, the
// latest edition so far holds it. It returns a warning for each row whose
// published rating differs from the computed one, at the published status,
// and for each published direction of travel that differs from the
// computed one, or cannot be checked, at the published direction.
// Directions are computed before the status, which status rules may ask
// for.
func Assess(s *report.Site) diag.List {
	// A measure's rows are assessed against its own earlier rows alone:
	// each measure's are gathered, edition by edition and earliest period
	// first within one (so that the months of a quarter compare each with
	// the one before), and the measures are assessed in parallel.
	var measures []*report.Measure
	rowsOf := map[*report.Measure][]edited{}
	for i, q := range s.Quarters {
		rows := append(slices.Clone(q.Rows), q.More...)
		for _, row := range rows {
			if row.When.IsZero() && row.Period == "" {
				row.When = q.ID // a model made by hand: the edition's own period
			}
		}
		slices.SortStableFunc(rows, func(a, b *report.Row) int {
			if a.Measure != b.Measure {
				return a.Measure.Index - b.Measure.Index
			}
			return a.When.Compare(b.When)
		})
		for _, row := range rows {
			m := row.Measure
			if rowsOf[m] == nil {
				measures = append(measures, m)
			}
			rowsOf[m] = append(rowsOf[m], edited{i, row})
		}
	}
	found := make([]diag.List, len(measures))
	parallel.Each(len(measures), func(i int) {
		found[i] = assessMeasure(s, measures[i], rowsOf[measures[i]])
	})
	var warnings diag.List
	for _, f := range found {
		warnings = append(warnings, f...)
	}
	warnings.Sort()
	return warnings
}

// edited is a row and the edition (its index in Site.Quarters) that
// published it.
type edited struct {
	edition int
	row     *report.Row
}

// assessMeasure assesses the rows of m, in the order Assess gives them,
// and returns the warnings about them.
func assessMeasure(s *report.Site, m *report.Measure, rows []edited) diag.List {
	var warnings diag.List
	latest := map[report.Period]*report.Row{}
	held := func(p report.Period, upTo int) bool {
		for _, e := range s.Quarters[:upTo+1] {
			if e.ID.Contains(p.End()) {
				return true
			}
		}
		return false
	}
	var spans []report.Period
	for k, e := range rows {
		i, q, row := e.edition, s.Quarters[e.edition], e.row
		// New: first reported after the first edition. A period published
		// before it in the same edition makes it not new to the rest.
		isNew := i > 0 && k == 0
		when := row.When
		prev, yearAgo := when.Prev(), when.YearAgo()
		if when.Kind == report.SpanPeriod {
			// A rolling period is compared with the latest one of the
			// same length before it: the rolling year to June with the
			// rolling year to March.
			prev = report.Period{}
			for _, p := range spans {
				if p.Months == when.Months && p.End() < when.End() && (prev.IsZero() || p.End() > prev.End()) {
					prev = p
				}
			}
		}
		lastYear := latest[yearAgo]
		prior := latest[prev]
		// Directions first: status rules may ask for them.
		row.SinceQuarter = Direction(Comparison{Measure: m, Row: row, Against: prev, Held: prior != nil || held(prev, i), Prior: prior, New: isNew})
		row.SinceLastYear = Direction(Comparison{Measure: m, Row: row, Against: yearAgo, Held: lastYear != nil || held(yearAgo, i), Prior: lastYear, New: isNew})
		row.Computed = Status(Input{Rating: s.Rating, Measure: m, Quarter: when, Row: row, LastYear: lastYear, Since: row.SinceQuarter})
		if pub, got := row.Status, row.Computed.Status; pub != nil && pub.Rating && got != nil && got != pub {
			at := q.ID.Label()
			if when != q.ID && !when.IsZero() {
				at = when.Label() + ", published in " + at
			}
			warnings.Warnf(row.StatusPos, "measure %s, %s: the published status is %s but the figures give %s: %s",
				m.ID, at, pub.Code, got.Code, row.Computed.Working())
		}
		checkPublishedDirection(&warnings, q.ID, row)
		if !when.IsZero() {
			latest[when] = row
		}
		if when.Kind == report.SpanPeriod {
			spans = append(spans, when)
		}
	}
	return warnings
}

// checkPublishedDirection warns, at the published direction of travel,
// when it differs from the computed one, and says why it cannot be checked
// when the figures give none.
func checkPublishedDirection(warnings *diag.List, q report.Period, row *report.Row) {
	pub, got := row.PublishedDirection, row.SinceQuarter
	switch {
	case pub == nil || pub.Kind == got.Kind:
	case got.Kind == report.NotComparable:
		since := ""
		if !got.Against.IsZero() { // none for an unreadable period, or a year to date
			since = " since " + got.Against.Label()
		}
		warnings.Warnf(pub.Pos, "measure %s, %s: the published direction of travel %q cannot be checked, because the figures give none%s: %s",
			row.Measure.ID, q.Label(), pub.Raw, since, English(got))
	default:
		published := strconv.Quote(pub.Raw)
		if kind := strings.ToLower(pub.Kind.String()); !strings.EqualFold(pub.Raw, kind) {
			published += " (" + kind + ")" // "↑" or "up", read through the polarity
		}
		warnings.Warnf(pub.Pos, "measure %s, %s: the published direction of travel is %s but the figures give %s since %s: %s",
			row.Measure.ID, q.Label(), published, strings.ToLower(got.Kind.String()), got.Against.Label(), English(got))
	}
}
