package load

import (
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

// readBreaks reads a measure's breaks: a list of {from, kind, reason},
// each the first period of a new series, earliest first.
func (l *loader) readBreaks(d *doc, n *yaml.Node, id string) []report.Break {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // "breaks:" alone: none
	}
	var out []report.Break
	var lastNode *yaml.Node
	d.list(n, "breaks", func(item *yaml.Node) {
		b := report.Break{Pos: d.pos(item)}
		var fromNode, kindNode, reasonNode *yaml.Node
		d.mapping(item, "a break",
			field{"from", func(_, v *yaml.Node) { fromNode = v }},
			field{"kind", func(_, v *yaml.Node) { kindNode = v }},
			field{"reason", func(_, v *yaml.Node) { reasonNode = v; b.Reason, _ = d.str(v, "reason") }},
		)
		if item.Kind != yaml.MappingNode {
			return
		}
		var ok bool
		b.From, ok = l.breakFrom(d, item, fromNode, id)
		switch {
		case kindNode == nil:
			d.errorf(item, "measure %s: a break has no kind; add \"kind: method\" (the same thing counted a new way) or \"kind: break\" (a new definition, source or boundary)", id)
			ok = false
		default:
			word, read := d.str(kindNode, "kind")
			k, known := report.ParseBreakKind(word)
			if read && !known {
				d.errorf(kindNode, "measure %s: break kind %q is not one Scorecard knows; write \"method\" (the same thing counted a new way) or \"break\" (a new definition, source or boundary)", id, word)
			}
			ok = ok && known
			b.Kind = k
		}
		switch {
		case reasonNode == nil:
			d.errorf(item, "measure %s: a break has no reason; add \"reason:\" saying in a sentence why figures before and after it differ", id)
			ok = false
		case strings.TrimSpace(b.Reason) == "":
			if !d.wasRefused(reasonNode) { // a list or an alias: said already
				d.errorf(reasonNode, "measure %s: a break's reason is empty; say in a sentence why figures before and after it differ", id)
			}
			ok = false
		}
		if !ok {
			return
		}
		if len(out) > 0 {
			if prev := out[len(out)-1]; b.From.Start <= prev.From.Start {
				d.errorf(fromNode, "measure %s: break from %s is not after the break before it (from %s, line %d); list breaks earliest first, one per period", id, b.From.Label(), prev.From.Label(), d.pos(lastNode).Line)
				return
			}
		}
		lastNode = fromNode
		out = append(out, b)
	})
	return out
}

// breakFrom reads a break's from:, the first period of its new series,
// reporting one that is missing or names no period.
func (l *loader) breakFrom(d *doc, item, n *yaml.Node, id string) (report.Period, bool) {
	if n == nil {
		d.errorf(item, "measure %s: a break has no from; add the first period of the new series, such as \"from: %s\"", id, l.exampleEdition())
		return report.Period{}, false
	}
	text, ok := d.str(n, "from")
	if !ok {
		return report.Period{}, false
	}
	p, err := report.ParsePeriod(text, l.site.Years)
	if err != nil {
		d.errorf(n, "measure %s: break from: %v", id, err)
		return report.Period{}, false
	}
	return p, true
}

// readForecast reads a row's forecast: the figure expected at the year's
// end ("forecast: 95%"), or that figure with the status it would earn
// ("forecast: {value: 95%, status: A}"), in the measure's unit and from
// the site's status scale.
func (l *loader) readForecast(d *doc, n *yaml.Node, m *report.Measure) *report.Forecast {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // "forecast:" alone: none
	}
	f := &report.Forecast{Pos: d.pos(n)}
	if n.Kind != yaml.MappingNode {
		if f.Value = l.cell(d, n, m, "forecast"); f.Value.Raw == "" {
			return nil // "forecast: ''": none
		}
		return f
	}
	var valueNode, statusNode *yaml.Node
	before := len(*d.errs)
	d.mapping(n, "measure "+m.ID+"'s forecast",
		field{"value", func(_, v *yaml.Node) { valueNode = v; f.Value = l.cell(d, v, m, "forecast") }},
		field{"status", func(_, v *yaml.Node) { statusNode = v; f.Status = l.status(d, v, m) }},
	)
	if valueNode == nil && statusNode == nil && len(*d.errs) == before {
		d.errorf(n, "measure %s: the forecast gives neither a value nor a status; write the figure expected at the year's end, such as \"forecast: {value: 95%%, status: A}\", or remove it", m.ID)
		return nil
	}
	return f
}
