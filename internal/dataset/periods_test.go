package dataset

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// TestPeriodColumns: every row an edition publishes is open data, the
// further periods too, each with the first and last days of the period its
// figures describe; a period Scorecard cannot read leaves them blank.
func TestPeriodColumns(t *testing.T) {
	th := &report.Theme{ID: "t", Address: "t", Title: "T"}
	m := &report.Measure{ID: "calls", Address: "calls", Title: "Calls", Theme: th, Good: report.Higher, Unit: report.BuiltinUnit("%")}
	th.Measures = []*report.Measure{m}
	actual := func(s string) value.Value {
		v, err := value.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	june := report.MonthPeriodOf(2016, 6, report.FinancialYear)
	q := &report.Quarter{ID: june,
		Rows: []*report.Row{{Measure: m, When: june, Actual: actual("91%")}},
		More: []*report.Row{
			{Measure: m, Period: "May 2016", When: report.MonthPeriodOf(2016, 5, report.FinancialYear), Actual: actual("88%")},
			{Measure: m, Period: "some time", Actual: actual("80%")},
		}}
	q.IndexRows()
	s := &report.Site{Title: "Site", Organisation: "Council", Themes: []*report.Theme{th}, Measures: []*report.Measure{m}, Quarters: []*report.Quarter{q}, Editions: report.MonthPeriod}

	recs, err := csv.NewReader(bytes.NewReader(CSV(s))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int {
		i := slices.Index(recs[0], name)
		if i < 0 {
			t.Fatalf("no column %s in %q", name, recs[0])
		}
		return i
	}
	start, end, act, period := col("period_start"), col("period_end"), col("actual"), col("period")
	var got []string
	for _, r := range recs[1:] {
		got = append(got, r[period]+"|"+r[act]+"|"+r[start]+"|"+r[end])
	}
	// The unreadable period sorts first (no period), then May, then June.
	want := "some time|80%||,May 2016|88%|2016-05-01|2016-05-31,|91%|2016-06-01|2016-06-30"
	if strings.Join(got, ",") != want {
		t.Errorf("rows = %s\nwant   %s", strings.Join(got, ","), want)
	}
}
