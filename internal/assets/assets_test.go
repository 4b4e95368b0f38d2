package assets

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestFiles checks the embedded assets: ECharts (which make assets copies
// in before every build and test), the chart loader and the search script,
// each under a name that carries its content's hash.
func TestFiles(t *testing.T) {
	files, err := Files()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"assets/echarts.common.min.js", "assets/charts.js", "assets/search.js"}
	if len(files) != len(want) {
		t.Fatalf("Files() = %d files; want %d: %v", len(files), len(want), want)
	}
	shape := regexp.MustCompile(`^assets/[a-z.]+\.[0-9a-f]{8}\.js$`)
	for i, f := range files {
		if f.Name != want[i] {
			t.Errorf("file %d is named %q; want %q", i, f.Name, want[i])
		}
		sum := sha256.Sum256(f.Data)
		if !shape.MatchString(f.Path) || !strings.Contains(f.Path, "."+hex.EncodeToString(sum[:4])+".") {
			t.Errorf("%s is published as %q; want its name with the first 8 hex digits of its SHA-256 before .js", f.Name, f.Path)
		}
	}
	if !bytes.Contains(files[0].Data, []byte("Apache")) || len(files[0].Data) < 100_000 {
		t.Errorf("the ECharts asset (%d bytes) does not look like ECharts", len(files[0].Data))
	}
	if n := Names(files); n["assets/charts.js"] != files[1].Path {
		t.Errorf("Names maps assets/charts.js to %q; want %q", n["assets/charts.js"], files[1].Path)
	}
}

// TestHashed checks that a name's hash follows its content and sits before
// the extension.
func TestHashed(t *testing.T) {
	a, b := Hashed("style.css", []byte("a{}")), Hashed("style.css", []byte("b{}"))
	if a == b {
		t.Errorf("two contents give one name, %q", a)
	}
	if !regexp.MustCompile(`^style\.[0-9a-f]{8}\.css$`).MatchString(a) {
		t.Errorf("Hashed(style.css) = %q; want style.<8 hex digits>.css", a)
	}
	if a != Hashed("style.css", []byte("a{}")) {
		t.Errorf("Hashed is not deterministic")
	}
}

// TestMissingECharts checks that a binary built without ECharts says how
// to install it.
func TestMissingECharts(t *testing.T) {
	_, err := filesFrom(fstest.MapFS{"charts.js": {Data: []byte("//")}})
	if err == nil || !strings.Contains(err.Error(), "make assets") || !strings.Contains(err.Error(), "npm ci") {
		t.Errorf("without ECharts: err = %v; want one naming make assets and npm ci", err)
	}
}
