package chart

import (
	"slices"

	"scorecard/internal/report"
)

// SparkEditions is how many editions a card's sparkline draws, q and
// those before it: the recent trend, which a card about 20rem wide shows
// legibly, at a cost that does not grow with the site's history.
const SparkEditions = 8

// SparklineUntil is Sparkline over the last SparkEditions quarters up to
// and including q: a measure's card on q's scorecard shows the figures
// there were then, not those published since. It returns "" when q is not
// one of s's quarters.
func SparklineUntil(s *report.Site, m *report.Measure, q *report.Quarter, summary string) string {
	i := slices.Index(s.Quarters, q)
	if i < 0 {
		return ""
	}
	upTo := *s
	upTo.Quarters = s.Quarters[max(0, i+1-SparkEditions) : i+1]
	return Sparkline(&upTo, m, summary)
}
