package load

import (
	"strings"
	"testing"

	"scorecard/internal/report"
)

// TestParsePolarity reads the words real tables use for which way is good.
func TestParsePolarity(t *testing.T) {
	for _, tc := range []struct {
		word string
		want report.Polarity // "" for a word that is refused
	}{
		{"higher", report.Higher},
		{"Higher", report.Higher},
		{"HIGH", report.Higher},
		{"Higher is better", report.Higher},
		{"Bigger is better", report.Higher},
		{"Aim to maximise", report.Higher},
		{"aim to maximize", report.Higher},
		{"Maximise", report.Higher},
		{"increase", report.Higher},
		{"Up", report.Higher},
		{"lower", report.Lower},
		{"Low", report.Lower},
		{"Lower is better", report.Lower},
		{"Smaller is better", report.Lower},
		{"Aim to minimise", report.Lower},
		{"minimize", report.Lower},
		{"Decrease", report.Lower},
		{"down", report.Lower},
		{"in range", report.InRange},
		{"In Range", report.InRange},
		{"in-range", report.InRange},
		{"Within range", report.InRange},
		{"range", report.InRange},
		{"  smaller   is\tbetter ", report.Lower},
		{"not stated", report.NotStated},
		{"Not Stated", report.NotStated},
		{"None", report.NotStated},
		{"", ""},
		{"sideways", ""},
		{"better", ""},
		{"higher or lower", ""},
		{"smaller", ""},
	} {
		got, ok := ParsePolarity(tc.word)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("ParsePolarity(%q) = %q, %v; want %q", tc.word, got, ok, tc.want)
		}
	}
}

// TestPolarityListEveryWord: the error message lists every word, and each
// word it lists is read.
func TestPolarityListEveryWord(t *testing.T) {
	list := polarityList()
	for _, w := range []string{"higher", "aim to maximise", "smaller is better", "within range"} {
		if !strings.Contains(list, w) {
			t.Errorf("polarityList() = %q, lacks %q", list, w)
		}
	}
	for _, w := range strings.Split(list, ", ") {
		if _, ok := ParsePolarity(w); !ok {
			t.Errorf("polarityList() names %q, which ParsePolarity refuses", w)
		}
	}
}
