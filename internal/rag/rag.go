// Package rag computes a measure's status from its target and actual, and
// its direction of travel against earlier periods. Status and Direction
// are pure: they read the model and return results, touching nothing.
// Assess, which works them out for every row of a site, stores them in the
// rows: it is the one function here that changes the model, and site's
// prepare calls it as the last step of preparing a site.
package rag

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// eps absorbs floating-point error at band edges, so that 19 against a
// target of 20 is exactly 5% worse.
const eps = 1e-9

// Input is what a status is computed from.
type Input struct {
	Rating   report.Rating
	Measure  *report.Measure
	Quarter  report.Period
	Row      *report.Row
	LastYear *report.Row // the same quarter a year earlier, or nil
	// Since is the row's direction of travel since the previous comparable
	// period, which status rules may ask for: rag.Assess computes it first.
	Since report.Direction
}

// Status computes the status the figures give: the first status rule
// whose conditions all hold, or else the band the gap to target falls in.
func Status(in Input) report.Assessment {
	bands := in.Rating.Bands
	if in.Measure.Bands != nil {
		bands = in.Measure.Bands
	}
	j := judge(in)
	a, ok := applyRules(in, j)
	switch {
	case ok:
	case j.result != nil:
		a = *j.result
	case j.strictMiss:
		a = bandBelow(bands, j.what)
	default:
		a = band(bands, j.gap, j.what)
	}
	// Whether the target is met, and by how much, whatever status the
	// figures take: the headline counts and ranks by them.
	a.Target, a.Gap = j.met, j.gap
	return a
}

// judgement is how the actual stands against the target, before any band
// or rule is applied.
type judgement struct {
	result     *report.Assessment // the outcome when no band applies: a status, or the reason there is none
	gap        float64            // see Gap
	what       string             // the comparison in words: "actual 94% against target 95%"
	strictMiss bool               // exactly at a strict bound (5 against <5): just misses
	met        report.TargetCondition
}

func decided(a report.Assessment, met report.TargetCondition) judgement {
	return judgement{result: &a, met: met}
}

// judge compares the actual with the target.
func judge(in Input) judgement {
	m, row := in.Measure, in.Row
	actual, target := row.Actual, row.Target
	switch actual.Kind {
	case value.Blank:
		return decided(none("there is no actual"), 0)
	case value.NotApplicable:
		return decided(none("the actual is marked not applicable"), 0)
	case value.Word:
		return decided(noFigure("actual", actual), 0)
	case value.Number:
	default:
		return decided(none(fmt.Sprintf("the actual %q is not a single figure", actual.Raw)), 0)
	}
	if target.Annual && !in.Quarter.EndsYear() {
		at := "the end of the year"
		if in.Quarter.Kind == report.QuarterPeriod {
			at = "Q4"
		}
		return decided(none(fmt.Sprintf("the target %s is for the whole year, assessed at %s", target.Raw, at)), 0)
	}
	good := m.Good
	if good == report.NotStated {
		switch target.Kind {
		case value.Range:
			good = report.InRange // the range says which figures are good
		case value.Number, value.Bound, value.YearOnYear:
			return decided(none(fmt.Sprintf("the report does not say which way is better for this measure, so the bands cannot rate its actual %s against the target %s; only a target range can", actual.Raw, target.Raw)), 0)
		}
	}
	differ := func() judgement {
		return decided(none(fmt.Sprintf("the target %s and the actual %s are in different units", target.Raw, actual.Raw)), 0)
	}
	// vs words the comparison: "actual 94% against target 95%".
	vs := func(against string) string { return "actual " + actual.Raw + " against " + against }
	switch target.Kind {
	case value.Blank, value.NotApplicable:
		if in.Rating.NoTarget != nil {
			return decided(report.Assessment{Status: in.Rating.NoTarget, Text: "there is no target, so " + in.Rating.NoTarget.Code}, 0)
		}
		return decided(none("there is no target"), 0)
	case value.Word:
		return decided(noFigure("target", target), 0)
	case value.Baseline:
		return decided(none("the target is a baseline year (BL): there is no target yet"), 0)
	case value.Bound:
		if target.Unit != actual.Unit {
			return differ()
		}
		return judgeBound(good, target, actual)
	case value.Number:
		if target.Unit != actual.Unit {
			return differ()
		}
		if good == report.InRange && actual.Num == target.Num && in.Rating.InRange != nil {
			return decided(report.Assessment{Status: in.Rating.InRange, Text: fmt.Sprintf("actual %s equals the target %s, so %s", actual.Raw, target.Raw, in.Rating.InRange.Code)}, report.TargetMet)
		}
		return gapped(Gap(actual.Num, target.Num, good), vs("target "+target.Raw))
	case value.Range:
		if target.Unit != actual.Unit {
			return differ()
		}
		if good == report.InRange {
			if actual.Num >= target.Low-eps && actual.Num <= target.High+eps {
				if in.Rating.InRange == nil {
					return decided(none("the actual is inside the target range, and the site's rating has no in_range status"), report.TargetMet)
				}
				return decided(report.Assessment{Status: in.Rating.InRange, Text: fmt.Sprintf("actual %s is inside the target range %s, so %s", actual.Raw, target.Raw, in.Rating.InRange.Code)}, report.TargetMet)
			}
			// Outside the range: as far worse as it is from the nearer bound.
			bound := target.Low
			if actual.Num > target.High {
				bound = target.High
			}
			return gapped(-math.Abs(Gap(actual.Num, bound, report.Higher)), vs(fmt.Sprintf("the nearer end (%s) of the target range %s", withUnit(bound, target.Unit), target.Raw)))
		}
		// A higher- or lower-is-better measure with a range target is
		// judged against the bound on its bad side.
		bound := target.Low
		if good == report.Lower {
			bound = target.High
		}
		end := "upper"
		if bound == target.Low {
			end = "lower"
		}
		return gapped(Gap(actual.Num, bound, good), vs(fmt.Sprintf("the %s end (%s) of the target range %s", end, withUnit(bound, target.Unit), target.Raw)))
	case value.RankRange:
		if actual.Rank() == 0 {
			return decided(none(fmt.Sprintf("the target is a rank (%s) but the actual %s gives no rank", target.Raw, actual.Raw)), 0)
		}
		// 1st is best: judge the rank against the worst rank the target allows.
		return gapped(Gap(float64(actual.Rank()), target.High, report.Lower), fmt.Sprintf("rank %s against the target %s (no worse than %s)", value.Ordinal(actual.Rank()), target.Raw, value.Ordinal(int(target.High))))
	case value.YearOnYear:
		last := in.LastYear
		prev := in.Quarter.YearAgo()
		if last == nil || last.Actual.Kind != value.Number {
			return decided(none(fmt.Sprintf("the target is %q, and there is no actual for %s to compare with", strings.ToLower(target.Raw), prev.Label())), 0)
		}
		if last.Actual.Unit != actual.Unit {
			return decided(none(fmt.Sprintf("this year's actual %s and last year's %s are in different units", actual.Raw, last.Actual.Raw)), 0)
		}
		good := report.Lower
		if target.Direction() == "increase" {
			good = report.Higher
		}
		return gapped(Gap(actual.Num, last.Actual.Num, good), vs(fmt.Sprintf("last year's actual %s (%s)", last.Actual.Raw, prev.Label())))
	}
	return decided(none(fmt.Sprintf("the target %q gives nothing to compare with", target.Raw)), 0)
}

// judgeBound judges an actual against a bound such as <5 or >=94%. The
// bound's sign says which side meets the target, whatever the measure's
// polarity, unless the two disagree. An actual exactly at a strict bound (5
// against <5) does not meet it: it is rated as just missing, in the first
// band for results a little worse than target.
func judgeBound(polarity report.Polarity, target, actual value.Value) judgement {
	op := target.Op()
	good, side, beyond := report.Higher, "higher", "above"
	if strings.HasPrefix(op, "<") {
		good, side, beyond = report.Lower, "lower", "below"
	}
	if polarity != report.InRange && polarity != good {
		return decided(none(fmt.Sprintf("the target %s asks for a %s figure, but the measure says %s is better", target.Raw, side, polarity)), 0)
	}
	gap := Gap(actual.Num, target.Num, good)
	what := fmt.Sprintf("actual %s against target %s", actual.Raw, target.Raw)
	if (op == "<" || op == ">") && math.Abs(gap) < eps {
		return judgement{strictMiss: true, met: report.TargetMissed,
			what: fmt.Sprintf("%s: %s is not %s %s, so it just misses the target", what, actual.Raw, beyond, withUnit(target.Num, target.Unit))}
	}
	return gapped(gap, what)
}

// gapped is a judgement by the gap to target: met when on target or better.
func gapped(gap float64, what string) judgement {
	j := judgement{gap: gap, what: what, met: report.TargetMissed}
	if gap >= -eps {
		j.met = report.TargetMet
	}
	return j
}

// bandBelow finds the first band that takes results a little worse than
// target, for an actual exactly at a strict bound.
func bandBelow(bands []report.Band, what string) report.Assessment {
	for _, b := range bands {
		if b.AtLeast != nil && !(*b.AtLeast < -eps) {
			continue
		}
		if b.MoreThan != nil && !(*b.MoreThan < -eps) {
			continue
		}
		return report.Assessment{Status: b.Status, Text: fmt.Sprintf("%s: %s (%s)", what, b.Status.Code, b.Describe())}
	}
	return none(what + "; no rating band covers a result just short of target")
}

func none(reason string) report.Assessment { return report.Assessment{Text: reason} }

// noFigure is the reason a figure word, such as NYA for the actual, gives
// no status: "no figure: not yet available (the actual is NYA)".
func noFigure(what string, v value.Value) report.Assessment {
	return none(fmt.Sprintf("no figure: %s (the %s is %s)", v.Meaning(), what, strings.TrimSpace(v.Raw)))
}

// Gap is how much better than target the actual is, as a percentage of
// the target's size: positive when better, negative when worse. Dividing by
// the size keeps reduction targets ("-10%") the right way round. A zero
// target counts any difference in full.
func Gap(actual, target float64, good report.Polarity) float64 {
	diff := actual - target
	if good == report.Lower {
		diff = -diff
	}
	return relative(diff, target)
}

// relative is diff as a percentage of base's size; from a base of zero,
// any difference counts in full (±Inf).
func relative(diff, base float64) float64 {
	if base == 0 {
		switch {
		case math.Abs(diff) < eps:
			return 0
		case diff > 0:
			return math.Inf(1)
		}
		return math.Inf(-1)
	}
	return diff / math.Abs(base) * 100
}

// band finds the first band the gap falls in.
func band(bands []report.Band, gap float64, what string) report.Assessment {
	for _, b := range bands {
		if b.AtLeast != nil && !(gap >= *b.AtLeast-eps) {
			continue
		}
		if b.MoreThan != nil && !(gap > *b.MoreThan+eps) {
			continue
		}
		return report.Assessment{Status: b.Status, Text: fmt.Sprintf("%s: %s, so %s (%s)", what, describeGap(gap), b.Status.Code, b.Describe())}
	}
	return none(fmt.Sprintf("%s: %s, which no rating band covers", what, describeGap(gap)))
}

func describeGap(gap float64) string {
	switch {
	case math.IsInf(gap, 1):
		return "better than a target of zero"
	case math.IsInf(gap, -1):
		return "worse than a target of zero"
	case math.Abs(gap) < eps:
		return "exactly on target"
	case gap > 0:
		return pct(gap) + " better than target"
	}
	return pct(-gap) + " worse than target"
}

// pct prints a percentage with at most two decimals: 5.16%, 5%.
func pct(f float64) string {
	return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) + "%"
}

// withUnit prints a number as a cell of that unit would: 13%, £5, 01:30.
func withUnit(f float64, u value.Unit) string {
	n := strconv.FormatFloat(f, 'f', -1, 64)
	switch u {
	case value.Percent:
		return n + "%"
	case value.Pounds:
		return "£" + n
	case value.MinSec:
		return fmt.Sprintf("%02d:%02d", int(f)/60, int(f)%60)
	}
	return n
}
