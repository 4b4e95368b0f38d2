package site

import (
	"bytes"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"scorecard/internal/render"
)

// idsOnPage reads the ids a page writes.
func idsOnPage(page []byte) []string {
	var ids []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ids
		case html.StartTagToken, html.SelfClosingTagToken:
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				if string(k) == "id" {
					ids = append(ids, string(v))
				}
			}
		}
	}
}

// narrativeSite is a small site with narrative in every place a page
// shows it, each with a link to another page, a link to an anchor and a
// footnote; extra adds or replaces files.
func narrativeSite(extra map[string]string) fstest.MapFS {
	files := map[string]string{
		"data/site.yaml":     "organisation: Test Council\ntitle: Performance Report\naccessibility: {contact_email: access@example.org, prepared: 2026-11-25}\n",
		"data/measures.yaml": "themes:\n  - {id: homes, title: Homes}\n  - {id: roads, title: Roads}\nmeasures:\n  - {id: homes-1, theme: homes, title: Homes built, good: higher, unit: count}\n  - {id: roads-1, theme: roads, title: Potholes filled, good: higher, unit: count}\n",
		"data/quarters/2016-17-q2.yaml": "quarter: 2016-17 Q2\nmeasures:\n  homes-1: {target: 100, actual: 120, status: HG}\n  roads-1: {target: 10, actual: 5, status: HR}\n",
		"content/_about.md":             "We publish [every measure](measures/) and [the statuses](#statuses).\n\n## Who we are {#who}\n\nThe council.\n",
		"content/2016-17-q2/_index.md":  "---\ntitle: Our report\n---\nThe lead, with [the homes scorecard](2016-17/q2/homes/#sc-scorecard) and a note.[^lead]\n\n## Housing\n\nSee [Homes built](measures/homes-1/) and [the roads](#roads).\n\n## Roads {#roads}\n\nBack to [housing](#housing).\n\n[^lead]: The lead's note.\n",
		"content/2016-17-q2/homes.md":   "## Summary\n\nWe built [homes](measures/homes-1/#sc-history), see [below](#key-projects) and Phoenix.[^1]\n\n## Key projects\n\n### New homes {measure=\"homes-1\"}\n\nRead [the summary](#summary) or [the roads](2016-17/q2/roads/).\n\n[^1]: Project Phoenix.\n",
		"content/2016-17-q2/roads.md":   "## Summary\n\nFewer potholes: see [the homes](2016-17/q2/homes/#new-homes).\n",
	}
	for name, data := range extra {
		files[name] = data
	}
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// TestAnchors checks that the ids render declares for each page (which
// the link check uses) are those the page writes, on every page of the
// examples and of a site with narrative in every place.
func TestAnchors(t *testing.T) {
	sites := []struct {
		name string
		fsys fs.FS
	}{
		{"root example", os.DirFS(exampleSite)},
		{"district-monthly", os.DirFS(exampleSite + "/examples/district-monthly")},
		{"annual-outturn", os.DirFS(exampleSite + "/examples/annual-outturn")},
		{"narrative", narrativeSite(nil)},
	}
	for _, site := range sites {
		s, findings := Check(site.fsys, Options{})
		if err := findings.Err(); err != nil {
			t.Fatalf("%s: %v", site.name, err)
		}
		res, err := Generate(site.fsys, Options{})
		if err != nil {
			t.Fatalf("%s: %v", site.name, err)
		}
		anchors := render.NewAnchors(s)
		pages := 0
		for _, f := range res.Files {
			if !strings.HasSuffix(f.Path, ".html") {
				continue
			}
			declared, ok := anchors.Of(f.Path)
			if !ok {
				t.Errorf("%s: render declares no ids for %s", site.name, f.Path)
				continue
			}
			pages++
			got := idsOnPage(f.Data)
			slices.Sort(got)
			slices.Sort(declared)
			if got, declared := slices.Compact(got), slices.Compact(declared); !slices.Equal(got, declared) {
				t.Errorf("%s: %s writes the ids\n%v\nbut render declares\n%v", site.name, f.Path, got, declared)
			}
		}
		if pages == 0 {
			t.Errorf("%s: no pages", site.name)
		}
	}
}
