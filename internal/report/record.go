package report

import (
	"scorecard/internal/diag"
	"scorecard/internal/value"
)

// This file holds what makes a site a trustworthy record (issue 16): the
// corrections to editions already published, breaks in a measure's
// series, year-end forecasts, the release calendar and the statement of
// voluntary application of the Code of Practice for Statistics.

// Correction is a change to a figure, target or status of an edition that
// is on the record (its lock file, data/published/, says what was first
// published): the edition's data file lists it under corrections:, and
// check refuses a change to a published edition that no correction
// explains. The original figure is never lost: the lock file keeps it,
// and each correction keeps what it replaced.
type Correction struct {
	Measure *Measure
	// Field is what changed: "target", "actual", "status", or the id of a
	// further target or comparator series (Series.ID).
	Field string
	// Period is the row's period as the data file writes it (period:),
	// for a measure that publishes several periods in the edition; "" for
	// the edition's own row.
	Period string
	From   string // as published (or as last corrected), as data files write it; "" for a figure added
	To     string // as the data file now holds it; "" for a figure withdrawn
	Date   string // the day the correction was published, YYYY-MM-DD
	Why    string // the reason, in a sentence
	Pos    diag.Pos
}

// BreakKind says what kind of discontinuity a series break is.
type BreakKind uint8

const (
	// SeriesBreak: the figures before and after measure different things
	// (a new definition, a new source, a boundary change).
	SeriesBreak BreakKind = iota + 1
	// MethodChange: the same thing, counted or estimated a new way.
	MethodChange
)

// Break is where a measure's series changes, so that figures before From
// cannot be compared with figures from From on: its chart and history
// mark it, and no direction of travel is worked out across it.
type Break struct {
	From   Period // the first period of the new series
	Kind   BreakKind
	Reason string // why, in a sentence or two
	Pos    diag.Pos
}

// Forecast is what a measure's figure is expected to be at the end of the
// year, with the status that would earn, published beside the period's
// own figures as councillors ask for.
type Forecast struct {
	Value  value.Value
	Status *Status // nil when the forecast gives none
	Pos    diag.Pos
}

// Release is a date on which the site's next report is due (releases: in
// data/site.yaml): the release calendar.
type Release struct {
	Edition Period // the edition to be published
	Date    string // YYYY-MM-DD
	Pos     diag.Pos
}

// CodeOfPractice is the statement of voluntary application of the Code of
// Practice for Statistics (code_of_practice: in data/site.yaml): how the
// body applies its three pillars to the report. Each pillar is Markdown.
type CodeOfPractice struct {
	Trustworthiness string
	Quality         string
	Value           string
	Contact         string // whom to ask about the statistics, as written
	Prepared        string // YYYY-MM-DD
	Reviewed        string // YYYY-MM-DD, or ""
	Pos             diag.Pos
}
