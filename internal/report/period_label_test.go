package report

import (
	"fmt"
	"testing"
)

// Label and String are written without fmt for speed; they write what
// fmt wrote, for every kind of period and year over centuries, negative
// years included.
func TestLabelAsFmt(t *testing.T) {
	yearName := func(p Period, y int, sep string) string {
		if p.Year == CalendarYear {
			return fmt.Sprint(y)
		}
		return fmt.Sprintf("%d%s%02d", y, sep, (y+1)%100)
	}
	monthYear := func(m int) string { y, _ := month(m); return fmt.Sprintf("%s %d", monthName(m), y) }
	for _, yk := range []YearKind{FinancialYear, CalendarYear, AcademicYear} {
		for start := -30 * 12; start < 2200*12; start += 7 {
			for _, k := range []PeriodKind{MonthPeriod, QuarterPeriod, HalfPeriod, YearPeriod} {
				p := Period{Kind: k, Start: start, Months: k.months(), Year: yk}
				var want string
				y := yearName(p, p.FirstYear(), "/")
				switch k {
				case MonthPeriod:
					want = monthYear(p.Start)
				case QuarterPeriod:
					want = fmt.Sprintf("Q%d %s", p.N(), y)
				case HalfPeriod:
					want = fmt.Sprintf("H%d %s", p.N(), y)
				case YearPeriod:
					want = y
				}
				if got := p.Label(); got != want {
					t.Fatalf("%#v.Label() = %q; want %q", p, got, want)
				}
			}
		}
	}
}
