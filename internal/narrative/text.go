package narrative

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html/atom"

	xhtml "golang.org/x/net/html"

	"scorecard/internal/report"
)

// Text is the text of blocks as a reader sees it on the page, for
// searching and quoting: whitespace folded to single spaces; blocks, line
// breaks and images separate words, emphasis and links do not
// (**re**cycling is "recycling"). Footnote references and HTML comments
// are left out; so are raw HTML's tags, and the insides of its scripts and
// styles, when the site allows raw HTML.
func Text(b report.Blocks) string {
	if b.Doc == nil {
		return ""
	}
	t := &textWriter{src: b.Doc.Source, allowHTML: b.Doc.AllowHTML}
	for _, n := range b.Nodes {
		_ = ast.Walk(n, t.visit)
	}
	return strings.Join(strings.Fields(t.b.String()), " ")
}

type textWriter struct {
	b         strings.Builder
	src       []byte
	allowHTML bool
	skip      string // the raw HTML element whose content is not text (script, style), while in it

	buf bytes.Buffer // for shown
	out *bufio.Writer
}

func (t *textWriter) write(s string) {
	if t.skip == "" {
		t.b.WriteString(s)
	}
}

// shown is text as the page shows it: with backslash escapes and
// entities resolved as goldmark writes them.
func (t *textWriter) shown(v []byte) string {
	if t.out == nil {
		t.out = bufio.NewWriter(&t.buf)
	}
	t.buf.Reset()
	html.DefaultWriter.Write(t.out, v)
	_ = t.out.Flush()
	return stdhtml.UnescapeString(t.buf.String())
}

func (t *textWriter) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if n.Type() == ast.TypeBlock {
		t.b.WriteByte(' ')
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		for i := range n.Lines().Len() {
			line := n.Lines().At(i)
			t.write(string(line.Value(t.src)))
		}
	case *ast.HTMLBlock:
		if t.allowHTML {
			t.rawHTML(rawBytes(n, t.src))
		} else if text, ok := blockText(n, t.src); ok {
			t.write(string(text))
		}
	case *ast.RawHTML:
		text, ok := rawText(n, t.src)
		if t.allowHTML {
			t.rawHTML(text)
		} else if ok {
			t.write(string(text))
		}
		return ast.WalkSkipChildren, nil
	case *ast.Text:
		v := n.Segment.Value(t.src)
		if n.IsRaw() {
			t.write(string(v))
		} else {
			t.write(t.shown(v))
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			t.b.WriteByte(' ')
		}
	case *ast.String:
		switch {
		case n.IsCode():
			t.write(stdhtml.UnescapeString(string(n.Value)))
		case n.IsRaw():
			t.write(string(n.Value))
		default:
			t.write(t.shown(n.Value))
		}
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if tx, ok := c.(*ast.Text); ok {
				t.write(string(tx.Segment.Value(t.src)))
			}
		}
		return ast.WalkSkipChildren, nil
	case *ast.AutoLink:
		t.write(string(n.Label(t.src)))
		return ast.WalkSkipChildren, nil
	case *ast.Image:
		t.b.WriteByte(' ') // its text is the image's alt, not the page's text
		return ast.WalkSkipChildren, nil
	case *extast.FootnoteLink:
		return ast.WalkSkipChildren, nil // "Project Phoenix[^1]" is "Project Phoenix"
	case *extast.FootnoteBacklink:
		t.b.WriteByte(' ')
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

// rawHTML adds the text of raw HTML, which the site allows: its tags
// separate words unless they are inline (em, a, span), comments are left
// out, and so are scripts, styles and the like, which may open in one piece
// of raw HTML and close in another.
func (t *textWriter) rawHTML(raw []byte) {
	z := xhtml.NewTokenizer(bytes.NewReader(raw))
	for {
		switch tt := z.Next(); tt {
		case xhtml.ErrorToken:
			return
		case xhtml.TextToken:
			t.write(string(z.Text()))
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if !inline[a] {
				t.b.WriteByte(' ')
			}
			switch {
			case tt == xhtml.EndTagToken && t.skip == string(name):
				t.skip = ""
			case tt == xhtml.StartTagToken && t.skip == "" && (a == atom.Script || a == atom.Style || a == atom.Template || a == atom.Textarea):
				t.skip = string(name)
			}
		}
	}
}

// inline lists the elements that do not separate words.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Cite: true,
	atom.Code: true, atom.Data: true, atom.Del: true, atom.Dfn: true, atom.Em: true, atom.I: true,
	atom.Ins: true, atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true,
	atom.Small: true, atom.Span: true, atom.Strong: true, atom.Sub: true, atom.Sup: true,
	atom.Time: true, atom.U: true, atom.Var: true, atom.Wbr: true,
}

// IDs lists the ids that blocks write, before any prefix the page adds:
// their headings' and their footnotes'. Render writes the same.
func IDs(b report.Blocks) []string {
	var ids []string
	for _, n := range b.Nodes {
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch c := c.(type) {
			case *ast.Heading:
				if id, ok := c.AttributeString("id"); ok && id != nil {
					ids = append(ids, HeadingID(c))
				}
			case *extast.FootnoteLink:
				ids = append(ids, footnoteRefID(c.RefIndex, c.Index))
			case *extast.Footnote:
				ids = append(ids, footnoteID(c.Index))
			case *ast.RawHTML, *ast.HTMLBlock:
				if b.Doc.AllowHTML {
					ids = rawIDs(ids, rawBytes(c, b.Doc.Source))
				}
			}
			return ast.WalkContinue, nil
		})
	}
	return ids
}

// rawIDs adds the ids that the tags of raw HTML (which the site allows)
// give.
func rawIDs(ids []string, raw []byte) []string {
	z := xhtml.NewTokenizer(bytes.NewReader(raw))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return ids
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			for _, a := range z.Token().Attr {
				if a.Key == "id" && a.Namespace == "" {
					ids = append(ids, a.Val)
				}
			}
		}
	}
}
