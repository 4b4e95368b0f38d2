package load

import (
	"testing"

	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
)

// TestWithin checks where a mistake inside a value is reported: at its
// character when the value is written on its line as read, and at the
// value otherwise, never past the end of a line.
func TestWithin(t *testing.T) {
	tests := []struct {
		src    string
		offset int // of the mistake in the value as read
		want   string
	}{
		{"a: 93% x\n", 4, "f:1:8"},
		{"a: \"93% x\"\n", 4, "f:1:9"},
		{"a: '93% x'\n", 4, "f:1:9"},
		{"a: £93 x\n", 4, "f:1:7"},                     // columns count characters: "£" is one
		{"a: \"93%\\tx\"\n", 4, "f:1:4"},               // an escape: the value as read is not the text written
		{"a: \"93%\n  x\"\n", 4, "f:1:4"},              // folded over two lines
		{"a: 93%\n  x\n", 4, "f:1:4"},                  // a plain value over two lines
		{"a: >\n  93% x\n", 4, "f:1:4"},                // a block scalar: at its indicator
		{"a: {b: 1, c: 93% x}\r\nd: 2\n", 4, "f:1:18"}, // in a flow mapping, CRLF
	}
	for _, tt := range tests {
		d := &doc{file: "f", errs: &diag.List{}}
		root := d.parse([]byte(tt.src))
		n := root.Content[1]
		if n.Kind == yaml.MappingNode {
			n = n.Content[3]
		}
		if got := d.within(n, n.Value, tt.offset).String(); got != tt.want {
			t.Errorf("%q: the mistake at %d of %q is reported at %s, want %s", tt.src, tt.offset, n.Value, got, tt.want)
		}
	}
}
