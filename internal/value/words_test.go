package value

import (
	"strings"
	"testing"
)

func TestParseWords(t *testing.T) {
	configured := append([]FigureWord{{"TBC", "to be confirmed"}}, DefaultWords...)
	for _, tt := range []struct {
		in, meaning string
	}{
		// Each default word, as written and in other cases and spacing.
		{"NYA", "not yet available"},
		{"nya", "not yet available"},
		{"N/A", "not applicable"},
		{"N/a", "not applicable"},
		{"n/a", "not applicable"},
		{"New", "new measure, no figure yet"},
		{" NEW ", "new measure, no figure yet"},
		{"Not measured", "not measured this period"},
		{"not  Measured", "not measured this period"},
		{"No target", "no target set"},
		{"\tno target", "no target set"},
		// A configured word.
		{"TBC", "to be confirmed"},
		{"tbc ", "to be confirmed"},
	} {
		v, err := ParseWords(tt.in, configured)
		if err != nil {
			t.Errorf("ParseWords(%q): %v", tt.in, err)
			continue
		}
		if v.Kind != Word || v.Meaning() != tt.meaning || v.Raw != tt.in || v.IsNumeric() {
			t.Errorf("ParseWords(%q) = kind %v, meaning %q, raw %q; want figure word %q, raw as written", tt.in, v.Kind, v.Meaning(), v.Raw, tt.meaning)
		}
	}
}

// A cell Parse reads is read the same way, whatever the words.
func TestParseWordsLeavesFigures(t *testing.T) {
	words := []FigureWord{{"BL", "not a baseline"}, {"-", "nothing"}}
	for _, in := range sample {
		want, _ := Parse(in)
		got, err := ParseWords(in, words)
		if err != nil || got.Kind != want.Kind || got.Raw != want.Raw || got.Num != want.Num || got.Meaning() != "" {
			t.Errorf("ParseWords(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
}

func TestParseWordsUnknown(t *testing.T) {
	for _, tt := range []struct {
		in    string
		words []FigureWord
		want  []string
	}{
		{"Pending", DefaultWords, []string{`"Pending" is not a value Scorecard can read`, "figure_words in data/site.yaml", "(NYA, N/A, New, Not measured, No target)"}},
		{"NYA", nil, []string{`"NYA" is not a value Scorecard can read`, "figure_words in data/site.yaml"}},
		{"New measure", DefaultWords, []string{"figure_words"}},
	} {
		_, err := ParseWords(tt.in, tt.words)
		if err == nil {
			t.Errorf("ParseWords(%q): no error", tt.in)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("ParseWords(%q) error %q does not contain %q", tt.in, err, w)
			}
		}
	}
	// A cell that is not words keeps Parse's own hint.
	_, err := ParseWords("12x", DefaultWords)
	if err == nil || strings.Contains(err.Error(), "figure_words") {
		t.Errorf(`ParseWords("12x") error = %v; want Parse's, without figure_words`, err)
	}
}

func TestParseWordsAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _, _ = ParseWords("93.5%", DefaultWords) }); n != 0 {
		t.Errorf("ParseWords of a number allocates %v times; want 0", n)
	}
}
