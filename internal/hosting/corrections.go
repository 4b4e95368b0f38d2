package hosting

import (
	"time"

	"scorecard/internal/report"
)

// correctionEntry is a feed entry announcing a correction.
type correctionEntry struct {
	Title, ID, Href, Updated, Summary string
}

// corrections are the feed's entries for the site's corrections, newest
// edition first, each linking its entry on the corrections page (page)
// and dated by the day it was made.
func corrections(s *report.Site, page string) []correctionEntry {
	var out []correctionEntry
	for _, e := range s.AllCorrections() {
		c := e.Correction
		u := URL(s.BaseURL, page) + "#" + e.Anchor
		title := "Correction to " + e.Quarter.ID.Long()
		if c.Measure != nil {
			title += ": " + c.Measure.Title
		}
		out = append(out, correctionEntry{Title: title, ID: u, Href: u, Updated: correctionDate(e), Summary: correctionSummary(c)})
	}
	return out
}

// correctionDate is when a correction was made, as an RFC 3339 time; the
// edition's date when its date cannot be read (the loader refuses one).
func correctionDate(e report.CorrectionEntry) string {
	if t, err := time.Parse("2006-01-02", e.Correction.Date); err == nil {
		return t.Format(time.RFC3339)
	}
	return Date(e.Quarter)
}

// correctionSummary says what changed and why: "The actual was 44% and
// is now 46%. Late survey returns were counted."
func correctionSummary(c *report.Correction) string {
	var what string
	switch {
	case c.From == "":
		what = "The " + c.Field + " " + c.To + " was added."
	case c.To == "":
		what = "The " + c.Field + " " + c.From + " was withdrawn."
	default:
		what = "The " + c.Field + " was " + c.From + " and is now " + c.To + "."
	}
	if c.Why == "" {
		return what
	}
	return what + " " + c.Why
}
