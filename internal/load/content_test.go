package load

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
)

func TestSameLetters(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"lve009", "lve-009", true},
		{"lve-009", "lve009", true},
		{"-a-b-", "ab", true},
		{"", "", true},
		{"", "-", true},
		{"lve009", "lve-0091", false},
		{"lve0091", "lve009", false},
		{"abc", "abd", false},
		{"a", "", false},
	} {
		if got := sameLetters(tc.a, tc.b); got != tc.want {
			t.Errorf("sameLetters(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestMappingTwice: a key given twice is reported at its second place,
// naming its first, in a small mapping (searched) and a large one (kept
// in a map) alike.
func TestMappingTwice(t *testing.T) {
	var large strings.Builder
	for i := range smallMapping + 2 {
		fmt.Fprintf(&large, "k%d: 1\n", i)
	}
	for _, tc := range []struct {
		name, src, want string
	}{
		{"small", "a: 1\nb: 2\na: 3\na: 4\n", "f:3:1: m has \"a\" twice (first at 1:1); remove one of them\nf:4:1: m has \"a\" twice (first at 1:1); remove one of them"},
		{"large", large.String() + "k3: 2\n", fmt.Sprintf("f:%d:1: m has \"k3\" twice (first at 4:1); remove one of them", smallMapping+3)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var errs diag.List
			d := &doc{file: "f", errs: &errs}
			var n yaml.Node
			if err := yaml.Unmarshal([]byte(tc.src), &n); err != nil {
				t.Fatal(err)
			}
			ignore := func(_, _ *yaml.Node) {}
			var fields []field
			for _, k := range n.Content[0].Content {
				fields = append(fields, field{k.Value, ignore})
			}
			d.mapping(n.Content[0], "m", fields...)
			if got := errs.Error(); got != tc.want {
				t.Errorf("errors:\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
