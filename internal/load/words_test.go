package load

import (
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/value"
)

// The built-in figure words are the ones package value documents.
func TestDefaultFigureWords(t *testing.T) {
	d := &doc{file: "(built-in defaults)"}
	n := d.parse(defaults)
	if w := readFigureWords(d, lookup(n, "figure_words")); !cmp.Equal(w, value.DefaultWords) {
		t.Errorf("defaults.yaml figure_words = %v; want value.DefaultWords %v", w, value.DefaultWords)
	}
}

func TestFigureWordCells(t *testing.T) {
	for _, tt := range []struct {
		name, site          string
		target, actual      string
		targetKind, actKind value.Kind
		targetMean, actMean string
	}{
		{"defaults", "", "No target", "nya", value.Word, value.Word, "no target set", "not yet available"},
		{"defaults, N/a and New", "", "N/a", " New", value.Word, value.Word, "not applicable", "new measure, no figure yet"},
		{"configured", "figure_words:\n  - {word: Not measured, means: not counted this quarter}\n  - {word: TBC, means: to be confirmed}\n", "100", "not MEASURED", value.Number, value.Word, "", "not counted this quarter"},
		{"configured, dash still not applicable", "figure_words: [{word: TBC, means: to be confirmed}]\n", "-", "tbc", value.NotApplicable, value.Word, "", "to be confirmed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := site(t, nil)
			fsys["data/site.yaml"] = &fstest.MapFile{Data: append(append([]byte{}, fsys["data/site.yaml"].Data...), tt.site...)}
			fsys["data/quarters/2016-17-q2.yaml"] = &fstest.MapFile{Data: []byte("quarter: 2016-17 Q2\nmeasures:\n  homes-1: {target: \"" + tt.target + "\", actual: \"" + tt.actual + "\", status: HG}\n")}
			s, errs := Site(fsys)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			r := s.Quarters[0].Rows[0]
			if r.Target.Kind != tt.targetKind || r.Target.Meaning() != tt.targetMean || r.Target.Raw != tt.target {
				t.Errorf("target = %v %q %q; want %v %q %q", r.Target.Kind, r.Target.Raw, r.Target.Meaning(), tt.targetKind, tt.target, tt.targetMean)
			}
			if r.Actual.Kind != tt.actKind || r.Actual.Meaning() != tt.actMean || r.Actual.Raw != tt.actual {
				t.Errorf("actual = %v %q %q; want %v %q %q", r.Actual.Kind, r.Actual.Raw, r.Actual.Meaning(), tt.actKind, tt.actual, tt.actMean)
			}
		})
	}
}
