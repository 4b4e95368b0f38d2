package report

import (
	"fmt"
	"strconv"
	"time"
)

// YearKind says when a site's year starts: its quarters, halves and years
// are counted from that month.
type YearKind uint8

const (
	FinancialYear YearKind = iota // April to March: 2016/17
	CalendarYear                  // January to December: 2016
	AcademicYear                  // September to August: 2016/17
)

// StartMonth is the month the year starts, 1 to 12.
func (y YearKind) StartMonth() int {
	switch y {
	case CalendarYear:
		return 1
	case AcademicYear:
		return 9
	}
	return 4
}

// String gives the word site.yaml uses: "financial", "calendar", "academic".
func (y YearKind) String() string {
	switch y {
	case CalendarYear:
		return "calendar"
	case AcademicYear:
		return "academic"
	}
	return "financial"
}

// PeriodKind says what kind of stretch of time a period is.
type PeriodKind uint8

const (
	NoPeriod      PeriodKind = iota // the zero Period: not a period
	MonthPeriod                     // a calendar month
	QuarterPeriod                   // a quarter of the site's year
	HalfPeriod                      // a half of the site's year
	YearPeriod                      // the site's year
	ToDatePeriod                    // from the start of the site's year to the end of a month: year to date
	SpanPeriod                      // any run of whole months, such as a rolling year
)

// Period is a stretch of whole months: an edition of a report (a month, a
// quarter, a half or a year) or the period a figure describes. The zero
// Period is no period. Periods are values: two equal periods are ==.
type Period struct {
	Kind   PeriodKind
	Start  int      // the first month, counted from January of year 0: year*12 + month - 1
	Months int      // how many months it covers, at least 1
	Year   YearKind // whose quarters, halves and years it is counted in
}

// MonthPeriodOf returns the calendar month month of year, counted in the
// years of kind y.
func MonthPeriodOf(year, month int, y YearKind) Period {
	return Period{Kind: MonthPeriod, Start: year*12 + month - 1, Months: 1, Year: y}
}

// PartOfYear returns part n (from 1) of the year that starts in year
// `year`, in parts of kind k (quarters, halves or the whole year).
func PartOfYear(k PeriodKind, year, n int, y YearKind) Period {
	months := k.months()
	return Period{Kind: k, Start: year*12 + y.StartMonth() - 1 + (n-1)*months, Months: months, Year: y}
}

// QuarterOf returns quarter q of the financial year that starts in April
// of year: QuarterOf(2016, 2) is Q2 2016/17.
func QuarterOf(year, q int) Period { return PartOfYear(QuarterPeriod, year, q, FinancialYear) }

func (k PeriodKind) months() int {
	switch k {
	case MonthPeriod:
		return 1
	case QuarterPeriod:
		return 3
	case HalfPeriod:
		return 6
	case YearPeriod:
		return 12
	}
	return 0
}

// IsZero reports whether p is no period.
func (p Period) IsZero() bool { return p.Kind == NoPeriod }

// End is the last month p covers, counted as Start is.
func (p Period) End() int { return p.Start + p.Months - 1 }

// yearOf is the year (by its first calendar year) that month m falls in.
func (p Period) yearOf(m int) int { return floorDiv(m-(p.Year.StartMonth()-1), 12) }

// FirstYear is the calendar year in which the site's year holding p's
// first month begins: 2016 for anything in 2016/17.
func (p Period) FirstYear() int { return p.yearOf(p.Start) }

// N is p's number in its year: 2 for Q2 or H2; 0 for other kinds.
func (p Period) N() int {
	if m := p.Kind.months(); m > 1 && m < 12 {
		return (p.Start-(p.FirstYear()*12+p.Year.StartMonth()-1))/m + 1
	}
	return 0
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// month returns the calendar year and month (1 to 12) of month m.
func month(m int) (year, mon int) { return floorDiv(m, 12), m - floorDiv(m, 12)*12 + 1 }

// yearName writes the site's year that begins in calendar year y:
// "2016-17" (sep "-") or "2016/17" (sep "/") for a year that runs into the
// next, "2016" for a calendar year.
func (p Period) yearName(y int, sep string) string {
	if p.Year == CalendarYear {
		return strconv.Itoa(y)
	}
	next := (y + 1) % 100
	if next >= 0 && next < 10 {
		return strconv.Itoa(y) + sep + "0" + strconv.Itoa(next)
	}
	return strconv.Itoa(y) + sep + strconv.Itoa(next)
}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func monthName(m int) string { _, mon := month(m); return monthNames[mon-1] }

func monthYear(m int) string { y, _ := month(m); return monthName(m) + " " + strconv.Itoa(y) }

// String gives the form data files use: "2016-17 Q2", "2016 Q2" in a
// calendar year, "June 2016", "2016-17 H1", "2016-17", "2016", "September
// 2016 YTD", "Apr 2014 to Mar 2015". ParsePeriod reads it back.
func (p Period) String() string {
	y := p.yearName(p.FirstYear(), "-")
	switch p.Kind {
	case MonthPeriod:
		// Not 2016-06, which in a financial year could also be a year
		// (2011-12): months are written in words.
		return monthYear(p.Start)
	case QuarterPeriod:
		return fmt.Sprintf("%s Q%d", y, p.N())
	case HalfPeriod:
		return fmt.Sprintf("%s H%d", y, p.N())
	case YearPeriod:
		return y
	case ToDatePeriod:
		return monthYear(p.End()) + " YTD"
	case SpanPeriod:
		short := func(m int) string { y, _ := month(m); return fmt.Sprintf("%.3s %d", monthName(m), y) }
		return short(p.Start) + " to " + short(p.End())
	}
	return ""
}

// Slug gives the form used in file names: "2016-17-q2", "2016-06",
// "2016-17-h1", "2016-17".
func (p Period) Slug() string {
	switch p.Kind {
	case QuarterPeriod:
		return fmt.Sprintf("%s-q%d", p.yearName(p.FirstYear(), "-"), p.N())
	case HalfPeriod:
		return fmt.Sprintf("%s-h%d", p.yearName(p.FirstYear(), "-"), p.N())
	case MonthPeriod:
		yr, mon := month(p.Start)
		return fmt.Sprintf("%d-%02d", yr, mon)
	case ToDatePeriod:
		yr, mon := month(p.End())
		return fmt.Sprintf("%d-%02d-ytd", yr, mon)
	case SpanPeriod:
		y1, m1 := month(p.Start)
		y2, m2 := month(p.End())
		return fmt.Sprintf("%d-%02d-to-%d-%02d", y1, m1, y2, m2)
	}
	return p.String()
}

// Path gives the edition's folder on the site: "2016-17/q2", "2016-17/h1",
// "2016/06" for a month, "2016-17" for a year.
func (p Period) Path() string {
	switch p.Kind {
	case QuarterPeriod:
		return fmt.Sprintf("%s/q%d", p.yearName(p.FirstYear(), "-"), p.N())
	case HalfPeriod:
		return fmt.Sprintf("%s/h%d", p.yearName(p.FirstYear(), "-"), p.N())
	case MonthPeriod:
		yr, mon := month(p.Start)
		return fmt.Sprintf("%d/%02d", yr, mon)
	}
	return p.Slug()
}

// Label gives the short form residents read: "Q2 2016/17", "June 2016",
// "H1 2016/17", "2016/17", "April to September 2016 (year to date)",
// "April 2014 to March 2015".
func (p Period) Label() string {
	// Written without fmt: a big site's pages ask for labels millions of
	// times.
	switch p.Kind {
	case MonthPeriod:
		return monthYear(p.Start)
	case QuarterPeriod:
		return "Q" + strconv.Itoa(p.N()) + " " + p.yearName(p.FirstYear(), "/")
	case HalfPeriod:
		return "H" + strconv.Itoa(p.N()) + " " + p.yearName(p.FirstYear(), "/")
	case YearPeriod:
		return p.yearName(p.FirstYear(), "/")
	case ToDatePeriod:
		return p.monthsText() + " (year to date)"
	case SpanPeriod:
		return p.monthsText()
	}
	return ""
}

// monthsText names p's first and last months: "April to September 2016",
// "October 2013 to September 2014", "June 2016".
func (p Period) monthsText() string {
	if p.Months == 1 {
		return monthYear(p.Start)
	}
	y1, _ := month(p.Start)
	y2, _ := month(p.End())
	if y1 == y2 {
		return monthName(p.Start) + " to " + monthYear(p.End())
	}
	return monthYear(p.Start) + " to " + monthYear(p.End())
}

// Long gives the period in full: "Quarter 2, 2016/17", "June 2016", "First
// half of 2016/17", "2016/17".
func (p Period) Long() string {
	y := p.yearName(p.FirstYear(), "/")
	switch p.Kind {
	case QuarterPeriod:
		return fmt.Sprintf("Quarter %d, %s", p.N(), y)
	case HalfPeriod:
		if p.N() == 1 {
			return "First half of " + y
		}
		return "Second half of " + y
	}
	return p.Label()
}

// Unit names p's kind as a stretch of time, for wording: "quarter",
// "month", "half-year", "year", "year to date", "period".
func (p Period) Unit() string {
	switch p.Kind {
	case MonthPeriod:
		return "month"
	case QuarterPeriod:
		return "quarter"
	case HalfPeriod:
		return "half-year"
	case YearPeriod:
		return "year"
	case ToDatePeriod:
		return "year to date"
	}
	return "period"
}

// Adverb says how often editions of p's kind come: "quarterly",
// "monthly", "half-yearly", "annually".
func (p Period) Adverb() string {
	switch p.Kind {
	case MonthPeriod:
		return "monthly"
	case QuarterPeriod:
		return "quarterly"
	case HalfPeriod:
		return "half-yearly"
	case YearPeriod:
		return "annually"
	}
	return ""
}

// Index orders periods of one kind: later periods have larger indexes.
func (p Period) Index() int { return p.Start }

// Compare orders periods by their last month, then by their first: a
// shorter period ending in the same month comes after a longer one.
func (p Period) Compare(q Period) int {
	if p.End() != q.End() {
		return p.End() - q.End()
	}
	return p.Start - q.Start
}

// Prev returns the period of the same kind and length just before p: the
// previous month, quarter, half, year or span. A year to date has none:
// the previous part of the year is a year to date of another length.
func (p Period) Prev() Period {
	if p.IsZero() || p.Kind == ToDatePeriod {
		return Period{}
	}
	p.Start -= p.Months
	return p
}

// Next returns the period of the same kind and length just after p, or no
// period for a year to date.
func (p Period) Next() Period {
	if p.IsZero() || p.Kind == ToDatePeriod {
		return Period{}
	}
	p.Start += p.Months
	return p
}

// YearAgo returns the same period a year earlier.
func (p Period) YearAgo() Period {
	if p.IsZero() {
		return p
	}
	p.Start -= 12
	return p
}

// ToDate returns the year to date that ends with p: from the first month
// of p's year to p's last month.
func (p Period) ToDate() Period {
	first := p.FirstYear()*12 + p.Year.StartMonth() - 1
	return Period{Kind: ToDatePeriod, Start: first, Months: p.End() - first + 1, Year: p.Year}
}

// FigureOf returns the period a figure of m describes when its row says
// p: for a cumulative measure a month, quarter or half is the year to date
// that ends with it; anything else is p.
func (m *Measure) FigureOf(p Period) Period {
	if m.Cumulative && (p.Kind == MonthPeriod || p.Kind == QuarterPeriod || p.Kind == HalfPeriod) {
		return p.ToDate()
	}
	return p
}

// EndsYear reports whether p's last month is the last of its year, as Q4
// and the whole year are.
func (p Period) EndsYear() bool {
	return !p.IsZero() && (p.End()-(p.Year.StartMonth()-1))%12 == 11
}

// Contains reports whether month m (counted as Start is) lies in p.
func (p Period) Contains(m int) bool { return !p.IsZero() && m >= p.Start && m <= p.End() }

// Dates gives p's first and last days.
func (p Period) Dates() (first, last time.Time) {
	y1, m1 := month(p.Start)
	y2, m2 := month(p.End() + 1)
	first = time.Date(y1, time.Month(m1), 1, 0, 0, 0, 0, time.UTC)
	last = time.Date(y2, time.Month(m2), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	return first, last
}

// Middle gives the day halfway through p, where a chart on a time axis
// places its figure.
func (p Period) Middle() time.Time {
	first, last := p.Dates()
	return first.Add(last.Add(24*time.Hour).Sub(first) / 2).Truncate(24 * time.Hour)
}

// PlotAt gives the day a chart on a time axis places p's figure: the
// middle of the period, or for a year to date the middle of its last
// month, since the figure tells where the year stands at that point.
func (p Period) PlotAt() time.Time {
	if p.Kind == ToDatePeriod {
		last := p
		last.Kind, last.Start, last.Months = MonthPeriod, p.End(), 1
		return last.Middle()
	}
	return p.Middle()
}

// Comparable reports whether figures for periods a and b can be compared as
// like with like: the same length and kind (a year to date only with a year
// to date of the same months), and not the same period; a is the earlier.
// When they cannot,
// why says so in words.
func Comparable(a, b Period) (ok bool, why string) {
	switch {
	case a.IsZero() || b.IsZero():
		return false, "the period is not one Scorecard can place in time"
	case a == b:
		return false, "the same period"
	case (a.Kind == ToDatePeriod) != (b.Kind == ToDatePeriod):
		return false, "a year-to-date figure cannot be compared with a figure for a single period"
	case a.Kind == ToDatePeriod && a.Months != b.Months:
		return false, fmt.Sprintf("year-to-date figures for different parts of the year (%s, then %s)", monthsLong(a.Months), monthsLong(b.Months))
	case a.Months != b.Months:
		return false, fmt.Sprintf("the periods are of different lengths (%s, then %s)", monthsLong(a.Months), monthsLong(b.Months))
	}
	return true, ""
}

func monthsLong(n int) string {
	switch {
	case n == 1:
		return "a month"
	case n == 12:
		return "a year"
	case n%12 == 0:
		return fmt.Sprintf("%d years", n/12)
	}
	return fmt.Sprintf("%d months", n)
}

// editionFolders name the folder of data/ that holds a site's edition
// files, by how often it publishes.
var editionFolders = map[PeriodKind]string{
	MonthPeriod: "months", QuarterPeriod: "quarters", HalfPeriod: "halves", YearPeriod: "years",
}

// EditionFolders lists the folders of data/ that hold edition files, for
// every kind of edition, in order.
func EditionFolders() []string { return []string{"months", "quarters", "halves", "years"} }

// EditionKind is how often the site publishes: quarterly unless it says.
func (s *Site) EditionKind() PeriodKind {
	if s.Editions == NoPeriod {
		return QuarterPeriod
	}
	return s.Editions
}

// EditionDir is the folder the site's edition files are in: data/quarters,
// data/months, data/halves or data/years.
func (s *Site) EditionDir() string { return "data/" + editionFolders[s.EditionKind()] }

// EditionFile is the path of edition id's data file in the site folder.
func (s *Site) EditionFile(id Period) string { return s.EditionDir() + "/" + id.Slug() + ".yaml" }

// EditionKey is the key that names the edition at the top of its data
// file, and the word for one edition: quarter, month, half or year.
func (s *Site) EditionKey() string {
	switch s.EditionKind() {
	case MonthPeriod:
		return "month"
	case HalfPeriod:
		return "half"
	case YearPeriod:
		return "year"
	}
	return "quarter"
}

// ParseEdition reads an edition of the site, such as "2016-17 Q3" or "June
// 2016", in the forms ParseEdition reads.
func (s *Site) ParseEdition(text string) (Period, error) {
	return ParseEdition(text, s.EditionKind(), s.Years)
}

// EditionWord names one edition of the site's report, for pages:
// "quarter", "month", "half-year" or "year".
func (s *Site) EditionWord() string {
	return Period{Kind: s.EditionKind(), Months: s.EditionKind().months()}.Unit()
}

// EditionWords is EditionWord's plural: "quarters", "months"...
func (s *Site) EditionWords() string { return s.EditionWord() + "s" }

// Publishes says how often the report is published, for a sentence:
// "each quarter", "each month", "every half-year", "each year".
func (s *Site) Publishes() string {
	if s.EditionKind() == HalfPeriod {
		return "every half-year"
	}
	return "each " + s.EditionWord()
}
