package value

import (
	"errors"
	"html/template"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sample holds cells as the sample report publishes them.
var sample = []string{
	"93%", "97.8%", "11.90%", "-10%", "-27%", "8.18", "33,000", "35,582", "1100", "0",
	"£125,000", "13-15%", "7-15%", "0.9-1.1", "01:30", "02:31", "[60%]", "[34%]", "BL",
	"Year on year reduction", "12th to 20th in London", "42.5% (62/146)", "44.9% (66/147)",
	"5.33 (26th)", "5.86 (28th)", "89 (378)", "-", "",
}

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Value // Raw is filled in from in
	}{
		// The sample.
		{"93%", Value{Kind: Number, Unit: Percent, Num: 93}},
		{"97.8%", Value{Kind: Number, Unit: Percent, Num: 97.8, Decimals: 1}},
		{"11.90%", Value{Kind: Number, Unit: Percent, Num: 11.9, Decimals: 2}},
		{"-10%", Value{Kind: Number, Unit: Percent, Num: -10}},
		{"-27%", Value{Kind: Number, Unit: Percent, Num: -27}},
		{"8.18", Value{Kind: Number, Num: 8.18, Decimals: 2}},
		{"33,000", Value{Kind: Number, Num: 33000}},
		{"35,582", Value{Kind: Number, Num: 35582}},
		{"1100", Value{Kind: Number, Num: 1100}},
		{"0", Value{Kind: Number}},
		{"£125,000", Value{Kind: Number, Unit: Pounds, Num: 125000}},
		{"13-15%", Value{Kind: Range, Unit: Percent, Low: 13, High: 15}},
		{"7-15%", Value{Kind: Range, Unit: Percent, Low: 7, High: 15}},
		{"0.9-1.1", Value{Kind: Range, Low: 0.9, High: 1.1, Decimals: 1}},
		{"01:30", Value{Kind: Number, Unit: MinSec, Num: 90}},
		{"02:31", Value{Kind: Number, Unit: MinSec, Num: 151}},
		{"[60%]", Value{Kind: Number, Unit: Percent, Num: 60, Annual: true}},
		{"[34%]", Value{Kind: Number, Unit: Percent, Num: 34, Annual: true}},
		{"BL", Value{Kind: Baseline}},
		{"Year on year reduction", Value{Kind: YearOnYear, Extra: &Extra{Direction: "reduction"}}},
		{"12th to 20th in London", Value{Kind: RankRange, Low: 12, High: 20, Extra: &Extra{Qualifier: "in London"}}},
		{"42.5% (62/146)", Value{Kind: Number, Unit: Percent, Num: 42.5, Decimals: 1, Extra: &Extra{Numerator: 62, Denominator: 146, HasFraction: true}}},
		{"44.9% (66/147)", Value{Kind: Number, Unit: Percent, Num: 44.9, Decimals: 1, Extra: &Extra{Numerator: 66, Denominator: 147, HasFraction: true}}},
		{"5.33 (26th)", Value{Kind: Number, Num: 5.33, Decimals: 2, Extra: &Extra{Rank: 26}}},
		{"5.86 (28th)", Value{Kind: Number, Num: 5.86, Decimals: 2, Extra: &Extra{Rank: 28}}},
		{"89 (378)", Value{Kind: Number, Num: 89, Extra: &Extra{Count: 378, HasCount: true}}},
		{"-", Value{Kind: NotApplicable}},
		{"", Value{Kind: Blank}},

		// Blank and not applicable.
		{"   ", Value{Kind: Blank}},
		{"\t\n", Value{Kind: Blank}},
		{"–", Value{Kind: NotApplicable}},
		{" - ", Value{Kind: NotApplicable}},

		// Numbers.
		{"  93% ", Value{Kind: Number, Unit: Percent, Num: 93}},
		{"\u00a093%\u00a0", Value{Kind: Number, Unit: Percent, Num: 93}},
		{"93 %", Value{Kind: Number, Unit: Percent, Num: 93}},
		{"1,000", Value{Kind: Number, Num: 1000}},
		{"1,234,567.25", Value{Kind: Number, Num: 1234567.25, Decimals: 2}},
		{"6.1", Value{Kind: Number, Num: 6.1, Decimals: 1}},
		{"0.0", Value{Kind: Number, Decimals: 1}},
		{"-0", Value{Kind: Number}},
		{"007", Value{Kind: Number, Num: 7}},
		{"0.05", Value{Kind: Number, Num: 0.05, Decimals: 2}},
		{"-£5", Value{Kind: Number, Unit: Pounds, Num: -5}},
		{"£ 5.50", Value{Kind: Number, Unit: Pounds, Num: 5.5, Decimals: 2}},
		{"1:05", Value{Kind: Number, Unit: MinSec, Num: 65}},
		{"120:00", Value{Kind: Number, Unit: MinSec, Num: 7200}},
		{"-00:30", Value{Kind: Number, Unit: MinSec, Num: -30}},
		{"00:00", Value{Kind: Number, Unit: MinSec}},
		{"12345678901234567890", Value{Kind: Number, Num: 12345678901234567890}},
		{"0.1234567890123456789", Value{Kind: Number, Num: 0.1234567890123456789, Decimals: 19}},
		{"0.00000000000000000000000001", Value{Kind: Number, Num: 1e-26, Decimals: 26}},

		// Brackets after a number.
		{"42.5%(62/146)", Value{Kind: Number, Unit: Percent, Num: 42.5, Decimals: 1, Extra: &Extra{Numerator: 62, Denominator: 146, HasFraction: true}}},
		{"42.5% ( 62 / 146 )", Value{Kind: Number, Unit: Percent, Num: 42.5, Decimals: 1, Extra: &Extra{Numerator: 62, Denominator: 146, HasFraction: true}}},
		{"0% (0/1,200)", Value{Kind: Number, Unit: Percent, Extra: &Extra{Numerator: 0, Denominator: 1200, HasFraction: true}}},
		{"1 (1st)", Value{Kind: Number, Num: 1, Extra: &Extra{Rank: 1}}},
		{"2 (2ND)", Value{Kind: Number, Num: 2, Extra: &Extra{Rank: 2}}},
		{"3 (3rd)", Value{Kind: Number, Num: 3, Extra: &Extra{Rank: 3}}},
		{"22 (22th)", Value{Kind: Number, Num: 22, Extra: &Extra{Rank: 22}}},
		{"01:30 (5th)", Value{Kind: Number, Unit: MinSec, Num: 90, Extra: &Extra{Rank: 5}}},
		{"89 (1,378)", Value{Kind: Number, Num: 89, Extra: &Extra{Count: 1378, HasCount: true}}},
		{"89 (0)", Value{Kind: Number, Num: 89, Extra: &Extra{HasCount: true}}},

		// Ranges.
		{"13–15%", Value{Kind: Range, Unit: Percent, Low: 13, High: 15}},
		{"13%-15%", Value{Kind: Range, Unit: Percent, Low: 13, High: 15}},
		{"13%-15", Value{Kind: Range, Unit: Percent, Low: 13, High: 15}},
		{"13 - 15 %", Value{Kind: Range, Unit: Percent, Low: 13, High: 15}},
		{"0.9-1", Value{Kind: Range, Low: 0.9, High: 1, Decimals: 1}},
		{"5-5", Value{Kind: Range, Low: 5, High: 5}},
		{"£5-£10", Value{Kind: Range, Unit: Pounds, Low: 5, High: 10}},
		{"£5-10", Value{Kind: Range, Unit: Pounds, Low: 5, High: 10}},
		{"01:30-02:00", Value{Kind: Range, Unit: MinSec, Low: 90, High: 120}},
		{"-10--5", Value{Kind: Range, Low: -10, High: -5}},
		{"-10% – -5%", Value{Kind: Range, Unit: Percent, Low: -10, High: -5}},
		{"0--0", Value{Kind: Range}},
		{"[13-15%]", Value{Kind: Range, Unit: Percent, Low: 13, High: 15, Annual: true}},
		{"[ 60% ]", Value{Kind: Number, Unit: Percent, Num: 60, Annual: true}},

		// Bounds.
		{"<5", Value{Kind: Bound, Num: 5, Extra: &Extra{Op: "<"}}},
		{"<=5%", Value{Kind: Bound, Unit: Percent, Num: 5, Extra: &Extra{Op: "<="}}},
		{">90%", Value{Kind: Bound, Unit: Percent, Num: 90, Extra: &Extra{Op: ">"}}},
		{">=90%", Value{Kind: Bound, Unit: Percent, Num: 90, Extra: &Extra{Op: ">="}}},
		{"≤5", Value{Kind: Bound, Num: 5, Extra: &Extra{Op: "<="}}},
		{"≥90%", Value{Kind: Bound, Unit: Percent, Num: 90, Extra: &Extra{Op: ">="}}},
		{"< 2.5", Value{Kind: Bound, Num: 2.5, Decimals: 1, Extra: &Extra{Op: "<"}}},
		{"<-5", Value{Kind: Bound, Num: -5, Extra: &Extra{Op: "<"}}},
		{">01:30", Value{Kind: Bound, Unit: MinSec, Num: 90, Extra: &Extra{Op: ">"}}},
		{"=<5", Value{Kind: Bound, Num: 5, Extra: &Extra{Op: "<="}}},
		{"=>94%", Value{Kind: Bound, Unit: Percent, Num: 94, Extra: &Extra{Op: ">="}}},
		{"⩽5", Value{Kind: Bound, Num: 5, Extra: &Extra{Op: "<="}}},
		{"⩾94%", Value{Kind: Bound, Unit: Percent, Num: 94, Extra: &Extra{Op: ">="}}},
		{" ≥ 94% ", Value{Kind: Bound, Unit: Percent, Num: 94, Extra: &Extra{Op: ">="}}},
		{">3.5", Value{Kind: Bound, Num: 3.5, Decimals: 1, Extra: &Extra{Op: ">"}}},
		{"<£5", Value{Kind: Bound, Unit: Pounds, Num: 5, Extra: &Extra{Op: "<"}}},
		// The sign after the number reads left to right: 2.4%< is
		// "2.4% < actual", so the actual must be more than 2.4%.
		{"2.4%<", Value{Kind: Bound, Unit: Percent, Num: 2.4, Decimals: 1, Extra: &Extra{Op: ">"}}},
		{"2.4% <", Value{Kind: Bound, Unit: Percent, Num: 2.4, Decimals: 1, Extra: &Extra{Op: ">"}}},
		{"5>", Value{Kind: Bound, Num: 5, Extra: &Extra{Op: "<"}}},
		{"5<=", Value{Kind: Bound, Num: 5, Extra: &Extra{Op: ">="}}},
		{"5=<", Value{Kind: Bound, Num: 5, Extra: &Extra{Op: ">="}}},
		{"5>=", Value{Kind: Bound, Num: 5, Extra: &Extra{Op: "<="}}},
		{"94%≥", Value{Kind: Bound, Unit: Percent, Num: 94, Extra: &Extra{Op: "<="}}},
		{"01:30>", Value{Kind: Bound, Unit: MinSec, Num: 90, Extra: &Extra{Op: "<"}}},

		// Words.
		{"bl", Value{Kind: Baseline}},
		{"Year on year increase", Value{Kind: YearOnYear, Extra: &Extra{Direction: "increase"}}},
		{"YEAR ON YEAR REDUCTION", Value{Kind: YearOnYear, Extra: &Extra{Direction: "reduction"}}},
		{"year-on-year increase", Value{Kind: YearOnYear, Extra: &Extra{Direction: "increase"}}},
		{"Year  on year\treduction", Value{Kind: YearOnYear, Extra: &Extra{Direction: "reduction"}}},

		// Rank ranges.
		{"1st to 3rd in London", Value{Kind: RankRange, Low: 1, High: 3, Extra: &Extra{Qualifier: "in London"}}},
		{"1st to 3rd", Value{Kind: RankRange, Low: 1, High: 3}},
		{"2nd TO 2nd", Value{Kind: RankRange, Low: 2, High: 2}},
		{"12th to 20th   among London boroughs ", Value{Kind: RankRange, Low: 12, High: 20, Extra: &Extra{Qualifier: "among London boroughs"}}},
		{"12th to 20th, London", Value{Kind: RankRange, Low: 12, High: 20, Extra: &Extra{Qualifier: ", London"}}},
	} {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q) error: %v", tt.in, err)
			continue
		}
		want := tt.want
		want.Raw = tt.in
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Parse(%q) = %+v, want %+v\n(-want +got):\n%s", tt.in, got, want, diff)
		}
	}
}

func TestParseError(t *testing.T) {
	for _, tt := range []struct {
		in     string
		offset int
		msg    string // a part of the message
	}{
		{"ninety", 0, "not a value Scorecard can read"},
		{"  ninety ", 0, "not a value Scorecard can read"},
		{"NaN", 0, "not a value"},
		{"Inf", 0, "not a value"},
		{"+5", 0, "not a value"},
		{"∞", 0, "not a value"},
		{"-Inf", 1, `"Inf" where a number should be`},
		{"1e3", 1, "scientific notation"},
		{"1.5E-3", 3, "scientific notation"},
		{"0x1F", 1, `"x1F" after the value`},
		{"93% approx", 4, `"approx" after the value`},
		{"93%%", 3, "after the value"},
		{"1.5.3", 3, "after the value"},
		{"\xff", 0, "not text"},
		{"93\xff%", 2, "not text"},

		// Thousands separators.
		{"1,00", 1, "thousands separator"},
		{",5", 0, "thousands separator"},
		{"1,0000", 1, "thousands separator"},
		{"1000,000", 4, "thousands separator"},
		{"0,500", 1, "thousands separator"},
		{"1,000,00", 5, "thousands separator"},
		{"1.5,000", 3, "thousands separator"},
		{"1,", 1, "thousands separator"},
		{".5", 0, "no digit before its decimal point"},
		{"5.", 1, "decimal point with no digits"},
		{"5.%", 1, "decimal point with no digits"},

		// Times.
		{"1:5", 2, "two digits for the seconds"},
		{"01:300", 3, "two digits for the seconds"},
		{"01:", 3, "two digits for the seconds"},
		{"01:75", 3, "75 seconds"},
		{"01:60", 3, "60 seconds"},
		{"01:30%", 5, "a time and a percentage"},
		{"£01:30", 0, "pounds and a time"},
		{"1:02:03", 4, "after the value"},
		{"01:30.5", 5, "after the value"},

		// Units.
		{"£5%", 3, "pounds and a percentage"},
		{"£", 2, "ends where a number should be"},
		{"£-5", 2, `"-5" where a number should be`},
		{"- 5", 1, "where a number should be"},
		{"--5", 1, `"-5" where a number should be`},

		// Ranges.
		{"15-13%", 3, "high to low"},
		{"-5-10", 0, "minus sign before a range"},
		{"-0-5", 0, "minus sign before a range"},
		{"5--10", 2, "high to low"},
		{"13%-£15", 4, "different unit"},
		{"01:30-120", 6, "time at only one end"},
		{"90-01:30", 3, "time at only one end"},
		{"13-", 3, "ends where a number should be"},
		{"13-15% (3rd)", 7, "bracket after a range"},
		{"13-15-17", 5, "after the value"},

		// Annual targets.
		{"[60%", 4, `"[" with no "]"`},
		{"[60%)", 4, `")" inside the brackets`},
		{"[<5]", 1, "not a number or range"},
		{"[BL]", 1, "not a number or range"},
		{"[]", 1, "not a number or range"},
		{"[60%] (3rd)", 6, "after the value"},
		{"[60% (3rd)]", 5, "inside the brackets"},
		{"[60%]]", 5, "after the value"},

		// Bounds.
		{"<", 1, "ends where a number should be"},
		{"<5-10", 2, "a bound and a range"},
		{"<5 (3rd)", 3, "bracket after a bound"},
		{"=5", 0, "not a value"},
		{"< =5", 2, "where a number should be"},
		{"=<", 2, "ends where a number should be"},
		{"<5<", 2, "on both sides"},
		{"<5 >", 3, "on both sides"},
		{"13-15%<", 6, "a bound and a range"},
		{"5< (3rd)", 3, "bracket after a bound"},
		{"5<6", 2, `"6" after the value`},
		{"5 (3rd)<", 7, "after the value"},
		{"5=", 1, "after the value"},

		// Brackets after a number.
		{"42.5% (62/0)", 10, "0 below the line"},
		{"42.5% (62/0.0)", 10, "0 below the line"},
		{"42.5% (62/146", 13, `"(" with no ")"`},
		{"42.5% (62/)", 10, "where a number should be"},
		{"5.33 (0th)", 6, "rank of 0"},
		{"5.33 (26)(27th)", 9, "after the value"},
		{"5.33 (26th", 10, `"(" with no ")"`},
		{"5.33 (abc)", 6, `"abc)" in the brackets`},
		{"5.33 (26th place)", 11, `"place)" in the brackets`},
		{"89 (-378)", 4, "in the brackets"},
		{"89 (378%)", 4, `"378%" in the brackets`},
		{"89 (£378)", 4, "in the brackets"},
		{"()", 0, "not a value"},

		// Words.
		{"Year on year improvement", 13, "reduction or an increase"},
		{"Year on year", 12, "reduction or an increase"},
		{"Year on yearly reduction", 0, "not a value"},
		{"Baseline", 0, "not a value"},

		// Rank ranges.
		{"12th", 4, "single rank"},
		{"12th in London", 4, "single rank"},
		{"12th to", 7, `needs a rank after "to"`},
		{"12th to twentieth", 8, `needs a rank after "to"`},
		{"12th to 20thLondon", 8, `needs a rank after "to"`},
		{"20th to 12th", 8, "wrong way round"},
		{"0th to 3rd", 0, "rank of 0"},
		{"1st to 0th", 7, "rank of 0"},
		{"12thto 20th", 2, `"thto 20th" after the value`},
	} {
		got, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %+v, want error", tt.in, got)
			continue
		}
		if diff := cmp.Diff(Value{Raw: tt.in}, got); diff != "" {
			t.Errorf("Parse(%q) value on error (-want +got):\n%s", tt.in, diff)
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) error is %T, want *Error", tt.in, err)
			continue
		}
		if e.Input != tt.in {
			t.Errorf("Parse(%q) error Input = %q, want %q", tt.in, e.Input, tt.in)
		}
		if e.Offset != tt.offset {
			t.Errorf("Parse(%q) error Offset = %d, want %d (%v)", tt.in, e.Offset, tt.offset, err)
		}
		if quoted := strconv.Quote(strings.TrimSpace(tt.in)); !strings.Contains(e.Msg, quoted) {
			t.Errorf("Parse(%q) error Msg = %q, want it to quote %s", tt.in, e.Msg, quoted)
		}
		if !strings.Contains(e.Msg, tt.msg) {
			t.Errorf("Parse(%q) error Msg = %q, want it to say %q", tt.in, e.Msg, tt.msg)
		}
		if e.Hint == "" {
			t.Errorf("Parse(%q) error has no Hint", tt.in)
		}
		if want := e.Msg + "; " + e.Hint; err.Error() != want {
			t.Errorf("Parse(%q) error = %q, want %q", tt.in, err.Error(), want)
		}
	}
}

func TestIsNumeric(t *testing.T) {
	for k, want := range map[Kind]bool{
		Blank: false, NotApplicable: false, Number: true, Range: true,
		Bound: true, Baseline: false, YearOnYear: false, RankRange: false,
	} {
		if got := (Value{Kind: k}).IsNumeric(); got != want {
			t.Errorf("Value{Kind: %v}.IsNumeric() = %v, want %v", k, got, want)
		}
	}
}

func TestString(t *testing.T) {
	for _, tt := range []struct {
		got, want string
	}{
		{Blank.String(), "blank"},
		{NotApplicable.String(), "not applicable"},
		{Number.String(), "number"},
		{Range.String(), "range"},
		{Bound.String(), "bound"},
		{Baseline.String(), "baseline"},
		{YearOnYear.String(), "year on year"},
		{RankRange.String(), "rank range"},
		{Kind(200).String(), "Kind(200)"},
		{None.String(), ""},
		{Percent.String(), "%"},
		{Pounds.String(), "£"},
		{MinSec.String(), "min:sec"},
		{Unit(9).String(), "Unit(9)"},
	} {
		if tt.got != tt.want {
			t.Errorf("String() = %q, want %q", tt.got, tt.want)
		}
	}
}

// TestDecimal checks the fast conversion against strconv.
func TestDecimal(t *testing.T) {
	for _, s := range []string{
		"0", "1", "97.8", "11.90", "8.18", "0.1", "0.3", "123456789012345", "999999999999999.9",
		"1234567890123456", "0.000001", "3.14159265358979", "42.5", "1.0000000000000002",
	} {
		intPart, frac, _ := strings.Cut(s, ".")
		got, ok := decimal(intPart, frac)
		want, _ := strconv.ParseFloat(s, 64)
		if !ok || got != want {
			t.Errorf("decimal(%q, %q) = %v, %v, want %v, true", intPart, frac, got, ok, want)
		}
	}
	if got, ok := decimal("1"+strings.Repeat("0", 400), ""); ok {
		t.Errorf("decimal(1e400) = %v, true, want false", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range sample {
		f.Add(s)
	}
	for _, s := range []string{"13–15%", "≥90%", "2.4%<", "=>5", "-10--5", "1,000", "12th to 20th", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if v.Raw != s {
			t.Errorf("Parse(%q).Raw = %q", s, v.Raw)
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error is %T, want *Error", s, err)
			}
			if e.Input != s || e.Offset < 0 || e.Offset > len(s) || e.Msg == "" || e.Hint == "" {
				t.Errorf("Parse(%q) error = %#v", s, e)
			}
			return
		}
		for _, f := range []float64{v.Num, v.Low, v.High, v.Numerator(), v.Denominator(), v.Count()} {
			if math.IsNaN(f) || math.IsInf(f, 0) {
				t.Errorf("Parse(%q) = %+v, has %v", s, v, f)
			}
		}
		if (v.Kind == Range || v.Kind == RankRange) && v.Low > v.High {
			t.Errorf("Parse(%q) = %+v, Low > High", s, v)
		}
		if v.HasFraction() && v.Denominator() == 0 {
			t.Errorf("Parse(%q) = %+v, denominator 0", s, v)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sample {
			Parse(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sample)), "ns/cell")
}

// TestTemplateFields: layouts read a value's parts as they did when they
// were fields ({{.Actual.Rank}}), now that they are methods.
func TestTemplateFields(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`{{.Rank}} {{.Count}} {{.HasCount}} {{.Numerator}}/{{.Denominator}} {{.HasFraction}} {{.Op}}|{{.Direction}}|{{.Qualifier}}`))
	for in, want := range map[string]string{
		"5.33 (26th)":            "26 0 false 0/0 false ||",
		"89 (378)":               "0 378 true 0/0 false ||",
		"42.5% (62/146)":         "0 0 false 62/146 true ||",
		"<5":                     "0 0 false 0/0 false &lt;||", // escaped, as in a layout
		"Year on year reduction": "0 0 false 0/0 false |reduction|",
		"1st to 3rd in London":   "0 0 false 0/0 false ||in London",
		"42%":                    "0 0 false 0/0 false ||",
	} {
		v, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := tmpl.Execute(&b, v); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if b.String() != want {
			t.Errorf("%s: %q, want %q", in, b.String(), want)
		}
	}
}

// TestOrdinal: what Ordinal writes, Parse reads back as the same rank.
func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st", 111: "111th"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
	for n := 1; n <= 250; n++ {
		v, err := Parse("5 (" + Ordinal(n) + ")")
		if err != nil || v.Rank() != n {
			t.Errorf("Parse(5 (%s)) = rank %d, %v", Ordinal(n), v.Rank(), err)
		}
	}
}
