package load

import "testing"

// Each status gets a class of its own, even when its code has no letter
// or digit: "status" alone is the class every status tag has, and a rule
// for it would restyle them all (found by FuzzSite).
func TestStatusClasses(t *testing.T) {
	taken := classes{}
	for _, c := range []struct{ code, want string }{
		{"HG", "status-hg"},
		{"No survey this qtr", "status-no-survey-this-qtr"},
		{"No-survey this qtr", "status-no-survey-this-qtr-2"},
		{"?", "status-u3f"},
		{"–", "status-u2013"},
		{"? ", "status-u3f-u20"},
	} {
		if got := taken.unique(c.code); got != c.want {
			t.Errorf("unique(%q) = %q, want %q", c.code, got, c.want)
		}
	}
}
