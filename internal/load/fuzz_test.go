package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"

	"scorecard/internal/diag"
	"scorecard/internal/report"
)

// The fuzz targets' seeds are small files added here, the files of
// internal/hostile's fixtures and what fuzzing found, kept in
// testdata/fuzz/. Each input is loaded into a site read once: only the
// step that reads the input runs again, on a map of the site's files, so
// that an input takes a fraction of a millisecond.

const (
	fuzzQuarter   = "data/quarters/2016-17-q2.yaml"
	fuzzNarrative = "content/2016-17-q2/homes.md"
)

// baseFS returns the base site of load's tests, to be copied for each
// input.
func baseFS(f *testing.F) fstest.MapFS {
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		f.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, file := range base.Files {
		fsys[file.Name] = &fstest.MapFile{Data: file.Data}
	}
	return fsys
}

// with returns a copy of fsys with name holding data.
func with(fsys fstest.MapFS, name string, data []byte) fstest.MapFS {
	out := make(fstest.MapFS, len(fsys)+1)
	for k, v := range fsys {
		out[k] = v
	}
	out[name] = &fstest.MapFile{Data: data}
	return out
}

// addExample adds the example site's files matching pattern as seeds.
func addExample(f *testing.F, pattern string) {
	files, err := filepath.Glob(filepath.Join("..", "..", pattern))
	if err != nil || len(files) == 0 {
		f.Fatalf("no example files %s: %v", pattern, err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkFindings checks that every finding names a file and, when it has a
// line, one that is in the file: line 1 or later, and no further than the
// end of the file (or of the line, for a column).
func checkFindings(t *testing.T, errs diag.List, file string, src []byte) {
	t.Helper()
	for _, d := range errs {
		p := d.Pos
		switch {
		case p.File == "":
			t.Errorf("a finding names no file: %v", d)
		case p.Line < 0 || p.Col < 0 || p.Line == 0 && p.Col != 0:
			t.Errorf("a finding has no line but a column, or a negative one: %v", d)
		case p.File == file && p.Line > 0:
			if problem := beyond(p, src); problem != "" {
				t.Errorf("%s: %v", problem, d)
			}
		}
	}
}

// beyond says how a position is past the end of src, or returns "". Lines
// end at a line feed or, as YAML counts them, at a carriage return too:
// either count will do.
func beyond(p diag.Pos, src []byte) string {
	cr := bytes.ReplaceAll(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	var problem string
	for _, text := range [][]byte{src, cr} {
		lines := bytes.Split(text, []byte("\n"))
		switch {
		case p.Line > len(lines):
			problem = fmt.Sprintf("line %d of a file of %d lines", p.Line, len(lines))
		case p.Col > len(lines[p.Line-1])+1:
			problem = fmt.Sprintf("column %d of a line of %d bytes", p.Col, len(lines[p.Line-1]))
		default:
			return ""
		}
	}
	return problem
}

// loaded is the base site, loaded once, for the targets that load one file
// of it again.
func loaded(f *testing.F, fsys fstest.MapFS) *report.Site {
	s, errs := Site(fsys)
	if errs.HasErrors() {
		f.Fatalf("the base site does not load: %v", errs)
	}
	return s
}

// FuzzLoadQuarter reads a quarter file, the input, into a site whose
// configuration and catalogue are loaded already: what Site does with a
// quarter file, and all that depends on one (the narrative does not).
func FuzzLoadQuarter(f *testing.F) {
	fsys := baseFS(f)
	base := loaded(f, fsys)
	f.Add(fsys[fuzzQuarter].Data)
	f.Add([]byte(`quarter: 2016-17 Q2
published: 2016-12-07
measures:
  homes-1: {target: "33,000", actual: 89 (378), status: HG, period: Oct 13 to Sept 14}
  homes-2: {target: "[60%]", actual: 42.5% (62/146), status: No survey this qtr, notes: [1, a]}
  work-1: {target: "-", actual: "01:30"}
notes:
  - {theme: homes, labels: [1], text: Data reported a quarter in arrears}
  - {theme: homes, labels: [a]}
`))
	f.Add([]byte("quarter: 2016-17 Q2\nmeasures:\n  homes-2: {target: 13-15%, actual: BL, status: A}\n  work-1: {target: Year on year reduction, actual: \"\"}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var errs diag.List
		s := *base
		s.Quarters = nil
		l := &loader{fsys: with(fsys, fuzzQuarter, src), errs: &errs, site: &s, broken: map[string]bool{}}
		l.quarters(&s)
		checkFindings(t, errs, fuzzQuarter, src)
		if len(s.Quarters) != 1 {
			t.Fatalf("%d quarters from one file", len(s.Quarters))
		}
	})
}

// FuzzFrontMatter splits a narrative file's front matter from its body.
func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: Homes\n---\n## Summary\n"))
	f.Add([]byte("\uFEFF---\r\ntitle: Homes\r\n---\r\nText\r\n"))
	f.Add([]byte("---\n---"))
	addExample(f, "content/*/*.md")
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, body, bodyLine, ok := splitFrontMatter(src)
		if !ok {
			return
		}
		if !bytes.HasSuffix(src, body) {
			t.Fatalf("the body %q is not the end of the file", body)
		}
		if bodyLine < 1 {
			t.Fatalf("the body starts on line %d", bodyLine)
		}
		head := src[:len(src)-len(body)]
		if fm != nil && !bytes.Contains(head, fm) {
			t.Fatalf("the front matter %q is not before the body", fm)
		}
		if want := 1 + bytes.Count(head, []byte("\n")); len(body) > 0 && bodyLine != want {
			t.Fatalf("the body starts on line %d, but %d lines come before it", bodyLine, want-1)
		}
	})
}

// FuzzMarkdown reads a theme's narrative, the input, into a site whose data
// is loaded already, as Content does for the preview, and checks that
// whatever it holds, its HTML has no script, frame, style or event
// handler: raw HTML is shown as text, and script links are refused.
func FuzzMarkdown(f *testing.F) {
	fsys := baseFS(f)
	base := loaded(f, fsys)
	f.Add(fsys[fuzzNarrative].Data)
	f.Add([]byte("---\ntitle: Homes\n---\nLead.\n\n## Summary {#sum}\n\n- *a* **b** ~~c~~ `d`\n- [e](measures/homes-1/) <https://example.org>\n\n" +
		"1. ![f](logo.png \"g\")\n\n> h[^1]\n\n| i | j |\n| - | - |\n| k | l |\n\n### Calls {measure=\"homes-1 work-1\"}\n\n```\nm\n```\n\n[^1]: n\n"))
	f.Add([]byte("---\ndraft: true\n---\n<script>alert(1)</script> <b onclick=x>b</b> [x](javascript:alert(1)) ![y](data:image/png,z)\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		s := *base
		s.About = nil
		s.Quarters = make([]*report.Quarter, len(base.Quarters))
		for i, q := range base.Quarters {
			c := *q
			c.Intro, c.Narrative = nil, map[*report.Theme]*report.Narrative{}
			s.Quarters[i] = &c
		}
		errs := Content(with(fsys, fuzzNarrative, src), &s, nil, nil)
		checkFindings(t, errs, fuzzNarrative, src)
		n := s.Quarters[0].Narrative[s.Themes[0]]
		if n == nil {
			return
		}
		for _, h := range []string{blocksHTML(n.HTML), blocksHTML(n.Lead)} {
			if problem := unsafeMarkup(h); problem != "" {
				t.Fatalf("%s in %q", problem, h)
			}
		}
	})
}

// unsafeMarkup returns what in h could run script or style the page, or "".
func unsafeMarkup(h string) string {
	z := html.NewTokenizer(strings.NewReader(h))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "style", "iframe", "frame", "object", "embed", "base", "form", "meta", "link":
				return "a <" + tok.Data + "> element"
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
					return "a " + a.Key + " attribute"
				}
				if s := scheme(a.Val); (a.Key == "href" || a.Key == "src") && (s == "javascript" || s == "vbscript") {
					return "a script address"
				}
			}
		}
	}
}
