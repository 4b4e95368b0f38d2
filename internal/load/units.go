package load

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// siteUnits are the built-in units with the site's added: one of the same
// id as a built-in takes its place.
func siteUnits(own []*report.Unit) []*report.Unit {
	builtin := report.BuiltinUnits()
	out := make([]*report.Unit, 0, len(builtin)+len(own))
	for _, b := range builtin {
		if i := slices.IndexFunc(own, func(u *report.Unit) bool { return u.ID == b.ID }); i >= 0 {
			out = append(out, own[i])
			continue
		}
		out = append(out, b)
	}
	for _, u := range own {
		if report.BuiltinUnit(u.ID) == nil {
			out = append(out, u)
		}
	}
	return out
}

// readUnits reads units: the units a site's measures may be counted in
// beside the built-in eight.
func readUnits(d *doc, n *yaml.Node) []*report.Unit {
	var out []*report.Unit
	lines := map[string]int{}
	d.list(n, "units", func(item *yaml.Node) {
		u := &report.Unit{Kind: report.NumberUnit, Pos: d.pos(item)}
		var idNode, posNode, perNode, symNode, kindNode *yaml.Node
		d.mapping(item, "a unit",
			field{"id", func(_, v *yaml.Node) { idNode = v; u.ID, _ = d.str(v, "id") }},
			field{"label", func(_, v *yaml.Node) { u.Label, _ = d.str(v, "label") }},
			field{"symbol", func(_, v *yaml.Node) { symNode = v; u.Symbol, _ = d.str(v, "symbol") }},
			field{"position", func(_, v *yaml.Node) { posNode = v }},
			field{"decimals", func(_, v *yaml.Node) {
				s, _ := d.str(v, "decimals")
				dec, err := strconv.Atoi(s)
				if err != nil || dec < 0 || dec > 10 {
					d.errorf(v, "decimals should be a whole number of places from 0 to 10, such as 1, not %q", s)
					return
				}
				u.Decimals = dec
			}},
			field{"kind", func(_, v *yaml.Node) {
				kindNode = v
				s, _ := d.str(v, "kind")
				if !slices.Contains(report.UnitKinds, report.UnitKind(s)) {
					d.errorf(v, "kind %q is not a kind of unit; use one of: %s", s, list(quoted(unitKinds())))
					return
				}
				u.Kind = report.UnitKind(s)
			}},
			field{"per", func(_, v *yaml.Node) {
				perNode = v
				s, _ := d.str(v, "per")
				per, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
				if err != nil || per <= 0 || per != per {
					d.errorf(v, "per should be the population a rate is counted against, a number above 0 such as 1000, not %q", s)
					return
				}
				u.Per = per
			}},
		)
		if item.Kind != yaml.MappingNode {
			return
		}
		u.ID, u.Label, u.Symbol = strings.TrimSpace(u.ID), strings.TrimSpace(u.Label), strings.TrimSpace(u.Symbol)
		if u.ID == "" {
			if !d.wasRefused(idNode) {
				d.errorf(item, "a unit has no id; add the name measures give it in unit:, such as \"id: weeks\"")
			}
			return
		}
		if line, dup := lines[u.ID]; dup {
			d.errorf(idNode, "unit %q is declared twice (first at line %d); remove one", u.ID, line)
			return
		}
		lines[u.ID] = idNode.Line
		if u.Label == "" {
			u.Label = u.ID
		}
		if posNode != nil {
			switch s, _ := d.str(posNode, "position"); s {
			case "before":
				u.Before = true
			case "after", "":
			default:
				d.errorf(posNode, "unit %s: position %q is not before or after; write \"position: before\" for a symbol such as £, or \"position: after\" for one such as kg", u.ID, s)
			}
		}
		switch {
		case perNode != nil && u.Kind != report.RateUnit && !d.wasRefused(kindNode):
			d.errorf(perNode, "unit %s has per but is not a rate; add \"kind: rate\", or remove per", u.ID)
		case u.Kind == report.RateUnit && perNode == nil:
			d.errorf(kindNode, "unit %s is a rate but does not say per how many; add per, such as \"per: 1000\"", u.ID)
		}
		if problem := symbolProblem(u); problem != "" {
			d.errorf(symNode, "unit %s: symbol %q %s", u.ID, u.Symbol, problem)
			u.Symbol = ""
		}
		switch {
		case u.Symbol == "%":
			u.Written = value.Percent
		case u.Symbol == "£":
			u.Written = value.Pounds
		}
		out = append(out, u)
	})
	return out
}

// symbolProblem says why a unit's symbol cannot be read in a cell, or "".
func symbolProblem(u *report.Unit) string {
	s := u.Symbol
	switch {
	case s == "":
		return ""
	case strings.ContainsAny(s, "0123456789()[]<>=-,.:/"):
		return "holds a digit, bracket or sign that figures are written with; choose a symbol without them, such as kg or weeks"
	case s == "%" && u.Before:
		return "is written after the number; write \"position: after\""
	case s == "£" && !u.Before:
		return "is written before the number; write \"position: before\""
	}
	return ""
}

func unitKinds() []string {
	out := make([]string, len(report.UnitKinds))
	for i, k := range report.UnitKinds {
		out[i] = string(k)
	}
	return out
}

// readQualifiers reads qualifiers: what may be written after a figure to
// qualify it, added to the defaults (provisional, estimated, revised, in
// arrears); one with a default's word gives it the site's meaning.
func readQualifiers(d *doc, n *yaml.Node) []value.Qualifier {
	out := slices.Clone(value.DefaultQualifiers)
	lines := map[string]int{}
	d.list(n, "qualifiers", func(item *yaml.Node) {
		var q value.Qualifier
		var markNode, wordNode, meansNode *yaml.Node
		d.mapping(item, "a qualifier",
			field{"mark", func(_, v *yaml.Node) { markNode = v; q.Mark, _ = d.str(v, "mark") }},
			field{"word", func(_, v *yaml.Node) { wordNode = v; q.Word, _ = d.str(v, "word") }},
			field{"means", func(_, v *yaml.Node) { meansNode = v; q.Meaning, _ = d.str(v, "means") }},
		)
		if item.Kind != yaml.MappingNode {
			return
		}
		q.Mark, q.Word, q.Meaning = strings.TrimSpace(q.Mark), strings.Join(strings.Fields(q.Word), " "), strings.TrimSpace(q.Meaning)
		at := markNode
		if at == nil {
			at = wordNode
		}
		switch {
		case q.Mark == "" && q.Word == "":
			if !d.wasRefused(markNode) && !d.wasRefused(wordNode) {
				d.errorf(item, "a qualifier has neither a mark nor a word; write one such as {mark: \"*\", means: Provisional figure} or {word: estimated, means: Estimated figure}")
			}
			return
		case q.Mark != "" && q.Word != "":
			d.errorf(item, "a qualifier has both a mark and a word; give each its own entry")
			return
		case q.Meaning == "":
			if !d.wasRefused(meansNode) {
				d.errorf(item, "qualifier %q has no meaning; add what it says about the figure, such as \"means: Provisional figure, to be confirmed at year end\"", q.Label())
			}
			return
		}
		if q.Mark != "" && strings.ContainsFunc(q.Mark, func(r rune) bool {
			return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("()[]<>=-,.%£:/", r)
		}) {
			d.errorf(markNode, "mark %q has a letter, digit, space or sign that figures are written with; use a mark such as \"*\" or \"†\", or write a word as word:", q.Mark)
			return
		}
		if q.Word != "" {
			if strings.ContainsAny(q.Word, "()[]") || !unicode.IsLetter([]rune(q.Word)[0]) {
				d.errorf(wordNode, "qualifier word %q should start with a letter and have no brackets; the brackets go in the cell, as in 512 (Q3 time lag)", q.Word)
				return
			}
		}
		key := strings.ToLower(q.Label())
		if line, dup := lines[key]; dup {
			d.errorf(at, "qualifier %q is listed twice (first at line %d); remove one", q.Label(), line)
			return
		}
		lines[key] = at.Line
		if i := slices.IndexFunc(out, func(o value.Qualifier) bool { return strings.ToLower(o.Label()) == key }); i >= 0 {
			out[i] = q
			return
		}
		out = append(out, q)
	})
	return out
}

// unitIDs lists the site's unit ids, quoted, for messages.
func unitIDs(units []*report.Unit) string {
	ids := make([]string, len(units))
	for i, u := range units {
		ids[i] = strconv.Quote(u.ID)
	}
	return list(ids)
}
