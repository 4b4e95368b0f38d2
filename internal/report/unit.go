package report

import (
	"strconv"
	"strings"

	"scorecard/internal/diag"
	"scorecard/internal/value"
)

// UnitKind says what sort of quantity a unit measures.
type UnitKind string

const (
	NumberUnit     UnitKind = "number"
	PercentageUnit UnitKind = "percentage"
	CurrencyUnit   UnitKind = "currency"
	DurationUnit   UnitKind = "duration"
	RateUnit       UnitKind = "rate"
)

// UnitKinds are the kinds a unit may have, in the order documented.
var UnitKinds = []UnitKind{NumberUnit, PercentageUnit, CurrencyUnit, DurationUnit, RateUnit}

// Unit is what a measure is counted in: one of the built-in eight, or one
// a site declares under units: in its configuration.
type Unit struct {
	ID       string   // what a measure's unit: names: "%", "weeks", "£ per head"
	Label    string   // in words, for residents: "per cent", "pounds per head"
	Symbol   string   // written with a figure: "%", "kg", "£"; "" for none
	Before   bool     // the symbol goes before the number (£), not after (kg)
	Decimals int      // places shown where Scorecard formats a figure
	Kind     UnitKind // number, percentage, currency, duration or rate
	Per      float64  // a rate's population base: 1000 for "per 1,000"; 0 otherwise

	// Written is the unit a cell that carries the symbol is read with;
	// Required says that every figure must carry it, as the built-in %, £
	// and min:sec units ask. A site's units leave it optional.
	Written  value.Unit
	Required bool
	Builtin  bool     // one of the eight every site has
	Pos      diag.Pos // where the site declared it; zero for a built-in
}

// BuiltinUnits are the units every site has, in the order they are listed
// in messages. A site's units: are added to them; one with the same id
// replaces the built-in.
var BuiltinUnits = []*Unit{
	{ID: "%", Label: "per cent", Symbol: "%", Decimals: 1, Kind: PercentageUnit, Written: value.Percent, Required: true, Builtin: true},
	{ID: "count", Label: "count", Kind: NumberUnit, Builtin: true},
	{ID: "days", Label: "days", Decimals: 1, Kind: DurationUnit, Builtin: true},
	{ID: "years", Label: "years", Decimals: 1, Kind: DurationUnit, Builtin: true},
	{ID: "min:sec", Label: "minutes and seconds", Kind: DurationUnit, Written: value.MinSec, Required: true, Builtin: true},
	{ID: "ratio", Label: "ratio", Decimals: 2, Kind: NumberUnit, Builtin: true},
	{ID: "rate", Label: "rate", Decimals: 1, Kind: RateUnit, Builtin: true},
	{ID: "£", Label: "pounds", Symbol: "£", Before: true, Kind: CurrencyUnit, Written: value.Pounds, Required: true, Builtin: true},
}

// Units are the ids of the built-in units.
var Units = func() []string {
	ids := make([]string, len(BuiltinUnits))
	for i, u := range BuiltinUnits {
		ids[i] = u.ID
	}
	return ids
}()

// BuiltinUnit returns the built-in unit with id, or nil.
func BuiltinUnit(id string) *Unit {
	for _, u := range BuiltinUnits {
		if u.ID == id {
			return u
		}
	}
	return nil
}

// Unit returns the site's unit with id (its own, or a built-in), or nil.
func (s *Site) Unit(id string) *Unit {
	for _, u := range s.Units {
		if u.ID == id {
			return u
		}
	}
	if len(s.Units) == 0 {
		return BuiltinUnit(id)
	}
	return nil
}

// UnitOf returns the unit m is counted in: the one the loader found for
// its unit: id, or the built-in of that id; a model made by hand with
// another id gets a plain unit named by it.
func (m *Measure) UnitOf() *Unit {
	if m.UnitSpec != nil {
		return m.UnitSpec
	}
	if u := BuiltinUnit(m.Unit); u != nil {
		return u
	}
	return &Unit{ID: m.Unit, Label: m.Unit, Kind: NumberUnit}
}

// Cell says how a measure's target and actual cells are read: the site's
// figure words and qualifiers, and the symbol of the measure's unit.
func (s *Site) Cell(m *Measure) value.Cell {
	u := m.UnitOf()
	return value.Cell{Words: s.FigureWords, Qualifiers: s.Qualifiers, Symbol: u.Symbol, Before: u.Before}
}

// Describe says in words what a figure is measured in, capitalised for a
// label: "Per cent", "Pounds per head (£)", "Per 1,000 population aged
// 65+".
func (u *Unit) Describe() string {
	label := u.Label
	if label == "" {
		label = u.ID
	}
	if label == "" {
		return ""
	}
	if u.Kind == CurrencyUnit && u.Symbol != "" && !strings.Contains(label, u.Symbol) {
		label += " (" + u.Symbol + ")"
	}
	return strings.ToUpper(label[:1]) + label[1:]
}

// Format writes f with the unit's decimals and symbol, as a page writes a
// figure Scorecard computed: "12.5 weeks", "£1,112.44", "94.0%".
func (u *Unit) Format(f float64) string {
	n := strconv.FormatFloat(f, 'f', u.Decimals, 64)
	neg := strings.HasPrefix(n, "-")
	n = strings.TrimPrefix(n, "-")
	n = groupThousands(n)
	switch {
	case u.Symbol == "":
	case u.Before:
		n = u.Symbol + n
	case u.Symbol == "%":
		n += u.Symbol
	default:
		n += " " + u.Symbol
	}
	if neg {
		n = "-" + n
	}
	return n
}

// AxisFormat is the ECharts label template for a value axis in the unit:
// "{value}%", "£{value}", "{value} kg"; "" when the unit has no symbol or
// the figures are times (charted in seconds).
func (u *Unit) AxisFormat() string {
	switch {
	case u.Symbol == "" || u.Written == value.MinSec:
		return ""
	case u.Before:
		return u.Symbol + "{value}"
	case u.Symbol == "%":
		return "{value}%"
	}
	return "{value} " + u.Symbol
}

func groupThousands(n string) string {
	intPart, frac, hasFrac := strings.Cut(n, ".")
	if len(intPart) <= 3 {
		return n
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}
