package load

import (
	"strconv"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

// rawRating is the rating section as read, before its status codes are
// looked up in the final status scale.
type rawRating struct {
	d        *doc
	rules    []rawRule
	bands    []rawBand
	inRange  *yaml.Node
	noTarget *yaml.Node
}

type rawBand struct {
	node              *yaml.Node
	status            *yaml.Node
	atLeast, moreThan *float64
}

func readRating(d *doc, n *yaml.Node) *rawRating {
	r := &rawRating{d: d}
	d.mapping(n, "rating",
		field{"rules", func(_, v *yaml.Node) { r.rules = readRules(d, v) }},
		field{"bands", func(_, v *yaml.Node) { r.bands = readBands(d, v) }},
		field{"in_range", func(_, v *yaml.Node) { r.inRange = v }},
		field{"no_target", func(_, v *yaml.Node) { r.noTarget = v }},
	)
	return r
}

func readBands(d *doc, n *yaml.Node) []rawBand {
	var out []rawBand
	d.list(n, "bands", func(item *yaml.Node) {
		b := rawBand{node: item}
		d.mapping(item, "a band",
			field{"status", func(_, v *yaml.Node) { b.status = v }},
			field{"at_least", func(_, v *yaml.Node) { b.atLeast = number(d, v, "at_least") }},
			field{"more_than", func(_, v *yaml.Node) { b.moreThan = number(d, v, "more_than") }},
		)
		switch {
		case item.Kind != yaml.MappingNode:
			return
		case b.status == nil:
			d.errorf(item, "a band has no status; add one such as \"status: HG\"")
			return
		case b.atLeast != nil && b.moreThan != nil:
			d.errorf(item, "a band has both at_least and more_than; give one of them (or neither, for the last band)")
			return
		}
		out = append(out, b)
	})
	if len(out) > 0 {
		last := out[len(out)-1]
		if last.atLeast != nil || last.moreThan != nil {
			d.errorf(last.node, "the last band has a limit, so some results would get no status; remove at_least or more_than from the last band so it takes every other result")
		}
	}
	return out
}

func number(d *doc, n *yaml.Node, what string) *float64 {
	s, ok := d.str(n, what)
	if !ok {
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f {
		d.errorf(n, "%s should be a number of per cent, such as 5 or -10, not %q", what, s)
		return nil
	}
	return &f
}

// resolve looks the rating's status codes up in the scale, and its rules'
// comparators in the site's series.
func (r *rawRating) resolve(scale []*report.Status, series []*report.Series) report.Rating {
	out := report.Rating{Rules: resolveRules(r.d, r.rules, scale, series), Bands: resolveBands(r.d, r.bands, scale)}
	if r.inRange != nil {
		out.InRange = ratingStatus(r.d, scale, r.inRange, "in_range")
	}
	if r.noTarget != nil {
		out.NoTarget = ratingStatus(r.d, scale, r.noTarget, "no_target")
	}
	return out
}

func resolveBands(d *doc, bands []rawBand, scale []*report.Status) []report.Band {
	var out []report.Band
	for _, b := range bands {
		if st := ratingStatus(d, scale, b.status, "band"); st != nil {
			out = append(out, report.Band{Status: st, AtLeast: b.atLeast, MoreThan: b.moreThan})
		}
	}
	return out
}

func ratingStatus(d *doc, scale []*report.Status, n *yaml.Node, what string) *report.Status {
	code, ok := d.str(n, what)
	if !ok {
		return nil
	}
	for _, st := range scale {
		if st.Code == code {
			if !st.Rating {
				d.errorf(n, "the %s status %q is not a rating (its \"rating:\" is false); use a rating status", what, code)
				return nil
			}
			return st
		}
	}
	d.errorf(n, "the %s status %q is not on the status scale; add it to statuses, or use one of the scale's ratings", what, code)
	return nil
}
