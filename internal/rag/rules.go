package rag

import (
	"cmp"
	"fmt"
	"strings"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// applyRules tries the site's status rules in order and returns the
// status of the first whose conditions all hold, with the working in
// words: "actual 94% against target 95%: off target, and improved since
// Q1 2016/17: A (Amber) by the site's rule 1". ok is false when none
// holds, or the actual is not a figure.
func applyRules(in Input, j judgement) (a report.Assessment, ok bool) {
	if in.Row.Actual.Kind != value.Number {
		return a, false
	}
	for _, r := range in.Rating.Rules {
		if why, holds := ruleHolds(in, j, r); holds {
			lead := "actual " + in.Row.Actual.Raw
			if r.Target != 0 {
				lead = cmp.Or(j.what, lead+" against target "+in.Row.Target.Raw)
			}
			return report.Assessment{Status: r.Status, Text: fmt.Sprintf("%s: %s: %s by the site's rule %d", lead, strings.Join(why, ", and "), r.Status.Describe(), r.N)}, true
		}
	}
	return a, false
}

// ruleHolds reports whether every condition of r holds, and says each in
// words.
func ruleHolds(in Input, j judgement, r report.Rule) (why []string, holds bool) {
	if r.Target != 0 {
		if j.met != r.Target {
			return nil, false
		}
		if r.Target == report.TargetMet {
			why = append(why, "on target")
		} else {
			why = append(why, "off target")
		}
	}
	if r.Direction != report.NotComparable {
		if in.Since.Kind != r.Direction {
			return nil, false
		}
		why = append(why, fmt.Sprintf("%s since %s", strings.ToLower(r.Direction.String()), in.Since.Against.Label()))
	}
	if r.Comparator != "" {
		pos, ok := comparatorPosition(in, r.Comparator, r.Position)
		if !ok {
			return nil, false
		}
		why = append(why, pos)
	}
	return why, true
}

// comparatorPosition reports whether the actual lies at want against the
// row's figure for the comparator id, in the measure's good direction, and
// says so in words: "better than the England average (92%)". ok is false
// when it does not, or the row has no such figure, or the measure does not
// say which way is better.
func comparatorPosition(in Input, id string, want report.Position) (words string, ok bool) {
	actual := in.Row.Actual
	for _, f := range in.Row.Comparators {
		if f.Series == nil || f.Series.ID != id {
			continue
		}
		c := f.Value
		if c.Kind != value.Number || c.Unit != actual.Unit {
			return "", false
		}
		var better float64
		switch good := in.Measure.Good; good {
		case report.Higher, report.Lower:
			better = Gap(actual.Num, c.Num, good)
		case report.InRange:
			if in.Row.Target.Kind != value.Range {
				return "", false // only a target range says which way is better
			}
			better = distance(c.Num, in.Row.Target) - distance(actual.Num, in.Row.Target)
		default:
			return "", false
		}
		var got report.Position
		switch {
		case better > eps:
			got = report.Better
		case better < -eps:
			got = report.WorseThan
		default:
			got = report.AtLeast
		}
		name := f.Series.Label
		if name == "" {
			name = f.Series.ID
		}
		switch {
		case want == report.AtLeast && got != report.WorseThan:
			return fmt.Sprintf("at least as good as the %s (%s)", name, c.Raw), true
		case want == report.Better && got == report.Better:
			return fmt.Sprintf("better than the %s (%s)", name, c.Raw), true
		case want == report.WorseThan && got == report.WorseThan:
			return fmt.Sprintf("worse than the %s (%s)", name, c.Raw), true
		}
		return "", false
	}
	return "", false
}
