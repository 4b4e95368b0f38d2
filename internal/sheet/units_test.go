package sheet

import (
	"strings"
	"testing"
)

// The import reads cells as the build does: a unit's symbol and the
// site's qualifiers are accepted, and the build reads back what it wrote;
// another unit and an undeclared qualifier are refused at their cells.
func TestImportUnitsAndQualifiers(t *testing.T) {
	fsys := siteFS(t)
	measures := fsys["data/measures.yaml"]
	measures.Data = []byte(strings.Replace(string(measures.Data), "unit: count", "unit: kg", 1))
	s := configured(t, fsys, "\nunits:\n  - {id: kg, label: kilograms, symbol: kg}\n  - {id: weeks, label: weeks, symbol: weeks}\nqualifiers:\n  - {mark: \"*\", means: Provisional}\n")
	if u := s.Measures[0].Unit; u.ID != "kg" {
		t.Fatalf("measure %s is in %s; the test needs it in kg", s.Measures[0].ID, u.ID)
	}
	id := s.Measures[0].ID
	roundTrip(t, fsys, s, "measure,target,actual,status\n"+id+",650 kg,640* (provisional),\n", "a unit's symbol or qualifiers the site declares")

	for _, tt := range []struct{ actual, want string }{
		{"640 weeks", "measured in kilograms"},
		{"640 tbc", "qualifiers:"},
	} {
		_, probs := Import(csvSheet(t, "measure,target,actual,status\n"+id+",650,"+tt.actual+",\n"), s, q2, Config{})
		if probs == nil || !strings.Contains(probs.List.Error(), "scores.csv:2:3:") || !strings.Contains(probs.List.Error(), tt.want) {
			t.Errorf("actual %q: %v, want a problem at C2 saying %q", tt.actual, probs, tt.want)
		}
	}
}
