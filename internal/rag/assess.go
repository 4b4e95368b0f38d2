package rag

import (
	"scorecard/internal/diag"
	"scorecard/internal/report"
)

// Assess computes every row's status and directions of travel, storing
// them in the rows. It returns a warning for each row whose published
// rating differs from the computed one, at the published status.
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
			row.Computed = Status(Input{Rating: s.Rating, Measure: m, Quarter: q.ID, Row: row, LastYear: lastYear})
			row.SinceQuarter = Direction(m, row, prev, byID[prev] != nil, rowIn(prev, m), isNew)
			row.SinceLastYear = Direction(m, row, yearAgo, byID[yearAgo] != nil, lastYear, isNew)
			if pub, got := row.Status, row.Computed.Status; pub != nil && pub.Rating && got != nil && got != pub {
				warnings.Warnf(row.StatusPos, "measure %s, %s: the published status is %s but the figures give %s: %s",
					m.ID, q.ID.Label(), pub.Code, got.Code, row.Computed.Working)
			}
		}
		for _, row := range q.Rows {
			seen[row.Measure] = true
		}
	}
	warnings.Sort()
	return warnings
}
