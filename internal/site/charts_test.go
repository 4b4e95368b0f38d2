package site

import (
	"testing"

	"scorecard/internal/render"
)

// TestSharedChartDropped: a chart is made once for its planned uses, and
// let go after the last, whether that use had it or was dropped because
// its file was taken from the earlier build; dropped uses alone never
// make it.
func TestSharedChartDropped(t *testing.T) {
	made := 0
	sc := &sharedChart{id: "c", make: func() render.Chart { made++; return render.Chart{ID: "c"} }}
	a, _ := sc.use(), sc.use()
	sc.drop()
	if made != 0 {
		t.Errorf("dropping a use made the chart")
	}
	if got := a(); got.ID != "c" || made != 1 {
		t.Errorf("the use had %q, made %d times; want the chart, made once", got.ID, made)
	}
	if sc.made && sc.chart.ID != "" {
		t.Error("the chart was kept after its last use")
	}
	all := &sharedChart{id: "d", make: func() render.Chart { made++; return render.Chart{ID: "d"} }}
	all.use()
	all.use()
	all.drop()
	all.drop()
	if made != 1 || all.left != 0 {
		t.Errorf("two dropped uses: made %d (want 1, from before), %d uses left (want 0)", made, all.left)
	}
}
