package report

import "testing"

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

// A measure made by hand with an id of no unit still has one to describe.
func TestUnitOf(t *testing.T) {
	if u := (&Measure{Unit: "%"}).UnitOf(); u != BuiltinUnit("%") {
		t.Errorf("UnitOf(%%) = %+v, want the built-in", u)
	}
	if u := (&Measure{Unit: "furlongs"}).UnitOf(); u.Describe() != "Furlongs" {
		t.Errorf("UnitOf(furlongs) = %+v", u)
	}
	s := &Site{}
	if s.Unit("£") != BuiltinUnit("£") || s.Unit("kg") != nil {
		t.Errorf("a site with no units has the built-in ones only")
	}
}
