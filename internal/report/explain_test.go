package report

import "testing"

func f(x float64) *float64 { return &x }

func TestExplain(t *testing.T) {
	st := &Status{Code: "X"}
	harrow := Rating{Bands: []Band{{Status: st, AtLeast: f(5)}, {Status: st, AtLeast: f(0)}, {Status: st, MoreThan: f(-5)}, {Status: st, AtLeast: f(-10)}, {Status: st}}}
	threePoint := Rating{Bands: []Band{{Status: st, AtLeast: f(0)}, {Status: st, AtLeast: f(-10)}, {Status: st}}}
	for _, tc := range []struct {
		r    Rating
		i    int
		want string
	}{
		{harrow, 0, "5% or more better than target"},
		{harrow, 1, "on target, or less than 5% better than target"},
		{harrow, 2, "less than 5% worse than target"},
		{harrow, 3, "5% to 10% worse than target, inclusive"},
		{harrow, 4, "more than 10% worse than target"},
		{threePoint, 0, "on target or better"},
		{threePoint, 1, "up to 10% worse than target"},
		{threePoint, 2, "more than 10% worse than target"},
		{Rating{Bands: []Band{{Status: st}}}, 0, "any result"},
	} {
		if got := tc.r.Explain(tc.i); got != tc.want {
			t.Errorf("Explain(%d) = %q, want %q", tc.i, got, tc.want)
		}
	}
}
