package site

import (
	"time"

	"scorecard/internal/diag"
	"scorecard/internal/report"
)

// pastDue warns of each release in the calendar whose date is before
// today while its edition has no published data file (none, or one still
// marked draft): the report is late, or the calendar is out of date, and
// the home page would tell residents a date that has passed. Nothing is
// said when today is not known (the zero time), so that what a build
// writes never depends on the clock: only the findings do.
func pastDue(s *report.Site, today time.Time) diag.List {
	if today.IsZero() {
		return nil
	}
	published := map[report.Period]bool{}
	for _, q := range s.Quarters {
		if !q.Draft {
			published[q.ID] = true
		}
	}
	day := today.Format("2006-01-02")
	var out diag.List
	for _, r := range s.Releases {
		if r.Date >= day || published[r.Edition] {
			continue
		}
		due, _ := time.Parse("2006-01-02", r.Date)
		out.Warnf(r.Pos, "the release calendar says %s was due on %s, but it is not published (its data file %s is missing or marked draft); publish it, or give its new date under \"releases:\"",
			r.Edition.Label(), due.Format("2 January 2006"), s.EditionFile(r.Edition))
	}
	return out
}
