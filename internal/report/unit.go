package report

import (
	"fmt"
	"slices"
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

// builtinUnits are the units every site has, in the order they are listed
// in messages. A site's units: are added to them; one with the same id
// replaces the built-in.
var builtinUnits = []*Unit{
	{ID: "%", Label: "per cent", Symbol: "%", Decimals: 1, Kind: PercentageUnit, Written: value.Percent, Required: true, Builtin: true},
	{ID: "count", Label: "count", Kind: NumberUnit, Builtin: true},
	{ID: "days", Label: "days", Decimals: 1, Kind: DurationUnit, Builtin: true},
	{ID: "years", Label: "years", Decimals: 1, Kind: DurationUnit, Builtin: true},
	{ID: "min:sec", Label: "minutes and seconds", Kind: DurationUnit, Written: value.MinSec, Required: true, Builtin: true},
	{ID: "ratio", Label: "ratio", Decimals: 2, Kind: NumberUnit, Builtin: true},
	{ID: "rate", Label: "rate", Decimals: 1, Kind: RateUnit, Builtin: true},
	{ID: "£", Label: "pounds", Symbol: "£", Before: true, Kind: CurrencyUnit, Written: value.Pounds, Required: true, Builtin: true},
}

// BuiltinUnits returns the units every site has, in the order they are
// listed in messages: a new slice, so that no caller changes the list.
func BuiltinUnits() []*Unit { return slices.Clone(builtinUnits) }

// BuiltinUnit returns the built-in unit with id, or nil.
func BuiltinUnit(id string) *Unit {
	for _, u := range builtinUnits {
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

// Cell says how a measure's target and actual cells are read: the site's
// figure words and qualifiers, and the symbol of the measure's unit.
func (s *Site) Cell(m *Measure) value.Cell {
	u := m.Unit
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

// The wording of a unit, in one place: what a measure counted in it is,
// how to write its figures in a data file and show them in a spreadsheet,
// and the name of a chart's axis. The loader, the import, the pages and the
// charts all use it.

// Phrase says what a measure counted in u is, for messages: "is measured in
// per cent", "is a time in minutes and seconds", "is a count", "is
// measured in kilograms".
func (u *Unit) Phrase() string {
	switch u.ID {
	case "%":
		return "is measured in per cent"
	case "min:sec":
		return "is a time in minutes and seconds"
	case "£":
		return "is measured in pounds"
	case "count", "ratio", "rate":
		return "is a " + u.ID
	}
	return "is measured in " + u.Label
}

// Mismatch says what is wrong with a figure of a measure counted in u that
// is written in another unit: `is measured in per cent, but its target
// "90" is a plain number`. what names the figure; raw is the cell as
// written and written the unit it carries.
func (u *Unit) Mismatch(what, raw string, written value.Unit) string {
	return fmt.Sprintf("%s, but its %s %q %s", u.Phrase(), what, raw, cellWords[written].shows)
}

// cellWords are what Scorecard says of a cell by the unit written in it:
// what the cell shows, and how to make a spreadsheet show a figure so.
var cellWords = map[value.Unit]struct{ shows, sheet string }{
	value.None:    {"is a plain number", "show it as a plain number, without % or £ (format the cell as a number)"},
	value.Percent: {"has a % sign", "show it with a % sign, such as 93.5% (format the cell as a percentage)"},
	value.Pounds:  {"has a £ sign", "show it with a £ sign, such as £1,000 (format the cell as currency)"},
	value.MinSec:  {"is a time", "show it as minutes:seconds, such as 01:30 (format the cell as mm:ss)"},
}

// Hint says how to write a figure of u in a data file: "write it with a %
// sign, such as 90%", "write it as a plain number, or with kg, such as 12
// kg".
func (u *Unit) Hint() string {
	switch {
	case u.Written == value.MinSec:
		return "write it as minutes:seconds, such as 01:30"
	case u.Required && u.Symbol != "":
		return fmt.Sprintf("write it with a %s sign, such as %s", u.Symbol, u.example())
	case u.Symbol != "":
		return fmt.Sprintf("write it as a plain number, or with %s, such as %s", u.Symbol, u.example())
	case u.Builtin:
		return "write it as a plain number"
	}
	return "write it as a plain number, such as " + u.example()
}

// example is a round figure of u, for hints: "£1,000", "90%", "12 kg".
func (u *Unit) example() string {
	ex := *u
	ex.Decimals = 0
	switch u.Kind {
	case CurrencyUnit:
		return ex.Format(1000)
	case PercentageUnit:
		return ex.Format(90)
	}
	return ex.Format(12)
}

// SheetHint says how to make a spreadsheet show a figure of u so that the
// import reads it in u: "show it with a % sign, such as 93.5% (format the
// cell as a percentage)".
func (u *Unit) SheetHint() string { return cellWords[u.Written].sheet }

// AxisName names a chart's value axis by the unit: "Per cent", "Seconds"
// for times (charted in seconds), "Pounds", "Pounds per head (£)".
func (u *Unit) AxisName() string {
	switch u.ID {
	case "min:sec":
		return "Seconds"
	case "£":
		return "Pounds"
	}
	return u.Describe()
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
