package site

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/report"
)

// unassessed lists the rows of s (each edition's own and its earlier
// periods) that have no computed status or reason for none, or a
// direction of travel with neither a kind nor a reason.
func unassessed(s *report.Site) []string {
	var out []string
	dir := func(d report.Direction) bool {
		return d.Kind != report.NotComparable || d.Reason != report.NoReason || d.Now != ""
	}
	for _, q := range s.Quarters {
		for _, r := range append(q.Rows[:len(q.Rows):len(q.Rows)], q.More...) {
			if (r.Computed.Status == nil && r.Computed.Reason() == "") || !dir(r.SinceQuarter) || !dir(r.SinceLastYear) {
				out = append(out, q.ID.Label()+" "+r.Measure.ID)
			}
		}
	}
	return out
}

// TestPreparedAssessed: whichever way a caller comes into the pipeline,
// with drafts or without, every row of the site it is given is assessed,
// and stays so when a narrative change reloads the preview, whose rows
// are shared with the one before.
func TestPreparedAssessed(t *testing.T) {
	dir := copySite(t)
	sites := []string{dir, filepath.Join(exampleSite, "examples", "district-monthly"), filepath.Join(exampleSite, "examples", "annual-outturn")}
	for _, src := range sites {
		for _, drafts := range []bool{false, true} {
			opts := Options{Drafts: drafts}
			fsys := os.DirFS(src)
			s, findings := Check(fsys, opts)
			if findings.HasErrors() {
				t.Fatalf("%s: %v", src, findings)
			}
			p, err := NewPreview(fsys, opts)
			if err != nil {
				t.Fatalf("%s: %v", src, err)
			}
			ways := map[string]*report.Site{"Check": s, "NewPreview": p.site.view}
			if src == dir {
				appendTo(t, filepath.Join(dir, themeFile), "\nA sentence added in preview.\n")
				p2, err := p.Reload([]string{themeFile})
				if err != nil {
					t.Fatal(err)
				}
				if p2.site.view == p.site.view {
					t.Fatal("the reload made no new view")
				}
				ways["Reload"] = p2.site.view
			}
			for way, s := range ways {
				if len(s.Quarters) == 0 {
					t.Fatalf("%s, drafts %v, %s: no quarters", src, drafts, way)
				}
				if bad := unassessed(s); len(bad) > 0 {
					t.Errorf("%s, drafts %v, %s: %d rows unassessed, such as %v", src, drafts, way, len(bad), bad[0])
				}
			}
		}
	}
}

// TestSinksAgree: a build into a staged folder, into memory and into
// nothing makes the same files and counts them alike.
func TestSinksAgree(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	built, err := Build(exampleSite, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mem, err := Generate(os.DirFS(exampleSite), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := prepare(os.DirFS(exampleSite), Options{}, from{how: forBuild})
	none, _, err := p.render(discard{})
	if err != nil {
		t.Fatal(err)
	}
	generated := map[string]string{}
	for _, f := range mem.Files {
		generated[f.Path] = string(f.Data)
	}
	onDisk := readTree(t, out)
	delete(onDisk, ".scorecard-build.json") // the manifest, which the staged folder adds
	if diff := cmp.Diff(generated, onDisk); diff != "" {
		t.Errorf("the built files differ from the generated ones (-generated +built):\n%s", diff)
	}
	for _, r := range []*Result{built, none} {
		if r.Count != mem.Count || r.Pages != mem.Pages || r.Bytes != mem.Bytes {
			t.Errorf("counted %d files, %d pages, %d bytes; Generate counted %d, %d, %d", r.Count, r.Pages, r.Bytes, mem.Count, mem.Pages, mem.Bytes)
		}
	}
	if len(mem.Files) != mem.Count {
		t.Errorf("Generate holds %d files and counted %d", len(mem.Files), mem.Count)
	}
}
