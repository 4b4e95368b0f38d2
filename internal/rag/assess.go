package rag

import (
	"strconv"
	"strings"

	"scorecard/internal/diag"
	"scorecard/internal/report"
)

// Assess computes every row's directions of travel and then its status
// (status rules may ask for the direction), storing them in the rows. It
// returns a warning for each row whose published rating differs from the
// computed one, at the published status, and for each published direction
// of travel that differs from the computed one, or cannot be checked, at
// the published direction.
func Assess(s *report.Site) diag.List {
	var warnings diag.List
	byID := map[report.QuarterID]*report.Quarter{}
	for _, q := range s.Quarters {
		byID[q.ID] = q
	}
	rowIn := func(id report.QuarterID, m *report.Measure) *report.Row {
		if q := byID[id]; q != nil {
			return q.Row(m)
		}
		return nil
	}
	seen := map[*report.Measure]bool{} // measures reported in an earlier quarter
	for i, q := range s.Quarters {
		prev, yearAgo := q.ID.Add(-1), q.ID.Add(-4)
		for _, row := range q.Rows {
			m := row.Measure
			isNew := i > 0 && !seen[m]
			lastYear := rowIn(yearAgo, m)
			row.SinceQuarter = Direction(m, row, prev, byID[prev] != nil, rowIn(prev, m), isNew)
			row.SinceLastYear = Direction(m, row, yearAgo, byID[yearAgo] != nil, lastYear, isNew)
			row.Computed = Status(Input{Rating: s.Rating, Measure: m, Quarter: q.ID, Row: row, LastYear: lastYear, Since: row.SinceQuarter})
			if pub, got := row.Status, row.Computed.Status; pub != nil && pub.Rating && got != nil && got != pub {
				warnings.Warnf(row.StatusPos, "measure %s, %s: the published status is %s but the figures give %s: %s",
					m.ID, q.ID.Label(), pub.Code, got.Code, row.Computed.Working)
			}
			checkPublishedDirection(&warnings, q.ID, row)
		}
		for _, row := range q.Rows {
			seen[row.Measure] = true
		}
	}
	warnings.Sort()
	return warnings
}

// checkPublishedDirection warns, at the published direction of travel,
// when it differs from the computed one, and says why it cannot be checked
// when the figures give none.
func checkPublishedDirection(warnings *diag.List, q report.QuarterID, row *report.Row) {
	pub, got := row.PublishedDirection, row.SinceQuarter
	switch {
	case pub == nil || pub.Kind == got.Kind:
	case got.Kind == report.NotComparable:
		warnings.Warnf(pub.Pos, "measure %s, %s: the published direction of travel %q cannot be checked, because the figures give none since %s: %s",
			row.Measure.ID, q.Label(), pub.Raw, got.Against.Label(), got.Reason)
	default:
		published := strconv.Quote(pub.Raw)
		if kind := strings.ToLower(pub.Kind.String()); !strings.EqualFold(pub.Raw, kind) {
			published += " (" + kind + ")" // "↑" or "up", read through the polarity
		}
		warnings.Warnf(pub.Pos, "measure %s, %s: the published direction of travel is %s but the figures give %s since %s: %s",
			row.Measure.ID, q.Label(), published, strings.ToLower(got.Kind.String()), got.Against.Label(), got.Reason)
	}
}
