// Package narrative reads and shows the Markdown of a report's narrative.
// The loader parses each file once (Markdown) into the tree the model
// holds (report.Doc); each page renders the parts it shows with Render, in
// a Place that says how links and ids work on that page; search takes its
// text (Text) and the link check its anchors (IDs) from the same tree.
package narrative

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Markdown makes the Markdown reader, and the writer that Render adds its
// hooks to. Raw HTML in narrative is shown as text, so that the page shows
// what was written instead of quietly leaving it out and nothing in a
// narrative file runs as markup, unless the site trusts its writers with it
// (allow_html: true).
func Markdown(allowHTML bool, hooks ...util.PrioritizedValue) goldmark.Markdown {
	opts := []goldmark.Option{
		// A table's column alignment would be a style attribute, which the
		// site's Content-Security-Policy refuses: leave it out.
		goldmark.WithExtensions(extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
	}
	if allowHTML {
		opts = append(opts, goldmark.WithRendererOptions(html.WithUnsafe()))
	} else {
		// The renderer registered with the lowest priority wins, and
		// goldmark's HTML renderer has 1000.
		hooks = append(hooks, util.Prioritized(rawHTMLAsText{}, 100))
	}
	if len(hooks) > 0 {
		opts = append(opts, goldmark.WithRendererOptions(renderer.WithNodeRenderers(hooks...)))
	}
	return goldmark.New(opts...)
}

// rawHTMLAsText renders raw HTML as the text it was written as. HTML
// comments are left out, as they would be in a browser: writers use them
// for notes that are not for publication.
type rawHTMLAsText struct{}

func (rawHTMLAsText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if text, shown := rawText(n.(*ast.RawHTML), src); entering && shown {
			_, _ = w.Write(util.EscapeHTML(text))
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if text, shown := blockText(n.(*ast.HTMLBlock), src); entering && shown {
			_, _ = w.WriteString("<p>")
			_, _ = w.Write(util.EscapeHTML(text))
			_, _ = w.WriteString("</p>\n")
		}
		return ast.WalkContinue, nil
	})
}

// rawText is inline raw HTML as written, and whether it is shown as text
// when raw HTML is not allowed: a comment is not.
func rawText(n *ast.RawHTML, src []byte) ([]byte, bool) {
	text := rawBytes(n, src)
	return text, len(text) > 0 && !bytes.HasPrefix(text, []byte("<!--"))
}

// blockText is a block of raw HTML as written, without its last line
// break, and whether it is shown as text when raw HTML is not allowed: a
// comment is not.
func blockText(b *ast.HTMLBlock, src []byte) ([]byte, bool) {
	if b.HTMLBlockType == ast.HTMLBlockType2 {
		return nil, false
	}
	return bytes.TrimRight(rawBytes(b, src), "\r\n"), true
}

// rawBytes is raw HTML as written: an inline piece (a tag, which may run
// over lines), or a whole block with its closing line.
func rawBytes(n ast.Node, src []byte) []byte {
	var raw []byte
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			raw = append(raw, seg.Value(src)...)
		}
	case *ast.HTMLBlock:
		for i := range n.Lines().Len() {
			line := n.Lines().At(i)
			raw = append(raw, line.Value(src)...)
		}
		if n.HasClosure() {
			raw = append(raw, n.ClosureLine.Value(src)...)
		}
	}
	return raw
}

// HeadingID is a heading's id as the page writes it, before any prefix
// the page adds: {#name}, or made from its text.
func HeadingID(h *ast.Heading) string {
	id, _ := h.AttributeString("id")
	switch v := id.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}

// footnoteID is the id of a footnote's text, which its references link to.
func footnoteID(index int) string { return "fn:" + strconv.Itoa(index) }

// footnoteRefID is the id of a reference to a footnote, which the
// footnote's link back goes to.
func footnoteRefID(refIndex, index int) string {
	id := "fnref"
	if refIndex > 0 {
		id += strconv.Itoa(refIndex)
	}
	return id + ":" + strconv.Itoa(index)
}

// HeadingText is a heading's text as the reader sees it: "Q\&A" and
// "Q&amp;A" are "Q&A", but not in code.
func HeadingText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			v := t.Segment.Value(src)
			if _, code := t.Parent().(*ast.CodeSpan); !code && !t.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// IsFootnotes reports whether a top-level block is the list of footnotes,
// which goldmark gathers at the end of the tree.
func IsFootnotes(n ast.Node) bool {
	_, ok := n.(*extast.FootnoteList)
	return ok
}

// footnoteNumber is the number a footnote's reference shows.
func footnoteNumber(index int) string { return strconv.Itoa(index) }
