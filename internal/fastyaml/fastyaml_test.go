package fastyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// Same is same, for the tests outside the package.
var Same = same

// reader reads every file the tests read, one after another, each in
// the memory of the one before.
var reader Reader

// same checks that what Parse reads from src is what yaml.v3 reads: the
// whole file as one document, whose content is the same tree but for
// comments. It returns whether Parse read src. It reads src with reader
// too, which must give the same.
func same(t testing.TB, name string, src []byte) bool {
	t.Helper()
	got, ok := Parse(src)
	again, againOK := reader.Parse(src)
	if ok != againOK {
		t.Fatalf("%s: Parse says %v, a Reader %v", name, ok, againOK)
	}
	if !ok {
		return false
	}
	if diff := compare("", again, got); diff != "" {
		t.Fatalf("%s: a Reader and Parse differ at %s\n%s", name, diff, src)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%s: Parse read it, but yaml.v3 says: %v\n%s", name, err, src)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		t.Fatalf("%s: Parse read it as one document, but yaml.v3 finds more (%v)\n%s", name, err, src)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		t.Fatalf("%s: Parse read a mapping, but yaml.v3 reads no content\n%s", name, src)
	}
	if diff := compare("", got, doc.Content[0]); diff != "" {
		t.Fatalf("%s: Parse and yaml.v3 differ at %s\n%s", name, diff, src)
	}
	return true
}

// compare says where the trees a (Parse's) and b (yaml.v3's) first
// differ, in any field but comments, or "" when they do not.
func compare(path string, a, b *yaml.Node) string {
	at := fmt.Sprintf("%s (line %d col %d)", path, b.Line, b.Column)
	switch {
	case a.Kind != b.Kind:
		return fmt.Sprintf("%s: kind %v, not %v", at, a.Kind, b.Kind)
	case a.Style != b.Style:
		return fmt.Sprintf("%s: style %v, not %v", at, a.Style, b.Style)
	case a.Tag != b.Tag:
		return fmt.Sprintf("%s: tag %q, not %q", at, a.Tag, b.Tag)
	case a.Value != b.Value:
		return fmt.Sprintf("%s: value %q, not %q", at, a.Value, b.Value)
	case a.Anchor != b.Anchor || a.Alias != nil || b.Alias != nil:
		return fmt.Sprintf("%s: an anchor or alias", at)
	case a.Line != b.Line || a.Column != b.Column:
		return fmt.Sprintf("%s: at line %d col %d", at, a.Line, a.Column)
	case len(a.Content) != len(b.Content):
		return fmt.Sprintf("%s: %d nodes inside, not %d", at, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if d := compare(fmt.Sprintf("%s/%d", path, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// cases are small files that Parse reads, each for one rule.
var cases = []string{
	"a: b\n",
	"a: b",
	"a: b\r\nc: d\r\n",
	"# a comment\n\na: b # and another\nc: 'd' # and one more\n",
	"quarter: 2016-17 Q2\npublished: \"2016-11-26\"\nmeasures:\n  # A theme\n  bbh-5: {target: 93%, actual: 97.8%, status: HG}\n  bbh-34: {}\n  bbh-23: {notes: [1]}\n",
	"measures:\n  pmv-3:\n    target: Year on year reduction\n    actual: \"43.3% (58/134)\"\n  pmv-4: {}\nnotes:\n  - {theme: a, labels: [1, 2, 6, 7], text: Data reported at least 3 months in arrears}\n  - {theme: a, labels: [3]}\n",
	"a: {target: '£340,000', actual: '£296,538', status: HR}\n",
	"a: {target: 13th to 18th in London, actual: 2.42 (1st), status: HG, period: Jul 15 to Jun 16}\n",
	"a: {t: '00:45', u: 00:47, v: -17%, w: '[33%]', x: 'it''s', y: '', z: \"\"}\n",
	"£: {é: ü, ñ: 'ß', 日本: [語, \"x\"]}\nb: {c: d}\n",
	"a: null\nb: ~\nc: true\nd: 12\ne: 1.5\nf: 2016-11-26\ng: .inf\nh: <<\ni: 0x1F\nj: no\nk: 1_000\nl: +3\n",
	"a: b c  d   # e\nf:   g\n",
	"a: [[1, 2], [], {}, {b: [c]}]\n",
	"a:  {  b:  c  ,  d :  e  }\n",
	"a: x:y\nb: {c: d:e}\nc: a#b\nd: 'a # b'\n",
	"a:\n  b:\n    c: d\n  e: f\ng: h\n",
	"a:\n    - x\n    - 'y'\n    - [z]\nb: c\n",
	"a: b, c [d] {e}\n",
	"-1: x\n-a: [-b, -c]\n",
	"a:   # the value is below\n  b: c\n",
	"a: b\n\n\n   \n# trailing\n",
	"themes:\n  - id: a\n    title: b\n  -   id: c\n      codes:\n        - x\n      n: 1\n  - plain\n  - {id: d}\nmeasures:\n  - id: e # the first\n    good: higher\n",
	"a b': c\n", // a quote inside a plain key
}

func TestCases(t *testing.T) {
	for _, c := range cases {
		if !same(t, fmt.Sprintf("%q", c), []byte(c)) {
			t.Errorf("Parse declines %q", c)
		}
	}
}

// TestDeclines lists what Parse leaves to yaml.v3, each for one rule.
func TestDeclines(t *testing.T) {
	for _, c := range []string{
		"",                        // no document
		"# only a comment\n",      // no document either
		"a:\n",                    // an empty value
		"a:\nb: c\n",              // another
		"a: {b: }\n",              // another, in brackets
		"a: {b}\n",                // a key without a value
		"a: [b, ]\n",              // a comma before the bracket
		"a: [b: c]\n",             // a pair in a list
		"a: {b: c\n",              // brackets left open
		"a: {b: c,\n  d: e}\n",    // brackets over two lines
		"a: b\n  c\n",             // a value over two lines
		"a: 'b\n  c'\n",           // a quoted one
		"a: \"b\\n\"\n",           // an escape
		"a: |\n  b\n",             // a block scalar
		"a: &x b\nc: *x\n",        // an anchor and an alias
		"a: !!str b\n",            // a tag
		"a:\tb\n",                 // a tab
		"a: b\rc: d\n",            // a lone carriage return
		"a: b\x01\n",              // a control character
		"\ufeffa: b\n",            // a byte-order mark
		"a: b\u2028c: d\n",        // a Unicode line separator
		"a: b\xc2\x85c\n",         // a next-line character
		"---\na: b\n",             // a document marker
		"a: b\n---\nc: d\n",       // a second document
		"%YAML 1.2\n---\na: b\n",  // a directive
		" a: b\n",                 // an indented top
		"- a\n",                   // a list at the top
		"a\n",                     // a scalar at the top
		"{a: b}\n",                // a flow mapping at the top
		"a: b: c\n",               // a mapping inside a value
		"a:\n- b\n",               // a list not indented under its key
		"a:\n  b: c\n d: e\n",     // an indentation that closes nothing
		"a: b\n  # c\n",           // a comment indented under a value
		"a: {b: c # d\n}\n",       // a comment inside brackets
		"a: {b: c}#d\n",           // a comment not after a space
		"a: {b: [c}]\n",           // brackets crossed
		"a: {? b: c}\n",           // an explicit key
		"a: [b?]\n",               // a question mark, which ends plain text in brackets
		"a: {b:c}\n",              // a value glued to its colon
		"a: - b\n",                // a list entry inside a value
		"a:\n  -\n",               // an empty entry
		"a:\n  - b: c\n      d\n", // a value over two lines, in a list's mapping
		"a:\n  - b: c\n   d: e\n", // a key not under the mapping's first
		"a:\n  -   \n",            // another
		"a: [" + strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth+1) + "\n",
		"a: {" + strings.Repeat("k", maxKey+1) + ": v}\n",
		strings.Repeat("k", maxKey+1) + ": v\n",
	} {
		if _, ok := Parse([]byte(c)); ok {
			t.Errorf("Parse reads %q; it should leave it to yaml.v3", c)
		}
	}
}

// FuzzSame: whatever Parse reads, yaml.v3 reads as one document, into the
// same tree.
func FuzzSame(f *testing.F) {
	for _, c := range cases {
		f.Add([]byte(c))
	}
	f.Add([]byte("a: {b: c}\nd:\n  - [e, 'f''g']\n  - h\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		same(t, "the input", src)
	})
}

// FuzzPlainTag: the tag of a plain scalar is the one yaml.v3 resolves.
func FuzzPlainTag(f *testing.F) {
	for _, v := range []string{"<<", "~", "Null", "TRUE", "yes", "no", ".inf", "-.Inf", ".5", "1e3", "0x1F", "0o17", "0b101", "-0b1", "1_000", "2016-11-26", "2001-12-14 21:59:43.10 -5", "2001-12-14t21:59:43.10Z", "63.2% (43/68)", "810", "+3", "-17%", "00:47", "12:30:00", "1.5.6", "0xg", "a", "£"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if v == "" {
			return // never a plain scalar but as an empty value, which Parse declines
		}
		n := yaml.Node{Kind: yaml.ScalarNode, Value: v}
		want := n.ShortTag()
		if v == "<<" {
			want = "!!merge" // yaml.v3's parser, not its resolve, tags it
		}
		if got := plainTag(v); got != want {
			t.Errorf("plainTag(%q) = %s, yaml.v3 resolves %s", v, got, want)
		}
	})
}
