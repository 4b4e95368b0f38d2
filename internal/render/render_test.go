package render

import (
	"testing"

	"scorecard/internal/report"
)

func TestColumns(t *testing.T) {
	q := func(y, n int) *report.Quarter { return &report.Quarter{ID: report.QuarterOf(y, n)} }
	all := []*report.Quarter{q(2015, 1), q(2015, 2), q(2015, 4), q(2016, 1), q(2016, 2)}
	s := &report.Site{Quarters: all}
	for _, tc := range []struct {
		q    *report.Quarter
		want []string
	}{
		{all[4], []string{"2015-16 Q2", "2016-17 Q1", "2016-17 Q2"}}, // a year ago, last quarter, now
		{all[3], []string{"2015-16 Q1", "2015-16 Q4", "2016-17 Q1"}},
		{all[2], []string{"2015-16 Q4"}}, // Q3 and 2014-15 Q4 are not held
		{all[0], []string{"2015-16 Q1"}},
	} {
		var got []string
		for _, c := range Columns(s, tc.q) {
			got = append(got, c.ID.String())
		}
		if len(got) != len(tc.want) {
			t.Errorf("Columns(%s) = %v, want %v", tc.q.ID, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Columns(%s) = %v, want %v", tc.q.ID, got, tc.want)
				break
			}
		}
	}
}

func TestQuarterID(t *testing.T) {
	id := report.QuarterOf(2016, 2)
	for _, tc := range []struct{ got, want string }{
		{id.String(), "2016-17 Q2"},
		{id.Slug(), "2016-17-q2"},
		{id.Path(), "2016-17/q2"},
		{id.Label(), "Q2 2016/17"},
		{id.Long(), "Quarter 2, 2016/17"},
		{id.Prev().String(), "2016-17 Q1"},
		{id.Prev().Prev().String(), "2015-16 Q4"},
		{id.YearAgo().String(), "2015-16 Q2"},
		{id.Next().Next().Next().String(), "2017-18 Q1"},
		{report.QuarterOf(1999, 4).String(), "1999-00 Q4"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
