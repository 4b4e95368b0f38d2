package report

import "testing"

func TestAddress(t *testing.T) {
	for _, c := range []struct{ id, want string }{
		{"bbh-5", "bbh-5"},
		{"build-a-better-harrow", "build-a-better-harrow"},
		{"BV053", "bv053"},
		{"LVE 009", "lve-009"},
		{"Place", "place"},
		{"  LVE  009 / (a)  ", "lve-009-a"},
		{"NI_192", "ni-192"},
		{"Café 1", "caf-1"},
		{"--", ""},
		{"", ""},
	} {
		if got := Address(c.id); got != c.want {
			t.Errorf("Address(%q) = %q, want %q", c.id, got, c.want)
		}
	}
}
