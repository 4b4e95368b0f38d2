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
		"data/site.yaml":                "organisation: Test Council\ntitle: Performance Report\nbase_url: https://example.org/report/\naccessibility: {contact_email: access@example.org, prepared: 2026-11-25}\n",
		"data/measures.yaml":            "themes:\n  - {id: homes, title: Homes}\n  - {id: roads, title: Roads}\nmeasures:\n  - {id: homes-1, theme: homes, title: Homes built, good: higher, unit: count}\n  - {id: roads-1, theme: roads, title: Potholes filled, good: higher, unit: count}\n",
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
		anchors := render.NewAnchors(s, nil)
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

// TestNarrativeEveryPlace checks a link and an anchor in each place a page
// shows narrative: links resolve from the page, footnotes and anchors go to
// the narrative's own page, and ids carry the page's prefix.
func TestNarrativeEveryPlace(t *testing.T) {
	res, err := Generate(narrativeSite(nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	tests := []struct {
		place, page string
		want        []string
	}{
		{"home: introduction", "index.html", []string{
			`<a href="2016-17/q2/homes/index.html#sc-scorecard">the homes scorecard</a>`,
			`<a href="measures/homes-1/index.html">Homes built</a>`, `<a href="#roads">the roads</a>`, `<h2 id="roads">Roads</h2>`}},
		{"home: a theme's summary", "index.html", []string{
			`<a href="measures/homes-1/index.html#sc-history">homes</a>`,
			`<a href="2016-17/q2/homes/index.html#key-projects">below</a>`,
			`<sup id="home-homes-fnref:1"><a href="2016-17/q2/homes/index.html#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`}},
		{"a quarter's home: a theme's summary", "2016-17/q2/index.html", []string{
			`<a href="../../measures/homes-1/index.html#sc-history">homes</a>`,
			`<a href="../../2016-17/q2/homes/index.html#key-projects">below</a>`,
			`<a href="../../2016-17/q2/homes/index.html#fn:1"`}},
		{"theme", "2016-17/q2/homes/index.html", []string{
			`<h2 id="summary">Summary</h2>`, `<a href="../../../measures/homes-1/index.html#sc-history">homes</a>`,
			`<a href="#key-projects">below</a>`, `<sup id="fnref:1"><a href="#fn:1"`, `<li id="fn:1">`,
			`<h3 id="new-homes">New homes</h3>`, `<a href="../../../2016-17/q2/roads/index.html">the roads</a>`}},
		{"print: introduction", "2016-17/q2/print/index.html", []string{
			`<a href="../../../measures/homes-1/index.html">Homes built</a>`, `<a href="#roads">the roads</a>`, `<h2 id="roads">Roads</h2>`}},
		{"print: theme", "2016-17/q2/print/index.html", []string{
			`<h3 id="homes-summary">Summary</h3>`, `<h4 id="homes-new-homes">New homes</h4>`,
			`<a href="#homes-key-projects">below</a>`, `<a href="../../../measures/homes-1/index.html#sc-history">homes</a>`,
			`<sup id="homes-fnref:1"><a href="#homes-fn:1"`, `<li id="homes-fn:1">`}},
		{"measure: what the report says", "measures/homes-1/index.html", []string{
			`<h3 id="tie-2016-17-q2-new-homes">`, `<a href="../../2016-17/q2/roads/index.html">the roads</a>`}},
		{"about", "about/index.html", []string{
			`<a href="../measures/index.html">every measure</a>`, `<a href="#statuses">the statuses</a>`, `<h2 id="who">Who we are</h2>`}},
		{"search", render.SearchIndexPath, []string{
			`We built homes, see below and Phoenix.`, `Fewer potholes: see the homes.`, `See Homes built and the roads.`,
			"2016-17/q2/homes/index.html#summary", "2016-17/q2/index.html#roads"}},
		{"feed", "feed.xml", []string{"<title>Our report</title>", "https://example.org/report/2016-17/q2/"}},
	}
	for _, tt := range tests {
		page, ok := files[tt.page]
		if !ok {
			t.Errorf("%s: no %s", tt.place, tt.page)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: %s has no %s", tt.place, tt.page, w)
			}
		}
	}
	if strings.Contains(files[render.SearchIndexPath], "Phoenix.1") {
		t.Errorf("search: a footnote's number is in the text")
	}
}

// TestBrokenLinks checks a broken link and a broken anchor from each
// narrative a site has, and that the anchors a page's template writes are
// anchors too.
func TestBrokenLinks(t *testing.T) {
	tests := []struct {
		name, file, md, want string
	}{
		{"introduction: anchor", "content/2016-17-q2/_index.md", "See [x](#nowhere).\n",
			`content/2016-17-q2/_index.md:1:5: the link "#nowhere" goes to #nowhere, which is not an anchor on 2016-17/q2/index.html`},
		{"theme: anchor on another page", "content/2016-17-q2/roads.md", "## Summary\n\nSee [x](2016-17/q2/homes/#missing).\n",
			`content/2016-17-q2/roads.md:3:5: the link "2016-17/q2/homes/#missing" goes to #missing, which is not an anchor on 2016-17/q2/homes/index.html`},
		{"theme: page", "content/2016-17-q2/roads.md", "## Summary\n\nSee [x](measures/nope/).\n",
			`content/2016-17-q2/roads.md:3:5: the link "measures/nope/" goes to measures/nope/index.html, which the site does not have`},
		{"theme: from the root", "content/2016-17-q2/roads.md", "## Summary\n\nSee [x](/measures/).\n",
			`content/2016-17-q2/roads.md:3:5: the link "/measures/" should be written from the site's root`},
		{"about: anchor on a measure", "content/_about.md", "See [x](measures/roads-1/#sc-said).\n",
			`content/_about.md:1:5: the link "measures/roads-1/#sc-said" goes to #sc-said, which is not an anchor on measures/roads-1/index.html`},
		{"about: template and print anchors are anchors", "content/_about.md", "See [x](measures/homes-1/#sc-history), [y](2016-17/q2/print/#homes-summary) and [z](2016-17/q2/#home-homes-fnref:1).\n", ""},
	}
	for _, tt := range tests {
		_, err := Generate(narrativeSite(map[string]string{tt.file: tt.md}), Options{})
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: got %v\nwant %s", tt.name, err, tt.want)
		}
	}
}

// A page made with a template of the site's own may write ids render does
// not know: links to anchors on it are not checked, while those on pages
// made with built-in templates still are.
func TestBrokenLinksOwnLayout(t *testing.T) {
	layout := "{{define \"main\"}}<h1 id=\"own\">{{.Theme.Title}}</h1>{{end}}\n"
	fsys := narrativeSite(map[string]string{
		"layouts/theme.html":          layout,
		"content/2016-17-q2/roads.md": "## Summary\n\nSee [x](2016-17/q2/homes/#own) and [y](measures/homes-1/#own).\n",
	})
	_, err := Generate(fsys, Options{})
	want := `content/2016-17-q2/roads.md:3:36: the link "measures/homes-1/#own" goes to #own, which is not an anchor on measures/homes-1/index.html;`
	if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), "\n") > 0 {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
