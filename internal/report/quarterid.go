package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// QuarterForms shows the ways of writing a quarter that ParseQuarterID
// reads, for messages.
const QuarterForms = "2016-17 Q3, 2016/17 Q3, Q3 2016/17 or 2016-17-q3"

// The parts of a quarter, once the text is lower-cased, its dashes made
// hyphens and its spaces single: the financial year, 2016-17, 2016/17 or
// 2016-2017, and the quarter, q3 or quarter 3. Between them, in either
// order, may come spaces, a comma, a hyphen or a slash (2016-17-q3,
// 2016-17/q3, Quarter 3, 2016/17).
var (
	yearPart    = `(\d{4}) ?[-/] ?(\d+)`
	quarterPart = `(?:q|quarter) ?(\d+)`
	between     = ` ?[-/,]? ?`
	yearFirst   = regexp.MustCompile(`^` + yearPart + between + quarterPart + `$`)
	quarterLast = regexp.MustCompile(`^` + quarterPart + between + yearPart + `$`)
	anyYear     = regexp.MustCompile(`\d{4} ?[-/] ?\d+`)
	anyQuarter  = regexp.MustCompile(`(?:^|[^a-z])(?:q|quarter) ?\d`)
)

// ParseQuarterID reads a quarter as people write it: the financial year,
// with a hyphen, a slash or a dash between its years, and the quarter, Q1
// to Q4, in either order: "2016-17 Q3", "2016/17 Q3", "2016-17-q3", "Q3
// 2016/17", "Q3 2016-17", "Quarter 3, 2016/17", "2016-2017 Q3", in any
// case, with any spaces. Every form QuarterID writes reads back. The error
// names the text, says what is wrong with it when it can, and shows the
// forms it reads. Every command and file that names a quarter reads it
// with this, so that a quarter written one way anywhere is read the same
// way everywhere.
func ParseQuarterID(text string) (Period, error) {
	s := normalQuarter(text)
	var y, y2, q string
	if m := yearFirst.FindStringSubmatch(s); m != nil {
		y, y2, q = m[1], m[2], m[3]
	} else if m := quarterLast.FindStringSubmatch(s); m != nil {
		q, y, y2 = m[1], m[2], m[3]
	} else {
		why := ""
		switch year, quarter := anyYear.MatchString(s), anyQuarter.MatchString(s); {
		case year && !quarter:
			why = "it names the financial year but not the quarter"
		case quarter && !year:
			why = "it names the quarter but not the financial year, with both its years"
		}
		return Period{}, quarterError(text, why)
	}
	year, _ := strconv.Atoi(y)
	next, err2 := strconv.Atoi(y2)
	n, err3 := strconv.Atoi(q)
	switch {
	case err3 != nil || n < 1 || n > 4:
		return Period{}, quarterError(text, fmt.Sprintf("a year has quarters 1 to 4, not %s", q))
	// The year ends before 9999 so that every date in the quarter has
	// four digits, as ISO 8601 and the Atom feed need.
	case year < 1900 || year > 9998:
		return Period{}, quarterError(text, fmt.Sprintf("Scorecard reads years from 1900 to 9998, not %s", y))
	case err2 != nil || len(y2) == 2 && next != (year+1)%100 || len(y2) == 4 && next != year+1 || len(y2) != 2 && len(y2) != 4:
		return Period{}, quarterError(text, fmt.Sprintf("a financial year runs into the next, so %d is followed by %02d, not %s", year, (year+1)%100, y2))
	}
	return QuarterOf(year, n), nil
}

// normalQuarter lower-cases text, makes each run of spaces one space and
// each dash a hyphen, and trims it.
func normalQuarter(text string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(text) {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '–' || r == '—' || r == '‐' || r == '‑' || r == '−':
			r = '-'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// quarterError says that text is not a quarter, why when why is not "",
// and how to write one.
func quarterError(text, why string) error {
	if why != "" {
		why = ": " + why
	}
	return fmt.Errorf("%q is not a quarter%s; write the financial year and the quarter, such as %s", clipQuarter(text), why, QuarterForms)
}

// clipQuarter shortens text for quoting: no quarter is longer than 40
// characters, and the text may be a whole cell of a sheet.
func clipQuarter(text string) string {
	n := 0
	for i := range text {
		if n == 40 {
			return text[:i] + "…"
		}
		n++
	}
	return text
}
