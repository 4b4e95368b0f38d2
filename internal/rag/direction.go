package rag

import (
	"strings"
	"sync"

	"scorecard/internal/report"
	"scorecard/internal/value"
	"scorecard/internal/words"
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
	notComparable := func(id string, args ...any) report.Direction {
		d.Why = report.Words{ID: id, Args: args}
		d.Reason = english(id, args...)
		return d
	}
	cur := row.Actual
	switch {
	case cur.Kind == value.Blank || cur.Kind == value.NotApplicable:
		return notComparable("why-no-actual")
	case cur.Kind == value.Word:
		return notComparable("why-word", "Meaning", cur.Meaning())
	case cur.Kind != value.Number:
		return notComparable("why-not-single")
	case row.When.IsZero():
		return notComparable("why-period", "Period", row.Period)
	case against.IsZero() && row.When.Kind == report.ToDatePeriod:
		return notComparable("why-to-date")
	case in.New:
		return notComparable("why-new")
	case against.IsZero():
		return notComparable("why-no-earlier")
	case !in.Held:
		return notComparable("why-not-held", "Period", against.Label())
	case prior == nil:
		return notComparable("why-not-reported", "Period", against.Label())
	}
	if b := in.Measure.Between(prior.When, row.When); b != nil {
		// Figures either side of a break measure different things, or
		// the same thing counted another way.
		why := "why-break"
		if b.Kind == report.MethodChange {
			why = "why-method"
		}
		return notComparable(why, "Period", b.From.Label(), "Reason", b.Reason)
	}
	old := prior.Actual
	switch {
	case old.Kind == value.Blank || old.Kind == value.NotApplicable:
		if prior.Status != nil && !prior.Status.Rating {
			return notComparable("why-no-actual-in-status", "Period", against.Label(), "Code", prior.Status.Code)
		}
		return notComparable("why-no-actual-in", "Period", against.Label())
	case old.Kind == value.Word:
		return notComparable("why-word-in", "Period", against.Label(), "Meaning", old.Meaning())
	case old.Kind != value.Number:
		return notComparable("why-not-single-in", "Period", against.Label())
	case old.Unit != cur.Unit:
		return notComparable("why-units", "Before", old.Raw, "Now", cur.Raw)
	}
	if ok, why := report.Comparable(prior.When, row.When); !ok {
		// The model's English, not yet a message of the catalogue.
		d.Reason = why
		return d
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
			return notComparable("why-in-range")
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
		d.Why = report.Words{ID: "why-same", Args: []any{"Before", old.Raw, "Period", against.Label(), "Now", cur.Raw}}
		d.Reason = english(d.Why.ID, d.Why.Args...)
		return d
	}
	// "fell from 44.9% (July 2013 to June 2014) to 43.3%": a span in
	// brackets, so that its "to" is not read as the movement's.
	span := strings.Contains(against.Label(), " to ")
	switch {
	case moved == "rose" && span:
		d.Why.ID = "why-rose-span"
	case moved == "rose":
		d.Why.ID = "why-rose"
	case span:
		d.Why.ID = "why-fell-span"
	default:
		d.Why.ID = "why-fell"
	}
	d.Why.Args = []any{"Before", old.Raw, "Period", against.Label(), "Now", cur.Raw}
	d.Reason = english(d.Why.ID, d.Why.Args...)
	return d
}

// english writes a message of Scorecard's English catalogue: the reasons
// of the data files, which are in English whatever the site's language.
// Its ids are written out here, so an error is a bug.
func english(id string, args ...any) string {
	s, err := englishWords().Fill(id, args...)
	if err != nil {
		panic(err)
	}
	return s
}

var englishWords = sync.OnceValue(words.English)

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
