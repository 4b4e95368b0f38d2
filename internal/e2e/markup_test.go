package e2e

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNoInlineScriptOrStyle reads every page of the build for what the
// site's Content-Security-Policy would block: inline scripts (other than
// data blocks such as JSON), <style> elements, style attributes,
// event-handler attributes and javascript: URLs. It needs no browser.
func TestNoInlineScriptOrStyle(t *testing.T) {
	dir := builtSite(t)
	const perFile = 10 // enough to see the pattern; the rest are counted
	pages := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		pages++
		doc, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		found := inlineCode(doc)
		for _, f := range found[:min(len(found), perFile)] {
			t.Errorf("%s:%d: %s", filepath.ToSlash(rel), f.line, f.msg)
		}
		if len(found) > perFile {
			t.Errorf("%s: and %d more like these", filepath.ToSlash(rel), len(found)-perFile)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("reading the build: %v", err)
	}
	if pages == 0 {
		t.Fatalf("the build in %s has no .html file", dir)
	}
}

// TestInlineCode checks the reader that TestNoInlineScriptOrStyle relies
// on, so that a clean build means a clean site.
func TestInlineCode(t *testing.T) {
	tests := []struct {
		doc   string
		lines []int // the lines of the findings
	}{
		{`<p class="a">x</p>`, nil},
		{`<p style="color: red">x</p>`, []int{1}},
		{"<div\n  class=a\n  STYLE='x'>", []int{3}},
		{`<p title="style=x">a < b, style="x"</p>`, nil},
		{`<!-- <p style="x"> --><p>`, nil},
		{`<script src="assets/charts.js" defer></script>`, nil},
		{`<script type="application/json" id="c1">{"s":"<p style=x onclick=y>"}</script>`, nil},
		{`<script type="Application/JSON">{}</script>`, nil},
		{`<script type="application/ld+json">{"@context": "https://schema.org"}</script>`, nil},
		{`<script type=" TEXT/JavaScript ">x</script>`, []int{1}},
		{`<script type="importmap">{}</script>`, []int{1}},
		{`<script>alert(1)</script>`, []int{1}},
		{"\n<SCRIPT TYPE=\"text/javascript\">x</SCRIPT>", []int{2}},
		{`<script type="module">import "x"</script>`, []int{1}},
		{`<style>p { color: red }</style><p style=x>`, []int{1, 1}},
		{`<button onclick="go()">`, []int{1}},
		{`<body onload=go()>`, []int{1}},
		{`<a href=" JavaScript:go()">`, []int{1}},
		{`<a href="java&#x09;script&colon;go()">`, []int{1}},
		{`<a href="javascript.html">`, nil},
		{`<textarea><p style=x></textarea>`, nil},
		{`<svg><rect style="fill: red"/></svg>`, []int{1}},
	}
	for _, tt := range tests {
		var lines []int
		for _, f := range inlineCode([]byte(tt.doc)) {
			lines = append(lines, f.line)
		}
		if !slices.Equal(lines, tt.lines) {
			t.Errorf("inlineCode(%q) found on lines %v, want %v: %v", tt.doc, lines, tt.lines, inlineCode([]byte(tt.doc)))
		}
	}
}

// finding is one piece of inline code, at a 1-based line.
type finding struct {
	line int
	msg  string
}

// rawText are the elements whose content is text up to their end tag, not
// markup, so a "<p style=" inside them is no attribute.
var rawText = []string{"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}

// inlineCode returns, in order, every inline script, inline style, event
// handler and javascript: URL in an HTML document.
func inlineCode(doc []byte) []finding {
	var out []finding
	lines := lineCounter{doc: doc}
	eachTag(doc, func(t tag, off int) {
		for _, p := range t.problems() {
			out = append(out, finding{lines.at(off + p.off), p.msg})
		}
	})
	return out
}

// eachTag calls fn with every start tag of an HTML document, in order, and
// the offset of its '<'. It reads tags as a browser does, well enough for
// generated pages: comments, doctypes, end tags, quoted and unquoted
// attributes, and raw-text elements.
func eachTag(doc []byte, fn func(t tag, off int)) {
	skipPast := func(i int, end string) int {
		j := bytes.Index(doc[i:], []byte(end))
		if j < 0 {
			return len(doc)
		}
		return i + j + len(end)
	}
	for i := 0; i < len(doc); {
		j := bytes.IndexByte(doc[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := doc[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = skipPast(i+4, "-->")
		case bytes.HasPrefix(rest, []byte("<!")), bytes.HasPrefix(rest, []byte("<?")), bytes.HasPrefix(rest, []byte("</")):
			i = skipPast(i+1, ">")
		case len(rest) > 1 && isLetter(rest[1]):
			t, n := readTag(rest)
			fn(t, i)
			i += n
			// As in a browser, a "/>" does not close a raw-text element.
			if slices.Contains(rawText, t.name) {
				end := indexFold(doc[i:], "</"+t.name)
				if end < 0 {
					return
				}
				i += end
			}
		default:
			i++
		}
	}
}

// lineCounter gives the 1-based line of an offset in doc, for offsets
// that only grow.
type lineCounter struct {
	doc     []byte
	line    int // the line of counted; 0 before the first call
	counted int
}

func (l *lineCounter) at(off int) int {
	if l.line == 0 {
		l.line = 1
	}
	l.line += bytes.Count(l.doc[l.counted:off], []byte("\n"))
	l.counted = off
	return l.line
}

type tag struct {
	name  string // lower case
	attrs []attr
}

type attr struct {
	name  string // lower case
	value string // entities decoded
	off   int    // where the attribute starts, from the tag's '<'
}

// readTag reads the start tag at the front of b and returns it with the
// number of bytes it takes.
func readTag(b []byte) (tag, int) {
	i := 1
	start := i
	for i < len(b) && !isSpace(b[i]) && b[i] != '/' && b[i] != '>' {
		i++
	}
	t := tag{name: strings.ToLower(string(b[start:i]))}
	for i < len(b) {
		for i < len(b) && (isSpace(b[i]) || b[i] == '/') {
			i++
		}
		if i >= len(b) {
			break
		}
		if b[i] == '>' {
			return t, i + 1
		}
		a := attr{off: i}
		start := i
		i++ // an attribute name may start with '='
		for i < len(b) && !isSpace(b[i]) && b[i] != '/' && b[i] != '>' && b[i] != '=' {
			i++
		}
		a.name = strings.ToLower(string(b[start:i]))
		k := i
		for k < len(b) && isSpace(b[k]) {
			k++
		}
		if k < len(b) && b[k] == '=' {
			i = k + 1
			for i < len(b) && isSpace(b[i]) {
				i++
			}
			var v []byte
			if i < len(b) && (b[i] == '"' || b[i] == '\'') {
				q := b[i]
				end := bytes.IndexByte(b[i+1:], q)
				if end < 0 {
					end = len(b) - i - 1
				}
				v = b[i+1 : i+1+end]
				i += end + 2
			} else {
				start := i
				for i < len(b) && !isSpace(b[i]) && b[i] != '>' {
					i++
				}
				v = b[start:i]
			}
			a.value = html.UnescapeString(string(v))
		}
		t.attrs = append(t.attrs, a)
	}
	return t, len(b)
}

// problem is something in a tag that the policy blocks, at off bytes from
// the tag's '<'.
type problem struct {
	off int
	msg string
}

func (t tag) problems() []problem {
	var out []problem
	switch t.name {
	case "script":
		src, hasSrc := t.attr("src")
		typ, _ := t.attr("type")
		if (!hasSrc || strings.TrimSpace(src) == "") && runs(typ) {
			desc := "<script> without src"
			if typ != "" {
				desc = fmt.Sprintf("<script type=%q> without src", typ)
			}
			out = append(out, problem{0, desc + " is inline script, which script-src 'self' blocks; move the code into a file under assets/ and load it with <script src>"})
		}
	case "style":
		out = append(out, problem{0, "<style> element is inline CSS, which style-src 'self' blocks; move the rules into style.css"})
	}
	for _, a := range t.attrs {
		switch {
		case a.name == "style":
			out = append(out, problem{a.off, fmt.Sprintf("style=%q on <%s> is inline CSS, which style-src 'self' blocks; give the element a class and put the rule in style.css", a.value, t.name)})
		case strings.HasPrefix(a.name, "on"):
			out = append(out, problem{a.off, fmt.Sprintf("%s=%q on <%s> is an inline event handler, which script-src 'self' blocks; add the listener from a script file", a.name, a.value, t.name)})
		case isJavaScriptURL(a.value):
			out = append(out, problem{a.off, fmt.Sprintf("%s=%q on <%s> is a javascript: URL, which script-src 'self' blocks; link to a page, or handle the click from a script file", a.name, a.value, t.name)})
		}
	}
	return out
}

// runs reports whether a browser runs a <script type=typ> element, and so
// applies script-src to it. Any other type makes the element a data block
// (application/json, application/ld+json), which the browser never runs
// and the policy does not govern.
func runs(typ string) bool {
	typ = strings.ToLower(strings.TrimSpace(typ))
	switch typ {
	case "", "module", "importmap", "speculationrules",
		"application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
		"text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
		"text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
		"text/x-ecmascript", "text/x-javascript":
		return true
	}
	return false
}

func (t tag) attr(name string) (string, bool) {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

// isJavaScriptURL reports whether a browser would run v as a javascript:
// URL: it drops leading spaces and control characters, and tabs and new
// lines anywhere, before it reads the scheme.
func isJavaScriptURL(v string) bool {
	v = strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	v = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
	return len(v) >= len("javascript:") && strings.EqualFold(v[:len("javascript:")], "javascript:")
}

// indexFold is bytes.Index for an ASCII needle, ignoring case.
func indexFold(b []byte, needle string) int {
	n := []byte(needle)
	for i := 0; i+len(n) <= len(b); i++ {
		if bytes.EqualFold(b[i:i+len(n)], n) {
			return i
		}
	}
	return -1
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
