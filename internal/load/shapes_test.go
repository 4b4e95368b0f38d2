package load

import (
	"testing"
	"testing/fstest"

	"scorecard/internal/report"
)

// TestDefaultShapes: in the default scale every status that is not a
// rating has a shape no other status has, so that charts tell the grey
// statuses apart without colour.
func TestDefaultShapes(t *testing.T) {
	s, errs := Site(site(t, nil))
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	distinctOthers(t, s.Statuses)
}

// TestGivenShapes: a site's statuses that name no shape get one that no
// other status of its scale has, and those that name one keep it.
func TestGivenShapes(t *testing.T) {
	fsys := site(t, nil)
	own := string(fsys["data/site.yaml"].Data) // the base site's, with a scale of its own
	fsys["data/site.yaml"] = &fstest.MapFile{Data: []byte(own + `statuses:
  - {code: G, rating: true, colour: "#00703c", shape: circle}
  - {code: A, rating: true, colour: "#a85000", shape: rect}
  - {code: R, rating: true, colour: "#942514", shape: triangle}
  - {code: HG, rating: false}
  - {code: LG, rating: false}
  - {code: HR, rating: false}
  - {code: LR, rating: false, shape: pin}
  - {code: None, rating: false}
rating:
  bands:
    - {status: G, at_least: 0}
    - {status: A, at_least: -10}
    - {status: R}
`)}
	s, errs := Site(fsys)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	want := map[string]string{"G": "circle", "A": "rect", "R": "triangle", "LR": "pin"}
	for _, st := range s.Statuses {
		if w, ok := want[st.Code]; ok && st.Shape != w {
			t.Errorf("status %s has shape %q; want its own %q", st.Code, st.Shape, w)
		}
		if st.Shape == "" {
			t.Errorf("status %s has no shape", st.Code)
		}
	}
	distinctOthers(t, s.Statuses)
}

// distinctOthers fails unless each status that is not a rating has a
// shape that no other status of the scale has.
func distinctOthers(t *testing.T, scale []*report.Status) {
	t.Helper()
	n := map[string]int{}
	for _, st := range scale {
		n[st.Shape]++
	}
	for _, st := range scale {
		if !st.Rating && n[st.Shape] != 1 {
			t.Errorf("status %q shares its shape %q with another status", st.Code, st.Shape)
		}
	}
}
