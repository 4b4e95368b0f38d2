// Package digest sums up Go values: the same data gives the same Sum, in
// any process, and a change to any exported field reachable from the value
// gives another. Incremental builds use it to tell which pages' inputs
// changed since the last build (see site's inputs.go).
//
// A Hasher walks a value by reflection. It reads exported fields only:
// unexported ones are, by this project's convention, indexes and caches
// made from the exported ones (report.Quarter's byIndex), which would add
// nothing but time, and might differ between two loads of the same
// files. Map entries are taken in the order of their keys' sums, so that
// Go's random map order does not show. Pointers of the types given to Ref
// are summed by what Ref returns for them, such as an id, rather than
// followed: a page that names a measure depends on its id, not on its
// whole definition, and cycles through parents are cut. Types given to
// Skip are left out, such as the positions in the source files that
// messages use and pages never show. A pointer seen before on the way
// down (a cycle) is summed by its depth.
package digest

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// Sum is a digest of some data: the first 16 bytes of a SHA-256.
type Sum [16]byte

// String is the sum in hexadecimal, as manifests hold it.
func (s Sum) String() string { return hex.EncodeToString(s[:]) }

// IsZero reports whether s is the zero Sum, which no data sums to in
// practice, and which callers use for "no sum".
func (s Sum) IsZero() bool { return s == Sum{} }

// Hasher sums values. Set Ref and Skip before the first Sum; a Hasher may
// then be used by one goroutine at a time (Clone gives another).
type Hasher struct {
	// Ref names a pointer of its key type instead of following it: the
	// function is given the pointer (never nil) and returns its name.
	Ref map[reflect.Type]func(reflect.Value) string
	// Skip leaves values of its types out.
	Skip map[reflect.Type]bool
	// Fields leaves named fields of a struct type out (type -> field).
	Fields map[reflect.Type]map[string]bool
	// Custom sums values of its types itself, writing what stands for
	// them to the Writer.
	Custom map[reflect.Type]func(*Writer, reflect.Value)
	// SkipPackages leaves out values of the types (or pointers to the
	// types) of packages whose import paths start with one of these.
	SkipPackages []string

	plans   sync.Map // reflect.Type -> *plan, worked out once per type
	writers sync.Pool
}

// plan is how values of one type are summed.
type plan struct {
	skip   bool
	custom func(*Writer, reflect.Value)
	ref    func(reflect.Value) string
	fields []int // a struct's fields that are summed, in order
}

// planOf works out, once, how values of type t are summed.
func (h *Hasher) planOf(t reflect.Type) *plan {
	if p, ok := h.plans.Load(t); ok {
		return p.(*plan)
	}
	p := &plan{skip: h.skipped(t), custom: h.Custom[t], ref: h.Ref[t]}
	if t.Kind() == reflect.Struct {
		skip := h.Fields[t]
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && !skip[f.Name] {
				p.fields = append(p.fields, i)
			}
		}
	}
	h.plans.Store(t, p)
	return p
}

// skipped reports whether values of type t are left out.
func (h *Hasher) skipped(t reflect.Type) bool {
	if h.Skip[t] {
		return true
	}
	if len(h.SkipPackages) == 0 {
		return false
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pkg := t.PkgPath()
	for _, p := range h.SkipPackages {
		if pkg != "" && strings.HasPrefix(pkg, p) {
			return true
		}
	}
	return false
}

// Writer gathers what a sum is made of.
type Writer struct {
	h     *Hasher
	buf   []byte
	stack []uintptr // the pointers followed on the way down
	sha   hash.Hash
	plans map[reflect.Type]*plan // those looked up by this writer, to spare the shared map
}

// New starts a sum. A Writer may make several: after Sum it starts again.
func (h *Hasher) New() *Writer {
	return &Writer{h: h, sha: sha256.New()}
}

// Sum sums vs, in order.
func (h *Hasher) Sum(vs ...any) Sum {
	w, ok := h.writers.Get().(*Writer)
	if !ok {
		w = &Writer{h: h, sha: sha256.New(), buf: make([]byte, 0, 1024), plans: map[reflect.Type]*plan{}}
	}
	for _, v := range vs {
		w.Value(v)
	}
	s := w.Sum()
	h.writers.Put(w)
	return s
}

// Deep sums what the pointer p points to, even when p's type is one Ref
// names: a measure's own definition, where other values refer to it by
// id.
func (w *Writer) Deep(p any) {
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		w.value(v)
		return
	}
	w.stack = append(w.stack, v.Pointer())
	w.value(v.Elem())
	w.stack = w.stack[:len(w.stack)-1]
}

// Value adds v to the sum.
func (w *Writer) Value(v any) { w.value(reflect.ValueOf(v)) }

// String adds s to the sum.
func (w *Writer) String(s string) {
	w.uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
	w.flush()
}

// Bytes adds b to the sum.
func (w *Writer) Bytes(b []byte) {
	w.uint(uint64(len(b)))
	w.buf = append(w.buf, b...)
	w.flush()
}

// Add adds another sum to this one.
func (w *Writer) Add(s Sum) {
	w.buf = append(w.buf, s[:]...)
	w.flush()
}

// Sum is the sum of everything added. The Writer then starts again,
// empty.
func (w *Writer) Sum() Sum {
	w.sha.Write(w.buf)
	w.buf = w.buf[:0]
	var full [sha256.Size]byte
	var s Sum
	copy(s[:], w.sha.Sum(full[:0]))
	w.sha.Reset()
	return s
}

// flush hands the buffer to the hash when it is large, so that a large
// value needs no large buffer.
func (w *Writer) flush() {
	if w.sha != nil && len(w.buf) >= 32<<10 {
		w.sha.Write(w.buf)
		w.buf = w.buf[:0]
	}
}

func (w *Writer) uint(n uint64) { w.buf = binary.AppendUvarint(w.buf, n) }

// Kinds of values, written before each so that different shapes of data
// cannot sum alike.
const (
	tagNil byte = iota + 1
	tagRef
	tagCycle
	tagValue
	tagSkip
)

func (w *Writer) value(v reflect.Value) {
	if !v.IsValid() {
		w.buf = append(w.buf, tagNil)
		return
	}
	t := v.Type()
	pl := w.plans[t]
	if pl == nil {
		pl = w.h.planOf(t)
		if w.plans != nil {
			w.plans[t] = pl
		}
	}
	if pl.skip {
		w.buf = append(w.buf, tagSkip)
		return
	}
	if pl.custom != nil {
		pl.custom(w, v)
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			w.buf = append(w.buf, 1)
		} else {
			w.buf = append(w.buf, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.buf = binary.AppendVarint(w.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(real(c)))
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(imag(c)))
	case reflect.String:
		w.String(v.String())
	case reflect.Slice:
		if v.IsNil() {
			w.buf = append(w.buf, tagNil)
			return
		}
		if t.Elem().Kind() == reflect.Uint8 {
			w.Bytes(v.Bytes())
			return
		}
		fallthrough
	case reflect.Array:
		w.uint(uint64(v.Len()))
		for i := range v.Len() {
			w.value(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			w.buf = append(w.buf, tagNil)
			return
		}
		w.mapValue(v)
	case reflect.Pointer:
		if v.IsNil() {
			w.buf = append(w.buf, tagNil)
			return
		}
		if pl.ref != nil {
			w.buf = append(w.buf, tagRef)
			w.String(pl.ref(v))
			return
		}
		p := v.Pointer()
		if i := slices.Index(w.stack, p); i >= 0 {
			w.buf = append(w.buf, tagCycle)
			w.uint(uint64(i))
			return
		}
		w.buf = append(w.buf, tagValue)
		w.stack = append(w.stack, p)
		w.value(v.Elem())
		w.stack = w.stack[:len(w.stack)-1]
	case reflect.Interface:
		if v.IsNil() {
			w.buf = append(w.buf, tagNil)
			return
		}
		e := v.Elem()
		w.String(e.Type().String())
		w.value(e)
	case reflect.Struct:
		for _, i := range pl.fields {
			w.value(v.Field(i))
		}
	default: // functions and channels: what they do is not data
		w.buf = append(w.buf, tagSkip)
	}
	w.flush()
}

// mapValue sums a map's entries in the order of their keys' sums.
func (w *Writer) mapValue(v reflect.Value) {
	type entry struct{ key, val []byte }
	entries := make([]entry, 0, v.Len())
	sub := &Writer{h: w.h, stack: w.stack}
	iter := v.MapRange()
	for iter.Next() {
		sub.buf = nil
		sub.value(iter.Key())
		k := sub.buf
		sub.buf = nil
		sub.value(iter.Value())
		entries = append(entries, entry{k, sub.buf})
	}
	slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.key, b.key) })
	w.uint(uint64(len(entries)))
	for _, e := range entries {
		w.buf = append(w.buf, e.key...)
		w.buf = append(w.buf, e.val...)
	}
}
