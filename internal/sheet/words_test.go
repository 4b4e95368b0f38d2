package sheet

import (
	"strings"
	"testing"
	"testing/fstest"

	"scorecard/internal/load"
	"scorecard/internal/report"
)

// roundTrip imports the CSV text, which must be accepted (what it holds is
// said in what), and checks that the build reads back what it wrote.
func roundTrip(t *testing.T, fsys fstest.MapFS, s *report.Site, text, what string) {
	t.Helper()
	q, probs := Import(csvSheet(t, text), s, q2, Config{})
	if probs != nil {
		t.Fatalf("the import refused %s: %v", what, probs.List)
	}
	written := q.YAML("scores.csv")
	fsys["data/quarters/2016-17-q2.yaml"] = &fstest.MapFile{Data: written}
	if _, findings := load.Site(fsys); findings.HasErrors() {
		t.Errorf("the build refuses what the import wrote:\n%v\n%s", findings.Err(), written)
	}
}

// configured loads the site in fsys with more configuration added to its
// data/site.yaml.
func configured(t *testing.T, fsys fstest.MapFS, more string) *report.Site {
	t.Helper()
	site := fsys["data/site.yaml"]
	site.Data = append(append([]byte(nil), site.Data...), more...)
	s, findings := load.Site(fsys)
	if err := findings.Err(); err != nil {
		t.Fatal(err)
	}
	return s
}

// A figure word the build accepts (NYA, or one of the site's figure_words)
// is imported as written, and the build reads back what the import wrote;
// a word the site does not know is refused at its cell.
func TestImportFigureWords(t *testing.T) {
	fsys := siteFS(t)
	s := configured(t, fsys, "\nfigure_words:\n  - {word: NYA, means: not yet available}\n  - {word: TBC, means: to be confirmed}\n")
	roundTrip(t, fsys, s, "measure,target,actual,status\nhomes-1,tbc,NYA,\n", "figure words the site declares")

	_, probs := Import(csvSheet(t, "measure,target,actual,status\nhomes-1,100,NYK,\n"), s, q2, Config{})
	if probs == nil || !strings.Contains(probs.List.Error(), "scores.csv:2:3:") || !strings.Contains(probs.List.Error(), "figure_words") {
		t.Errorf("an unknown word: %v, want a problem at C2 naming figure_words", probs)
	}
}
