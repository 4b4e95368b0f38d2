package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTerminalEscapes builds and checks a site with a folder under
// content/ whose name holds terminal escape sequences (one that colours
// the terminal red, one that sets its window's title, a right-to-left
// override): the build and the check name the folder, and nothing the
// site holds reaches the terminal as a control character.
func TestTerminalEscapes(t *testing.T) {
	dir := importSite(t, nil)
	for _, name := range []string{"\x1b[31mred", "\x1b]0;owned\a", "\u202etxt.exe"} {
		if err := os.MkdirAll(filepath.Join(dir, "content", name), 0o755); err != nil {
			t.Skipf("the file system refuses the name %q: %v", name, err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	for _, args := range [][]string{
		{"build", "-src", dir, "-out", out},
		{"check", "-src", dir},
	} {
		var stdout, stderr bytes.Buffer
		if code := Run(args, &stdout, &stderr); code != 1 {
			t.Errorf("%s: exit status %d, want 1\n%s%s", args[0], code, &stdout, &stderr)
		}
		printed := stdout.String() + stderr.String()
		for _, r := range printed {
			if r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Errorf("%s printed %U:\n%q", args[0], r, printed)
				break
			}
		}
		for _, want := range []string{`content/\x1b[31mred: `, `content/\x1b]0;owned\x07: `, `content/\u202etxt.exe: `} {
			if !strings.Contains(printed, want) {
				t.Errorf("%s does not name %s:\n%s", args[0], want, printed)
			}
		}
	}
}

// TestBuiltLineEscapes prints the output folder, which the user named,
// escaped in the line that reports a build.
func TestBuiltLineEscapes(t *testing.T) {
	dir := importSite(t, nil)
	out := filepath.Join(t.TempDir(), "pub\x1b[2Jlic")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"build", "-src", dir, "-out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit status %d\n%s%s", code, &stdout, &stderr)
	}
	if !strings.Contains(stdout.String(), `pub\x1b[2Jlic in `) || strings.Contains(stdout.String(), "\x1b") {
		t.Errorf("the build printed %q", stdout.String())
	}
}
