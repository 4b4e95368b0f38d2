package narrative

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"

	"scorecard/internal/report"
)

// parse reads md as the loader does and returns all its blocks.
func parse(md string, allowHTML bool) report.Blocks {
	src := []byte(md)
	root := Markdown(allowHTML).Parser().Parse(text.NewReader(src))
	b := report.Blocks{Doc: &report.Doc{Source: src, Root: root, AllowHTML: allowHTML}}
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		b.Nodes = append(b.Nodes, c)
	}
	return b
}

func render(t *testing.T, b report.Blocks, p Place) string {
	t.Helper()
	var w strings.Builder
	if err := Render(&w, b, p); err != nil {
		t.Fatal(err)
	}
	return w.String()
}

// TestRenderPlace checks that each place a page gives narrative changes
// its links and ids as that page needs, and only them.
func TestRenderPlace(t *testing.T) {
	const md = "## Summary {#sum}\n\nSee [bbh-5](measures/bbh-5/), [the top](#sum), [x](2016-17/q1/t/index.html#a), [home](.), [out](https://example.org/#x), <mailto:a@b.c> and ![chart](images/c.png \"t\").[^1]\n\n###### Deep\n\n[^1]: A note.\n"
	tests := []struct {
		name  string
		place Place
		want  []string
		not   []string
	}{
		{"own page", Place{Root: "../../"}, []string{
			`<h2 id="sum">Summary</h2>`,
			`<a href="../../measures/bbh-5/index.html">bbh-5</a>`,
			`<a href="#sum">the top</a>`,
			`<a href="../../2016-17/q1/t/index.html#a">x</a>`,
			`<a href="../../index.html">home</a>`,
			`<a href="https://example.org/#x">out</a>`,
			`<a href="mailto:a@b.c">mailto:a@b.c</a>`,
			`<img src="../../images/c.png" alt="chart" title="t">`,
			`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`,
			`<li id="fn:1">`, `<a href="#fnref:1" class="footnote-backref" role="doc-backlink">`,
			`<h6 id="deep">Deep</h6>`,
		}, nil},
		{"another page", Place{Root: "../../", Home: "../../2016-17/q2/t/index.html", IDPrefix: "home-t-"}, []string{
			`<h2 id="home-t-sum">`,
			`<a href="../../2016-17/q2/t/index.html#sum">the top</a>`,
			`<a href="../../measures/bbh-5/index.html">bbh-5</a>`,
			`<sup id="home-t-fnref:1"><a href="../../2016-17/q2/t/index.html#fn:1"`,
			`<li id="home-t-fn:1">`,
		}, []string{`href="#`}},
		{"under a heading", Place{Root: "../../../", IDPrefix: "t-", Demote: true}, []string{
			`<h3 id="t-sum">Summary</h3>`,
			`<h6 id="t-deep">Deep</h6>`,
			`<a href="#t-sum">the top</a>`,
			`<a href="../../../measures/bbh-5/index.html">bbh-5</a>`,
			`<sup id="t-fnref:1"><a href="#t-fn:1"`,
			`<li id="t-fn:1">`, `<a href="#t-fnref:1"`,
		}, []string{`<h2`}},
	}
	b := parse(md, false)
	for _, tt := range tests {
		got := render(t, b, tt.place)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %s in\n%s", tt.name, w, got)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(got, w) {
				t.Errorf("%s: %s in\n%s", tt.name, w, got)
			}
		}
	}
}

// TestRenderIDs checks that IDs lists the ids Render writes.
func TestRenderIDs(t *testing.T) {
	b := parse("## One\n\nText[^a] and more[^a].\n\n### Two {#second}\n\n> #### In a quote\n\n[^a]: Note.\n", false)
	got := IDs(b)
	want := []string{"one", "fnref:1", "fnref1:1", "second", "in-a-quote", "fn:1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("IDs = %v, want %v", got, want)
	}
	page := render(t, b, Place{IDPrefix: "p-"})
	for _, id := range got {
		if !strings.Contains(page, `id="p-`+id+`"`) {
			t.Errorf("id %q is not on the page:\n%s", id, page)
		}
	}
}

// TestRawHTML checks raw HTML: shown as text, unless the site allows it,
// when it is written as it is, except what depends on the page, as for
// Markdown: addresses from the root, anchors to the narrative's own page,
// ids prefixed and headings demoted.
func TestRawHTML(t *testing.T) {
	const md = "A <span id=\"x\">span</span> <!-- note -->\n\n<div>block</div>\n"
	if got := render(t, parse(md, false), Place{IDPrefix: "p-"}); got != "<p>A &lt;span id=&quot;x&quot;&gt;span&lt;/span&gt; </p>\n<p>&lt;div&gt;block&lt;/div&gt;</p>\n" {
		t.Errorf("as text: %q", got)
	}
	tests := []struct {
		md    string
		place Place
		want  string
	}{
		{md, Place{}, "<p>A <span id=\"x\">span</span> <!-- note --></p>\n<div>block</div>\n"},
		{md, Place{IDPrefix: "p-"}, "<p>A <span id=\"p-x\">span</span> <!-- note --></p>\n<div>block</div>\n"},
		{"See <a href=\"measures/bbh-5/\" class=k>bbh-5</a> and <a href='#x'>x</a>.\n", Place{Root: "../../", IDPrefix: "t-"},
			"<p>See <a href=\"../../measures/bbh-5/index.html\" class=\"k\">bbh-5</a> and <a href=\"#t-x\">x</a>.</p>\n"},
		{"See <a href=\"#x\">x</a>, <a href=\"https://example.org/\">out</a>.\n", Place{Root: "../", Home: "t/index.html", IDPrefix: "home-"},
			"<p>See <a href=\"t/index.html#x\">x</a>, <a href=\"https://example.org/\">out</a>.</p>\n"},
		{"<figure id=f>\n<img\n  src=\"images/c.png\" alt=\"A chart\">\n</figure>\n", Place{Root: "../../", IDPrefix: "t-"},
			"<figure id=\"t-f\">\n<img src=\"../../images/c.png\" alt=\"A chart\">\n</figure>\n"},
		{"<h2 id=a>Two</h2>\n<h6>Six</h6>\n", Place{Demote: true},
			"<h3 id=\"a\">Two</h3>\n<h6>Six</h6>\n"},
		{"<div data-id=\"x\"><p>&amp; kept</p></div>\n", Place{Root: "../", IDPrefix: "p-"},
			"<div data-id=\"x\"><p>&amp; kept</p></div>\n"},
	}
	for _, tt := range tests {
		if got := render(t, parse(tt.md, true), tt.place); got != tt.want {
			t.Errorf("allowed, %+v:\n%s\ngot  %q\nwant %q", tt.place, tt.md, got, tt.want)
		}
	}
	ids := IDs(parse("<span id=\"x\">a</span> <b data-id=y>b</b>\n\n<div id=z>\n</div>\n\n## H\n", true))
	if want := []string{"x", "z", "h"}; !slices.Equal(ids, want) {
		t.Errorf("IDs = %q, want %q", ids, want)
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		md        string
		allowHTML bool
		want      string
	}{
		{"", false, ""},
		{"Demand for **children&#39;s** social care\n\nremains high.", false, "Demand for children's social care remains high."},
		{"- one\n- two\n", false, "one two"},
		{"*re*cycling and re  \nuse", false, "recycling and re use"},
		{"### Housing\n\nText", false, "Housing Text"},
		{"| a | b |\n|---|---|\n| c | d |\n", false, "a b c d"},
		{"\\<script> &amp; \"q\" &pound;125&nbsp;000 &#x2014; &unknown;", false, "<script> & \"q\" £125 000 — &unknown;"},
		{"Project Phoenix[^1] is pressing\n\n[^1]: A note.", false, "Project Phoenix is pressing A note."},
		{"[the measure](measures/x/ \"a > b\") and ![an image](x.png)text", false, "the measure and text"},
		{"`a <b>` and\n\n    code & more\n", false, "a <b> and code & more"},
		{"kept <!-- note --> <b>bold</b>", false, "kept <b>bold</b>"},
		{"kept <!-- note --> <b>bold</b><script>gone()</script> <br>also", true, "kept bold also"},
		{"<div>\n<p>a</p><p>b &amp; c</p>\n</div>", true, "a b & c"},
		{"<https://example.org/a>", false, "https://example.org/a"},
		{"  lots \n\t of   space  ", false, "lots of space"},
	}
	for _, tt := range tests {
		if got := Text(parse(tt.md, tt.allowHTML)); got != tt.want {
			t.Errorf("Text(%q, allowHTML %v) = %q; want %q", tt.md, tt.allowHTML, got, tt.want)
		}
	}
}
