package render

import (
	"html/template"
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

func TestRelocate(t *testing.T) {
	in := template.HTML(`<p>Phoenix<sup id="fnref:1"><a href="#fn:1">1</a></sup> and <a href="https://example.org/#x">elsewhere</a></p>`)
	want := template.HTML(`<p>Phoenix<sup id="home-t-fnref:1"><a href="2016-17/q2/t/index.html#fn:1">1</a></sup> and <a href="https://example.org/#x">elsewhere</a></p>`)
	if got := relocate(in, "2016-17/q2/t/index.html", "home-t-"); got != want {
		t.Errorf("relocate = %s\nwant %s", got, want)
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

func TestFromRoot(t *testing.T) {
	in := template.HTML(`<a href="measures/bbh-5/">a</a> <a href="2016-17/q1/build-a-better-harrow/index.html#summary">b</a> <a href="#fn:1">c</a> <a href="https://example.org/x">d</a> <a href="mailto:a@b.c">e</a> <img src="x.png" alt="x">`)
	want := template.HTML(`<a href="../../measures/bbh-5/index.html">a</a> <a href="../../2016-17/q1/build-a-better-harrow/index.html#summary">b</a> <a href="#fn:1">c</a> <a href="https://example.org/x">d</a> <a href="mailto:a@b.c">e</a> <img src="../../x.png" alt="x">`)
	if got := fromRoot(in, "../../"); got != want {
		t.Errorf("fromRoot =\n%s\nwant\n%s", got, want)
	}
}
