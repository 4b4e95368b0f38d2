package sheet

import (
	"strings"
	"testing"
	"testing/fstest"

	"scorecard/internal/load"
)

// A figure word the build accepts (NYA, or one of the site's figure_words)
// is imported as written, and the build reads back what the import wrote;
// a word the site does not know is refused at its cell.
func TestImportFigureWords(t *testing.T) {
	fsys := siteFS(t)
	site := fsys["data/site.yaml"]
	site.Data = append(append([]byte(nil), site.Data...), "\nfigure_words:\n  - {word: NYA, means: not yet available}\n  - {word: TBC, means: to be confirmed}\n"...)
	s, findings := load.Site(fsys)
	if err := findings.Err(); err != nil {
		t.Fatal(err)
	}
	q, probs := Import(csvSheet(t, "measure,target,actual,status\nhomes-1,tbc,NYA,\n"), s, q2, Config{})
	if probs != nil {
		t.Fatalf("the import refused figure words the site declares: %v", probs.List)
	}
	written := q.YAML("scores.csv")
	fsys["data/quarters/2016-17-q2.yaml"] = &fstest.MapFile{Data: written}
	if _, findings := load.Site(fsys); findings.HasErrors() {
		t.Errorf("the build refuses what the import wrote:\n%v\n%s", findings.Err(), written)
	}

	_, probs = Import(csvSheet(t, "measure,target,actual,status\nhomes-1,100,NYK,\n"), s, q2, Config{})
	if probs == nil || !strings.Contains(probs.List.Error(), "scores.csv:2:3:") || !strings.Contains(probs.List.Error(), "figure_words") {
		t.Errorf("an unknown word: %v, want a problem at C2 naming figure_words", probs)
	}
}
