package digest

import (
	"reflect"
	"testing"
)

type node struct {
	Name     string
	Parent   *node
	Children []*node
	Tags     map[string]int
	Owner    *owner
	Pos      position
	cache    []int // unexported: a cache, not data
	Any      any
}

type owner struct {
	ID    string
	Notes string
}

type position struct{ Line, Col int }

func testHasher() *Hasher {
	return &Hasher{
		Ref:  map[reflect.Type]func(reflect.Value) string{reflect.TypeFor[*owner](): func(v reflect.Value) string { return v.Interface().(*owner).ID }},
		Skip: map[reflect.Type]bool{reflect.TypeFor[position](): true},
	}
}

func tree() *node {
	root := &node{Name: "root", Tags: map[string]int{"a": 1, "b": 2, "c": 3}, Owner: &owner{ID: "o1", Notes: "x"}}
	for _, n := range []string{"left", "right"} {
		root.Children = append(root.Children, &node{Name: n, Parent: root})
	}
	return root
}

// TestSum: the same data sums alike, whatever Go's map order, the
// positions, unexported caches and a referred value's other fields; any
// change to a field reachable from the value sums differently, and
// cycles end.
func TestSum(t *testing.T) {
	h := testHasher()
	base := h.Sum(tree())
	for range 20 { // maps are walked in a random order each time
		if got := h.Sum(tree()); got != base {
			t.Fatalf("the same tree summed to %v and %v", base, got)
		}
	}
	same := map[string]func(*node){
		"a position":                 func(n *node) { n.Pos = position{3, 4} },
		"a cache":                    func(n *node) { n.cache = []int{1} },
		"a referred value's details": func(n *node) { n.Owner.Notes = "y" },
	}
	for name, change := range same {
		n := tree()
		change(n)
		if h.Sum(n) != base {
			t.Errorf("changing %s changed the sum", name)
		}
	}
	differ := map[string]func(*node){
		"a name":            func(n *node) { n.Name = "Root" },
		"a child's name":    func(n *node) { n.Children[1].Name = "Right" },
		"a map value":       func(n *node) { n.Tags["b"] = 20 },
		"a map key":         func(n *node) { delete(n.Tags, "c"); n.Tags["d"] = 3 },
		"a referred id":     func(n *node) { n.Owner.ID = "o2" },
		"the children":      func(n *node) { n.Children = n.Children[:1] },
		"an interface":      func(n *node) { n.Any = 1 },
		"an interface type": func(n *node) { n.Any = int64(0) },
		"nil to empty":      func(n *node) { n.Children[0].Children = []*node{} },
		"a cycle's shape":   func(n *node) { n.Children[0].Parent = n.Children[1] },
	}
	seen := map[Sum]string{base: "the tree"}
	for name, change := range differ {
		n := tree()
		change(n)
		got := h.Sum(n)
		if other, ok := seen[got]; ok {
			t.Errorf("changing %s gave the same sum as %s", name, other)
		}
		seen[got] = name
	}
}

// TestDeep: Deep sums a referred value itself, where Value names it.
func TestDeep(t *testing.T) {
	h := testHasher()
	o1, o2 := &owner{ID: "o", Notes: "x"}, &owner{ID: "o", Notes: "y"}
	if h.Sum(o1) != h.Sum(o2) {
		t.Error("Sum followed a pointer that Ref names")
	}
	w1, w2 := h.New(), h.New()
	w1.Deep(o1)
	w2.Deep(o2)
	if w1.Sum() == w2.Sum() {
		t.Error("Deep did not sum the referred value's fields")
	}
}

// TestCustomAndPackages: Custom sums a type its own way; SkipPackages
// leaves a package's types out.
func TestCustomAndPackages(t *testing.T) {
	h := &Hasher{
		Custom:       map[reflect.Type]func(*Writer, reflect.Value){reflect.TypeFor[owner](): func(w *Writer, v reflect.Value) { w.String(v.Interface().(owner).ID) }},
		SkipPackages: []string{"reflect"},
	}
	if h.Sum(owner{"a", "x"}) != h.Sum(owner{"a", "y"}) || h.Sum(owner{"a", "x"}) == h.Sum(owner{"b", "x"}) {
		t.Error("Custom was not used")
	}
	type holder struct{ T reflect.Value }
	if h.Sum(holder{reflect.ValueOf(1)}) != h.Sum(holder{reflect.ValueOf("x")}) {
		t.Error("a type of a skipped package was summed")
	}
}

// BenchmarkSum sums a tree of 1,000 nodes.
func BenchmarkSum(b *testing.B) {
	root := &node{Name: "root"}
	for i := range 1000 {
		root.Children = append(root.Children, &node{Name: "child", Parent: root, Tags: map[string]int{"i": i}})
	}
	h := testHasher()
	b.ReportAllocs()
	for b.Loop() {
		h.Sum(root)
	}
}

// TestWriterStartsAgain: after Sum, a Writer sums afresh, so one writer
// can make a chain of sums.
func TestWriterStartsAgain(t *testing.T) {
	h := testHasher()
	w := h.New()
	w.String("a")
	first := w.Sum()
	w.String("a")
	if again := w.Sum(); again != first || again != h.Sum("a") {
		t.Errorf("the same data summed to %v, then %v; Sum gives %v", first, again, h.Sum("a"))
	}
}
