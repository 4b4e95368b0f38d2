package rag

import (
	"fmt"
	"strings"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// Comparison is what a direction of travel is worked out from, as Input
// is for a status.
type Comparison struct {
	Measure *report.Measure
	Row     *report.Row   // the row whose direction it is
	Against report.Period // the earlier period it is compared with
	Held    bool          // the site holds figures for Against
	Prior   *report.Row   // the measure's row for Against; nil when it has none
	// New says the measure has no row in any edition before this one,
	// though the site holds some.
	New bool
}

// Direction compares a row's actual with an earlier period's, in the
// direction that is good for the measure: a fall in a lower-is-better
// measure has improved. A measure with no stated polarity has increased or
// decreased.
func Direction(in Comparison) report.Direction {
	row, against, prior := in.Row, in.Against, in.Prior
	d := report.Direction{Against: against}
	notComparable := func(reason string) report.Direction {
		d.Reason = reason
		return d
	}
	cur := row.Actual
	switch {
	case cur.Kind == value.Blank || cur.Kind == value.NotApplicable:
		return notComparable("no actual this quarter")
	case cur.Kind == value.Word:
		return notComparable("no figure this quarter: " + cur.Meaning())
	case cur.Kind != value.Number:
		return notComparable("the actual is not a single figure")
	case row.When.IsZero():
		return notComparable(fmt.Sprintf("the data period %q is not one Scorecard can place in time", row.Period))
	case against.IsZero() && row.When.Kind == report.ToDatePeriod:
		return notComparable("a year-to-date figure is compared only with the same part of the year before")
	case in.New:
		return notComparable("new measure")
	case against.IsZero():
		return notComparable("no earlier figure for a period of the same length is published here")
	case !in.Held:
		return notComparable("no figures for " + against.Label() + " are published here")
	case prior == nil:
		return notComparable("not reported in " + against.Label())
	}
	old := prior.Actual
	switch {
	case old.Kind == value.Blank || old.Kind == value.NotApplicable:
		if prior.Status != nil && !prior.Status.Rating {
			return notComparable(fmt.Sprintf("no actual in %s (%s)", against.Label(), prior.Status.Code))
		}
		return notComparable("no actual in " + against.Label())
	case old.Kind == value.Word:
		return notComparable(fmt.Sprintf("no figure in %s: %s", against.Label(), old.Meaning()))
	case old.Kind != value.Number:
		return notComparable(fmt.Sprintf("the actual in %s is not a single figure", against.Label()))
	case old.Unit != cur.Unit:
		return notComparable(fmt.Sprintf("the actuals are in different units (%s, then %s)", old.Raw, cur.Raw))
	}
	if ok, why := report.Comparable(prior.When, row.When); !ok {
		return notComparable(why)
	}
	better := cur.Num - old.Num
	up, down := report.Improved, report.Worse
	switch in.Measure.Good {
	case report.NotStated:
		up, down = report.Increased, report.Decreased
	case report.Lower:
		better = -better
	case report.InRange:
		if target := row.Target; target.Kind == value.Range {
			better = distance(old.Num, target) - distance(cur.Num, target)
		} else {
			return notComparable("for an in-range measure, only a target range says which way is better")
		}
	}
	if in.Measure.Good != report.NotStated { // up or down, not better
		d.Change = relative(better, old.Num) // as Gap is of the target
	}
	moved := "rose"
	if cur.Num < old.Num {
		moved = "fell"
	}
	switch {
	case better > eps:
		d.Kind = up
	case better < -eps:
		d.Kind = down
	default:
		d.Kind = report.NoChange
		d.Change = 0
		d.Reason = fmt.Sprintf("%s in %s, %s now", old.Raw, against.Label(), cur.Raw)
		return d
	}
	if strings.Contains(against.Label(), " to ") {
		// "fell from 44.9% (July 2013 to June 2014) to 43.3%": a span in
		// brackets, so that its "to" is not read as the movement's.
		d.Reason = fmt.Sprintf("%s from %s (%s) to %s", moved, old.Raw, against.Label(), cur.Raw)
		return d
	}
	d.Reason = fmt.Sprintf("%s from %s in %s to %s", moved, old.Raw, against.Label(), cur.Raw)
	return d
}

// distance is how far v lies outside a target range; 0 inside it.
func distance(v float64, target value.Value) float64 {
	switch {
	case v < target.Low:
		return target.Low - v
	case v > target.High:
		return v - target.High
	}
	return 0
}
