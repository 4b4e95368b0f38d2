// Package search builds the site's search index: a small JavaScript file
// that the search page's script reads.
//
// The index is a script, not JSON, because pages opened from disk
// (file://) may load scripts but not fetch files. It assigns one global,
// window.scorecardSearch, which assets/search.js reads:
//
//	{"version": 1,
//	 "kinds": ["measure", "narrative"],
//	 "parts": ["Build a Better Harrow", ...],      context parts used by more than one doc
//	 "partKeys": ["build a better harrow", ...],   the same, folded
//	 "docs": [[kind, title, context, url, text, key], ...]}
//
// kind is an index into kinds; context lists the doc's context parts, each
// an index into parts or, when no other doc has it, the part itself; key
// is what the script matches words against: " folded title | folded
// unshared context parts and text ". Folding (see fold) happens here, once,
// so that the script folds only the reader's query: folding every title in
// the browser would cost more than matching them.
package search

import (
	"encoding/json"
	"strings"
)

// Doc is one search result: a measure, or a section of narrative.
type Doc struct {
	Kind    string   // "measure" or "narrative": the result's class is search-KIND
	Title   string   // the measure's title, or the section's heading
	Context []string // shown under the title, joined with " · ": ["Build a Better Harrow", "measure bbh-52", "latest: High red (HR)"]
	URL     string   // relative to the site root: "measures/bbh-52/index.html"
	Text    string   // plain text to search and quote: the section's body; "" for a measure, or its notes
}

// version is the index format that search.js reads; it changes when the
// format does, so that a stale script ignores an index it cannot read.
const version = 1

type index struct {
	Version  int      `json:"version"`
	Kinds    []string `json:"kinds"`
	Parts    []string `json:"parts"`
	PartKeys []string `json:"partKeys"`
	Docs     [][]any  `json:"docs"`
}

// Index returns the file search/search-index.js for docs, which keep their
// order: the script ranks results by how well they match, then in this
// order. The same docs always give the same bytes.
func Index(docs []Doc) []byte {
	uses := map[string]int{}
	for _, d := range docs {
		for _, p := range d.Context {
			uses[p]++
		}
	}
	ix := index{Version: version, Kinds: []string{}, Parts: []string{}, PartKeys: []string{}, Docs: make([][]any, 0, len(docs))}
	kinds := map[string]int{}
	parts := map[string]int{}
	for _, d := range docs {
		kind, ok := kinds[d.Kind]
		if !ok {
			kind = len(ix.Kinds)
			kinds[d.Kind] = kind
			ix.Kinds = append(ix.Kinds, d.Kind)
		}
		// Parts shared by many docs (the theme, the quarter, a status) are
		// stored once; a doc's own part (its measure id) inline.
		context := make([]any, 0, len(d.Context))
		own := make([]string, 0, len(d.Context)+1)
		for _, p := range d.Context {
			if uses[p] < 2 {
				context = append(context, p)
				if f := fold(p); f != "" {
					own = append(own, f)
				}
				continue
			}
			i, ok := parts[p]
			if !ok {
				i = len(ix.Parts)
				parts[p] = i
				ix.Parts = append(ix.Parts, p)
				ix.PartKeys = append(ix.PartKeys, fold(p))
			}
			context = append(context, i)
		}
		if t := fold(d.Text); t != "" {
			own = append(own, t)
		}
		key := " " + fold(d.Title) + " | " + strings.Join(own, " ") + " "
		ix.Docs = append(ix.Docs, []any{kind, d.Title, context, d.URL, d.Text, key})
	}
	// json.Marshal escapes <, > and & (so "</script>" cannot end a script
	// element the file is pasted into) and U+2028 and U+2029 (line ends in
	// older JavaScript). It fails only on types that index does not hold.
	data, err := json.Marshal(ix)
	if err != nil {
		panic(err)
	}
	out := make([]byte, 0, len(data)+32)
	out = append(out, "window.scorecardSearch="...)
	out = append(out, data...)
	return append(out, ";\n"...)
}
