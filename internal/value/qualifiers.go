package value

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Qualifier says something about a figure beyond its number: that it is
// provisional, estimated, revised or in arrears, or whatever a footnote
// marker such as "*" stands for. A table writes it after the figure: a
// Mark right after it ("£1,112.44*"), or a Word after it, alone or in
// round brackets ("94% provisional", "512 (Q3 time lag)").
type Qualifier struct {
	Mark    string // a footnote marker such as "*" or "†"; "" for a word
	Word    string // a word such as "provisional"; "" for a mark
	Meaning string // what it says about the figure, for the page's key
}

// Label is how the qualifier is written: its mark or its word.
func (q Qualifier) Label() string {
	if q.Mark != "" {
		return q.Mark
	}
	return q.Word
}

// DefaultQualifiers are the qualifiers every site reads; a site's
// qualifiers: are added to them.
var DefaultQualifiers = []Qualifier{
	{Word: "provisional", Meaning: "Provisional: the figure may change when final data is available"},
	{Word: "estimated", Meaning: "Estimated: the figure is an estimate, not a count"},
	{Word: "revised", Meaning: "Revised: the figure has changed since it was first published"},
	{Word: "in arrears", Meaning: "In arrears: the figure is for an earlier period, the latest available"},
}

// Cell says how to read the cells of one measure: the words that may
// stand for a missing figure, the qualifiers that may follow a figure,
// and the symbol of the measure's unit, which a figure may carry.
type Cell struct {
	Words      []FigureWord
	Qualifiers []Qualifier
	// Symbol is the measure's unit symbol ("kg", "weeks", "£"), written
	// before the number when Before is set and after it otherwise. % and £
	// are read by Parse anyway; another symbol is read only when given
	// here, and leaves the Value's Unit None: a cell with the symbol and
	// one without mean the same.
	Symbol string
	Before bool
}

// Parse reads one cell as ParseWords does, after taking any qualifiers
// off its end and reading the unit symbol where a number may carry it.
// The Value's Raw is the cell exactly as written, qualifiers included;
// its Qualifiers are those read, in the order written.
func (c Cell) Parse(s string) (Value, error) {
	if !utf8.ValidString(s) {
		return Value{Raw: s}, invalidUTF8(s)
	}
	start, end := trim(s)
	var quals []Qualifier
	for {
		q, cut, ok := c.trailing(s[start:end])
		if !ok {
			break
		}
		quals = append(quals, q)
		_, end = trim(s[:start+cut])
	}
	if quals != nil {
		if _, ok := LookupWord(s, c.Words); ok {
			return ParseWords(s, c.Words) // a figure word that ends like a qualifier
		}
	}
	p := parser{s: s, i: start, start: start, end: end, opt: &c}
	err := p.cell()
	v := p.v
	if err != nil {
		v = Value{}
		if w, ok := LookupWord(s[start:end], c.Words); ok {
			v = Value{Kind: Word, Extra: &Extra{Meaning: w.Meaning}}
			err = nil
		} else if err.Offset == 0 && start < end && isLetter(s[start]) {
			err.Hint = hintWords(c.Words)
		}
	}
	v.Raw = s
	if err != nil {
		return Value{Raw: s}, err
	}
	if len(quals) > 0 {
		// Read from the end, so reversed to the order written.
		for i, j := 0, len(quals)-1; i < j; i, j = i+1, j-1 {
			quals[i], quals[j] = quals[j], quals[i]
		}
		p.v = v
		e := p.more()
		e.Qualifiers, e.Figure = quals, s[start:end]
		v = p.v
	}
	return v, nil
}

// trailing finds a declared qualifier at the end of body: a bracket
// holding one, a mark, or a word. cut is where the figure before it
// ends; nothing is taken when no figure would be left.
func (c Cell) trailing(body string) (q Qualifier, cut int, ok bool) {
	if len(c.Qualifiers) == 0 || body == "" {
		return Qualifier{}, 0, false
	}
	// Most cells end in a digit or %, which a qualifier seldom does (a
	// mark never): they cost a look at their last byte and the words'.
	if last := body[len(body)-1]; isDigit(last) || last == '%' {
		endsInDigit := false
		for _, q := range c.Qualifiers {
			endsInDigit = endsInDigit || q.Word != "" && isDigit(q.Word[len(q.Word)-1])
		}
		if !endsInDigit {
			return Qualifier{}, 0, false
		}
	}
	if strings.HasSuffix(body, ")") {
		if open := strings.LastIndexByte(body, '('); open > 0 && !isDigit(strings.TrimSpace(body[open+1:])[0]) {
			if q, ok := c.lookup(body[open+1 : len(body)-1]); ok && strings.TrimSpace(body[:open]) != "" {
				return q, open, true
			}
		}
	}
	for _, q := range c.Qualifiers {
		if q.Mark != "" && len(body) > len(q.Mark) && strings.HasSuffix(body, q.Mark) {
			return q, len(body) - len(q.Mark), true
		}
	}
	for _, q := range c.Qualifiers {
		if q.Word == "" {
			continue
		}
		if at := wordAtEnd(body, q.Word); at > 0 {
			return q, at, true
		}
	}
	return Qualifier{}, 0, false
}

// lookup finds the qualifier written as s, in any case and spacing.
func (c Cell) lookup(s string) (Qualifier, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, q := range c.Qualifiers {
		if q.Mark != "" && s == q.Mark || q.Word != "" && strings.EqualFold(s, strings.Join(strings.Fields(q.Word), " ")) {
			return q, true
		}
	}
	return Qualifier{}, false
}

// wordAtEnd returns where word (its words in any case, separated by any
// spaces) starts at the end of body, after a space or a character that
// is not a letter, or -1 when body does not end with it.
func wordAtEnd(body, word string) int {
	fields := strings.Fields(word)
	end := len(body)
	for i := len(fields) - 1; i >= 0; i-- {
		if i < len(fields)-1 {
			trimmed := strings.TrimRightFunc(body[:end], unicode.IsSpace)
			if len(trimmed) == end {
				return -1
			}
			end = len(trimmed)
		}
		f := fields[i]
		if end < len(f) || !strings.EqualFold(body[end-len(f):end], f) {
			return -1
		}
		end -= len(f)
	}
	if end == 0 {
		return -1
	}
	if r, _ := utf8.DecodeLastRuneInString(body[:end]); unicode.IsLetter(r) {
		return -1
	}
	return end
}

// qualifierHint is added to the hint of an error about text after a
// figure, which may be a qualifier that is not declared.
func (c Cell) qualifierHint() string {
	var names []string
	for _, q := range c.Qualifiers {
		names = append(names, fmt.Sprintf("%q", q.Label()))
	}
	if len(names) == 0 {
		return "; to qualify the figure, declare a qualifier under qualifiers: in data/site.yaml with its meaning"
	}
	return "; to qualify the figure, write one of the qualifiers (" + strings.Join(names, ", ") +
		") after it, as in 94% (provisional), or declare another under qualifiers: in data/site.yaml with its meaning"
}

// Qualifiers are the qualifiers written after the figure, in the order
// written; nil when there are none. (Qualifier, singular, is a rank
// range's text.)
func (v Value) Qualifiers() []Qualifier { return v.extra().Qualifiers }

// Figure is the cell as written without its qualifiers: "£1,112.44" of
// "£1,112.44*". A cell with no qualifiers is its Raw, exactly as written.
func (v Value) Figure() string {
	if e := v.extra(); len(e.Qualifiers) > 0 {
		return e.Figure
	}
	return v.Raw
}
