// Package value parses the targets and actuals of a published scorecard,
// such as 93%, 13-15%, 01:30 or 12th to 20th in London, into numbers with a
// unit while keeping the published wording.
//
// The forms it reads are the ones in the README's "Writing a report". Some
// choices the table leaves open:
//
//   - Surrounding white space is ignored; Value.Raw keeps the cell exactly
//     as given, spaces included. Spaces are also allowed around a range's
//     dash, before % and after £, and inside the brackets of 42.5% (62/146).
//   - "-" and an en dash "–" on their own both mean not applicable.
//   - Num, Low and High are the numbers as written: 93% is 93, not 0.93, and
//     a time is in seconds (01:30 is 90).
//   - A range's Decimals is the larger of its two ends' (0.9-1 has 1).
//   - A minus sign before a range is read only when the high end has its
//     own sign too: -10--5 is -10 to -5, but -5-10 is an error, because it
//     could mean -5 to 10 or -10 to -5. So a range from a negative to a
//     positive number cannot be written.
//   - A % or £ on either end of a range applies to both ends (13-15% and
//     13%-15 are the same); a time range needs a time at both ends.
//   - A time may have any number of minutes but exactly two digits of
//     seconds, below 60; it may carry a minus sign but not £ or %.
//   - A leading "+", a number starting with its decimal point (.5) or ending
//     with it (5.), scientific notation (1e3), hexadecimal (0x1F), NaN and
//     Inf are errors.
//   - Rank suffixes are not checked against the number (22th is read as
//     22nd) and may be in any case; a rank is at least 1st.
//   - A bound's sign may be <, <=, >, >=, ≤, ≥ (or ⩽, ⩾), and =< and => are
//     read as <= and >=. It may also follow the number, read left to right
//     as the number compared with the actual: 2.4%< is "2.4% < actual",
//     the same as >2.4%, and 5> the same as <5. Op is always the sign as
//     it applies to the actual.
//   - BL and the year-on-year phrases are read in any case, and
//     "Year-on-year" may be hyphenated.
//   - The text after a rank range's second rank is the qualifier, taken as
//     written; it may be empty.
//   - Words that say why there is no figure (NYA, Not measured) are not
//     read by Parse, which cannot know a site's words: ParseWords reads
//     them, in any case, as a Word carrying the word's meaning.
package value

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the form a cell is written in.
type Kind uint8

const (
	Blank         Kind = iota // "": a blank cell
	NotApplicable             // "-"
	Number                    // 93%, 8.18, 33,000, 01:30, -10%, £125,000, 5.33 (26th)
	Range                     // 13-15%, 0.9-1.1
	Bound                     // <5, >=90%
	Baseline                  // BL: a baseline year, no target yet
	YearOnYear                // Year on year reduction, Year on year increase
	RankRange                 // 12th to 20th in London
	Word                      // NYA, New, Not measured: a figure word saying why there is no figure (see ParseWords)
)

var kindNames = [...]string{
	Blank:         "blank",
	NotApplicable: "not applicable",
	Number:        "number",
	Range:         "range",
	Bound:         "bound",
	Baseline:      "baseline",
	YearOnYear:    "year on year",
	RankRange:     "rank range",
	Word:          "figure word",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Unit is the unit written in the cell, which may differ from the unit the
// measure is declared with (a count is written without one).
type Unit uint8

const (
	None    Unit = iota // no unit written
	Percent             // 93%
	Pounds              // £125,000
	MinSec              // 01:30, minutes and seconds
)

var unitNames = [...]string{None: "", Percent: "%", Pounds: "£", MinSec: "min:sec"}

func (u Unit) String() string {
	if int(u) < len(unitNames) {
		return unitNames[u]
	}
	return "Unit(" + strconv.Itoa(int(u)) + ")"
}

// Value is one cell read as a number with a unit. Fields that do not apply
// to its Kind are zero.
type Value struct {
	Raw       string  // the cell exactly as given, surrounding spaces included
	Num       float64 // Number: the value (seconds for MinSec); Bound: the bound
	Low, High float64 // Range and RankRange (ranks as numbers); Low <= High

	// Extra holds what only some cells have (an operator, a direction,
	// ranks, a fraction or a count); nil for most. Read it through the
	// methods of the same names (v.Rank(), and {{.Rank}} in a template, as
	// when they were fields), which give zero values when it is nil.
	Extra *Extra

	// The small fields last, together: a large site holds millions of
	// values, two in each row, so a Value is kept to 56 bytes.
	Decimals int32 // digits after the decimal point as published; 0 for times
	Kind     Kind
	Unit     Unit
	Annual   bool // written in brackets, [60%]: an annual target
}

// Extra is the part of a Value that only some forms of cell have.
type Extra struct {
	Op        string // Bound: "<", "<=", ">" or ">=", as it applies to the actual (2.4%< has ">")
	Direction string // YearOnYear: "reduction" or "increase"
	Qualifier string // RankRange: the text after the ranks, such as "in London"

	// 42.5% (62/146): the figures behind a percentage.
	Numerator, Denominator float64
	HasFraction            bool

	Rank int // 5.33 (26th): 26; 0 when there is none

	// 89 (378): a count in brackets after the number.
	Count    float64
	HasCount bool

	Meaning string // Word: why there is no figure, as configured ("not yet available")

	Qualifiers []Qualifier // read by Cell.Parse after the figure: provisional, "*"
	Figure     string      // with Qualifiers: the cell without them or its surrounding spaces
}

var noExtra Extra

func (v Value) extra() *Extra {
	if v.Extra == nil {
		return &noExtra
	}
	return v.Extra
}

// Op is a Bound's operator: "<", "<=", ">" or ">=".
func (v Value) Op() string { return v.extra().Op }

// Direction is a YearOnYear target's: "reduction" or "increase".
func (v Value) Direction() string { return v.extra().Direction }

// Qualifier is the text after a RankRange's ranks, such as "in London".
func (v Value) Qualifier() string { return v.extra().Qualifier }

// Numerator and Denominator are the figures behind a percentage,
// 42.5% (62/146); HasFraction says whether the cell gives them.
func (v Value) Numerator() float64   { return v.extra().Numerator }
func (v Value) Denominator() float64 { return v.extra().Denominator }
func (v Value) HasFraction() bool    { return v.extra().HasFraction }

// Meaning is a Word's meaning, such as "not yet available"; "" for
// other kinds.
func (v Value) Meaning() string { return v.extra().Meaning }

// Rank is the rank in brackets after a number, 5.33 (26th); 0 when none.
func (v Value) Rank() int { return v.extra().Rank }

// Count is the count in brackets after a number, 89 (378); HasCount says
// whether the cell gives one.
func (v Value) Count() float64 { return v.extra().Count }
func (v Value) HasCount() bool { return v.extra().HasCount }

// Ordinal writes a rank as reports do and as Parse reads it: 1st, 2nd,
// 3rd, 4th, 11th, 22nd.
func Ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// IsNumeric reports whether v is something a later step can compute with:
// a number, a range or a bound.
func (v Value) IsNumeric() bool {
	return v.Kind == Number || v.Kind == Range || v.Kind == Bound
}

// Error is what Parse returns for text it cannot read.
type Error struct {
	Input  string // the cell as given
	Offset int    // byte offset in Input where reading failed (0 when the whole cell is unreadable)
	Msg    string // what is wrong, in plain words
	Hint   string // how to fix it
}

func (e *Error) Error() string { return e.Msg + "; " + e.Hint }

const hintAny = `write a number such as 90 or 90%, a range such as 13-15%, a time such as 01:30, or "-" when not applicable`

// Parse reads one cell. On error the Value holds only Raw, and the error is
// an *Error.
func Parse(s string) (Value, error) {
	if !utf8.ValidString(s) {
		return Value{Raw: s}, invalidUTF8(s)
	}
	start, end := trim(s)
	p := parser{s: s, i: start, start: start, end: end}
	if err := p.cell(); err != nil {
		return Value{Raw: s}, err
	}
	p.v.Raw = s
	return p.v, nil
}

func invalidUTF8(s string) *Error {
	at := 0
	for at < len(s) {
		r, n := utf8.DecodeRuneInString(s[at:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		at += n
	}
	start, end := trim(s)
	return &Error{
		Input:  s,
		Offset: at,
		Msg:    fmt.Sprintf("%q contains something that is not text at byte %d", s[start:end], at),
		Hint:   "save the file as UTF-8 and retype the value",
	}
}

// parser reads one cell. Positions are byte offsets in the whole input, so
// that errors can point into it.
type parser struct {
	s          string // the input, untrimmed
	i          int    // next byte to read
	start, end int    // the cell without its surrounding spaces

	// v is what has been read. The parser fills it in rather than passing
	// Values around: copying a Value was most of the cost of reading a cell.
	v Value

	opt *Cell // how the measure's cells are read (Cell.Parse), or nil (Parse)
}

func (p *parser) cell() *Error {
	body := p.s[p.start:p.end]
	switch body {
	case "":
		p.v.Kind = Blank
		return nil
	case "-", "–":
		p.v.Kind = NotApplicable
		return nil
	}
	switch c := body[0]; {
	case c == '[':
		return p.annual()
	case c == '<' || c == '>' || c == '=' && len(body) > 1 && (body[1] == '<' || body[1] == '>') ||
		c >= utf8.RuneSelf && opLen(body) > 0:
		return p.bound()
	case isDigit(c):
		if low, ok := p.ordinal(); ok {
			return p.rankRange(low)
		}
		return p.numeric()
	case c == '-' || c == '.' || c == ',' || strings.HasPrefix(body, "£"):
		return p.numeric()
	case p.opt != nil && p.opt.Before && p.opt.Symbol != "" && len(body) >= len(p.opt.Symbol) && strings.EqualFold(body[:len(p.opt.Symbol)], p.opt.Symbol):
		return p.numeric()
	case isLetter(c):
		return p.words()
	}
	return p.unreadable()
}

// numeric reads a number or range, and the bracket that may follow a number.
func (p *parser) numeric() *Error {
	if err := p.rangeOrNumber(); err != nil {
		return err
	}
	save := p.i
	p.skipSpace()
	if n := opLen(p.rest()); n > 0 {
		if p.v.Kind != Number {
			return p.fail(p.i, fmt.Sprintf("%s is a bound and a range at once", p.quoted()), hintBoundRange)
		}
		return p.boundAfter(n)
	}
	p.i = save
	if p.v.Kind == Number {
		if err := p.suffix(); err != nil {
			return err
		}
	} else if at, ok := p.after('('); ok {
		return p.fail(at, fmt.Sprintf("%s has a bracket after a range", p.quoted()), hintSuffix)
	}
	return p.finish()
}

// ops are the ways a bound's operator is written, longest first, with the
// operator each means when written before the number: =< and => are read
// as <= and >=, and ≤ ⩽ ≥ ⩾ as <= and >=.
var ops = [...]struct{ written, op string }{
	{"<=", "<="}, {">=", ">="}, {"=<", "<="}, {"=>", ">="},
	{"≤", "<="}, {"⩽", "<="}, {"≥", ">="}, {"⩾", ">="},
	{"<", "<"}, {">", ">"},
}

// opLen is the length of the bound operator s starts with, or 0.
func opLen(s string) int {
	_, n := readOp(s)
	return n
}

func readOp(s string) (op string, n int) {
	if s == "" {
		return "", 0
	}
	if c := s[0]; c != '<' && c != '>' && c != '=' && c < utf8.RuneSelf {
		return "", 0
	}
	for _, o := range ops {
		if strings.HasPrefix(s, o.written) {
			return o.op, len(o.written)
		}
	}
	return "", 0
}

// flipped is what an operator written after the number means for the
// actual: "2.4%<" reads as 2.4% < actual, so the actual must be >2.4%.
var flipped = map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<="}

const hintBoundRange = "write either a bound such as <5% or a range such as 13-15%"

// boundAfter reads the operator, n bytes long at p.i, after a number, as in
// 2.4%< (the actual must be more than 2.4%) or 5> (less than 5).
func (p *parser) boundAfter(n int) *Error {
	op, _ := readOp(p.rest())
	p.i += n
	p.v.Kind = Bound
	p.more().Op = flipped[op]
	if at, ok := p.after('('); ok {
		return p.fail(at, fmt.Sprintf("%s has a bracket after a bound", p.quoted()), hintSuffix)
	}
	return p.finish()
}

func (p *parser) annual() *Error {
	p.i++ // [
	p.skipSpace()
	if !p.startsNumber() {
		return p.fail(p.i, fmt.Sprintf("%s has brackets around something that is not a number or range", p.quoted()), hintAnnual)
	}
	if err := p.rangeOrNumber(); err != nil {
		return err
	}
	p.skipSpace()
	switch {
	case p.i == p.end:
		return p.fail(p.i, fmt.Sprintf(`%s has a "[" with no "]" to close it`, p.quoted()), `add "]" after the value, as in [60%]`)
	case p.s[p.i] != ']':
		return p.fail(p.i, fmt.Sprintf("%s has %q inside the brackets after the value", p.quoted(), p.token(p.i)), hintAnnual)
	}
	p.i++
	p.v.Annual = true
	return p.finish()
}

const hintAnnual = "brackets mark an annual target: put only a number or range inside them, as in [60%] or [13-15%]"

func (p *parser) bound() *Error {
	v := &p.v
	v.Kind = Bound
	op, width := readOp(p.rest())
	p.more().Op = op
	p.i += width
	p.skipSpace()
	n, err := p.number()
	if err != nil {
		return err
	}
	v.Num, v.Unit, v.Decimals = n.val, n.unit, int32(n.dec)
	save := p.i
	p.skipSpace()
	at := p.i
	switch {
	case p.dash():
		return p.fail(at, fmt.Sprintf("%s is a bound and a range at once", p.quoted()), hintBoundRange)
	case p.peek() == '(':
		return p.fail(at, fmt.Sprintf("%s has a bracket after a bound", p.quoted()), hintSuffix)
	case opLen(p.rest()) > 0:
		return p.fail(at, fmt.Sprintf("%s has a bound's sign on both sides of the number", p.quoted()), "write the sign once, before the number, as in <5% or >=94%")
	}
	p.i = save
	return p.finish()
}

func (p *parser) rangeOrNumber() *Error {
	a, err := p.number()
	if err != nil {
		return err
	}
	save := p.i
	p.skipSpace()
	if !p.dash() {
		p.i = save
		p.v.Kind, p.v.Unit, p.v.Num, p.v.Decimals = Number, a.unit, a.val, int32(a.dec)
		return nil
	}
	p.skipSpace()
	bStart := p.i
	b, err := p.number()
	if err != nil {
		return err
	}
	if a.neg && !b.neg {
		return p.fail(a.start,
			fmt.Sprintf("%s has a minus sign before a range, so it is unclear which end is negative", p.quoted()),
			"for a range of negative numbers give both ends a minus sign, as in -10--5; a range from a negative to a positive number cannot be read")
	}
	unit := a.unit
	switch {
	case a.unit == b.unit:
	case a.unit == MinSec || b.unit == MinSec:
		return p.fail(bStart, fmt.Sprintf("%s has a time at only one end", p.quoted()), "write both ends as times, as in 01:30-02:00")
	case a.unit == None:
		unit = b.unit
	case b.unit == None:
	default:
		return p.fail(bStart, fmt.Sprintf("%s has a different unit at each end", p.quoted()), "write both ends in the same unit, as in 13-15% or £5-£10")
	}
	if a.val > b.val {
		return p.fail(bStart, fmt.Sprintf("%s runs from high to low", p.quoted()), "write the lower number first, as in 13-15%")
	}
	p.v.Kind, p.v.Unit, p.v.Low, p.v.High, p.v.Decimals = Range, unit, a.val, b.val, int32(max(a.dec, b.dec))
	return nil
}

const hintSuffix = "a rank, fraction or count in brackets can follow a single number only, as in 5.33 (26th), 42.5% (62/146) or 89 (378)"

// suffix reads the bracket that may follow a number: a rank (26th), a
// fraction (62/146) or a count (378).
func (p *parser) suffix() *Error {
	open, ok := p.after('(')
	if !ok {
		return nil
	}
	p.i = open + 1
	p.skipSpace()
	if !isDigit(p.peek()) {
		return p.fail(p.i, fmt.Sprintf("%s has %q in the brackets after the number", p.quoted(), p.token(p.i)), hintSuffix+p.qualifierHint())
	}
	at := p.i
	if rank, ok := p.ordinal(); ok {
		if rank == 0 {
			return p.zeroRank(at)
		}
		p.more().Rank = rank
	} else {
		a, err := p.plain()
		if err != nil {
			return err
		}
		if slash, ok := p.after('/'); ok {
			p.i = slash + 1
			p.skipSpace()
			bStart := p.i
			b, err := p.plain()
			if err != nil {
				return err
			}
			if b.val == 0 {
				return p.fail(bStart, fmt.Sprintf("%s has a fraction with 0 below the line", p.quoted()),
					`check the figures: the number after "/" is how many there were in all, and cannot be 0`)
			}
			e := p.more()
			e.Numerator, e.Denominator, e.HasFraction = a.val, b.val, true
		} else {
			e := p.more()
			e.Count, e.HasCount = a.val, true
		}
	}
	p.skipSpace()
	switch {
	case p.i == p.end:
		return p.fail(p.i, fmt.Sprintf(`%s has a "(" with no ")" to close it`, p.quoted()), `add ")" after the bracketed figure, as in 5.33 (26th)`)
	case p.s[p.i] != ')':
		return p.fail(p.i, fmt.Sprintf("%s has %q in the brackets after the number", p.quoted(), p.token(p.i)), hintSuffix)
	}
	p.i++
	return nil
}

// plain reads a number with no sign or unit, for a fraction or count.
func (p *parser) plain() (num, *Error) {
	n, err := p.number()
	if err != nil {
		return n, err
	}
	if n.neg || n.unit != None || n.sym {
		return n, p.fail(n.start, fmt.Sprintf("%s has %q in the brackets after the number", p.quoted(), p.s[n.start:p.i]),
			"a fraction or count in brackets is written without a sign or unit, as in 42.5% (62/146) or 89 (378)")
	}
	return n, nil
}

func (p *parser) rankRange(low int) *Error {
	if low == 0 {
		return p.zeroRank(p.start)
	}
	save := p.i
	if p.skipSpace() == 0 || !p.word("to") {
		return p.fail(save, fmt.Sprintf("%s is a single rank, not a range of ranks", p.quoted()),
			"write a range of ranks such as 12th to 20th in London, or put a rank in brackets after a number, as in 5.33 (26th)")
	}
	p.skipSpace()
	highStart := p.i
	high, ok := p.ordinal()
	if !ok {
		return p.fail(highStart, fmt.Sprintf(`%s needs a rank after "to"`, p.quoted()),
			"write both ranks as numbers with st, nd, rd or th, as in 12th to 20th in London")
	}
	if high == 0 {
		return p.zeroRank(highStart)
	}
	if low > high {
		return p.fail(highStart, fmt.Sprintf("%s has its ranks the wrong way round", p.quoted()),
			"write the smaller rank first, as in 12th to 20th in London")
	}
	p.skipSpace()
	p.v.Kind, p.v.Low, p.v.High = RankRange, float64(low), float64(high)
	if q := p.rest(); q != "" {
		p.more().Qualifier = q
	}
	return nil
}

func (p *parser) zeroRank(at int) *Error {
	return p.fail(at, fmt.Sprintf("%s has a rank of 0", p.quoted()), "ranks start at 1st")
}

func (p *parser) words() *Error {
	if strings.EqualFold(p.rest(), "BL") {
		p.v.Kind = Baseline
		return nil
	}
	if !(p.word("year") && p.joiner() && p.word("on") && p.joiner() && p.word("year")) {
		return p.unreadable()
	}
	p.skipSpace()
	v := &p.v
	v.Kind = YearOnYear
	switch rest := p.rest(); {
	case strings.EqualFold(rest, "reduction"):
		p.more().Direction = "reduction"
	case strings.EqualFold(rest, "increase"):
		p.more().Direction = "increase"
	default:
		return p.fail(p.i, fmt.Sprintf("%s does not say whether the target is a reduction or an increase", p.quoted()),
			`write "Year on year reduction" or "Year on year increase"`)
	}
	return nil
}

// joiner skips what may separate the words of "year on year": spaces or a
// hyphen.
func (p *parser) joiner() bool {
	from := p.i
	p.skipSpace()
	if p.peek() == '-' {
		p.i++
		p.skipSpace()
	}
	return p.i > from
}

// num is one number as written.
type num struct {
	val   float64
	unit  Unit
	dec   int
	neg   bool // written with a minus sign
	sym   bool // written with the measure's own symbol (Cell.Symbol)
	start int
}

// number reads one number: an optional minus sign, an optional £, digits
// with optional thousands separators and decimals, or a time, then an
// optional %.
func (p *parser) number() (num, *Error) {
	n := num{start: p.i}
	if p.peek() == '-' {
		n.neg = true
		p.i++
	}
	if p.symbol(true) {
		n.sym = true
		p.skipSpace()
	}
	pounds := false
	if strings.HasPrefix(p.rest(), "£") {
		pounds = true
		p.i += len("£")
		p.skipSpace()
	}
	if !isDigit(p.peek()) {
		return n, p.wantNumber()
	}
	intStart := p.i
	p.digits()
	if p.peek() == ',' {
		if first := p.s[intStart:p.i]; len(first) > 3 || first[0] == '0' {
			return n, p.badComma(p.i)
		}
		for p.peek() == ',' {
			comma := p.i
			p.i++
			group := p.i
			p.digits()
			if p.i-group != 3 {
				return n, p.badComma(comma)
			}
		}
	} else if p.peek() == ':' {
		return p.clock(n, pounds, intStart)
	}
	intEnd := p.i
	fracStart := p.i
	if p.peek() == '.' {
		dot := p.i
		p.i++
		fracStart = p.i
		p.digits()
		if p.i == fracStart {
			return n, p.fail(dot, fmt.Sprintf("%s has a decimal point with no digits after it", p.quoted()),
				"write digits after the point, as in 5.0, or leave the point out")
		}
		if p.peek() == ',' {
			return n, p.badComma(p.i)
		}
	}
	n.dec = p.i - fracStart
	if err := p.exponent(); err != nil {
		return n, err
	}
	val, ok := decimal(p.s[intStart:intEnd], p.s[fracStart:p.i])
	if !ok {
		return n, p.fail(n.start, fmt.Sprintf("%s has a number too large to read", p.quoted()), hintAny)
	}
	if n.neg && val != 0 {
		val = -val
	}
	n.val = val
	if pounds {
		n.unit = Pounds
	}
	if at, ok := p.after('%'); ok {
		if pounds {
			return n, p.fail(at, fmt.Sprintf("%s is in pounds and a percentage at once", p.quoted()), "write either pounds, as in £125,000, or a percentage, as in 93%")
		}
		n.unit = Percent
		p.i = at + 1
	}
	if save := p.i; !n.sym && n.unit == None {
		p.skipSpace()
		if p.symbol(false) {
			n.sym = true
		} else {
			p.i = save
		}
	}
	return n, nil
}

// symbol reads the measure's own unit symbol (Cell.Symbol), in any case,
// when it is written on the side given and is next; a symbol made of
// letters must not run on into another letter ("kg" is not read in
// "kgs").
func (p *parser) symbol(before bool) bool {
	if p.opt == nil || p.opt.Before != before {
		return false
	}
	sym := p.opt.Symbol
	if sym == "" || sym == "%" || sym == "£" || len(p.rest()) < len(sym) || !strings.EqualFold(p.rest()[:len(sym)], sym) {
		return false
	}
	if j := p.i + len(sym); j < p.end && isLetter(p.s[j]) && isLetter(sym[len(sym)-1]) {
		return false
	}
	p.i += len(sym)
	return true
}

// clock reads the seconds of a time such as 01:30; p.i is at the colon.
func (p *parser) clock(n num, pounds bool, minStart int) (num, *Error) {
	if pounds {
		return n, p.fail(n.start, fmt.Sprintf("%s is in pounds and a time at once", p.quoted()), "write either pounds, as in £125,000, or a time, as in 01:30")
	}
	minEnd := p.i
	p.i++
	secStart := p.i
	p.digits()
	if p.i-secStart != 2 {
		return n, p.fail(secStart, fmt.Sprintf("%s needs two digits for the seconds", p.quoted()),
			"write a time as minutes and two digits of seconds, as in 01:30 or 01:05")
	}
	sec := int(p.s[secStart]-'0')*10 + int(p.s[secStart+1]-'0')
	minutes, ok := decimal(p.s[minStart:minEnd], "")
	val := minutes*60 + float64(sec)
	if !ok || math.IsInf(val, 0) {
		return n, p.fail(n.start, fmt.Sprintf("%s has a time too long to read", p.quoted()), hintAny)
	}
	if sec >= 60 {
		hint := "seconds run from 00 to 59: write 90 seconds as 01:30"
		if minutes < 1e6 {
			hint = fmt.Sprintf("seconds run from 00 to 59: write %s as %02d:%02d",
				p.s[minStart:p.i], int(minutes)+sec/60, sec%60)
		}
		return n, p.fail(secStart, fmt.Sprintf("%s has %d seconds", p.quoted(), sec), hint)
	}
	if n.neg && val != 0 {
		val = -val
	}
	n.val, n.unit = val, MinSec
	if at, ok := p.after('%'); ok {
		return n, p.fail(at, fmt.Sprintf("%s is a time and a percentage at once", p.quoted()), "write either a time, as in 01:30, or a percentage, as in 93%")
	}
	return n, nil
}

// exponent reports scientific notation such as 1e3 after a number's digits.
func (p *parser) exponent() *Error {
	if c := p.peek(); c != 'e' && c != 'E' {
		return nil
	}
	j := p.i + 1
	if j < p.end && (p.s[j] == '+' || p.s[j] == '-') {
		j++
	}
	if j < p.end && isDigit(p.s[j]) {
		return p.fail(p.i, fmt.Sprintf("%s is written in scientific notation", p.quoted()), "write the number out in full, as in 1000")
	}
	return nil
}

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// decimal converts well-formed digits (intPart may hold thousands
// separators) to a float64, reporting false when it is too large.
func decimal(intPart, frac string) (float64, bool) {
	// With at most 15 significant digits the mantissa and the power of ten
	// are exact, so one division rounds correctly, as strconv would.
	var m uint64
	sig := 0
	for _, part := range [2]string{intPart, frac} {
		for k := 0; k < len(part); k++ {
			c := part[k]
			if c == ',' || (sig == 0 && c == '0') {
				continue
			}
			sig++
			if sig <= 15 {
				m = m*10 + uint64(c-'0')
			}
		}
	}
	if sig <= 15 && len(frac) < len(pow10) {
		return float64(m) / pow10[len(frac)], true
	}
	b := make([]byte, 0, len(intPart)+1+len(frac))
	for k := 0; k < len(intPart); k++ {
		if intPart[k] != ',' {
			b = append(b, intPart[k])
		}
	}
	b = append(b, '.')
	b = append(b, frac...)
	f, err := strconv.ParseFloat(string(b), 64)
	return f, err == nil
}

// ordinal reads a rank such as 26th. When there is none it reports false
// and leaves p.i alone.
func (p *parser) ordinal() (int, bool) {
	j := p.i
	for j < p.end && isDigit(p.s[j]) {
		j++
	}
	if j == p.i || j-p.i > 9 || j+2 > p.end || (j+2 < p.end && isLetter(p.s[j+2])) {
		return 0, false
	}
	switch a, b := p.s[j]|0x20, p.s[j+1]|0x20; {
	case a == 's' && b == 't', a == 'n' && b == 'd', a == 'r' && b == 'd', a == 't' && b == 'h':
	default:
		return 0, false
	}
	rank := 0
	for k := p.i; k < j; k++ {
		rank = rank*10 + int(p.s[k]-'0')
	}
	p.i = j + 2
	return rank, true
}

// word reads w (lower-case ASCII letters) in any case, when no letter
// follows it.
func (p *parser) word(w string) bool {
	j := p.i + len(w)
	if j > p.end || (j < p.end && isLetter(p.s[j])) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if p.s[p.i+k]|0x20 != w[k] {
			return false
		}
	}
	p.i = j
	return true
}

// dash reads a range's hyphen or en dash.
func (p *parser) dash() bool {
	if p.peek() == '-' {
		p.i++
		return true
	}
	if strings.HasPrefix(p.rest(), "–") {
		p.i += len("–")
		return true
	}
	return false
}

// after reports where c is, if it is the next thing after any spaces. It
// does not move p.i.
func (p *parser) after(c byte) (int, bool) {
	save := p.i
	p.skipSpace()
	at := p.i
	p.i = save
	return at, at < p.end && p.s[at] == c
}

func (p *parser) digits() {
	for p.i < p.end && isDigit(p.s[p.i]) {
		p.i++
	}
}

// skipSpace skips white space inside the cell and returns how many bytes
// it skipped.
func (p *parser) skipSpace() int {
	from := p.i
	for p.i < p.end {
		n := spaceAt(p.s, p.i)
		if n == 0 {
			break
		}
		p.i += n
	}
	return p.i - from
}

func (p *parser) peek() byte {
	if p.i < p.end {
		return p.s[p.i]
	}
	return 0
}

func (p *parser) rest() string { return p.s[p.i:p.end] }

func (p *parser) startsNumber() bool {
	c := p.peek()
	return isDigit(c) || c == '-' || c == '.' || c == ',' || strings.HasPrefix(p.rest(), "£")
}

// Errors.

func (p *parser) fail(at int, msg, hint string) *Error {
	return &Error{Input: p.s, Offset: at, Msg: msg, Hint: hint}
}

// quoted is the cell without its surrounding spaces, quoted for a message.
func (p *parser) quoted() string { return strconv.Quote(p.s[p.start:p.end]) }

// token is the text from at to the next space, for quoting in a message.
func (p *parser) token(at int) string {
	j := at
	for j < p.end && spaceAt(p.s, j) == 0 {
		_, n := utf8.DecodeRuneInString(p.s[j:p.end])
		j += n
	}
	return p.s[at:j]
}

func (p *parser) unreadable() *Error {
	return p.fail(0, fmt.Sprintf("%s is not a value Scorecard can read", p.quoted()), hintAny)
}

func (p *parser) finish() *Error {
	p.skipSpace()
	if p.i == p.end {
		return nil
	}
	return p.fail(p.i, fmt.Sprintf("%s has %q after the value", p.quoted(), p.rest()),
		"remove the extra text: the cell holds only the value, such as 93%, 13-15% or 42.5% (62/146)"+p.qualifierHint())
}

// qualifierHint is what Cell.Parse adds to an error about text after a
// figure, which may be a qualifier that is not declared; "" for Parse.
func (p *parser) qualifierHint() string {
	if p.opt == nil {
		return ""
	}
	return p.opt.qualifierHint()
}

func (p *parser) wantNumber() *Error {
	at := p.i
	switch {
	case at == p.end:
		return p.fail(at, fmt.Sprintf("%s ends where a number should be", p.quoted()), hintAny)
	case p.s[at] == '.' && at+1 < p.end && isDigit(p.s[at+1]):
		return p.fail(at, fmt.Sprintf("%s has no digit before its decimal point", p.quoted()), "write a 0 before the point, as in 0.5")
	case p.s[at] == ',':
		return p.badComma(at)
	}
	return p.fail(at, fmt.Sprintf("%s has %q where a number should be", p.quoted(), p.token(at)), hintAny)
}

func (p *parser) badComma(at int) *Error {
	return p.fail(at, fmt.Sprintf("%s has a thousands separator in the wrong place", p.quoted()),
		"put a comma before each group of three digits, as in 1,000 or 33,000, or leave the commas out, as in 1000; use a point for decimals, as in 8.18")
}

// Characters.

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// spaceAt returns the length of the white space character at s[i], or 0.
func spaceAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if c == ' ' || '\t' <= c && c <= '\r' {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

// trim returns the bounds of s without its surrounding white space.
func trim(s string) (start, end int) {
	for start < len(s) {
		n := spaceAt(s, start)
		if n == 0 {
			break
		}
		start += n
	}
	end = len(s)
	for end > start {
		c := s[end-1]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			end--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// more returns the Extra of the value being read, making it if need be.
func (p *parser) more() *Extra {
	if p.v.Extra == nil {
		p.v.Extra = new(Extra)
	}
	return p.v.Extra
}
