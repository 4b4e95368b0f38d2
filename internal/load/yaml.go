package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
	"scorecard/internal/fastyaml"
)

// doc is one YAML file being read, with the findings about it.
type doc struct {
	file string
	errs *diag.List
	line int // lines in the file before the YAML starts (front matter)

	broken bool // the file could not be read as YAML

	// lines and lastLen are how many lines the YAML has, as YAML counts
	// them, and how long its last is: a value YAML places past the end
	// (the empty document after a lone "---") is reported at the end.
	lines, lastLen int

	src              []byte // the YAML, for finding a place inside a value
	seenLine, seenAt int    // a line of src (from 1) and the offset it starts at, once looked up

	// refused holds the values already reported as unreadable (an alias,
	// a control character, a list where text belongs): one mistake, one
	// error, so no more is said about them, such as that they are empty
	// or not one of the values allowed.
	refused map[*yaml.Node]bool

	// reader, when not nil, reads the file in the memory of the last
	// file it read, which must be done with.
	reader *fastyaml.Reader
}

func (d *doc) pos(n *yaml.Node) diag.Pos {
	if n == nil {
		return diag.Pos{File: d.file}
	}
	line, col := n.Line, n.Column
	if d.lines > 0 && line > d.lines {
		line, col = d.lines, d.lastLen+1
	}
	return diag.Pos{File: d.file, Line: d.line + line, Col: col}
}

// within is the place of the byte at offset in n's value raw: its own
// column plus the offset when the value is written on its line as read
// (plain, or quoted with nothing escaped, on one line), and n's place
// otherwise (a value folded over lines, or with escapes), which is near.
func (d *doc) within(n *yaml.Node, raw string, offset int) diag.Pos {
	pos := d.pos(n)
	quote := 0
	switch {
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return pos
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		quote = 1
	}
	line := d.lineText(n.Line)
	start := 0 // the byte of line at n's column, which counts characters
	for col := 1; col < n.Column && start < len(line); col++ {
		_, size := utf8.DecodeRune(line[start:])
		start += size
	}
	if start+quote > len(line) || !bytes.HasPrefix(line[start+quote:], []byte(raw)) || offset > len(raw) {
		return pos
	}
	pos.Col += quote + utf8.RuneCountInString(raw[:offset])
	return pos
}

// lineText is line n of the YAML (from 1), without its line break: found
// from the last line looked up when it is further on, so that a file's
// findings, which come in order, cost one pass over it.
func (d *doc) lineText(n int) []byte {
	if n < d.seenLine {
		d.seenLine, d.seenAt = 1, 0
	}
	for d.seenLine < n && d.seenAt < len(d.src) {
		i := bytes.IndexAny(d.src[d.seenAt:], "\r\n")
		if i < 0 {
			d.seenAt = len(d.src)
			break
		}
		d.seenAt += i + 1
		if d.src[d.seenAt-1] == '\r' && d.seenAt < len(d.src) && d.src[d.seenAt] == '\n' {
			d.seenAt++
		}
		d.seenLine++
	}
	if d.seenLine != n {
		return nil
	}
	rest := d.src[d.seenAt:]
	if i := bytes.IndexAny(rest, "\r\n"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// measure notes how many lines src has, counting a line feed, a carriage
// return or both together as one break, as YAML does, and how long its
// last line is.
func (d *doc) measure(src []byte) {
	d.lines, d.lastLen = 1, 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			fallthrough
		case '\n':
			d.lines++
			d.lastLen = 0
		default:
			d.lastLen++
		}
	}
}

// errorf reports a mistake in the value n, unless n has been refused
// already.
func (d *doc) errorf(n *yaml.Node, format string, args ...any) {
	if n != nil && d.refused[n] {
		return
	}
	d.errs.Errorf(d.pos(n), format, args...)
}

// warnf reports a doubt about the value n, unless n has been refused
// already.
func (d *doc) warnf(n *yaml.Node, format string, args ...any) {
	if n != nil && d.refused[n] {
		return
	}
	d.errs.Warnf(d.pos(n), format, args...)
}

// refuse reports that the value n cannot be read, and why; errorf then
// says nothing more about it.
func (d *doc) refuse(n *yaml.Node, format string, args ...any) {
	d.errorf(n, format, args...)
	if d.refused == nil {
		d.refused = map[*yaml.Node]bool{}
	}
	d.refused[n] = true
}

// wasRefused reports whether the value n was refused.
func (d *doc) wasRefused(n *yaml.Node) bool { return n != nil && d.refused[n] }

// parse reads src as one YAML document and returns its top node: nil for
// an empty file, and nil after reporting why when the file is not YAML.
// d.broken records the latter, so that callers do not report more about a
// file they could not read.
func (d *doc) parse(src []byte) *yaml.Node {
	if !utf8.Valid(src) {
		line, col := invalidUTF8(src)
		d.errs.Errorf(diag.Pos{File: d.file, Line: d.line + line, Col: col}, "the file is not UTF-8 text; save it as UTF-8 (in a spreadsheet or editor, choose \"UTF-8\" when saving)")
		d.broken = true
		return nil
	}
	d.measure(src)
	d.src, d.seenLine, d.seenAt = src, 1, 0
	// Most data files are written in the few forms fastyaml reads, into
	// the tree yaml.v3 would give, several times faster; yaml.v3 reads
	// the rest, and says what is wrong with a file that is not YAML.
	r := d.reader
	if r == nil {
		r = new(fastyaml.Reader)
	}
	if n, ok := r.Parse(src); ok {
		return n
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var n yaml.Node
	if err := dec.Decode(&n); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // an empty file
		}
		if line := tabIndent(src); line > 0 {
			d.errs.Errorf(diag.Pos{File: d.file, Line: d.line + line, Col: 1}, "the line is indented with a tab; YAML needs spaces, so replace the tab with spaces")
			d.broken = true
			return nil
		}
		d.yamlError(err, src)
		d.broken = true
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errorf(&extra, "a second YAML document starts here; keep one document a file and remove the \"---\" line above")
	} else if !errors.Is(err, io.EOF) {
		d.yamlError(err, src)
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		return n.Content[0]
	}
	return nil
}

// yamlError reports a syntax error from the YAML parser, at its line.
func (d *doc) yamlError(err error, src []byte) {
	msg := err.Error()
	line := 0
	msg = strings.TrimPrefix(msg, "yaml: ")
	if strings.Contains(msg, "control characters are not allowed") {
		if line, col, r, ok := controlChar(src); ok {
			d.errs.Errorf(diag.Pos{File: d.file, Line: d.line + line, Col: col}, "the file holds a control character, %U, which YAML does not allow; remove it (it is invisible in most editors: delete the text around it and type it again)", r)
			return
		}
	}
	if _, e := fmt.Sscanf(msg, "line %d:", &line); e != nil {
		// yaml.v3 gives no line for an error on the first: it counts
		// from 0 and leaves out 0.
		line = 1
	} else {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		// yaml.v3 counts lines from 0 in its parser's errors (as opposed to
		// its scanner's), all of which say "did not find expected".
		if strings.HasPrefix(msg, "did not find expected") {
			line++
		}
	}
	// An error at the end of a file without a final line end is on its
	// last line, not the one after.
	line = min(line, 1+bytes.Count(src, []byte{'\n'}))
	if line > 0 {
		line += d.line
	}
	d.errs.Errorf(diag.Pos{File: d.file, Line: line}, "the file is not valid YAML: %s; check the indentation and that text holding \": \" or starting with a special character (- [ { * & ! | > ' \" %% @) is quoted", msg)
}

// controlChar finds the first control character in src: one that YAML
// does not allow in a file, nor HTML in a page.
func controlChar(src []byte) (line, col int, r rune, ok bool) {
	if i := bytes.IndexFunc(src, control); i >= 0 {
		r, _ := utf8.DecodeRune(src[i:])
		line, col := lineCol(src, i)
		return line, col, r, true
	}
	return 0, 0, 0, false
}

// control reports whether r is a control character or a noncharacter,
// which neither YAML nor HTML allows: all but the printable characters of
// YAML 1.2, less U+0085 (a line end that HTML forbids).
func control(r rune) bool {
	return !(r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7e || r >= 0xa0 && r <= 0xd7ff ||
		r >= 0xe000 && r <= 0xfffd && !(r >= 0xfdd0 && r <= 0xfdef) || r >= 0x10000 && r <= 0x10ffff && r&0xfffe != 0xfffe)
}

func lineCol(src []byte, off int) (line, col int) {
	line = 1 + bytes.Count(src[:off], []byte{'\n'})
	col = off - bytes.LastIndexByte(src[:off], '\n')
	return line, col
}

func invalidUTF8(src []byte) (line, col int) {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return lineCol(src, i)
		}
		i += size
	}
	return 1, 1
}

// tabIndent returns the first line whose indentation holds a tab, which
// YAML forbids and its parser reports obscurely, or 0.
func tabIndent(src []byte) int {
	for i, line := range bytes.Split(src, []byte{'\n'}) {
		trimmed := bytes.TrimLeft(line, " ")
		if len(trimmed) > 0 && trimmed[0] == '\t' {
			return i + 1
		}
	}
	return 0
}

// field is one key of a YAML mapping that a reader accepts.
type field struct {
	name string
	read func(key, val *yaml.Node)
}

// mapping reads n as a mapping with the given fields. It reports unknown
// and repeated keys and returns false when n is not a mapping at all.
func (d *doc) mapping(n *yaml.Node, what string, fields ...field) bool {
	if !d.isMapping(n, what) {
		return false
	}
	// A row is a small mapping, and a large site has hundreds of
	// thousands: its earlier keys are searched, not put in a map.
	var seen map[string]*yaml.Node
	if len(n.Content) > 2*smallMapping {
		seen = make(map[string]*yaml.Node, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if prev := earlierKey(n.Content[:i], seen, k.Value); prev != nil {
			d.errorf(k, "%s has %q twice (first at %d:%d); remove one of them", what, k.Value, d.line+prev.Line, prev.Column)
			continue
		}
		if seen != nil {
			seen[k.Value] = k
		}
		// An alias is refused here, and its field read all the same, so
		// that a required field given as an alias is not also reported
		// missing; the readers say nothing more about it.
		d.isAlias(v)
		found := false
		for _, f := range fields {
			if f.name == k.Value {
				f.read(k, v)
				found = true
				break
			}
		}
		if !found {
			names := make([]string, len(fields))
			for j, f := range fields {
				names[j] = f.name
			}
			d.errorf(k, "%s has an unknown field %q; the fields are: %s (check the spelling and indentation)", what, k.Value, strings.Join(names, ", "))
		}
	}
	return true
}

// smallMapping is the most keys a mapping may have for mapping to search
// its earlier keys rather than keep them in a map.
const smallMapping = 16

// earlierKey finds the first key named key among before, a mapping's keys
// and values so far: in seen when it is not nil, else by search.
func earlierKey(before []*yaml.Node, seen map[string]*yaml.Node, key string) *yaml.Node {
	if seen != nil {
		return seen[key]
	}
	for i := 0; i+1 < len(before); i += 2 {
		if before[i].Value == key {
			return before[i]
		}
	}
	return nil
}

func (d *doc) isMapping(n *yaml.Node, what string) bool {
	if d.isAlias(n) {
		return false
	}
	if n.Kind != yaml.MappingNode {
		d.refuse(n, "%s should be a set of \"name: value\" lines, but it is %s", what, describe(n))
		return false
	}
	return true
}

// isAlias reports, and rejects, YAML anchors' aliases: they make small
// files expand enormously and hide where a value comes from.
func (d *doc) isAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		d.refuse(n, "aliases (*%s) are not supported; write the value out in full", n.Value)
		return true
	}
	return false
}

// str reads n as a piece of text: any scalar, taken as written.
func (d *doc) str(n *yaml.Node, what string) (string, bool) {
	if d.isAlias(n) {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		hint := ""
		if n.Kind == yaml.SequenceNode && n.Style == yaml.FlowStyle && (what == "target" || what == "actual") {
			hint = "; to write text in square brackets, such as an annual target, put it in quotes: \"[60%]\""
		}
		d.refuse(n, "%s should be a single value, but it is %s%s", what, describe(n), hint)
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	if i := strings.IndexFunc(n.Value, control); i >= 0 {
		r, _ := utf8.DecodeRuneInString(n.Value[i:])
		d.refuse(n, "%s holds a control character, %U, written as an escape; remove it, as a web page cannot show it", what, r)
		return "", false
	}
	return n.Value, true
}

func (d *doc) boolean(n *yaml.Node, what string) bool {
	s, ok := d.str(n, what)
	if !ok {
		return false
	}
	switch s {
	case "true":
		return true
	case "false", "":
		return false
	}
	d.errorf(n, "%s should be true or false, not %q", what, s)
	return false
}

// list reads n as a sequence, calling each for every item.
func (d *doc) list(n *yaml.Node, what string, each func(item *yaml.Node)) {
	if d.isAlias(n) {
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.refuse(n, "%s should be a list (lines starting with \"- \", or [a, b]), but it is %s", what, describe(n))
		return
	}
	for _, item := range n.Content {
		if !d.isAlias(item) {
			each(item)
		}
	}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of \"name: value\" lines"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "something else"
}

func bytesValidUTF8(b []byte) bool { return utf8.Valid(b) }
