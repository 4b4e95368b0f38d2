package load

import (
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"scorecard/internal/report"
)

func TestNestedThemes(t *testing.T) {
	a, err := txtar.ParseFile("testdata/nested.txtar")
	if err != nil {
		t.Fatal(err)
	}
	s, errs := Site(site(t, a))
	if len(errs) > 0 {
		t.Fatalf("nested site: %v", errs)
	}
	var got []string
	for _, th := range s.AllThemes() {
		parent := "-"
		if th.Parent != nil {
			parent = th.Parent.ID
		}
		got = append(got, th.ID+"|"+th.Address+"|"+parent+"|"+string(rune('0'+th.Depth)))
	}
	want := "Place|place|-|1 clean-streets|clean-streets|Place|2 Waste 1|waste-1|clean-streets|3 Safer|safer|Place|2 work|work|-|1"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("themes, depth first:\n got %s\nwant %s", g, want)
	}
	if len(s.Themes) != 2 || len(s.Themes[0].Children) != 2 {
		t.Errorf("top level: %d themes, %d under the first; want 2 and 2", len(s.Themes), len(s.Themes[0].Children))
	}
	// Measures go theme by theme, depth first: each exactly once.
	got = got[:0]
	for i, m := range s.Measures {
		if m.Index != i {
			t.Errorf("measure %s: index %d, want %d", m.ID, m.Index, i)
		}
		got = append(got, m.ID+"|"+m.Address)
	}
	if g, w := strings.Join(got, " "), "BV053|bv053 cs-1|cs-1 LVE 009|lve-009 work-1|work-1"; g != w {
		t.Errorf("measures: got %s, want %s", g, w)
	}
	waste := s.Themes[0].Children[0].Children[0]
	q := s.Quarters[0]
	if n := q.Narrative[waste]; n == nil || len(n.Ties) != 2 || len(n.Ties[0].Measures) != 1 || n.Ties[0].Measures[0].ID != "LVE 009" || len(n.Ties[1].Measures) != 2 {
		t.Errorf("narrative of Waste 1 from waste-1.md: %+v", n)
	}
	if len(q.Notes) != 1 || q.Notes[0].Theme != waste {
		t.Errorf("the note belongs to %v, want Waste 1", q.Notes[0].Theme)
	}
	if rows := q.TreeRows(s.Themes[0]); len(rows) != 3 {
		t.Errorf("Place's roll-up holds %d rows, want 3 (BV053, cs-1 and LVE 009)", len(rows))
	}
	if got := trail(waste); got != "Place > clean-streets > Waste 1" {
		t.Errorf("trail: %s", got)
	}
}

func trail(t *report.Theme) string {
	var ids []string
	for _, x := range t.Trail() {
		ids = append(ids, x.ID)
	}
	return strings.Join(ids, " > ")
}

// TestTieIDs reads a heading's measure attribute into ids that may hold
// spaces.
func TestTieIDs(t *testing.T) {
	known := map[string]bool{"LVE 009": true, "LVE 010": true, "bbh-5": true, "bbh-6": true}
	for _, c := range []struct{ attr, want string }{
		{"bbh-5", "bbh-5"},
		{"bbh-5 bbh-6", "bbh-5|bbh-6"},
		{"LVE 009", "LVE 009"},
		{"LVE 009 LVE 010", "LVE 009|LVE 010"},
		{"LVE 009, bbh-5", "LVE 009|bbh-5"},
		{"bbh-5 nope", "bbh-5|nope"},
		{"  ", ""},
	} {
		got := strings.Join(tieIDs(c.attr, func(id string) bool { return known[id] }), "|")
		if got != c.want {
			t.Errorf("tieIDs(%q) = %q, want %q", c.attr, got, c.want)
		}
	}
}
