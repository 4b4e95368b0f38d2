package value

import (
	"strings"
	"testing"
)

var testQualifiers = append(append([]Qualifier{}, DefaultQualifiers...),
	Qualifier{Mark: "*", Meaning: "Provisional figure, to be confirmed at year end"},
	Qualifier{Mark: "†", Meaning: "Includes agency staff"},
	Qualifier{Word: "Q3 time lag", Meaning: "The latest figure available is for Q3"},
	Qualifier{Word: "to Q4", Meaning: "Up to the end of Q4"},
)

// TestCellQualifiers reads each form of qualifier: a mark right after the
// figure, a word alone or in brackets, in any case, and several at once.
func TestCellQualifiers(t *testing.T) {
	c := Cell{Words: DefaultWords, Qualifiers: testQualifiers}
	tests := []struct {
		in    string
		kind  Kind
		unit  Unit
		num   float64
		quals []string
	}{
		{"£1,112.44*", Number, Pounds, 1112.44, []string{"*"}},
		{"94%†", Number, Percent, 94, []string{"†"}},
		{"94% *", Number, Percent, 94, []string{"*"}},
		{"512 (Q3 time lag)", Number, None, 512, []string{"Q3 time lag"}},
		{"512 ( q3  TIME lag )", Number, None, 512, []string{"Q3 time lag"}},
		{"512 Q3 time lag", Number, None, 512, []string{"Q3 time lag"}},
		{"94% provisional", Number, Percent, 94, []string{"provisional"}},
		{"94% Provisional", Number, Percent, 94, []string{"provisional"}},
		{"94% (estimated)", Number, Percent, 94, []string{"estimated"}},
		{"94%(REVISED)", Number, Percent, 94, []string{"revised"}},
		{"94% in arrears", Number, Percent, 94, []string{"in arrears"}},
		{"94%* (revised)", Number, Percent, 94, []string{"*", "revised"}},
		{"13-15% estimated", Range, Percent, 0, []string{"estimated"}},
		{"<5 (provisional)", Bound, None, 5, []string{"provisional"}},
		{"5.33 (26th) revised", Number, None, 5.33, []string{"revised"}},
		{"NYA (provisional)", Word, None, 0, []string{"provisional"}},
		{"94%", Number, Percent, 94, nil},
		{"94% (to Q4)", Number, Percent, 94, []string{"to Q4"}},
		{"1,200 to q4", Number, None, 1200, []string{"to Q4"}},
		{"NYA", Word, None, 0, nil},
		{"provisional", Blank, None, 0, nil}, // refused below: no figure before it
	}
	for _, tt := range tests {
		v, err := c.Parse(tt.in)
		if tt.in == "provisional" {
			if err == nil {
				t.Errorf("Parse(%q) = %+v, want an error: a qualifier needs a figure", tt.in, v)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if v.Raw != tt.in || v.Kind != tt.kind || v.Unit != tt.unit || (tt.kind == Number || tt.kind == Bound) && v.Num != tt.num {
			t.Errorf("Parse(%q) = %+v, want %s %v %v", tt.in, v, tt.kind, tt.num, tt.unit)
		}
		var got []string
		for _, q := range v.Qualifiers() {
			got = append(got, q.Label())
		}
		if strings.Join(got, "|") != strings.Join(tt.quals, "|") {
			t.Errorf("Parse(%q) qualifiers = %q, want %q", tt.in, got, tt.quals)
		}
	}
}

// TestCellSymbols reads a unit's symbol where a figure carries it, for
// each kind of unit, and refuses one that is not the measure's.
func TestCellSymbols(t *testing.T) {
	tests := []struct {
		symbol string
		before bool
		in     string
		kind   Kind
		unit   Unit
		num    float64
	}{
		{"kg", false, "640 kg", Number, None, 640},
		{"kg", false, "640kg", Number, None, 640},
		{"kg", false, "640 KG", Number, None, 640},
		{"kg", false, "640", Number, None, 640},
		{"kg", false, "600-700 kg", Range, None, 0},
		{"kg", false, "<700 kg", Bound, None, 700},
		{"weeks", false, "12.5 weeks", Number, None, 12.5},
		{"weeks", false, "12.5 weeks (provisional)", Number, None, 12.5},
		{"£", true, "£1,112.44", Number, Pounds, 1112.44},
		{"£", true, "1,112.44", Number, None, 1112.44},
		{"$", true, "$40", Number, None, 40},
		{"$", true, "-$40", Number, None, -40},
		{"%", false, "94%", Number, Percent, 94},
		{"per 1,000", false, "12.3 per 1,000", Number, None, 12.3},
		{"", false, "01:30", Number, MinSec, 90},
	}
	for _, tt := range tests {
		c := Cell{Qualifiers: testQualifiers, Symbol: tt.symbol, Before: tt.before}
		v, err := c.Parse(tt.in)
		if err != nil {
			t.Errorf("symbol %q: Parse(%q): %v", tt.symbol, tt.in, err)
			continue
		}
		if v.Kind != tt.kind || v.Unit != tt.unit || (tt.kind == Number || tt.kind == Bound) && v.Num != tt.num {
			t.Errorf("symbol %q: Parse(%q) = %+v, want %s %v %v", tt.symbol, tt.in, v, tt.kind, tt.num, tt.unit)
		}
	}
}

// TestCellErrors checks that an undeclared qualifier or another unit's
// symbol is refused at its place in the cell, naming the qualifiers.
func TestCellErrors(t *testing.T) {
	c := Cell{Words: DefaultWords, Qualifiers: testQualifiers, Symbol: "kg"}
	tests := []struct {
		in     string
		offset int
		want   string
	}{
		{"94 provisionl", 3, `has "provisionl" after the value`},
		{"512 (Q2 time lag)", 5, `"Q2" in the brackets`},
		{"640 kgs", 4, `has "kgs" after the value`},
		{"640 weeks", 4, `has "weeks" after the value`},
		{"640 kg kg", 7, `has "kg" after the value`},
		{"94‡", 2, `has "‡" after the value`},
		{"(1,8 kg", 0, "not a value"},
	}
	for _, tt := range tests {
		_, err := c.Parse(tt.in)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("Parse(%q) error = %v, want an *Error", tt.in, err)
			continue
		}
		if e.Offset != tt.offset || !strings.Contains(e.Error(), tt.want) {
			t.Errorf("Parse(%q) = offset %d %q, want offset %d and %q", tt.in, e.Offset, e.Error(), tt.offset, tt.want)
		}
		if tt.offset > 0 && !strings.Contains(e.Hint, `"provisional", "estimated", "revised", "in arrears", "*", "†", "Q3 time lag", "to Q4"`) || tt.offset > 0 && !strings.Contains(e.Hint, "qualifiers: in data/site.yaml") {
			t.Errorf("Parse(%q) hint %q does not name the qualifiers and qualifiers:", tt.in, e.Hint)
		}
	}
}

// TestFigure checks that a qualified cell's figure is the cell without its
// qualifiers, and an unqualified one's its Raw exactly.
func TestFigure(t *testing.T) {
	c := Cell{Qualifiers: testQualifiers}
	for in, want := range map[string]string{
		" £1,112.44* ":                   "£1,112.44",
		"512 (Q3 time lag)":              "512",
		"94%* (provisional)":             "94%",
		" 94% ":                          " 94% ",
		"12th to 20th in London revised": "12th to 20th in London",
	} {
		v, err := c.Parse(in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", in, err)
		}
		if got := v.Figure(); got != want {
			t.Errorf("Parse(%q).Figure() = %q, want %q", in, got, want)
		}
	}
}
