package load

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"scorecard/internal/narrative"
	"scorecard/internal/report"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/errors/*.txtar")

// site lays the fixture's files over testdata/base.txtar.
func site(t *testing.T, fixture *txtar.Archive) fstest.MapFS {
	t.Helper()
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range base.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	if fixture != nil {
		for _, f := range fixture.Files {
			switch {
			case f.Name == "want":
			case string(f.Data) == "DELETE\n":
				delete(fsys, f.Name)
			default:
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
		}
	}
	return fsys
}

func TestBaseSiteLoads(t *testing.T) {
	s, errs := Site(site(t, nil))
	if len(errs) > 0 {
		t.Fatalf("base site: %v", errs)
	}
	if len(s.Measures) != 3 || len(s.Quarters) != 1 || len(s.Quarters[0].Rows) != 3 {
		t.Fatalf("base site: %d measures, %d quarters", len(s.Measures), len(s.Quarters))
	}
	q := s.Quarters[0]
	if q.Intro == nil || len(q.Narrative) != 1 {
		t.Fatalf("base site: intro %v, %d theme narratives", q.Intro != nil, len(q.Narrative))
	}
	ties := q.Narrative[s.Themes[0]].Ties
	if len(ties) != 1 || ties[0].Measures[0].ID != "homes-2" || !strings.Contains(blocksHTML(ties[0].HTML), "Repairs were slow.") {
		t.Fatalf("base site: ties = %+v", ties)
	}
	homes := q.Narrative[s.Themes[0]]
	if len(homes.Sections) != 1 || homes.Sections[0].Heading != "Summary of key challenges" || !strings.Contains(blocksHTML(homes.Sections[0].HTML), "Repairs were slow.") {
		t.Errorf("base site: sections = %+v", homes.Sections)
	}
	if !strings.Contains(blocksHTML(q.Intro.Lead), "An introduction.") || q.Intro.Title != "Performance Report – Quarter 2, 2016/17" {
		t.Errorf("base site: intro %q, lead %q", q.Intro.Title, blocksHTML(q.Intro.Lead))
	}
	if strings.Contains(blocksHTML(q.Narrative[s.Themes[0]].HTML), "measure=") {
		t.Errorf("the measure attribute leaked into the HTML: %s", blocksHTML(q.Narrative[s.Themes[0]].HTML))
	}
	if r := q.Rows[2]; r.Target.Num != 90 || r.Actual.Num != 151 {
		t.Errorf("work-1: target %v, actual %v seconds; want 90, 151", r.Target.Num, r.Actual.Num)
	}
}

// TestErrors loads each broken site in testdata/errors and compares every
// finding, with its file:line:col, against the fixture's want section.
func TestErrors(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, errs := Site(site(t, a))
			got := ""
			for _, d := range errs {
				got += d.Error() + "\n"
			}
			if got == "" {
				t.Fatal("the broken site loaded without a finding")
			}
			if *update {
				found := false
				for i := range a.Files {
					if a.Files[i].Name == "want" {
						a.Files[i].Data = []byte(got)
						found = true
					}
				}
				if !found {
					a.Files = append(a.Files, txtar.File{Name: "want", Data: []byte(got)})
				}
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := ""
			for _, f := range a.Files {
				if f.Name == "want" {
					want = string(f.Data)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMeasureBands reads a measure's own rating bands from the catalogue.
func TestMeasureBands(t *testing.T) {
	fsys := site(t, nil)
	cat := string(fsys["data/measures.yaml"].Data)
	cat = strings.Replace(cat, "    unit: count\n", "    unit: count\n    bands:\n      - {status: HG, at_least: 0}\n      - {status: HR}\n", 1)
	fsys["data/measures.yaml"] = &fstest.MapFile{Data: []byte(cat)}
	s, errs := Site(fsys)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	b := s.Measures[0].Bands
	if len(b) != 2 || b[0].Status.Code != "HG" || *b[0].AtLeast != 0 || b[1].Status.Code != "HR" || b[1].AtLeast != nil {
		t.Errorf("homes-1 bands = %+v", b)
	}
	if s.Measures[1].Bands != nil {
		t.Errorf("homes-2 has bands %+v; want the site's", s.Measures[1].Bands)
	}
	if len(s.Rating.Bands) != 5 || s.Rating.InRange == nil || s.Rating.InRange.Code != "G" {
		t.Errorf("site rating = %+v; want the five default bands and G in range", s.Rating)
	}
}

// blocksHTML is narrative as its own page shows it.
func blocksHTML(b report.Blocks) string {
	var w strings.Builder
	if err := narrative.Render(&w, b, narrative.Place{}); err != nil {
		return "render: " + err.Error()
	}
	return w.String()
}
