package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// script is the search page's script, which internal/assets publishes.
var script = filepath.Join("..", "assets", "search.js")

const (
	prefix = "window.scorecardSearch="
	suffix = ";\n"
)

// parse returns the data that an index file assigns.
func parse(t *testing.T, file []byte) index {
	t.Helper()
	s := string(file)
	if !strings.HasPrefix(s, prefix) || !strings.HasSuffix(s, suffix) {
		t.Fatalf("the index is not %q + JSON + %q:\n%.200s", prefix, suffix, s)
	}
	var ix index
	dec := json.NewDecoder(strings.NewReader(strings.TrimSuffix(strings.TrimPrefix(s, prefix), suffix)))
	dec.UseNumber()
	if err := dec.Decode(&ix); err != nil {
		t.Fatalf("the index's JSON does not parse: %v", err)
	}
	return ix
}

func TestIndex(t *testing.T) {
	docs := []Doc{
		{Kind: "measure", Title: "Tenant satisfaction (%)", Context: []string{"Build a Better Harrow", "measure bbh-5", "latest: High green (HG)"}, URL: "measures/bbh-5/index.html"},
		{Kind: "measure", Title: "Fly-tipping incidents", Context: []string{"Build a Better Harrow", "measure bbh-6", "latest: High green (HG)"}, URL: "measures/bbh-6/index.html"},
		{Kind: "narrative", Title: "Summary of key challenges", Context: []string{"Build a Better Harrow", "Q2 2016/17"}, URL: "2016-17/q2/build-a-better-harrow/index.html#summary-of-key-challenges", Text: "We are prioritising the Children's Services café."},
	}
	got := parse(t, Index(docs))
	want := index{
		Version:  1,
		Kinds:    []string{"measure", "narrative"},
		Parts:    []string{"Build a Better Harrow", "latest: High green (HG)"},
		PartKeys: []string{"build a better harrow", "latest high green hg"},
		Docs: [][]any{
			{json.Number("0"), "Tenant satisfaction (%)", []any{json.Number("0"), "measure bbh-5", json.Number("1")}, "measures/bbh-5/index.html", "", " tenant satisfaction | measure bbh 5 "},
			{json.Number("0"), "Fly-tipping incidents", []any{json.Number("0"), "measure bbh-6", json.Number("1")}, "measures/bbh-6/index.html", "", " fly tipping incidents | measure bbh 6 "},
			{json.Number("1"), "Summary of key challenges", []any{json.Number("0"), "Q2 2016/17"}, "2016-17/q2/build-a-better-harrow/index.html#summary-of-key-challenges",
				"We are prioritising the Children's Services café.", " summary of key challenges | q2 2016 17 we are prioritising the childrens services cafe "},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Index: the data differs (-want +got):\n%s", diff)
	}

	empty := parse(t, Index(nil))
	if diff := cmp.Diff(index{Version: 1, Kinds: []string{}, Parts: []string{}, PartKeys: []string{}, Docs: [][]any{}}, empty); diff != "" {
		t.Errorf("Index(nil) (-want +got):\n%s", diff)
	}
}

func TestIndexDeterministic(t *testing.T) {
	docs := synthetic(500, 20)
	first := Index(docs)
	for range 5 {
		if !bytes.Equal(Index(docs), first) {
			t.Fatal("Index gave different bytes for the same docs")
		}
	}
}

// hostile are titles that must not break the index file, or the page that
// shows them.
var hostile = []string{
	`</script><script>alert("title")</script>`,
	"line\u2028separator\u2029paragraph",
	`"quotes" 'single' \backslash\ ` + "`backtick` ${x}",
	"<!-- comment --> ]]> &amp; &",
	"invalid \xff UTF-8",
}

func TestIndexEscapes(t *testing.T) {
	var docs []Doc
	for i, title := range hostile {
		docs = append(docs, Doc{Kind: "measure", Title: title, Context: []string{title}, URL: fmt.Sprintf("measures/m-%d/index.html", i), Text: title})
	}
	file := Index(docs)
	for _, bad := range []string{"<", ">", "\u2028", "\u2029", "\n;", "\xff"} {
		if i := strings.Index(strings.TrimSuffix(string(file), suffix), bad); i >= 0 {
			t.Errorf("the index holds %q unescaped: %q", bad, file[max(0, i-20):min(len(file), i+20)])
		}
	}
	ix := parse(t, file)
	for i, title := range hostile {
		want := strings.ToValidUTF8(title, "\uFFFD")
		if got := ix.Docs[i][1]; got != want {
			t.Errorf("title %d reads back as %q; want %q", i, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Recycling", "recycling"},
		{"Children's Services", "childrens services"},
		{"Children’s Social Care", "childrens social care"},
		{"Résumé CAFÉ naïve Łódź", "resume cafe naive łodz"},
		{"cafe\u0301", "cafe"}, // already decomposed
		{"İstanbul Ærø ẞ", "istanbul ærø ß"},
		{"% of household waste (62/146)", "of household waste 62 146"},
		{"year-on-year  reduction", "year on year reduction"},
		{"  --  ", ""},
		{"Ωμέγα Привіт йогурт", "ωμεγα привіт иогурт"},
		{"東京 서울", "東京 서울"},
		{"rock 'n' roll", "rock n roll"},
	}
	for _, tt := range tests {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// node returns the path of node, skipping the test when it is missing,
// unless on CI.
func node(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed, and the search script's tests need it on CI")
		}
		t.Skip("node is not installed: skipping the search script's tests")
	}
	return path
}

// harness runs testdata/harness.js on req and decodes what it prints into
// out.
func harness(t testing.TB, req map[string]any, out any) {
	t.Helper()
	bin := node(t)
	req["script"] = script
	data, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "request.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, filepath.Join("testdata", "harness.js"), file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node testdata/harness.js: %v\n%s", err, stderr.Bytes())
	}
	if err := json.Unmarshal(stdout, out); err != nil {
		t.Fatalf("reading the harness's output: %v\n%.500s", err, stdout)
	}
}

// TestFoldAgrees checks that the script folds every character as fold
// does, so that the reader's words match the index's. Characters newer
// than Go's Unicode tables are left out. When it fails, regenerate
// fold_table.go with go generate ./internal/search.
func TestFoldAgrees(t *testing.T) {
	t.Parallel()
	var js []string
	harness(t, map[string]any{"mode": "fold"}, &js)
	if len(js) != unicode.MaxRune+1 {
		t.Fatalf("the harness folded %d code points; want %d", len(js), unicode.MaxRune+1)
	}
	bad := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if 0xd800 <= r && r <= 0xdfff || !assigned(r) {
			continue
		}
		want := ""
		if f := foldRune(r); f != 0 {
			want = string(f)
		}
		if js[r] != want {
			if bad++; bad <= 20 {
				t.Errorf("U+%04X %q: Go folds it to %q, search.js to %q", r, r, want, js[r])
			}
		}
	}
	if bad > 20 {
		t.Errorf("and %d more characters", bad-20)
	}
}

func assigned(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.Cc, unicode.Cf, unicode.Co)
}

// snapshot is the search page as the harness saw it.
type snapshot struct {
	Input      string
	Status     string // HTML
	StatusText string
	URL        string // the last address given to history.replaceState
	Prevented  bool   // whether the script kept the form from submitting
	Errors     []string
	Results    []struct {
		Class, HTML, Href, Title string
	}
}

func (s snapshot) titles() []string {
	var out []string
	for _, r := range s.Results {
		out = append(out, r.Title)
	}
	return out
}

// page loads the search page at address ?search with the index of docs
// (none when docs is nil) and runs steps, returning the page after loading
// and after each step.
func page(t *testing.T, docs []Doc, search string, steps ...map[string]any) []snapshot {
	t.Helper()
	req := map[string]any{"mode": "page", "search": search, "steps": steps}
	if docs != nil {
		file := filepath.Join(t.TempDir(), "search-index.js")
		if err := os.WriteFile(file, Index(docs), 0o644); err != nil {
			t.Fatal(err)
		}
		req["index"] = file
	}
	var snaps []snapshot
	harness(t, req, &snaps)
	for _, s := range snaps {
		if len(s.Errors) > 0 {
			t.Errorf("the script logged errors: %q", s.Errors)
		}
	}
	return snaps
}

var harrow = []string{"Build a Better Harrow", "Q2 2016/17"}

// fixture is a small site: measures and narrative.
var fixture = []Doc{
	{Kind: "measure", Title: "Careers advice appointments kept", Context: []string{"Be More Business-like", "measure bmb-2", "latest: Amber (A)"}, URL: "measures/bmb-2/index.html"},
	{Kind: "measure", Title: "Tenant satisfaction with the housing repair and maintenance service (%)", Context: []string{"Build a Better Harrow", "measure bbh-5", "latest: High green (HG)"}, URL: "measures/bbh-5/index.html"},
	{Kind: "measure", Title: "% of household waste sent for reuse, recycling and composting", Context: []string{"Build a Better Harrow", "measure bbh-12", "latest: Amber (A)"}, URL: "measures/bbh-12/index.html"},
	{Kind: "measure", Title: "Children's social care re-referrals within 12 months (%)", Context: []string{"Protect the Most Vulnerable", "measure pmv-3", "latest: High green (HG)"}, URL: "measures/pmv-3/index.html"},
	{Kind: "measure", Title: "Streets cleaned within 12 hours of a report", Context: []string{"Build a Better Harrow", "measure bbh-7"}, URL: "measures/bbh-7/index.html"},
	{Kind: "narrative", Title: "Summary of key challenges", Context: harrow, URL: "2016-17/q2/build-a-better-harrow/index.html#summary-of-key-challenges",
		Text: "Homelessness remains the most significant challenge for the housing service this quarter. We are currently prioritising homelessness prevention, and working with landlords. Recycling rates fell over the summer, as garden waste tonnages dropped."},
	{Kind: "narrative", Title: "Children’s Social Care", Context: []string{"Strategic Performance Report", "Q2 2016/17"}, URL: "2016-17/q2/index.html#childrens-social-care",
		Text: "Demand for children's social care remains very high. The Council opened a café at the Early Support hub."},
	{Kind: "narrative", Title: "Summary of achievement", Context: harrow, URL: "2016-17/q2/build-a-better-harrow/index.html#summary-of-achievement",
		Text: "Masterplanning work for Poets Corner and Byron Quarter continued."},
}

func TestPageFinds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, search string
		status       string
		titles       []string
	}{
		{"a word's start finds a title", "?q=recycl", "2 results for “recycl”",
			[]string{"% of household waste sent for reuse, recycling and composting", "Summary of key challenges"}},
		{"whole words rank above prefixes, titles above text", "?q=care", "3 results for “care”",
			[]string{"Children's social care re-referrals within 12 months (%)", "Children’s Social Care", "Careers advice appointments kept"}},
		{"apostrophes are ignored", "?q=childrens", "2 results for “childrens”",
			[]string{"Children's social care re-referrals within 12 months (%)", "Children’s Social Care"}},
		{"case and apostrophes in the query", "?q=CHILDREN%E2%80%99S+Care", "2 results for “CHILDREN’S Care”",
			[]string{"Children's social care re-referrals within 12 months (%)", "Children’s Social Care"}},
		{"accents are ignored", "?q=Cafe", "1 result for “Cafe”", []string{"Children’s Social Care"}},
		{"a phrase in narrative", "?q=prioritising+homelessness+prevention", "1 result for “prioritising homelessness prevention”",
			[]string{"Summary of key challenges"}},
		{"the measure id, before a title with one of its words", "?q=bbh-12", "2 results for “bbh-12”",
			[]string{"% of household waste sent for reuse, recycling and composting", "Streets cleaned within 12 hours of a report"}},
		{"shared context: the theme", "?q=better+harrow", "5 results for “better harrow”",
			[]string{"Tenant satisfaction with the housing repair and maintenance service (%)", "% of household waste sent for reuse, recycling and composting",
				"Streets cleaned within 12 hours of a report", "Summary of key challenges", "Summary of achievement"}},
		{"words in any order, every one needed", "?q=housing+tenant", "1 result for “housing tenant”",
			[]string{"Tenant satisfaction with the housing repair and maintenance service (%)"}},
		{"titles rank above a phrase in text", "?q=housing+service", "2 results for “housing service”",
			[]string{"Tenant satisfaction with the housing repair and maintenance service (%)", "Summary of key challenges"}},
		{"a word inside a word does not match", "?q=cycling", "No results for “cycling”. Try fewer or different words, or browse the measure index.", nil},
		{"no query", "", "", nil},
		{"a malformed address", "?q=%E0%A4%A", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := page(t, fixture, tt.search)[0]
			if got.StatusText != tt.status {
				t.Errorf("%s: status = %q; want %q", tt.search, got.StatusText, tt.status)
			}
			if diff := cmp.Diff(tt.titles, got.titles()); diff != "" {
				t.Errorf("%s: titles (-want +got):\n%s", tt.search, diff)
			}
		})
	}
}

// TestPageMarkup checks each result's markup in full.
func TestPageMarkup(t *testing.T) {
	t.Parallel()
	got := page(t, fixture, "?q=Homelessness+prevent")[0]
	if got.Input != "Homelessness prevent" {
		t.Errorf("the input holds %q; want the query", got.Input)
	}
	want := []string{
		`<li class="search-narrative"><a href="../2016-17/q2/build-a-better-harrow/index.html#summary-of-key-challenges">Summary of key challenges</a>` +
			`<p class="search-context">Build a Better Harrow · Q2 2016/17</p>` +
			`<p class="search-snippet"><mark>Homelessness</mark> remains the most significant challenge for the housing service this quarter. We are currently prioritising <mark>homelessness</mark> <mark>prevention</mark>, and working with landlords. Recycling rates fell over…</p></li>`,
	}
	var html []string
	for _, r := range got.Results {
		html = append(html, r.HTML)
	}
	if diff := cmp.Diff(want, html); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}

	got = page(t, fixture, "?q=recycl")[0]
	want = []string{
		`<li class="search-measure"><a href="../measures/bbh-12/index.html">% of household waste sent for reuse, <mark>recycling</mark> and composting</a>` +
			`<p class="search-context">Build a Better Harrow · measure bbh-12 · latest: Amber (A)</p></li>`,
		`<li class="search-narrative"><a href="../2016-17/q2/build-a-better-harrow/index.html#summary-of-key-challenges">Summary of key challenges</a>` +
			`<p class="search-context">Build a Better Harrow · Q2 2016/17</p>` +
			`<p class="search-snippet">…homelessness prevention, and working with landlords. <mark>Recycling</mark> rates fell over the summer, as garden waste tonnages dropped.</p></li>`,
	}
	html = nil
	for _, r := range got.Results {
		html = append(html, r.HTML)
	}
	if diff := cmp.Diff(want, html); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
}

func TestPageNoResults(t *testing.T) {
	t.Parallel()
	got := page(t, fixture, "?q=xyzzy+recycling")[0]
	want := `No results for “xyzzy recycling”. Try fewer or different words, or <a href="../measures/index.html">browse the measure index</a>.`
	if got.Status != want || len(got.Results) != 0 {
		t.Errorf("status = %q, %d results; want %q and none", got.Status, len(got.Results), want)
	}
}

func TestPageMany(t *testing.T) {
	t.Parallel()
	var docs []Doc
	for i := range 60 {
		docs = append(docs, Doc{Kind: "measure", Title: fmt.Sprintf("Visits to parks, site %d", i), URL: fmt.Sprintf("measures/p-%d/index.html", i)})
	}
	got := page(t, docs, "?q=parks")[0]
	if want := "60 results for “parks”, showing the best 50"; got.StatusText != want || len(got.Results) != 50 {
		t.Errorf("status = %q with %d results; want %q with 50", got.StatusText, len(got.Results), want)
	}
	if got.Results[49].Title != "Visits to parks, site 49" {
		t.Errorf("the 50th result is %q; want ties in the index's order", got.Results[49].Title)
	}
}

// TestPageTyping checks that typing updates the results and the address
// once the reader pauses, and that the form does not reload the page.
func TestPageTyping(t *testing.T) {
	t.Parallel()
	snaps := page(t, fixture, "?q=recycl",
		map[string]any{"input": "tenant"},
		map[string]any{"timers": true},
		map[string]any{"input": "children's care"},
		map[string]any{"submit": true},
		map[string]any{"timers": true},
		map[string]any{"input": "  "},
		map[string]any{"timers": true},
	)
	steps := []struct {
		status, url string
		prevented   bool
	}{
		{"2 results for “recycl”", "", false},
		{"2 results for “recycl”", "", false}, // not yet: the reader is typing
		{"1 result for “tenant”", "?q=tenant", false},
		{"1 result for “tenant”", "?q=tenant", false},
		{"2 results for “children's care”", "?q=children's+care", true},
		{"2 results for “children's care”", "?q=children's+care", false},
		{"2 results for “children's care”", "?q=children's+care", false},
		{"", "/site/search/index.html", false},
	}
	for i, want := range steps {
		got := snaps[i]
		if got.StatusText != want.status || got.URL != want.url || got.Prevented != want.prevented {
			t.Errorf("step %d: status %q, address %q, submit prevented %v; want %q, %q, %v",
				i, got.StatusText, got.URL, got.Prevented, want.status, want.url, want.prevented)
		}
	}
	if n := len(snaps[7].Results); n != 0 {
		t.Errorf("an empty query leaves %d results; want none", n)
	}
}

func TestPageHostile(t *testing.T) {
	t.Parallel()
	var docs []Doc
	for i, title := range hostile {
		docs = append(docs, Doc{Kind: "measure", Title: title + " hostile", Context: []string{title}, URL: fmt.Sprintf("measures/m-%d/index.html", i), Text: title})
	}
	docs = append(docs, Doc{Kind: "javascript:alert(1)", Title: "kind hostile", URL: "javascript:alert(1)"})
	got := page(t, docs, "?q=hostile")[0]
	if len(got.Results) != len(docs) {
		t.Fatalf("%d results; want %d", len(got.Results), len(docs))
	}
	for i, title := range hostile {
		if want := strings.ToValidUTF8(title, "\uFFFD") + " hostile"; got.Results[i].Title != want {
			t.Errorf("result %d shows %q; want %q", i, got.Results[i].Title, want)
		}
	}
	last := got.Results[len(docs)-1]
	if last.Class != "" || last.Href != "../javascript:alert(1)" {
		t.Errorf("a hostile kind and URL give class %q and href %q; want no class and a relative href", last.Class, last.Href)
	}
}

// TestPageWithoutIndex checks that the script does nothing when the index
// did not load.
func TestPageWithoutIndex(t *testing.T) {
	t.Parallel()
	got := page(t, nil, "?q=recycling", map[string]any{"input": "x"}, map[string]any{"timers": true}, map[string]any{"submit": true})
	for i, s := range got {
		if s.Status != "" || len(s.Results) != 0 || s.URL != "" || s.Prevented {
			t.Errorf("step %d without an index: status %q, %d results, address %q, submit prevented %v; want nothing done",
				i, s.Status, len(s.Results), s.URL, s.Prevented)
		}
	}
}

// TestScriptIsES5 catches the commonest syntax newer than ES5, which the
// script avoids so that old browsers skip search rather than fail on it.
func TestScriptIsES5(t *testing.T) {
	src, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(src), "\n") {
		code, _, _ := strings.Cut(line, "//")
		for _, bad := range []string{"=>", "let ", "const ", "`", "class ", "...", ".innerHTML", ".style", "eval(", "fetch("} {
			if strings.Contains(code, bad) {
				t.Errorf("%s:%d uses %q: %s", script, i+1, bad, strings.TrimSpace(line))
			}
		}
	}
}
