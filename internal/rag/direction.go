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
	// The reasons keep what the rows hold, not words (see report.Direction).
	notComparable := func(why report.Reason, before, now string) report.Direction {
		d.Reason, d.Before, d.Now = why, before, now
		return d
	}
	cur := row.Actual
	switch {
	case cur.Kind == value.Blank || cur.Kind == value.NotApplicable:
		return notComparable(report.WhyNoActual, "", "")
	case cur.Kind == value.Word:
		return notComparable(report.WhyWord, "", cur.Meaning())
	case cur.Kind != value.Number:
		return notComparable(report.WhyNotSingle, "", "")
	case row.When.IsZero():
		return notComparable(report.WhyPeriod, "", row.Period)
	case against.IsZero() && row.When.Kind == report.ToDatePeriod:
		return notComparable(report.WhyToDate, "", "")
	case in.New:
		return notComparable(report.WhyNew, "", "")
	case against.IsZero():
		return notComparable(report.WhyNoEarlier, "", "")
	case !in.Held:
		return notComparable(report.WhyNotHeld, "", "")
	case prior == nil:
		return notComparable(report.WhyNotReported, "", "")
	}
	if b := in.Measure.Between(prior.When, row.When); b != nil {
		// Figures either side of a break measure different things, or
		// the same thing counted another way.
		why := report.WhyBreak
		if b.Kind == report.MethodChange {
			why = report.WhyMethod
		}
		d.Break = b
		return notComparable(why, "", "")
	}
	old := prior.Actual
	switch {
	case old.Kind == value.Blank || old.Kind == value.NotApplicable:
		if prior.Status != nil && !prior.Status.Rating {
			return notComparable(report.WhyNoActualInStatus, prior.Status.Code, "")
		}
		return notComparable(report.WhyNoActualIn, "", "")
	case old.Kind == value.Word:
		return notComparable(report.WhyWordIn, old.Meaning(), "")
	case old.Kind != value.Number:
		return notComparable(report.WhyNotSingleIn, "", "")
	case old.Unit != cur.Unit:
		return notComparable(report.WhyUnits, old.Raw, cur.Raw)
	}
	if ok, why := report.Comparable(prior.When, row.When); !ok {
		// The model's English, not yet a message of the catalogue.
		d.Now = why
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
			return notComparable(report.WhyInRange, "", "")
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
		d.Reason, d.Before, d.Now = report.WhySame, old.Raw, cur.Raw
		return d
	}
	// "fell from 44.9% (July 2013 to June 2014) to 43.3%": a span in
	// brackets, so that its "to" is not read as the movement's.
	span := strings.Contains(against.Label(), " to ")
	switch {
	case moved == "rose" && span:
		d.Reason = report.WhyRoseSpan
	case moved == "rose":
		d.Reason = report.WhyRose
	case span:
		d.Reason = report.WhyFellSpan
	default:
		d.Reason = report.WhyFell
	}
	d.Before, d.Now = old.Raw, cur.Raw
	return d
}

// English is why d is what it is, in English: the reasons of the data
// files.
func English(d report.Direction) string {
	if d.Reason == report.NoReason {
		return d.Now
	}
	w := d.Why()
	return english(w.ID, w.Args...)
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
