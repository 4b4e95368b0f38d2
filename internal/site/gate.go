package site

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"scorecard/internal/diag"
	"scorecard/internal/narrative"
	"scorecard/internal/parallel"
	"scorecard/internal/report"

	"scorecard/internal/scaffold"
)

// The publish gate: narrative that is not ready to be read by the public.
// A build refuses to publish
//
//   - the text scorecard new quarter writes for the writer to replace
//     (placeholders, below);
//   - a section left empty: a heading with nothing under it before the
//     next heading of the same or a higher level;
//   - a heading carried from the quarter before, unchanged, that names that
//     quarter ("Summary of achievement at Quarter 2" in Quarter 3). A
//     heading that repeats every quarter ("Key projects") is not flagged:
//     only one that names the previous quarter's number.
//
// Each is an error in narrative that is published, and a warning in a
// draft (a narrative marked draft, or any narrative of a quarter marked
// draft), which check and serve list and a build leaves out.

// placeholders are the texts scorecard new quarter writes into a new
// quarter's narrative.
var placeholders = []string{scaffold.SectionPlaceholder, scaffold.IntroPlaceholder}

// outline is what the gate needs of one narrative file: its headings, and
// where the placeholders are.
type outline struct {
	file         string
	headings     []heading
	placeholders []placeholder
}

type heading struct {
	text     string
	level    int
	pos      diag.Pos
	empty    bool // nothing under it before the next heading of its level or higher
	quarters int  // the quarters (1 to 4) it names, a bit each: 1<<q
}

type placeholder struct {
	text string
	pos  diag.Pos
}

// outlines keeps the outlines of narrative files between previews, by
// the narrative the loader made: the loader keeps an unchanged file's
// narrative between loads, so an unchanged file's outline is not made again.
type outlines struct {
	mu   sync.Mutex
	last map[*report.Narrative]*outline
}

// gate returns the gate's findings about the narrative of full (as loaded,
// drafts and all). With drafts false, it looks only at narrative that is
// published. cache, when not nil, keeps outlines between calls.
func gate(full *report.Site, drafts bool, cache *outlines) diag.List {
	type item struct {
		n     *report.Narrative
		q     int // index in full.Quarters; -1 for the about page
		theme *report.Theme
		draft bool
	}
	var items []item
	add := func(n *report.Narrative, q int, t *report.Theme, quarterDraft bool) {
		if n == nil {
			return
		}
		draft := n.Draft || quarterDraft
		items = append(items, item{n: n, q: q, theme: t, draft: draft})
	}
	add(full.About, -1, nil, false)
	for i, q := range full.Quarters {
		add(q.Intro, i, nil, q.Draft)
		for _, t := range full.AllThemes() {
			add(q.Narrative[t], i, t, q.Draft)
		}
	}
	// Outlines are needed of every narrative looked at, and of the one
	// before each in the quarter before, for carried headings.
	need := map[*report.Narrative]bool{}
	var wanted []*report.Narrative
	want := func(n *report.Narrative) {
		if n != nil && !need[n] {
			need[n] = true
			wanted = append(wanted, n)
		}
	}
	var kept []item
	for _, it := range items {
		if it.draft && !drafts {
			continue
		}
		kept = append(kept, it)
		want(it.n)
		if it.q > 0 {
			want(narrativeOf(full.Quarters[it.q-1], it.theme))
		}
	}
	outs := readOutlines(wanted, cache)

	var out diag.List
	for _, it := range kept {
		o := outs[it.n]
		if o == nil {
			continue
		}
		say := out.Errorf
		if it.draft {
			say = out.Warnf
		}
		for _, p := range o.placeholders {
			say(p.pos, "%q is placeholder text from scorecard new quarter; replace it with this quarter's text, or delete the section (heading and all) if there is nothing to say", p.text)
		}
		for _, h := range o.headings {
			if h.empty {
				say(h.pos, "the section %q has nothing under it before the next heading; write its text, or delete the heading", h.text)
			}
		}
		if it.q <= 0 {
			continue
		}
		prevQ, q := full.Quarters[it.q-1], full.Quarters[it.q]
		prev := outs[narrativeOf(prevQ, it.theme)]
		if prev == nil || q.ID.Kind != report.QuarterPeriod || prevQ.ID.Kind != report.QuarterPeriod {
			continue
		}
		before := map[string]diag.Pos{}
		for _, h := range prev.headings {
			if _, dup := before[h.text]; !dup {
				before[h.text] = h.pos
			}
		}
		for _, h := range o.headings {
			if h.quarters&(1<<prevQ.ID.N()) == 0 {
				continue
			}
			at, same := before[h.text]
			if !same {
				continue
			}
			mention, suggestion, ok := namesQuarter(h.text, prevQ.ID.N(), q.ID.N())
			if !ok {
				continue
			}
			fix := "change it for " + q.ID.Label()
			if suggestion != "" {
				fix += fmt.Sprintf(", such as %q", suggestion)
			}
			say(h.pos, "the heading %q is the same as in %s (%s) and names %q, the quarter before; %s", h.text, prevQ.ID.Label(), at, mention, fix)
		}
	}
	return out
}

// narrativeOf returns a quarter's narrative for theme t, or its
// introduction when t is nil.
func narrativeOf(q *report.Quarter, t *report.Theme) *report.Narrative {
	if t == nil {
		return q.Intro
	}
	return q.Narrative[t]
}

// readOutlines reads the outline of each narrative, in parallel, taking
// from cache those it has.
func readOutlines(ns []*report.Narrative, cache *outlines) map[*report.Narrative]*outline {
	got := make([]*outline, len(ns))
	var last map[*report.Narrative]*outline
	if cache != nil {
		cache.mu.Lock()
		last = cache.last
		cache.mu.Unlock()
	}
	parallel.Each(len(ns), func(i int) {
		if o, ok := last[ns[i]]; ok {
			got[i] = o
			return
		}
		got[i] = outlineOf(ns[i])
	})
	out := make(map[*report.Narrative]*outline, len(ns))
	for i, n := range ns {
		out[n] = got[i]
	}
	if cache != nil {
		cache.mu.Lock()
		cache.last = out
		cache.mu.Unlock()
	}
	return out
}

// outlineOf finds the headings and placeholders of a narrative, in the
// tree the loader made of it.
func outlineOf(n *report.Narrative) *outline {
	if n.Doc == nil {
		return nil
	}
	name, body, bodyLine := n.File, n.Doc.Source, n.Doc.Line
	o := &outline{file: name}
	starts := []int{0}
	for i, c := range body {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	// at gives the position of the first character that is not a space on
	// the line holding off.
	at := func(off int) diag.Pos {
		line := 0
		for lo, hi := 0, len(starts); lo < hi; {
			mid := (lo + hi) / 2
			if starts[mid] <= off {
				line, lo = mid, mid+1
			} else {
				hi = mid
			}
		}
		col := 1
		for i := starts[line]; i < len(body) && (body[i] == ' ' || body[i] == '\t'); i++ {
			col++
		}
		return diag.Pos{File: name, Line: bodyLine + line, Col: col}
	}
	for _, p := range placeholders {
		for off := 0; ; {
			i := bytes.Index(body[off:], []byte(p))
			if i < 0 {
				break
			}
			pos := at(off + i)
			pos.Col = off + i - starts[pos.Line-bodyLine] + 1
			o.placeholders = append(o.placeholders, placeholder{text: p, pos: pos})
			off += i + len(p)
		}
	}
	var blocks []ast.Node
	for c := n.Doc.Root.FirstChild(); c != nil; c = c.NextSibling() {
		blocks = append(blocks, c)
	}
	for i, b := range blocks {
		h, ok := b.(*ast.Heading)
		if !ok || h.Lines().Len() == 0 {
			continue
		}
		empty := true
		for _, next := range blocks[i+1:] {
			if nh, ok := next.(*ast.Heading); ok && nh.Level <= h.Level {
				break
			}
			if shows(next) {
				empty = false
				break
			}
		}
		text := strings.Join(strings.Fields(narrative.HeadingText(h, body)), " ")
		o.headings = append(o.headings, heading{text: text, level: h.Level, pos: at(h.Lines().At(0).Start), empty: empty, quarters: quartersNamed(text)})
	}
	return o
}

// shows says whether a block of narrative shows the reader something of
// its own: not a heading, a rule, an HTML comment or the footnotes, which
// the Markdown reader gathers at the end.
func shows(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.Heading, *ast.ThematicBreak:
		return false
	case *ast.HTMLBlock:
		return n.HTMLBlockType != ast.HTMLBlockType2
	}
	_, notes := n.(*extast.FootnoteList)
	return !notes
}

// Ways a heading names a quarter: "Quarter 2", "Qtr 2", "Q2", "2016/17 Q2",
// "second quarter", "2nd quarter", "quarter two".
var (
	quarterNumber  = regexp.MustCompile(`(?i)\b(?:quarter|qtr\.?|q)\s*([1-4])\b`)
	quarterOrdinal = regexp.MustCompile(`(?i)\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b`)
	quarterWord    = regexp.MustCompile(`(?i)\bquarter\s+(one|two|three|four)\b`)
)

var quarterWords = [][]string{
	{"first", "second", "third", "fourth"},
	{"1st", "2nd", "3rd", "4th"},
	{"one", "two", "three", "four"},
}

// quartersNamed returns the quarters (1 to 4) heading names, a bit each.
func quartersNamed(heading string) int {
	if !strings.ContainsAny(heading, "1234") && !strings.Contains(strings.ToLower(heading), "quarter") {
		return 0 // most headings: no regular expression needed
	}
	named := 0
	for _, re := range []*regexp.Regexp{quarterNumber, quarterOrdinal, quarterWord} {
		for _, m := range re.FindAllStringSubmatchIndex(heading, -1) {
			if n, _ := quarterIndex(heading[m[2]:m[3]], 1); n > 0 {
				named |= 1 << n
			}
		}
	}
	return named
}

// namesQuarter says whether heading names quarter prev (1 to 4) of a year,
// giving the words that do, and the heading rewritten for quarter now.
func namesQuarter(heading string, prev, now int) (mention, suggestion string, ok bool) {
	for _, re := range []*regexp.Regexp{quarterNumber, quarterOrdinal, quarterWord} {
		for _, m := range re.FindAllStringSubmatchIndex(heading, -1) {
			word := heading[m[2]:m[3]]
			n, replace := quarterIndex(word, now)
			if n != prev {
				continue
			}
			if now != prev {
				suggestion = heading[:m[2]] + replace + heading[m[3]:]
			}
			return heading[m[0]:m[1]], suggestion, true
		}
	}
	return "", "", false
}

// quarterIndex reads a quarter's number as written (2, second, 2nd, two)
// and writes now the same way.
func quarterIndex(word string, now int) (int, string) {
	if n, err := strconv.Atoi(word); err == nil {
		return n, strconv.Itoa(now)
	}
	lower := strings.ToLower(word)
	for _, forms := range quarterWords {
		for i, f := range forms {
			if f == lower {
				out := forms[now-1]
				if word != lower { // "Second": keep the capital
					out = strings.ToUpper(out[:1]) + out[1:]
				}
				return i + 1, out
			}
		}
	}
	return 0, ""
}
