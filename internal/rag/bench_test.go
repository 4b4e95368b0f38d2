package rag_test

import (
	"os"
	"path/filepath"
	"testing"

	"scorecard/internal/load"
	"scorecard/internal/rag"
	"scorecard/internal/synth"
)

// BenchmarkAssess works out every status and direction of travel of a
// synthetic site of 1,000 measures over 40 quarters (40,000 rows).
func BenchmarkAssess(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "site")
	if err := synth.Write(dir, synth.Options{Measures: 1000, Themes: 8, Quarters: 40, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	s, findings := load.Site(os.DirFS(dir))
	if findings.HasErrors() {
		b.Fatal(findings)
	}
	b.ReportAllocs()
	for b.Loop() {
		rag.Assess(s) // it sets every row's results afresh
	}
}
