package report

import "testing"

// TestNextRelease: the next release is the first in date order of an
// edition after the latest, whatever the releases of earlier editions.
func TestNextRelease(t *testing.T) {
	rel := []Release{
		{Edition: QuarterOf(2016, 2), Date: "2016-12-07"},
		{Edition: QuarterOf(2016, 3), Date: "2017-02-15"},
		{Edition: QuarterOf(2016, 4), Date: "2017-05-17"},
	}
	for _, tc := range []struct {
		latest Period
		want   string // the next release's date, "" for none
	}{
		{QuarterOf(2016, 1), "2016-12-07"},
		{QuarterOf(2016, 2), "2017-02-15"},
		{QuarterOf(2016, 3), "2017-05-17"},
		{QuarterOf(2016, 4), ""},
	} {
		s := &Site{Releases: rel, Quarters: []*Quarter{{ID: tc.latest}}}
		got := ""
		if r := s.NextRelease(); r != nil {
			got = r.Date
		}
		if got != tc.want {
			t.Errorf("latest %s: NextRelease() = %q, want %q", tc.latest.Label(), got, tc.want)
		}
	}
	if r := (&Site{Releases: rel}).NextRelease(); r != nil {
		t.Errorf("a site with no edition: NextRelease() = %+v, want nil", r)
	}
}
