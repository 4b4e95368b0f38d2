package load_test

import (
	"os"
	"path/filepath"
	"testing"

	"scorecard/internal/load"
	"scorecard/internal/synth"
)

// BenchmarkLoad loads a synthetic site of 1,000 measures over 40 quarters
// (40 quarter files of 1,000 rows, 360 narrative files): YAML, every check,
// Markdown.
func BenchmarkLoad(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := synth.Write(dir, synth.Options{Measures: 1000, Themes: 8, Quarters: 40, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		if _, findings := load.Site(fsys); findings.HasErrors() {
			b.Fatal(findings)
		}
	}
}
