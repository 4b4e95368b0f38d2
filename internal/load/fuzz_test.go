package load

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"

	"scorecard/internal/diag"
)

// The fuzz targets' seeds are the example site's files, added here, and the
// files of internal/hostile's fixtures, kept in testdata/fuzz/.

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
	lines := bytes.Split(src, []byte("\n"))
	for _, d := range errs {
		p := d.Pos
		switch {
		case p.File == "":
			t.Errorf("a finding names no file: %v", d)
		case p.Line < 0 || p.Col < 0 || p.Line == 0 && p.Col != 0:
			t.Errorf("a finding has no line but a column, or a negative one: %v", d)
		case p.File == file && p.Line > len(lines):
			t.Errorf("line %d of a file of %d lines: %v", p.Line, len(lines), d)
		case p.File == file && p.Line > 0 && p.Col > len(lines[p.Line-1])+1:
			t.Errorf("column %d of a line of %d bytes: %v", p.Col, len(lines[p.Line-1]), d)
		}
	}
}

// FuzzLoadQuarter loads a site whose quarter file is the input.
func FuzzLoadQuarter(f *testing.F) {
	fsys := baseFS(f)
	f.Add(fsys[fuzzQuarter].Data)
	addExample(f, "data/quarters/*.yaml")
	f.Fuzz(func(t *testing.T, src []byte) {
		_, errs := Site(with(fsys, fuzzQuarter, src))
		checkFindings(t, errs, fuzzQuarter, src)
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

// FuzzMarkdown loads a site whose theme narrative is the input, and checks
// that whatever it holds, its HTML has no script, frame, style or event
// handler: raw HTML is shown as text, and script links are refused.
func FuzzMarkdown(f *testing.F) {
	fsys := baseFS(f)
	f.Add(fsys[fuzzNarrative].Data)
	addExample(f, "content/*/*.md")
	f.Fuzz(func(t *testing.T, src []byte) {
		s, errs := Site(with(fsys, fuzzNarrative, src))
		checkFindings(t, errs, fuzzNarrative, src)
		if len(s.Quarters) == 0 || len(s.Themes) == 0 {
			t.Fatalf("the base site did not load: %v", errs)
		}
		n := s.Quarters[0].Narrative[s.Themes[0]]
		if n == nil {
			return
		}
		for _, h := range []string{string(n.HTML), string(n.Lead)} {
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
