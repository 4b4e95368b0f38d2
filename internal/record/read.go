package record

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
	"scorecard/internal/report"
)

// handEdit says what to do about a lock file that differs from its
// digests.
const handEdit = "a lock file is written by scorecard publish and never edited by hand: put it back as it was (git checkout -- %s), and record a change to a published figure under corrections: in the edition's data file"

// Read reads the lock file held in src, named file, checking its digests.
// It returns nil, and the errors, when the file is not a lock file; a lock
// whose digests do not match is returned with the errors that say so.
func Read(file string, src []byte) (*Lock, diag.List) {
	r := &reader{file: file}
	l := r.read(src)
	return l, r.errs
}

type reader struct {
	file string
	errs diag.List
}

func (r *reader) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: r.file, Line: n.Line, Col: n.Column}
}

func (r *reader) errorf(n *yaml.Node, format string, args ...any) {
	r.errs.Errorf(r.pos(n), format, args...)
}

func (r *reader) read(src []byte) *Lock {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			r.errs.Errorf(diag.Pos{File: r.file}, "the lock file is empty; "+handEdit, r.file)
			return nil
		}
		line := 0
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if _, e := fmt.Sscanf(msg, "line %d:", &line); e == nil {
			msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		}
		r.errs.Errorf(diag.Pos{File: r.file, Line: line}, "the lock file is not valid YAML: %s; "+handEdit, msg, r.file)
		return nil
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		r.errs.Errorf(diag.Pos{File: r.file, Line: 1, Col: 1}, "this is not a lock file (edition:, digest: and measures:); "+handEdit, r.file)
		return nil
	}
	top := doc.Content[0]
	if a := firstAlias(top); a != nil {
		r.errorf(a, "the lock file holds an alias (*%s), which scorecard publish never writes; "+handEdit, a.Value, r.file)
		return nil
	}
	l := &Lock{File: r.file, Pos: r.pos(top)}
	var digest, measures *yaml.Node
	r.fields(top, "the lock file", func(k, v *yaml.Node) bool {
		switch k.Value {
		case "edition":
			l.Edition, _ = r.str(v, "edition")
		case "published":
			l.Published, _ = r.str(v, "published")
		case "digest":
			l.Digest, _ = r.str(v, "digest")
			digest = v
		case "measures":
			measures = v
		default:
			return false
		}
		return true
	}, "edition, published, digest, measures")
	if l.Edition == "" {
		r.errorf(top, "the lock file does not say which edition it records (edition:); "+handEdit, r.file)
	}
	if digest == nil {
		r.errorf(top, "the lock file has no digest:; "+handEdit, r.file)
	}
	if measures == nil {
		r.errorf(top, "the lock file has no measures:; "+handEdit, r.file)
		return l
	}
	if measures.Kind != yaml.MappingNode {
		r.errorf(measures, "measures: should be the measures' rows, one \"id: {...}\" line each; "+handEdit, r.file)
		return l
	}
	seen := map[Key]int{}
	rowsOK := true
	for i := 0; i+1 < len(measures.Content); i += 2 {
		k, v := measures.Content[i], measures.Content[i+1]
		items := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			items = v.Content
		}
		for _, item := range items {
			row, ok := r.row(k, item)
			if !ok {
				rowsOK = false
				continue
			}
			if line, dup := seen[row.Key]; dup {
				r.errorf(item, "measure %s%s is recorded twice (first at line %d); "+handEdit, row.Measure, periodNote(row.Period), line, r.file)
				rowsOK = false
				continue
			}
			seen[row.Key] = item.Line
			l.Rows = append(l.Rows, row)
		}
	}
	if rowsOK && digest != nil && l.digest() != l.Digest {
		r.errorf(digest, "the edition's digest does not match its rows: the lock file has been edited by hand; "+handEdit, r.file)
	}
	return l
}

// row reads one row of measure k, and checks its digest.
func (r *reader) row(k, n *yaml.Node) (Row, bool) {
	row := Row{Key: Key{Measure: k.Value}, Pos: r.pos(n)}
	if k.Kind != yaml.ScalarNode || n.Kind != yaml.MappingNode {
		r.errorf(n, "a row should be a set of \"name: value\" pairs in braces, {target: ..., digest: ...}; "+handEdit, r.file)
		return row, false
	}
	var digest *yaml.Node
	ok := true
	series := func(v *yaml.Node, kind report.SeriesKind, what string) {
		if v.Kind != yaml.MappingNode {
			r.errorf(v, "%s should be a set of \"series: figure\" pairs; "+handEdit, what, r.file)
			ok = false
			return
		}
		for i := 0; i+1 < len(v.Content); i += 2 {
			s, val := v.Content[i], v.Content[i+1]
			text, good := r.str(val, s.Value)
			ok = ok && good
			row.Cells = append(row.Cells, Cell{Field: s.Value, Kind: kind, Value: text, Pos: r.pos(val)})
		}
	}
	r.fields(n, "a row", func(key, v *yaml.Node) bool {
		switch key.Value {
		case "period":
			row.Period, _ = r.str(v, "period")
		case Target, Actual, Status, Forecast, ForecastStatus:
			text, good := r.str(v, key.Value)
			ok = ok && good
			row.Cells = append(row.Cells, Cell{Field: key.Value, Value: text, Pos: r.pos(v)})
		case "targets":
			series(v, report.TargetSeries, "targets")
		case "comparators":
			series(v, report.ComparatorSeries, "comparators")
		case "digest":
			row.Digest, _ = r.str(v, "digest")
			digest = v
		default:
			return false
		}
		return true
	}, "period, target, actual, status, targets, comparators, forecast, forecast_status, digest")
	if digest == nil {
		r.errorf(n, "measure %s%s has no digest; "+handEdit, row.Measure, periodNote(row.Period), r.file)
		return row, false
	}
	if ok && row.digest() != row.Digest {
		r.errorf(digest, "measure %s%s does not match its digest: the row has been edited by hand; "+handEdit, row.Measure, periodNote(row.Period), r.file)
		return row, false
	}
	return row, ok
}

// fields reads the mapping n, giving each pair to read, which says
// whether it knows the key; an unknown or repeated key is an error.
func (r *reader) fields(n *yaml.Node, what string, read func(k, v *yaml.Node) bool, names string) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			r.errorf(k, "%s has %q twice; "+handEdit, what, k.Value, r.file)
			continue
		}
		seen[k.Value] = true
		if !read(k, v) {
			r.errorf(k, "%s has an unknown field %q (the fields are: %s); "+handEdit, what, k.Value, names, r.file)
		}
	}
}

// str reads a value that is text.
func (r *reader) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		r.errorf(n, "%s should be a single value; "+handEdit, what, r.file)
		return "", false
	}
	return n.Value, true
}

// periodNote names a further period of a measure in messages.
func periodNote(p string) string {
	if p == "" {
		return ""
	}
	return " (" + p + ")"
}

// firstAlias finds the first alias in n, without following any.
func firstAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n
	}
	for _, c := range n.Content {
		if a := firstAlias(c); a != nil {
			return a
		}
	}
	return nil
}
