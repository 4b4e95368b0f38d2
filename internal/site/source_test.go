package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSourceWriteFile writes through a Source: folders are made, the file
// appears whole with no temporary file left beside it, and a folder that a
// symbolic link takes out of the site is refused with nothing written there.
func TestSourceWriteFile(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	src, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()

	if err := src.WriteFile("data/quarters/2016-17-q3.yaml", []byte("quarter: 2016-17 Q3\n")); err != nil {
		t.Fatal(err)
	}
	if err := src.WriteFile("data/quarters/2016-17-q3.yaml", []byte("quarter: 2016-17 Q3\nmeasures: {}\n")); err != nil {
		t.Fatalf("replacing a file: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "data", "quarters", "2016-17-q3.yaml"))
	if err != nil || string(b) != "quarter: 2016-17 Q3\nmeasures: {}\n" {
		t.Errorf("the file holds %q (%v)", b, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "data", "quarters", ".*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}

	err = src.WriteFile("content/2016-17-q3/_index.md", []byte("# Hello\n"))
	if err == nil || !strings.Contains(err.Error(), "content: this is a symbolic link that points outside the site") {
		t.Errorf("writing through a link out of the site: %v", err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("written outside the site: %v", entries)
	}
}
