package load

import (
	"cmp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

// rawRule is a status rule as read, before its status code is looked up
// in the final scale and its comparator in the site's series.
type rawRule struct {
	rule                     report.Rule
	status, comparator, node *yaml.Node
}

// The words a status rule's conditions may use.
var (
	ruleTargets = map[string]report.TargetCondition{"met": report.TargetMet, "missed": report.TargetMissed}
	// "improved", "no change" and "worse" as the direction of travel says them.
	ruleDirections = map[string]report.DirectionKind{"improved": report.Improved, "no change": report.NoChange, "worse": report.Worse}
	rulePositions  = map[string]report.Position{"better": report.Better, "at least": report.AtLeast, "worse": report.WorseThan}
)

// readRules reads rating: rules:, each a status and the conditions under
// which a row takes it: target, direction, comparator with position.
func readRules(d *doc, n *yaml.Node) []rawRule {
	var out []rawRule
	d.list(n, "rules", func(item *yaml.Node) {
		r := rawRule{node: item, rule: report.Rule{N: len(out) + 1, Pos: d.pos(item)}}
		var position *yaml.Node
		bad := false
		// word reads a condition in any case and spacing; ok is false
		// when it is not text, which d.str has reported.
		word := func(v *yaml.Node, what string) (string, bool) {
			s, ok := d.str(v, what)
			bad = bad || !ok
			return strings.ToLower(strings.Join(strings.Fields(s), " ")), ok
		}
		d.mapping(item, "a status rule",
			field{"status", func(_, v *yaml.Node) { r.status = v }},
			field{"target", func(_, v *yaml.Node) {
				w, ok := word(v, "target")
				if r.rule.Target = ruleTargets[w]; r.rule.Target == 0 && ok {
					d.errorf(v, "a status rule's target is %q; write met or missed", v.Value)
					bad = true
				}
			}},
			field{"direction", func(_, v *yaml.Node) {
				w, ok := word(v, "direction")
				if r.rule.Direction = ruleDirections[w]; r.rule.Direction == 0 && ok {
					d.errorf(v, "a status rule's direction is %q; write improved, no change or worse (the direction of travel since the previous comparable period)", v.Value)
					bad = true
				}
			}},
			field{"comparator", func(_, v *yaml.Node) {
				r.comparator = v
				r.rule.Comparator, _ = d.str(v, "comparator")
				if strings.TrimSpace(r.rule.Comparator) == "" && !d.wasRefused(v) {
					d.errorf(v, "a status rule's comparator is empty; write the id of one of the site's comparators, such as top-quartile")
					bad = true
				}
			}},
			field{"position", func(_, v *yaml.Node) {
				position = v
				w, ok := word(v, "position")
				if r.rule.Position = rulePositions[w]; r.rule.Position == 0 && ok {
					d.errorf(v, "a status rule's position is %q; write better, at least or worse (the actual against the comparator, in the measure's good direction)", v.Value)
					bad = true
				}
			}},
		)
		switch {
		case item.Kind != yaml.MappingNode || bad:
			return
		case r.status == nil:
			d.errorf(item, "a status rule has no status; add the status it gives, such as \"status: A\"")
			return
		case position != nil && r.comparator == nil:
			d.errorf(position, "a status rule has a position but no comparator to compare with; add \"comparator:\" with the id of one of the site's comparators")
			return
		case r.rule.Target == 0 && r.rule.Direction == 0 && r.comparator == nil:
			d.errorf(item, "a status rule has no conditions, so it would rate every measure; add target (met or missed), direction (improved, no change or worse) or comparator with position")
			return
		case r.comparator != nil && position == nil:
			d.errorf(item, "a status rule names comparator %s but no position; add \"position:\" with better, at least or worse", r.rule.Comparator)
			return
		}
		out = append(out, r)
	})
	return out
}

// resolveRules looks each rule's status up in the scale and its comparator
// among the site's comparators (comparators: in data/site.yaml).
func resolveRules(d *doc, rules []rawRule, scale []*report.Status, series []*report.Series) []report.Rule {
	var out []report.Rule
	var ids []string
	for _, s := range series {
		if s.Kind == report.ComparatorSeries {
			ids = append(ids, strconv.Quote(s.ID))
		}
	}
	for _, r := range rules {
		st := ratingStatus(d, scale, r.status, "rule")
		if r.comparator != nil {
			r.rule.ComparatorLabel = comparatorLabel(series, r.rule.Comparator)
		}
		if r.comparator != nil && r.rule.ComparatorLabel == "" {
			others := ""
			if len(ids) > 0 {
				others = ", or use one of: " + list(ids)
			}
			d.errorf(r.comparator, "a status rule names comparator %q, which the site does not declare; declare it under \"comparators:\" in %s%s", r.rule.Comparator, siteFile, others)
			continue
		}
		if st != nil {
			r.rule.Status = st
			out = append(out, r.rule)
		}
	}
	return out
}

// comparatorLabel is the label of the site's comparator id (its id when
// it has none), or "" when the site declares no such comparator.
func comparatorLabel(series []*report.Series, id string) string {
	for _, s := range series {
		if s.Kind == report.ComparatorSeries && s.ID == id {
			return cmp.Or(s.Label, s.ID)
		}
	}
	return ""
}
