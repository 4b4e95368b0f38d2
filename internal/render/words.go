package render

import (
	"fmt"
	"html/template"
	"slices"
	"text/template/parse"

	"scorecard/internal/report"
	"scorecard/internal/words"
)

// wordFuncs are the template funcs that print the words of the
// renderer's catalogue (package words), bound to it:
//
//	{{t "search"}}                                   a message
//	{{t "count-measures" 3}}                         a counted message: its count alone
//	{{t "print-lede" "Period" .Quarter.ID.Long}}    names and values
//	{{range tpieces "footer-licence" "Licence" nil "Title" .Site.Title}}   a message around a link
//	{{if .Slot}}<a href="...">{{t "ogl"}}</a>{{else}}{{.Text}}{{end}}{{end}}  (its slots: the nil arguments)
//	{{tforms "search-results" "{count}" "Query" "{query}"}}     every plural form, as JSON, for a script
//
// Messages are text, which html/template escapes like any other.
func (r *Renderer) wordFuncs() template.FuncMap {
	return template.FuncMap{
		"t":       r.words.Text,
		"tpieces": r.words.Pieces,
		"tforms":  r.words.FormsJSON,
		// Words of the data, in the site's words.
		"good":       r.goodWords,
		"goodLong":   r.goodLong,
		"bandFor":    r.bandFor,
		"date":       r.longDate,
		"describe":   r.describe,
		"countLabel": r.countLabel,
		"reason":     r.reason,
		// The bodies of the big tables, written in Go for speed (rows.go,
		// cards.go), in the catalogue's words.
		"scorecardRows": r.scorecardRows,
		"themeCards":    r.scorecardCards,
		"historyRows":   r.historyRows,
		"historyCards":  r.historyCards,
		"indexRows":     r.indexRows,
		"indexCards":    r.indexCards,
		"countRows":     r.countRows,
		"corrections":   r.correctionNotes,
	}
}

// say is a message for Go code, whose ids and arguments are constants: the
// tests check that each exists and takes those arguments (TestWordsUsed),
// and package words that every message can be written, so an error is a
// bug in Scorecard.
func (r *Renderer) say(id string, args ...any) string { return r.sayOne(id, args...) }

// sayOne is say for an id chosen at run time from a list of constants
// written out in the code (monthMsgs, directionMsgs, ...), which
// TestWordsUsed counts as used.
func (r *Renderer) sayOne(id string, args ...any) string {
	s, err := r.words.Text(id, args...)
	if err != nil {
		panic(err)
	}
	return s
}

// Words is the renderer's catalogue, for the charts' words (package chart).
func (r *Renderer) Words() *words.Catalogue { return r.words }

// HomeChartTitle is the title of an edition's chart of statuses by theme.
func (r *Renderer) HomeChartTitle(q *report.Quarter) string {
	return r.say("chart-home-title", "Period", q.ID.Label())
}

// ThemeChartTitle is the title of a theme's chart of statuses by edition.
func (r *Renderer) ThemeChartTitle(s *report.Site, t *report.Theme) string {
	return r.say("chart-theme-title", "Theme", t.Title, "Edition", s.EditionWord())
}

// wordFuncNames are the template funcs whose first argument is a message id.
var wordFuncNames = []string{"t", "tpieces", "tforms"}

// checkWords finds, in the templates of set, each message id written as
// a constant that the catalogue lacks: a mistake in a site's layout is an
// error naming its file, line and column when the templates are parsed,
// not on the first page that happens to write it.
func (r *Renderer) checkWords(set *template.Template) error {
	var err error
	for _, t := range set.Templates() {
		if t.Tree == nil || err != nil {
			continue
		}
		walkTemplate(t.Tree.Root, func(n parse.Node) {
			cmd, ok := n.(*parse.CommandNode)
			if !ok || err != nil || len(cmd.Args) < 2 {
				return
			}
			fn, ok := cmd.Args[0].(*parse.IdentifierNode)
			if !ok || !slices.Contains(wordFuncNames, fn.Ident) {
				return
			}
			if id, ok := cmd.Args[1].(*parse.StringNode); ok && !r.words.Has(id.Text) {
				loc, _ := t.Tree.ErrorContext(cmd)
				err = fmt.Errorf("%s: %s %q: no such message; the ids are those of Scorecard's internal/words/en.yaml", loc, fn.Ident, id.Text)
			}
		})
	}
	return err
}

func walkTemplate(n parse.Node, visit func(parse.Node)) {
	if n == nil {
		return
	}
	visit(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkTemplate(c, visit)
		}
	case *parse.ActionNode:
		walkTemplate(n.Pipe, visit)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, d := range n.Decl {
			walkTemplate(d, visit)
		}
		for _, c := range n.Cmds {
			walkTemplate(c, visit)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkTemplate(a, visit)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.TemplateNode:
		walkTemplate(n.Pipe, visit)
	}
}

func walkBranch(b *parse.BranchNode, visit func(parse.Node)) {
	walkTemplate(b.Pipe, visit)
	walkTemplate(b.List, visit)
	if b.ElseList != nil {
		walkTemplate(b.ElseList, visit)
	}
}

// countLabel names a status in a status chart's table: the status, or
// words for the measures with none (report.CountLabel in the catalogue's
// words).
func (r *Renderer) countLabel(st *report.Status) string {
	if st == nil {
		return r.say("summary-no-status")
	}
	return st.Describe()
}

// reason says why a direction of travel is what it is (package rag's
// reasons) in the catalogue's words; in English when the model gives no
// message.
func (r *Renderer) reason(d report.Direction) string {
	if d.Reason == report.NoReason {
		return d.Now
	}
	w := d.Why()
	return r.sayOne(w.ID, w.Args...)
}

// SearchWords is a search result's context in the catalogue's words
// (package site's search index): search-measure, "measure BV053", or
// search-status, "Q2 2016/17: Green".
func (r *Renderer) SearchWords(id string, args ...any) string {
	switch id {
	case "search-measure", "search-status":
		return r.sayOne(id, args...)
	}
	panic("render: SearchWords(" + id + "): not a search result's words")
}
