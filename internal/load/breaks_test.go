package load

import (
	"testing"

	"golang.org/x/tools/txtar"

	"scorecard/internal/report"
)

// TestBreaksAndForecasts reads a measure's breaks and the rows' year-end
// forecasts, with their places in the files.
func TestBreaksAndForecasts(t *testing.T) {
	a := txtar.Parse([]byte(`-- data/measures.yaml --
themes:
  - id: homes
    title: Homes
  - id: work
    title: Work
measures:
  - id: homes-1
    theme: homes
    title: Homes built
    good: higher
    unit: count
    breaks:
      - from: 2015-16 Q4
        kind: break
        reason: Homes are counted when finished, not when started.
      - {from: Apr 2016, kind: Method, reason: A new survey.}
  - id: homes-2
    theme: homes
    title: Repairs on time
    good: higher
    unit: "%"
  - id: work-1
    theme: work
    title: Time to answer calls
    good: lower
    unit: min:sec
-- data/quarters/2016-17-q2.yaml --
quarter: 2016-17 Q2
measures:
  homes-1: {target: 100, actual: 120, status: HG, forecast: 400}
  homes-2: {target: 90%, actual: 88%, status: A, notes: [1], forecast: {value: 91%, status: G}}
  work-1: {target: "01:30", actual: "02:31", status: HR, forecast: {status: LR}}
notes:
  - theme: homes
    labels: [1]
    text: Data reported a quarter in arrears
`))
	s, errs := Site(site(t, a))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	m := s.Measures[0]
	if len(m.Breaks) != 2 {
		t.Fatalf("homes-1 has %d breaks, want 2", len(m.Breaks))
	}
	for i, want := range []struct {
		from report.Period
		kind report.BreakKind
		line int
	}{{report.QuarterOf(2015, 4), report.SeriesBreak, 13}, {report.MonthPeriodOf(2016, 4, report.FinancialYear), report.MethodChange, 16}} {
		b := m.Breaks[i]
		if b.From != want.from || b.Kind != want.kind || b.Pos.Line != want.line || b.Reason == "" {
			t.Errorf("break %d = %+v; want from %s, kind %s, at line %d", i, b, want.from, want.kind.Key(), want.line)
		}
	}
	if len(s.Measures[1].Breaks) != 0 {
		t.Errorf("homes-2 has breaks: %+v", s.Measures[1].Breaks)
	}
	rows := s.Quarters[0].Rows
	for i, want := range []struct {
		value  string
		status string
	}{{"400", ""}, {"91%", "G"}, {"", "LR"}} {
		f := rows[i].Forecast
		if f == nil {
			t.Errorf("%s: no forecast", rows[i].Measure.ID)
			continue
		}
		code := ""
		if f.Status != nil {
			code = f.Status.Code
		}
		if f.Value.Raw != want.value || code != want.status || f.Pos.Line != 3+i {
			t.Errorf("%s: forecast %q %q at line %d; want %q %q at line %d", rows[i].Measure.ID, f.Value.Raw, code, f.Pos.Line, want.value, want.status, 3+i)
		}
	}
	if rows[1].Forecast.Value.Num != 91 {
		t.Errorf("homes-2's forecast is read as %v, want 91", rows[1].Forecast.Value.Num)
	}
}
