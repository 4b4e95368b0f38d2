// Package fastyaml reads the YAML that Scorecard's data files are written
// in into the same tree as gopkg.in/yaml.v3, several times faster, and
// declines anything else, which the caller then reads with yaml.v3.
//
// It reads block mappings and lists of one entry a line, nested by
// indentation (a list's item may be a mapping: "- id: x"), and as their
// values flow mappings and lists on one line
// ({target: 66%, actual: 63.2%, status: A}) and plain, single-quoted, and
// double-quoted (without escapes) text on one line. Comments are read past
// and not kept. It declines the rest: a value over several lines, an empty
// value, anchors, aliases, tags, block scalars, tabs, a document marker, a
// lone carriage return, a control character. What it reads gives the tree
// yaml.v3 gives, but for comments: the same kinds, tags, styles, values,
// lines and columns (FuzzSame holds it to that), so a file reads the same
// and its errors point at the same places whichever reads it.
//
// Every build, and every incremental build, starts by reading every
// edition file of the site: on a site of 2,000 measures over 40 quarters,
// yaml.v3 takes most of the time an incremental build needs.
package fastyaml

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// maxDepth is how deep flow collections may nest before Parse declines.
const maxDepth = 64

// maxKey is the furthest, in bytes, that Parse reads a key's colon from
// its start: yaml.v3 allows 1,024 characters, in a block mapping or in
// braces.
const maxKey = 1000

// Parse reads src, one YAML document whose top is a block mapping, and
// returns that mapping: the content of the document node yaml.v3 gives. It
// returns false when src holds anything it does not read.
func Parse(src []byte) (*yaml.Node, bool) {
	var p parser
	return p.parse(src)
}

// A Reader reads files one after another, making each tree in the memory
// of the one before: a tree it returns is good until its next Parse. The
// edition files of a site are read this way, as they are many and alike,
// and each is done with before the next is read.
type Reader struct {
	p parser
}

// Parse is the package's Parse, in the memory of r's last tree.
func (r *Reader) Parse(src []byte) (*yaml.Node, bool) {
	return r.p.parse(src)
}

type parser struct {
	s string

	line  int  // the line being read, from 1
	start int  // the offset at which it starts
	eol   int  // the offset at which its text ends, before its line break
	next  int  // the offset of the next line
	ascii bool // the line is all ASCII: a column is an offset

	depth int // flow collections open

	// Nodes are made in blocks, and flow collections' contents in
	// arenas: the ones in use, and those a Reader keeps from its last
	// tree, to use again.
	slabs  [][]yaml.Node
	slab   []yaml.Node // the block being filled
	nslab  int         // blocks in use
	arenas [][]*yaml.Node
	arena  []*yaml.Node
	narena int

	scratch []*yaml.Node // the contents of the flow collections open
}

// parse starts again with src, clearing the memory of the last tree so
// that it holds none of that tree's values.
func (p *parser) parse(src []byte) (*yaml.Node, bool) {
	for _, slab := range p.slabs[:p.nslab] {
		clear(slab)
	}
	for _, arena := range p.arenas[:p.narena] {
		clear(arena)
	}
	*p = parser{s: string(src), slabs: p.slabs, arenas: p.arenas, scratch: p.scratch[:0]}
	return p.document()
}

// block is a block mapping or list being read, and its indentation.
type block struct {
	indent int
	n      *yaml.Node
}

func (p *parser) document() (*yaml.Node, bool) {
	var (
		stack   []block
		root    *yaml.Node
		pending bool // the last key read has its value on the lines that follow
		inline  bool // the last entry read has its value on its line
	)
	for p.next = 0; p.next < len(p.s); {
		if !p.scanLine() {
			return nil, false
		}
		text := p.s[p.start:p.eol]
		indent := 0
		for indent < len(text) && text[indent] == ' ' {
			indent++
		}
		if indent == len(text) {
			continue // a blank line
		}
		if inline && indent > stack[len(stack)-1].indent {
			return nil, false // the value goes on over the line, or a comment is indented under it
		}
		c := text[indent]
		if c == '#' {
			continue
		}
		if indent == 0 && (c == '%' || strings.HasPrefix(text, "---") || strings.HasPrefix(text, "...")) {
			return nil, false
		}
		at := p.start + indent
		entry := text[indent] == '-' && (indent+1 == len(text) || text[indent+1] == ' ')
		switch {
		case pending:
			parent := stack[len(stack)-1]
			if indent <= parent.indent {
				return nil, false // an empty value
			}
			var n *yaml.Node
			if entry {
				n = p.node(yaml.SequenceNode, "!!seq", "", 0, at)
			} else {
				n = p.node(yaml.MappingNode, "!!map", "", 0, at)
			}
			parent.n.Content = append(parent.n.Content, n)
			stack = append(stack, block{indent, n})
			pending = false
		case root == nil:
			if indent != 0 || entry {
				return nil, false
			}
			root = p.node(yaml.MappingNode, "!!map", "", 0, at)
			stack = append(stack, block{0, root})
		default:
			for len(stack) > 0 && stack[len(stack)-1].indent > indent {
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 || stack[len(stack)-1].indent != indent {
				return nil, false
			}
		}
		top := stack[len(stack)-1].n
		if top.Kind == yaml.SequenceNode {
			if !entry || indent+1 == len(text) {
				return nil, false
			}
			j := p.spaces(at + 1)
			k, i, ok := p.key(j)
			if !ok {
				v, end, ok := p.value(j, false)
				if !ok || !p.rest(end) {
					return nil, false
				}
				top.Content = append(top.Content, v)
				inline = true
				continue
			}
			// "- key: value": a block mapping, indented as its first
			// key, which starts at the key.
			m := p.node(yaml.MappingNode, "!!map", "", 0, j)
			top.Content = append(top.Content, m)
			stack = append(stack, block{j - p.start, m})
			if pending, inline, ok = p.entry(m, k, i); !ok {
				return nil, false
			}
			continue
		}
		if entry {
			return nil, false
		}
		k, i, ok := p.key(at)
		if !ok {
			return nil, false
		}
		if pending, inline, ok = p.entry(top, k, i); !ok {
			return nil, false
		}
	}
	if root == nil || pending {
		return nil, false
	}
	return root, true
}

// entry adds the key k, whose colon ends before offset i, to the block
// mapping m, with its value: the rest of the line (inline), or else the
// lines that follow (pending).
func (p *parser) entry(m, k *yaml.Node, i int) (pending, inline, ok bool) {
	j := p.spaces(i)
	if j == p.eol || (p.s[j] == '#' && j > i) {
		m.Content = append(m.Content, k)
		return true, false, true
	}
	v, end, ok := p.value(j, false)
	if !ok || !p.rest(end) {
		return false, false, false
	}
	m.Content = append(m.Content, k, v)
	return false, true, true
}

// scanLine finds the line that starts at p.next, and checks that it holds
// only characters Parse reads: no tab, no control character, no line
// break but a line feed (after a carriage return or not), no byte-order
// mark.
func (p *parser) scanLine() bool {
	p.line++
	p.start = p.next
	p.ascii = true
	s := p.s
	for i := p.start; i < len(s); {
		b := s[i]
		switch {
		case b == '\n':
			p.eol, p.next = i, i+1
			return true
		case b == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				p.eol, p.next = i, i+2
				return true
			}
			return false
		case b < 0x20 || b == 0x7f:
			return false
		case b < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r < 0xa0 || r == '\u2028' || r == '\u2029' || r == '\ufeff' || r == 0xfffe || r == 0xffff || r == utf8.RuneError && size == 1 {
				return false
			}
			p.ascii = false
			i += size
		}
	}
	p.eol, p.next = len(s), len(s)
	return true
}

// node makes a node at the offset at of the current line.
func (p *parser) node(kind yaml.Kind, tag, value string, style yaml.Style, at int) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		if p.nslab == len(p.slabs) {
			p.slabs = append(p.slabs, make([]yaml.Node, 256))
		}
		p.slab = p.slabs[p.nslab][:0]
		p.nslab++
	}
	col := at - p.start + 1
	if !p.ascii {
		col = utf8.RuneCountInString(p.s[p.start:at]) + 1
	}
	p.slab = append(p.slab, yaml.Node{Kind: kind, Style: style, Tag: tag, Value: value, Line: p.line, Column: col})
	return &p.slab[len(p.slab)-1]
}

// spaces is the offset of the first character at or after i that is not
// a space.
func (p *parser) spaces(i int) int {
	for i < p.eol && p.s[i] == ' ' {
		i++
	}
	return i
}

// rest reports whether the line ends after end with nothing but spaces
// and a comment.
func (p *parser) rest(end int) bool {
	j := p.spaces(end)
	return j == p.eol || p.s[j] == '#' && j > end
}

// key reads a block mapping's key at offset at, a plain scalar, and
// returns it with the offset after its colon.
func (p *parser) key(at int) (*yaml.Node, int, bool) {
	if at == p.eol || !plainStart(p.s, at, p.eol) {
		return nil, 0, false
	}
	end := at
	for i := at; i < p.eol; {
		switch c := p.s[i]; {
		case c == ':' && (i+1 == p.eol || p.s[i+1] == ' '):
			if i-at > maxKey {
				return nil, 0, false
			}
			v := p.s[at:end]
			return p.node(yaml.ScalarNode, plainTag(v), v, 0, at), i + 1, true
		case c == ' ':
			i = p.spaces(i)
			if i < p.eol && p.s[i] == '#' {
				return nil, 0, false
			}
		default:
			i++
			end = i
		}
	}
	return nil, 0, false
}

// value reads the value at offset i: of a block mapping's entry or a
// list's item, or inside a flow collection (inFlow), where a comma or a
// bracket ends plain text. It returns the value with the offset after it.
func (p *parser) value(i int, inFlow bool) (*yaml.Node, int, bool) {
	if i == p.eol {
		return nil, 0, false
	}
	switch p.s[i] {
	case '{', '[':
		return p.flow(i)
	case '\'', '"':
		return p.quoted(i)
	}
	if !plainStart(p.s, i, p.eol) {
		return nil, 0, false
	}
	at, end := i, i
loop:
	for i < p.eol {
		switch c := p.s[i]; {
		case c == ':' && (i+1 == p.eol || p.s[i+1] == ' '):
			if !inFlow {
				return nil, 0, false // a mapping inside a value: an error to yaml.v3
			}
			break loop
		case inFlow && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}'):
			break loop
		case c == ' ':
			i = p.spaces(i)
			if i < p.eol && p.s[i] == '#' {
				if inFlow {
					return nil, 0, false // a comment inside the brackets
				}
				break loop
			}
		default:
			i++
			end = i
		}
	}
	v := p.s[at:end]
	return p.node(yaml.ScalarNode, plainTag(v), v, 0, at), end, true
}

// flow reads the flow mapping or list at offset i, which must close on
// its line, and returns it with the offset after it.
func (p *parser) flow(i int) (*yaml.Node, int, bool) {
	if p.depth == maxDepth {
		return nil, 0, false
	}
	p.depth++
	defer func() { p.depth-- }()
	isMap := p.s[i] == '{'
	closer := byte(']')
	kind, tag := yaml.SequenceNode, "!!seq"
	if isMap {
		closer, kind, tag = '}', yaml.MappingNode, "!!map"
	}
	n := p.node(kind, tag, "", yaml.FlowStyle, i)
	mark := len(p.scratch)
	defer func() { p.scratch = p.scratch[:mark] }()
	j := p.spaces(i + 1)
	if j < p.eol && p.s[j] == closer {
		return n, j + 1, true
	}
	for {
		if isMap {
			if j == p.eol || p.s[j] == '{' || p.s[j] == '[' {
				return nil, 0, false
			}
			k, end, ok := p.value(j, true)
			if !ok {
				return nil, 0, false
			}
			key := j
			j = p.spaces(end)
			if j+1 >= p.eol || p.s[j] != ':' || p.s[j+1] != ' ' || j-key > maxKey {
				return nil, 0, false // no value, one glued to its colon, or too long a key
			}
			v, end, ok := p.value(p.spaces(j+1), true)
			if !ok {
				return nil, 0, false
			}
			p.scratch = append(p.scratch, k, v)
			j = p.spaces(end)
		} else {
			v, end, ok := p.value(j, true)
			if !ok {
				return nil, 0, false
			}
			p.scratch = append(p.scratch, v)
			j = p.spaces(end)
			if j < p.eol && p.s[j] == ':' {
				return nil, 0, false // a pair in a list
			}
		}
		switch {
		case j == p.eol:
			return nil, 0, false
		case p.s[j] == closer:
			n.Content = p.contents(p.scratch[mark:])
			return n, j + 1, true
		case p.s[j] != ',':
			return nil, 0, false
		}
		j = p.spaces(j + 1)
		if j < p.eol && p.s[j] == closer {
			return nil, 0, false // a comma before the closing bracket
		}
	}
}

// contents copies a flow collection's nodes to the arena.
func (p *parser) contents(nodes []*yaml.Node) []*yaml.Node {
	if len(p.arena)+len(nodes) > cap(p.arena) {
		for p.narena < len(p.arenas) && len(p.arenas[p.narena]) < len(nodes) {
			p.narena++ // too small for these: left empty
		}
		if p.narena == len(p.arenas) {
			p.arenas = append(p.arenas, make([]*yaml.Node, max(1024, len(nodes))))
		}
		p.arena = p.arenas[p.narena][:0]
		p.narena++
	}
	at := len(p.arena)
	p.arena = append(p.arena, nodes...)
	return p.arena[at:len(p.arena):len(p.arena)]
}

// quoted reads a single- or double-quoted scalar at offset i that closes
// on its line, and returns it with the offset after its closing quote. A
// double-quoted scalar with a backslash is declined.
func (p *parser) quoted(i int) (*yaml.Node, int, bool) {
	q := p.s[i]
	line := p.s[i+1 : p.eol]
	if q == '"' {
		k := strings.IndexAny(line, "\"\\")
		if k < 0 || line[k] == '\\' {
			return nil, 0, false
		}
		return p.node(yaml.ScalarNode, "!!str", line[:k], yaml.DoubleQuotedStyle, i), i + 1 + k + 1, true
	}
	var b strings.Builder
	escaped := false
	for j := 0; ; {
		k := strings.IndexByte(line[j:], '\'')
		if k < 0 {
			return nil, 0, false
		}
		k += j
		if k+1 < len(line) && line[k+1] == '\'' {
			b.WriteString(line[j : k+1])
			j, escaped = k+2, true
			continue
		}
		v := line[:k]
		if escaped {
			b.WriteString(line[j:k])
			v = b.String()
		}
		return p.node(yaml.ScalarNode, "!!str", v, yaml.SingleQuotedStyle, i), i + 1 + k + 1, true
	}
}

// plainStart reports whether a plain scalar may start at offset i of s,
// whose line ends at eol. It allows less than YAML does: no indicator but
// a minus sign before a character that ends nothing.
func plainStart(s string, i, eol int) bool {
	switch s[i] {
	case '-':
		if i+1 == eol {
			return false
		}
		switch s[i+1] {
		case ' ', ',', '[', ']', '{', '}', '#', '?', ':':
			return false
		}
		return true
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return false
	}
	return true
}

// plainTag is the tag yaml.v3 gives the plain scalar v: !!merge for <<,
// as its parser does, and as its resolve does: a word of its table of
// nulls, booleans and special floats; !!str for what cannot be a number
// or a timestamp; and what yaml.v3 itself resolves for what may be one.
func plainTag(v string) string {
	switch v {
	case "<<":
		return "!!merge"
	case "", "~", "null", "Null", "NULL":
		return "!!null"
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	}
	if strings.IndexByte("0123456789+-.", v[0]) < 0 {
		return "!!str" // resolve reads only its table's words unless v starts so
	}
	for i := 0; i < len(v); i++ {
		if !numeric[v[i]] {
			return "!!str"
		}
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Value: v}
	return n.ShortTag()
}

// numeric holds the characters of numbers and timestamps as yaml.v3
// reads them: Go's integers in any base, with underscores; floats with
// exponents; and dates and times with their zones, whose fractions of a
// second Go's time.Parse takes after a comma too.
var numeric = func() (set [256]bool) {
	for _, c := range []byte("0123456789abcdefABCDEF+-._,xXoObBtTzZ: ") {
		set[c] = true
	}
	return set
}()
