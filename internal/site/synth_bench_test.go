package site

import (
	"path/filepath"
	"testing"

	"scorecard/internal/synth"
)

// BenchmarkBuildSynthetic builds a synthetic site of 1,000 measures over
// 40 quarters (the smallest size make bench times) into a temporary folder.
func BenchmarkBuildSynthetic(b *testing.B) {
	src := filepath.Join(b.TempDir(), "site")
	if err := synth.Write(src, synth.Options{Measures: 1000, Themes: 8, Quarters: 40, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(src, out, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
