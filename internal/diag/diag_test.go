package diag

import (
	"io/fs"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	for _, tt := range []struct{ in, want, lines string }{
		{"content/2016-17-q2/homes.md", "content/2016-17-q2/homes.md", "content/2016-17-q2/homes.md"},
		{"café £5 – “quoted” \\x1b", "café £5 – “quoted” \\x1b", "café £5 – “quoted” \\x1b"},
		{"content/\x1b[31mred\x1b[0m", `content/\x1b[31mred\x1b[0m`, `content/\x1b[31mred\x1b[0m`},
		{"a\nb\tc\rd", `a\nb\tc\rd`, "a\nb\tc\\rd"},
		{"\x00\x07\x7f", `\x00\x07\x7f`, `\x00\x07\x7f`},
		{"C1 \u0085 \u009b", `C1 \u0085 \u009b`, `C1 \u0085 \u009b`},
		{"bad \x9b[2J byte", `bad \x9b[2J byte`, `bad \x9b[2J byte`},
		{"\u202eevil\u202c \u2066x\u2069", `\u202eevil\u202c \u2066x\u2069`, `\u202eevil\u202c \u2066x\u2069`},
		{"\u200b\ufffd", "\u200b\ufffd", "\u200b\ufffd"},
	} {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Escape(Escape(tt.in)); got != tt.want {
			t.Errorf("Escape(Escape(%q)) = %q, want %q", tt.in, got, tt.want)
		}
		if got := EscapeLines(tt.in); got != tt.lines {
			t.Errorf("EscapeLines(%q) = %q, want %q", tt.in, got, tt.lines)
		}
	}
}

// TestErrorEscapes prints findings whose file name and message hold
// terminal escape sequences: nothing but printable text reaches the
// terminal, and the position and message are still there to read.
func TestErrorEscapes(t *testing.T) {
	var l List
	l.Errorf(Pos{File: "content/\x1b[31m2016-17-q2", Line: 3, Col: 1}, "the heading %s is wrong", "\x1b]0;owned\x07")
	l.Warnf(Pos{File: "data/\u202esite.yaml"}, "odd\u009b")
	out := l.Error()
	for _, r := range out {
		if r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e {
			t.Errorf("the output holds %U:\n%q", r, out)
		}
	}
	want := `content/\x1b[31m2016-17-q2:3:1: the heading \x1b]0;owned\x07 is wrong` + "\n" +
		`data/\u202esite.yaml: warning: odd\u009b`
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if strings.Count(out, "\n") != 1 {
		t.Errorf("two findings should print as two lines:\n%s", out)
	}
}

func TestSpecial(t *testing.T) {
	for _, tt := range []struct {
		mode fs.FileMode
		want string
	}{
		{0o644, ""},
		{fs.ModeDir, ""},
		{fs.ModeSymlink, ""},
		{fs.ModeNamedPipe, "this is a named pipe (a special file through which one program passes data to another), not a file; Scorecard reads only plain files and folders; replace it with the file itself"},
		{fs.ModeSocket, "this is a socket"},
		{fs.ModeDevice, "this is a device"},
		{fs.ModeDevice | fs.ModeCharDevice, "this is a device"},
		{fs.ModeIrregular, "this is a special file"},
	} {
		got := Special(tt.mode, "file")
		if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
			t.Errorf("Special(%v) = %q, want %q", tt.mode, got, tt.want)
		}
	}
	if got := Special(fs.ModeNamedPipe, "folder"); !strings.HasSuffix(got, "not a folder; Scorecard reads only plain files and folders; replace it with the folder itself") {
		t.Errorf("Special(pipe, folder) = %q", got)
	}
}
