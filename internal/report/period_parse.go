package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// PeriodForms shows the ways of writing a period that ParsePeriod reads,
// for messages.
const PeriodForms = "June 2016, 2016-06, 2016-17 Q2, 2016-17 H1, 2016-17, 2016-17 Q2 YTD or Apr 2014 to Mar 2015"

// The parts of a period, once normalQuarter has lower-cased the text, made
// its dashes hyphens and its spaces single.
var (
	halfPart     = `(?:h|half) ?(\d+)`
	halfWords    = regexp.MustCompile(`^(first|second) half(?: of)? (.*)$`)
	yearOnly     = regexp.MustCompile(`^(?:fy ?)?` + yearPart + `$`)
	oneYear      = regexp.MustCompile(`^(?:fy ?)?(\d{4})$`)
	halfFirst    = regexp.MustCompile(`^` + yearPart + between + halfPart + `$`)
	halfLast     = regexp.MustCompile(`^` + halfPart + between + yearPart + `$`)
	calQuarter   = regexp.MustCompile(`^(\d{4})` + between + quarterPart + `$|^` + quarterPart + between + `(\d{4})$`)
	calHalf      = regexp.MustCompile(`^(\d{4})` + between + halfPart + `$|^` + halfPart + between + `(\d{4})$`)
	isoMonth     = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	namedMonth   = regexp.MustCompile(`^([a-z]+)\.?(?: ?[-/ ] ?('?\d{2}|\d{4}))?$`)
	toDateSuffix = regexp.MustCompile(`^(.*?) ?(?:\(?(?:ytd|year to date)\)?)$`)
	toDatePrefix = regexp.MustCompile(`^(?:ytd|year to date) ?[-:,]? ?(.*)$`)
	spanSplit    = regexp.MustCompile(` (?:to|until|-) `)
)

var monthWords = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

// ParsePeriod reads a period as reports write it, counting quarters, halves
// and years in years of kind y: a month ("June 2016", "Jun 16", "2016-06"),
// a quarter ("2016-17 Q2", "Q2 2016/17", "2016 Q2" in a calendar year), a
// half ("2016-17 H1"), a year ("2016-17", "2016/17", "2016" in a calendar
// year), a year to date ("2016-17 Q2 YTD", "YTD June 2016") or a span of
// months ("Apr 14 to Mar 15", "April to September 2016"). A span that is
// exactly a quarter, half or year of the site's years is read as that.
// Every form Period writes reads back.
func ParsePeriod(text string, y YearKind) (Period, error) {
	s := normalQuarter(text)
	if s == "" {
		return Period{}, periodError(text, "")
	}
	if m := toDateSuffix.FindStringSubmatch(s); m != nil && m[1] != "" {
		return toDate(text, m[1], y)
	}
	if m := toDatePrefix.FindStringSubmatch(s); m != nil && m[1] != "" {
		return toDate(text, m[1], y)
	}
	if m := halfWords.FindStringSubmatch(s); m != nil {
		year, ok, err := single(text, m[2], y)
		if ok && err == nil && year.Kind == YearPeriod {
			n := 1
			if m[1] == "second" {
				n = 2
			}
			return PartOfYear(HalfPeriod, year.FirstYear(), n, y), nil
		}
	}
	if p, ok, err := single(text, s, y); ok || err != nil {
		return p, err
	}
	if parts := spanSplit.Split(s, 2); len(parts) == 2 {
		return span(text, parts[0], parts[1], y)
	}
	return Period{}, periodError(text, "")
}

// single reads s as one month, quarter, half or year; ok is false when s
// has none of those shapes.
func single(text, s string, y YearKind) (p Period, ok bool, err error) {
	twoYears := y != CalendarYear
	if twoYears {
		if m := yearFirst.FindStringSubmatch(s); m != nil {
			return part(text, QuarterPeriod, m[1], m[2], m[3], y)
		}
		if m := quarterLast.FindStringSubmatch(s); m != nil {
			return part(text, QuarterPeriod, m[2], m[3], m[1], y)
		}
		if m := halfFirst.FindStringSubmatch(s); m != nil {
			return part(text, HalfPeriod, m[1], m[2], m[3], y)
		}
		if m := halfLast.FindStringSubmatch(s); m != nil {
			return part(text, HalfPeriod, m[2], m[3], m[1], y)
		}
		if m := yearOnly.FindStringSubmatch(s); m != nil && !isoMonthOnly(s) {
			return part(text, YearPeriod, m[1], m[2], "1", y)
		}
	} else {
		if m := calQuarter.FindStringSubmatch(s); m != nil {
			return part(text, QuarterPeriod, m[1]+m[4], "", m[2]+m[3], y)
		}
		if m := calHalf.FindStringSubmatch(s); m != nil {
			return part(text, HalfPeriod, m[1]+m[4], "", m[2]+m[3], y)
		}
	}
	if m := oneYear.FindStringSubmatch(s); m != nil {
		if twoYears {
			year, _ := strconv.Atoi(m[1])
			return Period{}, true, periodError(text, fmt.Sprintf("the site's years are %s years, which run into the next: write %d-%02d, or Jan %d to Dec %d for the calendar year", y, year, (year+1)%100, year, year))
		}
		return part(text, YearPeriod, m[1], "", "1", y)
	}
	if mon, year, ok := readMonth(s); ok {
		if year == 0 {
			return Period{}, true, periodError(text, "it names the month but not the year")
		}
		if err := checkYear(text, year); err != nil {
			return Period{}, true, err
		}
		return MonthPeriodOf(year, mon, y), true, nil
	}
	return Period{}, false, nil
}

// readMonth reads "june 2016", "jun 16", "jun-16", "2016-06" or "june"
// (year 0).
func readMonth(s string) (mon, year int, ok bool) {
	if m := isoMonth.FindStringSubmatch(s); m != nil && isoMonthOnly(s) {
		year, _ = strconv.Atoi(m[1])
		mon, _ = strconv.Atoi(m[2])
		return mon, year, mon >= 1 && mon <= 12
	}
	m := namedMonth.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, false
	}
	if mon = monthWords[m[1]]; mon == 0 {
		return 0, 0, false
	}
	if digits := strings.TrimPrefix(m[2], "'"); digits != "" {
		year, _ = strconv.Atoi(digits)
		if len(digits) == 2 {
			year = twoDigitYear(year)
		}
	}
	return mon, year, true
}

// isoMonthOnly reports whether s is 2016-06, a month, and not 2016-17, a
// year that runs into the next (2011-12 is read as the year).
func isoMonthOnly(s string) bool {
	m := isoMonth.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	year, _ := strconv.Atoi(m[1])
	mon, _ := strconv.Atoi(m[2])
	return mon >= 1 && mon <= 12 && mon != (year+1)%100
}

// twoDigitYear reads "14" as 2014 and "98" as 1998.
func twoDigitYear(n int) int {
	if n < 70 {
		return 2000 + n
	}
	return 1900 + n
}

func checkYear(text string, year int) error {
	// The year ends before 9999 so that every date in a period has four
	// digits, as ISO 8601 and the Atom feed need.
	if year < 1900 || year > 9998 {
		return periodError(text, fmt.Sprintf("Scorecard reads years from 1900 to 9998, not %d", year))
	}
	return nil
}

// part makes part n of the year y1-y2 (y2 "" for a calendar year).
func part(text string, k PeriodKind, y1, y2, n string, y YearKind) (Period, bool, error) {
	year, _ := strconv.Atoi(y1)
	num, err := strconv.Atoi(n)
	parts := 12 / k.months()
	if err != nil || num < 1 || num > parts {
		what := map[PeriodKind]string{QuarterPeriod: "quarters 1 to 4", HalfPeriod: "halves 1 and 2"}[k]
		return Period{}, true, periodError(text, fmt.Sprintf("a year has %s, not %s", what, n))
	}
	if err := checkYear(text, year); err != nil {
		return Period{}, true, err
	}
	if y2 != "" {
		next, _ := strconv.Atoi(y2)
		if len(y2) == 2 && next != (year+1)%100 || len(y2) == 4 && next != year+1 || len(y2) != 2 && len(y2) != 4 {
			return Period{}, true, periodError(text, fmt.Sprintf("a %s year runs into the next, so %d is followed by %02d, not %s", y, year, (year+1)%100, y2))
		}
	}
	return PartOfYear(k, year, num, y), true, nil
}

// toDate reads the year to date that ends with the period s names.
func toDate(text, s string, y YearKind) (Period, error) {
	end, ok, err := single(text, s, y)
	if err != nil {
		return Period{}, err
	}
	if parts := spanSplit.Split(s, 2); !ok && len(parts) == 2 {
		// "April to September 2016 (year to date)", as Label writes it.
		sp, err := span(text, parts[0], parts[1], y)
		if err != nil {
			return Period{}, err
		}
		if first := sp.FirstYear()*12 + y.StartMonth() - 1; sp.Start != first {
			return Period{}, periodError(text, fmt.Sprintf("a year to date starts with the year, in %s", monthNames[y.StartMonth()-1]))
		}
		end, ok = sp, true
	}
	if !ok {
		return Period{}, periodError(text, "a year to date names the month, quarter or half it runs to, such as 2016-17 Q2 YTD or June 2016 YTD")
	}
	return end.ToDate(), nil
}

// span reads "apr 14 to mar 15" or "april to september 2016".
func span(text, a, b string, y YearKind) (Period, error) {
	m1, y1, ok1 := readMonth(a)
	m2, y2, ok2 := readMonth(b)
	if !ok1 || !ok2 {
		return Period{}, periodError(text, "a span names its first and last months, such as Apr 2014 to Mar 2015")
	}
	if y2 == 0 {
		return Period{}, periodError(text, "it names the months but not the year")
	}
	if y1 == 0 {
		y1 = y2
		if m1 > m2 {
			y1--
		}
	}
	for _, yr := range []int{y1, y2} {
		if err := checkYear(text, yr); err != nil {
			return Period{}, err
		}
	}
	start, end := y1*12+m1-1, y2*12+m2-1
	if end < start {
		return Period{}, periodError(text, "its last month comes before its first")
	}
	p := Period{Kind: SpanPeriod, Start: start, Months: end - start + 1, Year: y}
	for _, k := range []PeriodKind{MonthPeriod, QuarterPeriod, HalfPeriod, YearPeriod} {
		if k.months() == p.Months && (start-(y.StartMonth()-1))%p.Months == 0 {
			p.Kind = k
			break
		}
	}
	return p, nil
}

func periodError(text, why string) error {
	if why != "" {
		why = ": " + why
	}
	return fmt.Errorf("%q is not a period%s; write it such as %s", clipQuarter(text), why, PeriodForms)
}

// ParseEdition reads an edition of kind k in years of kind y, such as "June
// 2016" for a monthly report; a period of another kind is refused, saying
// which kind the site publishes.
func ParseEdition(text string, k PeriodKind, y YearKind) (Period, error) {
	if k == QuarterPeriod && y == FinancialYear {
		return ParseQuarterID(text)
	}
	if m := isoMonth.FindStringSubmatch(normalQuarter(text)); m != nil && k == MonthPeriod {
		// 2011-12 in a monthly report is December 2011, not the year.
		year, _ := strconv.Atoi(m[1])
		mon, _ := strconv.Atoi(m[2])
		if mon >= 1 && mon <= 12 && checkYear(text, year) == nil {
			return MonthPeriodOf(year, mon, y), nil
		}
	}
	p, err := ParsePeriod(text, y)
	if err != nil {
		return Period{}, err
	}
	if p.Kind != k {
		want := Period{Kind: k, Year: y, Months: k.months(), Start: 2016*12 + y.StartMonth() - 1}
		return Period{}, fmt.Errorf("%q is a %s, but the site publishes %s editions; name a %s, such as %s", clipQuarter(text), p.Unit(), want.Adverb(), want.Unit(), want.String())
	}
	return p, nil
}
