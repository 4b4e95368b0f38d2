package site

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	gmtext "github.com/yuin/goldmark/text"

	"scorecard/internal/diag"
	"scorecard/internal/narrative"
	"scorecard/internal/report"
)

// The outline finds headings and placeholders at their line and column
// in the whole file, front matter included, and which sections are empty.
func TestOutline(t *testing.T) {
	src := "---\ntitle: Homes\ndraft: true\n---\n" + // lines 1-4
		"Intro. Write the introduction here.\n" + // 5
		"\n" +
		"## Summary of achievement at Quarter 2\n" + // 7
		"\n" +
		"Write this section for the new quarter.\n" + // 9
		"\n" +
		"## Key projects\n" + // 11
		"\n" +
		"### A project {measure=\"homes-1\"}\n" + // 13
		"\n" +
		"Text.\n" +
		"\n" +
		"### Another\n" + // 17
		"\n" +
		"<!-- to write -->\n" +
		"\n" +
		"## Only parts\n" + // 21
		"\n" +
		"### Empty part\n" + // 23
		"\n" +
		"***\n" +
		"\n" +
		"  ## Last\n" // 27
	// The loader's tree of the body, after the front matter's four lines.
	body := []byte(src[strings.Index(src, "Intro."):])
	doc := &report.Doc{Source: body, Line: 5, Root: narrative.Markdown(false).Parser().Parse(gmtext.NewReader(body))}
	o := outlineOf(&report.Narrative{File: "content/q/homes.md", Doc: doc})
	var got []string
	for _, p := range o.placeholders {
		got = append(got, fmt.Sprintf("placeholder %s %q", p.pos, p.text))
	}
	for _, h := range o.headings {
		got = append(got, fmt.Sprintf("h%d %s %q empty=%v quarters=%b", h.level, h.pos, h.text, h.empty, h.quarters))
	}
	want := []string{
		`placeholder content/q/homes.md:9:1 "Write this section for the new quarter."`,
		`placeholder content/q/homes.md:5:8 "Write the introduction here."`,
		`h2 content/q/homes.md:7:1 "Summary of achievement at Quarter 2" empty=false quarters=100`,
		`h2 content/q/homes.md:11:1 "Key projects" empty=false quarters=0`,
		`h3 content/q/homes.md:13:1 "A project" empty=false quarters=0`,
		`h3 content/q/homes.md:17:1 "Another" empty=true quarters=0`,
		`h2 content/q/homes.md:21:1 "Only parts" empty=true quarters=0`,
		`h3 content/q/homes.md:23:1 "Empty part" empty=true quarters=0`,
		`h2 content/q/homes.md:27:3 "Last" empty=true quarters=0`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNamesQuarter(t *testing.T) {
	for _, c := range []struct {
		heading          string
		prev, now        int
		mention, suggest string
	}{
		{"Summary of achievement at Quarter 2", 2, 3, "Quarter 2", "Summary of achievement at Quarter 3"},
		{"Performance in 2016/17 Q2", 2, 3, "Q2", "Performance in 2016/17 Q3"},
		{"Qtr 4 highlights", 4, 1, "Qtr 4", "Qtr 1 highlights"},
		{"The Second Quarter", 2, 3, "Second Quarter", "The Third Quarter"},
		{"Our 2nd quarter", 2, 3, "2nd quarter", "Our 3rd quarter"},
		{"Quarter two in brief", 2, 3, "Quarter two", "Quarter three in brief"},
		{"Key projects", 2, 3, "", ""},
		{"Plans for Quarter 4", 2, 3, "", ""}, // names a quarter, but not the one before
		{"FAQ2 and Q22", 2, 3, "", ""},
	} {
		mention, suggest, ok := namesQuarter(c.heading, c.prev, c.now)
		if ok != (c.mention != "") || mention != c.mention || suggest != c.suggest {
			t.Errorf("namesQuarter(%q, %d, %d) = %q, %q, %v; want %q, %q", c.heading, c.prev, c.now, mention, suggest, ok, c.mention, c.suggest)
		}
		if named := quartersNamed(c.heading)&(1<<c.prev) != 0; named != ok {
			t.Errorf("quartersNamed(%q) says %v for quarter %d, namesQuarter %v", c.heading, named, c.prev, ok)
		}
	}
}

// gateSite is a small site with a published Q2 and a Q3 started from it.
func gateSite(q3 map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"data/site.yaml":                {Data: []byte("organisation: Test Council\ntitle: Performance Report\nbase_url: https://www.example.org/performance/\naccessibility: {contact_email: access@example.org, prepared: 2026-11-25}\n")},
		"data/measures.yaml":            {Data: []byte("themes:\n  - {id: homes, title: Homes}\nmeasures:\n  - {id: homes-1, theme: homes, title: Homes built, good: higher, unit: count}\n")},
		"data/quarters/2016-17-q2.yaml": {Data: []byte("quarter: 2016-17 Q2\nmeasures:\n  homes-1: {target: 100, actual: 120, status: HG}\n")},
		"content/2016-17-q2/homes.md":   {Data: []byte("## Summary of achievement at Quarter 2\n\nText.\n\n## Key projects\n\nMore.\n")},
	}
	for name, data := range q3 {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// recordedGateSite is gateSite with its published editions on the
// record, so that its checks find only what they are about.
func recordedGateSite(q3 map[string]string) fstest.MapFS { return putOnRecord(gateSite(q3)) }

func findings(l diag.List, draft []bool) string {
	var b strings.Builder
	for i, d := range l {
		if draft != nil && draft[i] {
			b.WriteString("(draft) ")
		}
		b.WriteString(d.Error() + "\n")
	}
	return b.String()
}

// A heading carried from Q2 that names Q2 is refused in a published Q3;
// one that repeats without naming a quarter is not. In a draft, the same
// is a warning, marked as a draft's.
func TestGateCarriedHeading(t *testing.T) {
	q3 := "## Summary of achievement at Quarter 2\n\nNew text.\n\n## Key projects\n\nNew projects.\n"
	want := `content/2016-17-q3/homes.md:1:1: the heading "Summary of achievement at Quarter 2" is the same as in Q2 2016/17 (content/2016-17-q2/homes.md:1:1) and names "Quarter 2", the quarter before; change it for Q3 2016/17, such as "Summary of achievement at Quarter 3"`

	fsys := gateSite(map[string]string{
		"data/quarters/2016-17-q3.yaml": "quarter: 2016-17 Q3\nmeasures:\n  homes-1: {target: 100, actual: 110, status: HG}\n",
		"content/2016-17-q3/homes.md":   q3,
	})
	_, err := Generate(fsys, Options{})
	if err == nil || err.Error() != want {
		t.Errorf("the published quarter builds with:\n%v\nwant the error:\n%s", err, want)
	}

	fsys = recordedGateSite(map[string]string{
		"data/quarters/2016-17-q3.yaml": "quarter: 2016-17 Q3\ndraft: true\nmeasures:\n  homes-1: {target: 100, actual: 110, status: HG}\n",
		"content/2016-17-q3/homes.md":   q3,
	})
	if _, err := Generate(fsys, Options{}); err != nil {
		t.Errorf("the site with the quarter a draft does not build: %v", err)
	}
	r := Inspect(fsys, Options{Drafts: true})
	if got := findings(r.Findings, r.Draft); got != "(draft) "+strings.Replace(want, ": the heading", ": warning: the heading", 1)+"\n" {
		t.Errorf("check finds:\n%swant the warning, marked draft:\n%s", got, want)
	}
	if r := Inspect(fsys, Options{}); len(r.Findings) != 0 {
		t.Errorf("check without drafts finds:\n%s", findings(r.Findings, r.Draft))
	}
}

// A published page that links to a page only a draft makes is an error,
// found by check (which checks the published site's links too) and by the
// preview with drafts, where the page is there.
func TestLinkToDraft(t *testing.T) {
	fsys := recordedGateSite(map[string]string{
		"content/2016-17-q2/_index.md":  "See [the next quarter](2016-17/q3/).\n",
		"data/quarters/2016-17-q3.yaml": "quarter: 2016-17 Q3\ndraft: true\nmeasures:\n  homes-1: {target: 100, actual: 110, status: HG}\n",
	})
	const want = `content/2016-17-q2/_index.md:1:5: the link "2016-17/q3/" goes to 2016-17/q3/index.html, which only a draft makes`
	r := Inspect(fsys, Options{Drafts: true})
	if got := findings(r.Findings, r.Draft); !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 1 {
		t.Errorf("check finds:\n%swant one error:\n%s", got, want)
	}
	if _, err := NewPreview(fsys, Options{Drafts: true}); err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("the preview with drafts: %v\nwant:\n%s", err, want)
	}
	if _, err := Generate(fsys, Options{}); err == nil || !strings.Contains(err.Error(), "which the site does not have") {
		t.Errorf("the build: %v, want the broken link", err)
	}
}

// With a file that has errors, the rest of the site is still checked:
// its links, its Markdown and its figures.
func TestInspectPastErrors(t *testing.T) {
	fsys := gateSite(map[string]string{
		"data/quarters/2016-17-q1.yaml": "quarter: 2016-17 Q1\nmeasures: [\n",
		"content/2016-17-q2/_index.md":  "See [nothing](measures/homes-9/) and [an anchor](measures/homes-1/#nowhere).\n",
		"data/quarters/2016-17-q3.yaml": "quarter: 2016-17 Q3\ndraft: true\nmeasures:\n  homes-1: {target: 100}\n",
	})
	r := Inspect(fsys, Options{Drafts: true})
	got := findings(r.Findings, r.Draft)
	for _, want := range []string{
		`content/2016-17-q2/_index.md:1:5: the link "measures/homes-9/" goes to measures/homes-9/index.html, which the site does not have`,
		`content/2016-17-q2/_index.md:1:38: the link "measures/homes-1/#nowhere" goes to #nowhere, which is not an anchor`,
		"data/quarters/2016-17-q1.yaml:",
		`(draft) data/quarters/2016-17-q3.yaml:4:3: warning: measure homes-1 has no actual for Q3 2016/17`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("check does not find\n%s\nin:\n%s", want, got)
		}
	}
}
