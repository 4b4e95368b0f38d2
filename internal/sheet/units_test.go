package sheet

import (
	"strings"
	"testing"
	"testing/fstest"

	"scorecard/internal/load"
)

// The import reads cells as the build does: a unit's symbol and the
// site's qualifiers are accepted, and the build reads back what it wrote;
// another unit and an undeclared qualifier are refused at their cells.
func TestImportUnitsAndQualifiers(t *testing.T) {
	fsys := siteFS(t)
	site := fsys["data/site.yaml"]
	site.Data = append(append([]byte(nil), site.Data...), "\nunits:\n  - {id: kg, label: kilograms, symbol: kg}\n  - {id: weeks, label: weeks, symbol: weeks}\nqualifiers:\n  - {mark: \"*\", means: Provisional}\n"...)
	measures := fsys["data/measures.yaml"]
	measures.Data = []byte(strings.Replace(string(measures.Data), "unit: count", "unit: kg", 1))
	s, findings := load.Site(fsys)
	if err := findings.Err(); err != nil {
		t.Fatal(err)
	}
	if u := s.Measures[0].UnitOf(); u.ID != "kg" {
		t.Fatalf("measure %s is in %s; the test needs it in kg", s.Measures[0].ID, u.ID)
	}
	id := s.Measures[0].ID
	q, probs := Import(csvSheet(t, "measure,target,actual,status\n"+id+",650 kg,640* (provisional),\n"), s, q2, Config{})
	if probs != nil {
		t.Fatalf("the import refused a unit's symbol or qualifiers the site declares: %v", probs.List)
	}
	written := q.YAML("scores.csv")
	fsys["data/quarters/2016-17-q2.yaml"] = &fstest.MapFile{Data: written}
	if _, findings := load.Site(fsys); findings.HasErrors() {
		t.Errorf("the build refuses what the import wrote:\n%v\n%s", findings.Err(), written)
	}

	for _, tt := range []struct{ actual, want string }{
		{"640 weeks", "measured in kilograms"},
		{"640 tbc", "qualifiers:"},
	} {
		_, probs = Import(csvSheet(t, "measure,target,actual,status\n"+id+",650,"+tt.actual+",\n"), s, q2, Config{})
		if probs == nil || !strings.Contains(probs.List.Error(), "scores.csv:2:3:") || !strings.Contains(probs.List.Error(), tt.want) {
			t.Errorf("actual %q: %v, want a problem at C2 saying %q", tt.actual, probs, tt.want)
		}
	}
}
