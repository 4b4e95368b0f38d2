package chart

import (
	"slices"

	"scorecard/internal/report"
)

// SparklineUntil is Sparkline over the quarters up to and including q: a
// measure's card on q's scorecard shows the figures there were then, not
// those published since. It returns "" when q is not one of s's quarters.
func SparklineUntil(s *report.Site, m *report.Measure, q *report.Quarter, summary string) string {
	i := slices.Index(s.Quarters, q)
	if i < 0 {
		return ""
	}
	upTo := *s
	upTo.Quarters = s.Quarters[:i+1]
	return Sparkline(&upTo, m, summary)
}
