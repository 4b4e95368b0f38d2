package report

import (
	"testing"

	"scorecard/internal/value"
)

// TestUnitWords: each kind of unit says what it measures in words, writes
// a figure with its symbol and decimals, and labels a chart axis.
func TestUnitWords(t *testing.T) {
	tests := []struct {
		unit                   *Unit
		describe, format, axis string
	}{
		{BuiltinUnit("%"), "Per cent", "93.5%", "{value}%"},
		{BuiltinUnit("count"), "Count", "1,234", ""},
		{BuiltinUnit("min:sec"), "Minutes and seconds", "1,234", ""},
		{BuiltinUnit("£"), "Pounds (£)", "£1,234", "£{value}"},
		{&Unit{ID: "weeks", Label: "weeks", Symbol: "weeks", Decimals: 1, Kind: DurationUnit}, "Weeks", "1,234.5 weeks", "{value} weeks"},
		{&Unit{ID: "kg", Label: "kilograms", Symbol: "kg", Kind: NumberUnit}, "Kilograms", "1,234 kg", "{value} kg"},
		{&Unit{ID: "£ per head", Label: "pounds per head", Symbol: "£", Before: true, Decimals: 2, Kind: CurrencyUnit}, "Pounds per head (£)", "£1,234.46", "£{value}"},
		{&Unit{ID: "per-1000-65", Label: "per 1,000 population aged 65+", Decimals: 1, Kind: RateUnit, Per: 1000}, "Per 1,000 population aged 65+", "1,234.5", ""},
		{&Unit{ID: "pp", Label: "percentage points", Symbol: "pp", Decimals: 1, Kind: PercentageUnit}, "Percentage points", "1,234.5 pp", "{value} pp"},
	}
	for _, tt := range tests {
		f := 1234.456
		if tt.unit.ID == "%" {
			f = 93.5
		}
		if got := tt.unit.Describe(); got != tt.describe {
			t.Errorf("%s: Describe() = %q, want %q", tt.unit.ID, got, tt.describe)
		}
		if got := tt.unit.Format(f); got != tt.format {
			t.Errorf("%s: Format(%v) = %q, want %q", tt.unit.ID, f, got, tt.format)
		}
		if got := tt.unit.Format(-f); got != "-"+tt.format {
			t.Errorf("%s: Format(%v) = %q, want %q", tt.unit.ID, -f, got, "-"+tt.format)
		}
		if got := tt.unit.AxisFormat(); got != tt.axis {
			t.Errorf("%s: AxisFormat() = %q, want %q", tt.unit.ID, got, tt.axis)
		}
	}
}

// A site with no units of its own has the built-in ones, and changing the
// list BuiltinUnits returns changes no site's.
func TestSiteUnit(t *testing.T) {
	s := &Site{}
	if s.Unit("£") != BuiltinUnit("£") || s.Unit("kg") != nil {
		t.Errorf("a site with no units has the built-in ones only")
	}
	list := BuiltinUnits()
	list[0] = &Unit{ID: "kg"}
	if BuiltinUnit("%") == nil || BuiltinUnit("kg") != nil || BuiltinUnits()[0].ID != "%" {
		t.Errorf("changing the list BuiltinUnits returned changed the built-in units")
	}
}

// TestUnitWording: each unit says what a measure counted in it is, what is
// wrong with a figure in another unit, how to write its figures in a data
// file and show them in a spreadsheet, and what its chart axis is called.
func TestUnitWording(t *testing.T) {
	kg := &Unit{ID: "kg", Label: "kilograms", Symbol: "kg", Kind: NumberUnit}
	perHead := &Unit{ID: "£ per head", Label: "pounds per head", Symbol: "£", Before: true, Decimals: 2, Kind: CurrencyUnit, Written: value.Pounds}
	rate := &Unit{ID: "per-1000", Label: "per 1,000 people", Decimals: 1, Kind: RateUnit, Per: 1000}
	tests := []struct {
		unit                  *Unit
		written               value.Unit
		mismatch, hint, sheet string
		axis                  string
	}{
		{BuiltinUnit("%"), value.None, `is measured in per cent, but its target "9" is a plain number`,
			"write it with a % sign, such as 90%", "show it with a % sign, such as 93.5% (format the cell as a percentage)", "Per cent"},
		{BuiltinUnit("min:sec"), value.Percent, `is a time in minutes and seconds, but its target "9" has a % sign`,
			"write it as minutes:seconds, such as 01:30", "show it as minutes:seconds, such as 01:30 (format the cell as mm:ss)", "Seconds"},
		{BuiltinUnit("£"), value.MinSec, `is measured in pounds, but its target "9" is a time`,
			"write it with a £ sign, such as £1,000", "show it with a £ sign, such as £1,000 (format the cell as currency)", "Pounds"},
		{BuiltinUnit("count"), value.Pounds, `is a count, but its target "9" has a £ sign`,
			"write it as a plain number", "show it as a plain number, without % or £ (format the cell as a number)", "Count"},
		{BuiltinUnit("rate"), value.Percent, `is a rate, but its target "9" has a % sign`,
			"write it as a plain number", "show it as a plain number, without % or £ (format the cell as a number)", "Rate"},
		{kg, value.Percent, `is measured in kilograms, but its target "9" has a % sign`,
			"write it as a plain number, or with kg, such as 12 kg", "show it as a plain number, without % or £ (format the cell as a number)", "Kilograms"},
		{perHead, value.Percent, `is measured in pounds per head, but its target "9" has a % sign`,
			"write it as a plain number, or with £, such as £1,000", "show it with a £ sign, such as £1,000 (format the cell as currency)", "Pounds per head (£)"},
		{rate, value.Pounds, `is measured in per 1,000 people, but its target "9" has a £ sign`,
			"write it as a plain number, such as 12", "show it as a plain number, without % or £ (format the cell as a number)", "Per 1,000 people"},
	}
	for _, tt := range tests {
		if got := tt.unit.Mismatch("target", "9", tt.written); got != tt.mismatch {
			t.Errorf("%s: Mismatch = %q, want %q", tt.unit.ID, got, tt.mismatch)
		}
		if got := tt.unit.Hint(); got != tt.hint {
			t.Errorf("%s: Hint = %q, want %q", tt.unit.ID, got, tt.hint)
		}
		if got := tt.unit.SheetHint(); got != tt.sheet {
			t.Errorf("%s: SheetHint = %q, want %q", tt.unit.ID, got, tt.sheet)
		}
		if got := tt.unit.AxisName(); got != tt.axis {
			t.Errorf("%s: AxisName = %q, want %q", tt.unit.ID, got, tt.axis)
		}
	}
}
