package report

import (
	"strings"
	"testing"
)

func TestParsePeriod(t *testing.T) {
	fy, cal, ac := FinancialYear, CalendarYear, AcademicYear
	month := func(y, m int, k YearKind) Period { return MonthPeriodOf(y, m, k) }
	span := func(y1, m1, y2, m2 int, k YearKind) Period {
		return Period{Kind: SpanPeriod, Start: y1*12 + m1 - 1, Months: (y2*12 + m2) - (y1*12 + m1) + 1, Year: k}
	}
	toDate := func(y, m, months int, k YearKind) Period {
		return Period{Kind: ToDatePeriod, Start: y*12 + m - 1, Months: months, Year: k}
	}
	for _, tc := range []struct {
		in    string
		years YearKind
		want  Period
		label string
	}{
		// months, in every year
		{"June 2016", fy, month(2016, 6, fy), "June 2016"},
		{"Jun 16", fy, month(2016, 6, fy), "June 2016"},
		{"jun-16", cal, month(2016, 6, cal), "June 2016"},
		{"Sept 2016", ac, month(2016, 9, ac), "September 2016"},
		{"2016-06", fy, month(2016, 6, fy), "June 2016"},
		{"Jan '98", fy, month(1998, 1, fy), "January 1998"},
		// quarters
		{"2016-17 Q2", fy, QuarterOf(2016, 2), "Q2 2016/17"},
		{"Q4 2016/17", fy, QuarterOf(2016, 4), "Q4 2016/17"},
		{"2016 Q2", cal, PartOfYear(QuarterPeriod, 2016, 2, cal), "Q2 2016"},
		{"Q1 2016", cal, PartOfYear(QuarterPeriod, 2016, 1, cal), "Q1 2016"},
		{"2016/17 Q1", ac, PartOfYear(QuarterPeriod, 2016, 1, ac), "Q1 2016/17"},
		// halves
		{"2016-17 H1", fy, PartOfYear(HalfPeriod, 2016, 1, fy), "H1 2016/17"},
		{"H2 2016/17", fy, PartOfYear(HalfPeriod, 2016, 2, fy), "H2 2016/17"},
		{"2016 H2", cal, PartOfYear(HalfPeriod, 2016, 2, cal), "H2 2016"},
		// years
		{"2016-17", fy, PartOfYear(YearPeriod, 2016, 1, fy), "2016/17"},
		{"2016/2017", ac, PartOfYear(YearPeriod, 2016, 1, ac), "2016/17"},
		{"FY 2016/17", fy, PartOfYear(YearPeriod, 2016, 1, fy), "2016/17"},
		{"2016", cal, PartOfYear(YearPeriod, 2016, 1, cal), "2016"},
		// years to date
		{"2016-17 Q2 YTD", fy, toDate(2016, 4, 6, fy), "April to September 2016 (year to date)"},
		{"YTD June 2016", fy, toDate(2016, 4, 3, fy), "April to June 2016 (year to date)"},
		{"Nov 2016 (year to date)", fy, toDate(2016, 4, 8, fy), "April to November 2016 (year to date)"},
		{"2017-02 YTD", fy, toDate(2016, 4, 11, fy), "April 2016 to February 2017 (year to date)"},
		{"2016 Q3 YTD", cal, toDate(2016, 1, 9, cal), "January to September 2016 (year to date)"},
		// spans, and spans that are a part of the site's year
		{"Oct 13 to Sept 14", fy, span(2013, 10, 2014, 9, fy), "October 2013 to September 2014"},
		{"Jan 14 to Dec 15", fy, span(2014, 1, 2015, 12, fy), "January 2014 to December 2015"},
		{"Apr 14 to Mar 15", fy, PartOfYear(YearPeriod, 2014, 1, fy), "2014/15"},
		{"Apr 14 to Mar 15", cal, span(2014, 4, 2015, 3, cal), "April 2014 to March 2015"},
		{"April to June 2016", fy, QuarterOf(2016, 1), "Q1 2016/17"},
		{"November to February 2017", fy, span(2016, 11, 2017, 2, fy), "November 2016 to February 2017"},
		{"2014-04 until 2014-05", fy, span(2014, 4, 2014, 5, fy), "April to May 2014"},
	} {
		got, err := ParsePeriod(tc.in, tc.years)
		if err != nil || got != tc.want {
			t.Errorf("ParsePeriod(%q, %s) = %+v, %v; want %+v", tc.in, tc.years, got, err, tc.want)
			continue
		}
		if got.Label() != tc.label {
			t.Errorf("ParsePeriod(%q).Label() = %q; want %q", tc.in, got.Label(), tc.label)
		}
		// Every form a period writes reads back.
		for _, form := range []string{got.String(), got.Label(), got.Long()} {
			if back, err := ParsePeriod(form, tc.years); err != nil || back != got {
				t.Errorf("ParsePeriod(%q) (a form of %q) = %+v, %v; want %+v", form, tc.in, back, err, got)
			}
		}
	}
}

func TestParsePeriodErrors(t *testing.T) {
	for _, tc := range []struct {
		in    string
		years YearKind
		why   string
	}{
		{"", FinancialYear, `"" is not a period; write it such as June 2016`},
		{"soon", FinancialYear, `"soon" is not a period`},
		{"June", FinancialYear, "it names the month but not the year"},
		{"2016", FinancialYear, "the site's years are financial years, which run into the next: write 2016-17, or Jan 2016 to Dec 2016"},
		{"2016-18", FinancialYear, "a financial year runs into the next, so 2016 is followed by 17, not 18"},
		{"2016-17 Q5", FinancialYear, "a year has quarters 1 to 4, not 5"},
		{"2016-17 H3", FinancialYear, "a year has halves 1 and 2, not 3"},
		{"2016-13", FinancialYear, "is followed by 17, not 13"},
		{"Mar 15 to Apr 14", FinancialYear, "its last month comes before its first"},
		{"Apr 14 to soon", FinancialYear, "a span names its first and last months"},
		{"June 1850", FinancialYear, "Scorecard reads years from 1900 to 9998, not 1850"},
		{"YTD", FinancialYear, "is not a period"},
	} {
		_, err := ParsePeriod(tc.in, tc.years)
		if err == nil || !strings.Contains(err.Error(), tc.why) {
			t.Errorf("ParsePeriod(%q) error = %v; want one saying %q", tc.in, err, tc.why)
		}
	}
}

func TestPeriodSteps(t *testing.T) {
	q2 := QuarterOf(2016, 2)
	jun := MonthPeriodOf(2016, 6, FinancialYear)
	year := PartOfYear(YearPeriod, 2016, 1, FinancialYear)
	for _, tc := range []struct{ got, want string }{
		{q2.Prev().String(), "2016-17 Q1"},
		{q2.Prev().Prev().String(), "2015-16 Q4"},
		{q2.YearAgo().String(), "2015-16 Q2"},
		{q2.Next().Next().Next().String(), "2017-18 Q1"},
		{jun.Prev().Label(), "May 2016"},
		{MonthPeriodOf(2016, 1, FinancialYear).Prev().Label(), "December 2015"},
		{jun.YearAgo().Label(), "June 2015"},
		{year.Prev().Label(), "2015/16"},
		{q2.Path(), "2016-17/q2"},
		{jun.Path(), "2016/06"},
		{jun.Slug(), "2016-06"},
		{year.Path(), "2016-17"},
		{PartOfYear(YearPeriod, 2016, 1, CalendarYear).Slug(), "2016"},
		{PartOfYear(HalfPeriod, 2016, 2, FinancialYear).Long(), "Second half of 2016/17"},
		{q2.Middle().Format("2006-01-02"), "2016-08-16"},
		{year.Middle().Format("2006-01-02"), "2016-09-30"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if q2.Prev().IsZero() || !(Period{Kind: ToDatePeriod, Start: q2.Start - 3, Months: 6}).Prev().IsZero() {
		t.Error("a quarter has a previous quarter; a year to date has no previous period")
	}
	if !QuarterOf(2016, 4).EndsYear() || q2.EndsYear() || !year.EndsYear() || jun.EndsYear() || !MonthPeriodOf(2017, 3, FinancialYear).EndsYear() {
		t.Error("EndsYear: Q4, the year and March end a financial year; Q2 and June do not")
	}
}

func TestComparable(t *testing.T) {
	p := func(s string) Period {
		t.Helper()
		got, err := ParsePeriod(s, FinancialYear)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	for _, tc := range []struct {
		a, b string
		why  string // "" when comparable
	}{
		{"2016-17 Q1", "2016-17 Q2", ""},
		{"2015-16 Q2", "2016-17 Q2", ""},
		{"May 2016", "June 2016", ""},
		{"2015-16", "2016-17", ""},
		{"Jul 13 to Jun 14", "Oct 13 to Sept 14", ""}, // rolling years
		{"2015-16 Q2 YTD", "2016-17 Q2 YTD", ""},
		{"2016-17 Q1", "2016-17 Q1", "the same period"},
		{"2015-16", "2016-17 Q1", "the periods are of different lengths (a year, then 3 months)"},
		{"June 2016", "2016-17 Q2", "the periods are of different lengths (a month, then 3 months)"},
		{"Jan 14 to Dec 15", "2016-17", "the periods are of different lengths (2 years, then a year)"},
		{"2016-17 Q1 YTD", "2016-17 Q2 YTD", "year-to-date figures for different parts of the year (3 months, then 6 months)"},
		{"2016-17 Q1", "2016-17 Q2 YTD", "a year-to-date figure cannot be compared with a figure for a single period"},
		{"2016-17 Q2 YTD", "2016-17 Q2", "a year-to-date figure cannot be compared"},
	} {
		ok, why := Comparable(p(tc.a), p(tc.b))
		if ok != (tc.why == "") || why != tc.why && !strings.HasPrefix(why, tc.why) {
			t.Errorf("Comparable(%s, %s) = %v, %q; want %q", tc.a, tc.b, ok, why, tc.why)
		}
	}
	if ok, why := Comparable(Period{}, QuarterOf(2016, 1)); ok || !strings.Contains(why, "can place") {
		t.Errorf("Comparable(no period, Q1) = %v, %q", ok, why)
	}
}

func TestParseEdition(t *testing.T) {
	if got, err := ParseEdition("June 2016", MonthPeriod, FinancialYear); err != nil || got != MonthPeriodOf(2016, 6, FinancialYear) {
		t.Errorf("ParseEdition(June 2016, monthly) = %v, %v", got, err)
	}
	_, err := ParseEdition("2016-17 Q2", MonthPeriod, FinancialYear)
	if err == nil || !strings.Contains(err.Error(), "is a quarter, but the site publishes monthly editions; name a month, such as April 2016") {
		t.Errorf("ParseEdition(a quarter, monthly) error = %v", err)
	}
}

func TestPlotAt(t *testing.T) {
	ytd, err := ParsePeriod("2016-17 Q2 YTD", FinancialYear)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		p    Period
		want string
	}{
		{QuarterOf(2016, 2), "2016-08-16"},
		{MonthPeriodOf(2016, 6, FinancialYear), "2016-06-16"},
		{ytd, "2016-09-16"}, // April to September: where the year stands in September
	} {
		if got := tc.p.PlotAt().Format("2006-01-02"); got != tc.want {
			t.Errorf("%s plotted at %s; want %s", tc.p, got, tc.want)
		}
	}
}
