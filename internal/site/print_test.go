package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/internal/render"
	"scorecard/internal/synth"
)

// TestLargePrintPage: a quarter with more measures than a print page holds
// keeps its narrative there and sends readers to each theme's page for the
// scorecard, by links that resolve.
func TestLargePrintPage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := synth.Write(dir, synth.Options{Measures: render.PrintMaxMeasures + 100, Themes: 3, Quarters: 2, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	res, err := Generate(os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	page := files["2016-17/q2/print/index.html"]
	if strings.Contains(page, `<table class="scorecard"`) {
		t.Error("the print page of a large quarter holds scorecards")
	}
	if n := strings.Count(page, "prints from <a href="); n != 3 {
		t.Errorf("%d themes sent to their own page, want 3", n)
	}
	if !strings.Contains(page, `with 2100 measures in all`) {
		t.Error("the print page does not say how many measures the quarter has")
	}
	for _, theme := range []string{"t01-better-borough", "t02-business-like", "t03-vulnerable"} {
		link := `href="../../../2016-17/q2/` + theme + `/index.html"`
		if !strings.Contains(page, link) {
			t.Errorf("no link %s", link)
		}
		if _, ok := files["2016-17/q2/"+theme+"/index.html"]; !ok {
			t.Errorf("the theme page for %s is missing", theme)
		}
	}
	if !strings.Contains(page, `class="narrative"`) {
		t.Error("the print page of a large quarter lost its narrative")
	}
}
