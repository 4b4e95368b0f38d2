package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

const unitsSite = `units:
  - id: weeks
    label: weeks
    symbol: weeks
    position: after
    decimals: 1
    kind: duration
  - id: per-1000-65
    label: per 1,000 population aged 65+
    kind: rate
    per: 1000
  - id: kg
    label: kilograms
    symbol: kg
    position: after
    decimals: 0
  - id: £ per head
    label: pounds per head
    symbol: £
    position: before
    decimals: 2
    kind: currency
  - id: points
    label: percentage points
    symbol: pp
    kind: percentage
  - id: count
    label: households
    decimals: 0
qualifiers:
  - mark: "*"
    means: Provisional figure, to be confirmed at year end
  - word: Q3 time lag
    means: The latest figure available is for Q3
`

// TestUnitKinds loads a site with a unit of each kind, and a built-in
// replaced, and reads figures with and without each unit's symbol, with
// qualifiers.
func TestUnitKinds(t *testing.T) {
	tests := []struct {
		unit, target, actual string
		kind                 report.UnitKind
		cellUnit             value.Unit
		num                  float64
		quals                []string
	}{
		{"weeks", "12.5 weeks", "13", report.DurationUnit, value.None, 13, nil},
		{"weeks", "12", "12.5 weeks (provisional)", report.DurationUnit, value.None, 12.5, []string{"provisional"}},
		{"per-1000-65", "600", "512 (Q3 time lag)", report.RateUnit, value.None, 512, []string{"Q3 time lag"}},
		{"kg", "<700 kg", "640 kg*", report.NumberUnit, value.None, 640, []string{"*"}},
		{"£ per head", "£1,000", "1,112.44", report.CurrencyUnit, value.Pounds, 1112.44, nil},
		{"£ per head", "1,000", "£1,112.44*", report.CurrencyUnit, value.Pounds, 1112.44, []string{"*"}},
		{"points", "2 pp", "1.5 estimated", report.PercentageUnit, value.None, 1.5, []string{"estimated"}},
		{"count", "100", "120 REVISED", report.NumberUnit, value.None, 120, []string{"revised"}},
		{"%", "90%", "94% in arrears", report.PercentageUnit, value.Percent, 94, []string{"in arrears"}},
		{"min:sec", "01:30", "01:20*", report.DurationUnit, value.MinSec, 80, []string{"*"}},
		{"£", "£5", "£4 (estimated)", report.CurrencyUnit, value.Pounds, 4, []string{"estimated"}},
	}
	for _, tt := range tests {
		t.Run(tt.unit+" "+tt.actual, func(t *testing.T) {
			fsys := site(t, nil)
			fsys["data/site.yaml"] = &fstest.MapFile{Data: append(append([]byte{}, fsys["data/site.yaml"].Data...), unitsSite...)}
			fsys["data/measures.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["data/measures.yaml"].Data), "unit: count", "unit: \""+tt.unit+"\"", 1))}
			fsys["data/quarters/2016-17-q2.yaml"] = &fstest.MapFile{Data: []byte("quarter: 2016-17 Q2\nmeasures:\n  homes-1: {target: \"" + tt.target + "\", actual: \"" + tt.actual + "\", status: HG}\n")}
			s, errs := Site(fsys)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			m := s.Measures[0]
			if u := m.Unit; u.ID != tt.unit || u.Kind != tt.kind || u != s.Unit(tt.unit) {
				t.Errorf("unit = %+v; want %s of kind %s, the site's", u, tt.unit, tt.kind)
			}
			r := s.Quarters[0].Rows[0]
			if r.Actual.Raw != tt.actual || r.Actual.Num != tt.num || r.Actual.Unit != tt.cellUnit || r.Target.Unit != tt.cellUnit {
				t.Errorf("target %+v, actual %+v; want actual %v in %v, both in %v", r.Target, r.Actual, tt.num, tt.cellUnit, tt.cellUnit)
			}
			var got []string
			for _, q := range r.Actual.Qualifiers() {
				got = append(got, q.Label())
			}
			if strings.Join(got, "|") != strings.Join(tt.quals, "|") {
				t.Errorf("qualifiers = %q; want %q", got, tt.quals)
			}
		})
	}
}

// TestSiteUnits: the built-in eight come first, a site's unit of the same
// id takes the built-in's place, and the others follow in order.
func TestSiteUnits(t *testing.T) {
	fsys := site(t, nil)
	fsys["data/site.yaml"] = &fstest.MapFile{Data: append(append([]byte{}, fsys["data/site.yaml"].Data...), unitsSite...)}
	s, errs := Site(fsys)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	var ids []string
	for _, u := range s.Units {
		ids = append(ids, u.ID)
	}
	if want := "% count days years min:sec ratio rate £ weeks per-1000-65 kg £ per head points"; strings.Join(ids, " ") != want {
		t.Errorf("units = %q; want %q", strings.Join(ids, " "), want)
	}
	if c := s.Unit("count"); c.Builtin || c.Label != "households" {
		t.Errorf("count = %+v; want the site's", c)
	}
	if len(s.Qualifiers) != len(value.DefaultQualifiers)+2 {
		t.Errorf("qualifiers = %v; want the defaults and the site's two", s.Qualifiers)
	}
}
