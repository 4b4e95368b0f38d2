package site

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"scorecard/internal/render"
)

// nestedFS is internal/load's site whose themes nest three levels deep,
// with ids as councils write them.
func nestedFS(t *testing.T) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile("../load/testdata/nested.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		if string(f.Data) != "DELETE\n" {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
}

// wantCrumbs reports a page whose breadcrumb trail is not want.
func wantCrumbs(t *testing.T, name, page, want string) {
	t.Helper()
	if got := crumbs(t, page); got != want {
		t.Errorf("%s:\n got %s\nwant %s", name, got, want)
	}
}

// lacks reports each of wants that page does not hold.
func lacks(t *testing.T, name, page string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(page, want) {
			t.Errorf("the %s lacks %s", name, want)
		}
	}
}

// crumbs returns the page's breadcrumb trail as text: each crumb's words,
// with its link or "(current)".
func crumbs(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<nav aria-label="Breadcrumb" class="crumbs"><ol>(.*?)</ol></nav>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no breadcrumb nav in:\n%s", page)
	}
	var out []string
	for _, li := range regexp.MustCompile(`<li>(.*?)</li>`).FindAllStringSubmatch(m[1], -1) {
		if a := regexp.MustCompile(`<a href="([^"]*)">([^<]*)</a>`).FindStringSubmatch(li[1]); a != nil {
			out = append(out, a[2]+" <"+a[1]+">")
		} else if c := regexp.MustCompile(`<span aria-current="page">([^<]*)</span>`).FindStringSubmatch(li[1]); c != nil {
			out = append(out, c[1]+" (current)")
		} else {
			t.Errorf("a crumb is neither a link nor the current page: %s", li[1])
		}
	}
	return strings.Join(out, " / ")
}

func TestNestedThemePages(t *testing.T) {
	res, err := Generate(nestedFS(t), Options{})
	if err != nil {
		t.Fatalf("the nested site does not build:\n%v", err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	page := func(p string) string {
		t.Helper()
		s, ok := files[p]
		if !ok {
			t.Fatalf("no page %s", p)
		}
		return s
	}

	// Every theme at every level has its page, at its address.
	for _, addr := range []string{"place", "clean-streets", "waste-1", "safer", "work"} {
		page("2016-17/q2/" + addr + "/index.html")
	}
	// A measure's page is at its id's address, and so are its anchors and chart.
	lve := page("measures/lve-009/index.html")
	for p := range files {
		if strings.Contains(p, " ") || strings.ContainsAny(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && !strings.HasPrefix(p, "assets/") {
			t.Errorf("a file name is not an address: %q", p)
		}
	}
	if !strings.Contains(lve, `id="chart-trend-lve-009"`) {
		t.Errorf("the measure's chart is not named by its address")
	}
	wantCrumbs(t, "measure page crumbs", lve, "Home <../../index.html> / All measures <../../measures/index.html> / A place to be proud of <../../measures/index.html#theme-place> / Clean and green streets <../../measures/index.html#theme-clean-streets> / Waste and recycling <../../measures/index.html#theme-waste-1> / Missed bins (current)")
	if !strings.Contains(lve, "<dt>Theme</dt><dd>A place to be proud of: Clean and green streets: Waste and recycling</dd>") {
		t.Errorf("the measure page does not name its theme with those above it")
	}
	if !strings.Contains(lve, "Bins were missed in the snow.") {
		t.Errorf("the narrative tied to LVE 009 is not on its page")
	}

	// A parent's page: its roll-up, its children, its own scorecard.
	place := page("2016-17/q2/place/index.html")
	wantCrumbs(t, "parent theme crumbs", place, "Home <../../../index.html> / Q2 2016/17 <../../../2016-17/q2/index.html> / A place to be proud of (current)")
	lacks(t, "Place page", place,
		"<caption>The 3 measures under A place to be proud of in Q2 2016/17: status</caption>",
		`<h2 id="sc-within">Within this theme</h2>`,
		// The roll-up table: measures, on target, off target, not rated,
		// improved, worse; the grandchild below its parent.
		`<tr class="depth-2"><th scope="row"><a href="../../../2016-17/q2/clean-streets/index.html">Clean and green streets</a></th><td class="n">2</td><td class="n">1</td><td class="n">1</td><td class="n">0</td><td class="n">0</td><td class="n">0</td></tr>
<tr class="depth-3"><th scope="row"><a href="../../../2016-17/q2/waste-1/index.html">Waste and recycling</a></th><td class="n">1</td><td class="n">0</td><td class="n">1</td>`,
		`<tr class="depth-2"><th scope="row"><a href="../../../2016-17/q2/safer/index.html">Safer streets</a></th><td class="n">0</td>`,
		// The headline counts the whole tree.
		`<p class="hl-of">Of the 3 measures in this theme and those within it:</p>`,
		"This theme&#39;s own measures, not those of the themes within it:",
		`<a href="../../../measures/bv053/index.html">`,
	)
	// The headline may name it; the scorecard may not.
	if _, sc, _ := strings.Cut(place, `id="sc-scorecard"`); strings.Contains(sc, "measures/lve-009/index.html") {
		t.Errorf("the Place scorecard shows LVE 009, a measure of a theme below it")
	}
	// A middle theme with its own measure and a child.
	if cs := page("2016-17/q2/clean-streets/index.html"); !strings.Contains(cs, "<caption>The 2 measures under Clean and green streets in Q2 2016/17: status</caption>") {
		t.Errorf("the clean streets roll-up is not of 2 measures")
	}

	// The deepest theme: crumbs through its parents, its narrative, its note,
	// and the navigation open down to it.
	waste := page("2016-17/q2/waste-1/index.html")
	wantCrumbs(t, "deepest theme crumbs", waste, "Home <../../../index.html> / Q2 2016/17 <../../../2016-17/q2/index.html> / A place to be proud of <../../../2016-17/q2/place/index.html> / Clean and green streets <../../../2016-17/q2/clean-streets/index.html> / Waste and recycling (current)")
	lacks(t, "Waste page", waste,
		"Fewer bins were missed.",
		"Data reported a quarter in arrears",
		`id="m-lve-009"`,
		`<li><a href="../../../2016-17/q2/place/index.html">A place to be proud of</a><ul><li><a href="../../../2016-17/q2/clean-streets/index.html">Clean and green streets</a><ul><li><a href="../../../2016-17/q2/waste-1/index.html" aria-current="page">Waste and recycling</a></li></ul></li><li><a href="../../../2016-17/q2/safer/index.html">Safer streets</a></li></ul></li><li><a href="../../../2016-17/q2/work/index.html">Work</a></li></ul>`,
	)

	// The home page rolls up by top-level theme and lists the children.
	home := page("index.html")
	lacks(t, "home page", home,
		`<h3 id="sc-theme-place"><a href="2016-17/q2/place/index.html">A place to be proud of</a></h3>`,
		`<tr class="depth-1"><th scope="row"><a href="2016-17/q2/place/index.html">A place to be proud of</a></th><td class="n">3</td><td class="n">1</td><td class="n">2</td>`,
		`<tr class="depth-2"><th scope="row"><a href="2016-17/q2/safer/index.html">Safer streets</a></th>`,
		`<h3 id="sc-theme-work">`,
	)
	if strings.Contains(home, `id="sc-theme-clean-streets"`) {
		t.Errorf("the home page gives a theme below the top level a section of its own")
	}

	// The list of all measures heads each level and lists each measure once.
	index := page("measures/index.html")
	lacks(t, "measure list", index, `<h2 id="theme-place">`, `<h3 id="theme-clean-streets">`, `<h4 id="theme-waste-1">`, `<h3 id="theme-safer">`, `<h2 id="theme-work">`)
	// Once in the tables and once in the phone's cards (a list per table,
	// with no list inside its cards).
	cards := regexp.MustCompile(`(?s)<ul class="cards".*?</ul>`)
	tables := cards.ReplaceAllString(index, "")
	inCards := strings.Join(cards.FindAllString(index, -1), "")
	for _, addr := range []string{"bv053", "cs-1", "lve-009", "work-1"} {
		link := `href="../measures/` + addr + `/index.html"`
		if n := strings.Count(tables, link); n != 1 {
			t.Errorf("the measure list's tables link to %s %d times, want once", addr, n)
		}
		if n := strings.Count(inCards, link); n != 1 {
			t.Errorf("the measure list's cards link to %s %d times, want once", addr, n)
		}
	}

	// Search finds the measure at its address; open data keeps the id as written.
	if ix := page(render.SearchIndexPath); !strings.Contains(ix, "measures/lve-009/index.html") || !strings.Contains(ix, "2016-17/q2/waste-1/index.html#") {
		t.Errorf("the search index lacks the measure or the nested theme's narrative")
	}
	if csv := page("data/2016-17-q2.csv"); !strings.Contains(csv, ",Waste 1,LVE 009,") {
		t.Errorf("the CSV does not keep the ids as written:\n%s", csv)
	}
	if js := page("data/scorecard.json"); !strings.Contains(js, `"parent": "clean-streets"`) {
		t.Errorf("the JSON does not give a theme's parent")
	}
}

// TestNestedPrintPage: the whole report on one page holds every theme at
// every level, each named with the themes above it, and every measure once.
func TestNestedPrintPage(t *testing.T) {
	res, err := Generate(nestedFS(t), Options{})
	if err != nil {
		t.Fatalf("the nested site does not build:\n%v", err)
	}
	var print string
	for _, f := range res.Files {
		if f.Path == "2016-17/q2/print/index.html" {
			print = string(f.Data)
		}
	}
	lacks(t, "print page", print,
		`<h2 id="place-title">A place to be proud of</h2>`,
		`<h2 id="clean-streets-title">A place to be proud of: Clean and green streets</h2>`,
		`<h2 id="waste-1-title">A place to be proud of: Clean and green streets: Waste and recycling</h2>`,
		`<h2 id="safer-title">A place to be proud of: Safer streets</h2>`,
	)
	for _, addr := range []string{"bv053", "cs-1", "lve-009", "work-1"} {
		if n := strings.Count(print, `-m-`+addr+`" headers=`); n != 1 {
			t.Errorf("the print page has %d rows for %s, want 1", n, addr)
		}
	}
}

// TestParentWithoutMeasures: a theme whose measures are all in the themes
// within it says so where its scorecard would be, on its page and in print.
func TestParentWithoutMeasures(t *testing.T) {
	fsys := nestedFS(t)
	cat := fsys["data/measures.yaml"]
	cat.Data = []byte(strings.Replace(string(cat.Data), "theme: Place\n", "theme: Safer\n", 1))
	res, err := Generate(fsys, Options{})
	if err != nil {
		t.Fatalf("the nested site does not build:\n%v", err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	place := files["2016-17/q2/place/index.html"]
	lacks(t, "Place page", place,
		"<caption>The 3 measures under A place to be proud of in Q2 2016/17: status</caption>",
		`<p class="notice">A place to be proud of has no measures of its own in Q2 2016/17: its measures are in the themes within it, above.</p>`)
	if strings.Contains(place, `<table class="scorecard">`) {
		t.Errorf("the Place page shows an empty scorecard")
	}
	lacks(t, "print page", files["2016-17/q2/print/index.html"], `<h2 id="place-title">A place to be proud of</h2>
<p>This theme has no measures of its own in Q2 2016/17: its measures are in the scorecards of the themes within it, which follow.</p>`)
}
