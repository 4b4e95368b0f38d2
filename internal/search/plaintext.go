package search

import (
	"html"
	"strings"
)

// PlainText gives the text of a fragment of HTML, such as a narrative
// section, for searching and quoting: tags stripped, entities unescaped,
// and whitespace folded to single spaces. Block elements and line breaks
// separate words; inline ones (<em>re</em>cycling) do not. Footnote
// references, comments, scripts and styles are left out.
func PlainText(s string) string {
	var b strings.Builder
	for s != "" {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			b.WriteString(html.UnescapeString(s))
			break
		}
		b.WriteString(html.UnescapeString(s[:lt]))
		s = s[lt:]
		if strings.HasPrefix(s, "<!--") {
			s = after(s, "-->")
			continue
		}
		name, closing, end := tag(s)
		if end == 0 { // a '<' that starts no tag
			b.WriteByte('<')
			s = s[1:]
			continue
		}
		attrs := s[:end]
		s = s[end:]
		if !inline[name] {
			b.WriteByte(' ')
		}
		switch {
		case closing:
		case name == "script", name == "style", name == "template", name == "textarea":
			s = skipTo(s, name)
		case name == "a" && (strings.Contains(attrs, `class="footnote-ref"`) || strings.Contains(attrs, `class="footnote-backref"`)):
			s = skipTo(s, name) // goldmark's footnote links: "Project Phoenix[^1]" is "Project Phoenix"
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// inline lists the elements that do not separate words.
var inline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true,
	"code": true, "data": true, "del": true, "dfn": true, "em": true, "i": true,
	"ins": true, "kbd": true, "mark": true, "q": true, "s": true, "samp": true,
	"small": true, "span": true, "strong": true, "sub": true, "sup": true,
	"time": true, "u": true, "var": true, "wbr": true,
}

// tag reads the tag that s starts with: its lower-case name, whether it is
// a closing tag, and its length, 0 when s starts no tag.
func tag(s string) (name string, closing bool, end int) {
	i := 1
	if i < len(s) && s[i] == '/' {
		closing = true
		i++
	}
	start := i
	for i < len(s) && (isLetter(s[i]) || i > start && '0' <= s[i] && s[i] <= '9') {
		i++
	}
	if i == start {
		return "", false, 0
	}
	name = strings.ToLower(s[start:i])
	// Skip the attributes, whose quoted values may hold '>'.
	var quote byte
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return name, closing, i + 1
		}
	}
	return name, closing, len(s)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// after returns what follows the first sep in s, or "" when s has none.
func after(s, sep string) string {
	if i := strings.Index(s, sep); i >= 0 {
		return s[i+len(sep):]
	}
	return ""
}

// skipTo returns what follows the closing tag of element name in s, or ""
// when s has none.
func skipTo(s, name string) string {
	for i := 0; i+2+len(name) <= len(s); i++ {
		if s[i] != '<' || s[i+1] != '/' {
			continue
		}
		if n, _, end := tag(s[i:]); n == name {
			return s[i+end:]
		}
	}
	return ""
}
