package render

import (
	"scorecard/internal/report"
	"scorecard/internal/value"
)

// qualifierSet gathers the qualifiers the figures on a page carry.
type qualifierSet map[string]bool

func (set qualifierSet) add(r *report.Row) {
	if r == nil {
		return
	}
	for _, v := range [2]value.Value{r.Target, r.Actual} {
		for _, q := range v.Qualifiers() {
			set[q.Label()] = true
		}
	}
	for _, figs := range [2][]report.Figure{r.Targets, r.Comparators} {
		for _, f := range figs {
			for _, q := range f.Value.Qualifiers() {
				set[q.Label()] = true
			}
		}
	}
}

// list gives the qualifiers gathered, in the order the site declares them,
// for the page's key; nil when there are none.
func (set qualifierSet) list(s *report.Site) []value.Qualifier {
	if len(set) == 0 {
		return nil
	}
	var out []value.Qualifier
	for _, q := range s.Qualifiers {
		if set[q.Label()] {
			out = append(out, q)
		}
	}
	return out
}
