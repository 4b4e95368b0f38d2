package narrative

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"scorecard/internal/report"
)

// Place says how narrative works on the page that shows it.
type Place struct {
	// Root is the way from the page back to the site's root ("../../"):
	// links and images in narrative are written from the root
	// ("measures/bbh-5/"), and work from the page as Root+"measures/bbh-5/index.html".
	Root string
	// Home, when the narrative is shown on a page other than its own, is
	// its own page, from this page ("../../2016-17/q2/theme/index.html"):
	// links to its anchors (footnotes, "#summary") go back there.
	Home string
	// IDPrefix goes before every id the narrative writes, and before the
	// anchors its links to its own page go to, so that several narratives
	// can share a page.
	IDPrefix string
	// Demote moves headings one level down (## is h3), for a page that
	// holds the narrative under a heading of its own.
	Demote bool
}

// Render writes the HTML of blocks as they show in place p.
func Render(w io.Writer, b report.Blocks, p Place) error {
	if b.Doc == nil {
		return nil
	}
	pool := &writers[0]
	if b.Doc.AllowHTML {
		pool = &writers[1]
	}
	hw := pool.Get().(*htmlWriter)
	defer pool.Put(hw)
	hw.hooks.place = p
	bw := bufio.NewWriter(w)
	for _, n := range b.Nodes {
		if err := hw.r.Render(bw, b.Doc.Source, n); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// htmlWriter is a goldmark renderer with the hooks for one place. A
// renderer's hooks are bound once, so each writer in use has its own.
type htmlWriter struct {
	r     renderer.Renderer
	hooks *hooks
}

var writers = [2]sync.Pool{
	{New: func() any { return newWriter(false) }},
	{New: func() any { return newWriter(true) }},
}

func newWriter(allowHTML bool) *htmlWriter {
	h := &hooks{allowHTML: allowHTML}
	// Below the 100 of rawHTMLAsText and the 500 of goldmark's extensions:
	// the lowest priority wins.
	return &htmlWriter{r: Markdown(allowHTML, util.Prioritized(h, 10)).Renderer(), hooks: h}
}

// hooks render what depends on the page: links, images, heading ids and
// levels, and footnotes' links and ids; and, when the site allows raw
// HTML, the same in it.
type hooks struct {
	place     Place
	allowHTML bool
}

func (h *hooks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	if h.allowHTML {
		// Without allow_html, rawHTMLAsText writes raw HTML as text.
		reg.Register(ast.KindRawHTML, h.rawInline)
		reg.Register(ast.KindHTMLBlock, h.rawBlock)
	}
	reg.Register(ast.KindLink, h.link)
	reg.Register(ast.KindImage, h.image)
	reg.Register(ast.KindHeading, h.heading)
	reg.Register(extast.KindFootnoteLink, h.footnoteLink)
	reg.Register(extast.KindFootnoteBacklink, h.footnoteBacklink)
	reg.Register(extast.KindFootnote, h.footnote)
}

// dest is a link's or an image's address as written into the page (as
// goldmark writes it: escaped, and left out when it would run script).
func dest(d []byte) []byte {
	u := util.URLEscape(d, true)
	if html.IsDangerousURL(u) {
		return nil
	}
	return util.EscapeHTML(u)
}

// fromRoot makes an address of the site, which writers write from the
// site's root ("measures/bbh-5/"), work from the page: "../../measures/bbh-5/index.html".
// Addresses with a scheme or a colon, absolute ones and anchors are left
// alone; an address of a folder gets its index.html, so that it works from
// file:// too.
func (p Place) fromRoot(d string) string {
	if d == "" || strings.ContainsAny(d[:1], "#:/?") || strings.Contains(d, ":") {
		return d
	}
	path, frag, hasFrag := strings.Cut(d, "#")
	if strings.HasSuffix(path, "/") || path == "." {
		path = strings.TrimSuffix(path, ".") + "index.html"
	}
	if hasFrag && frag != "" {
		path += "#" + frag
	}
	return p.Root + path
}

// href is where a link goes from the page.
func (p Place) href(d string) string {
	if anchor, ok := strings.CutPrefix(d, "#"); ok {
		return p.anchor(anchor)
	}
	return p.fromRoot(d)
}

// anchor is a link to an anchor on the narrative's own page.
func (p Place) anchor(id string) string {
	if p.Home != "" {
		return p.Home + "#" + id
	}
	return "#" + p.IDPrefix + id
}

func (h *hooks) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.WriteString(h.place.href(string(dest(n.Destination))))
	_ = w.WriteByte('"')
	closeTag(w, n, n.Title, html.LinkAttributeFilter)
	return ast.WalkContinue, nil
}

// closeTag writes the rest of a link's or image's tag after its address,
// as goldmark's HTML renderer does: its title and attributes.
func closeTag(w util.BufWriter, n ast.Node, title []byte, filter util.BytesFilter) {
	if title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, filter)
	}
	_ = w.WriteByte('>')
}

func (h *hooks) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.WriteString(h.place.fromRoot(string(dest(n.Destination))))
	_, _ = w.WriteString(`" alt="`)
	altText(w, src, n)
	_ = w.WriteByte('"')
	closeTag(w, n, n.Title, html.ImageAttributeFilter)
	return ast.WalkSkipChildren, nil
}

// altText writes an image's text, as goldmark's HTML renderer does.
func altText(w util.BufWriter, src []byte, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.String:
			switch {
			case t.IsCode():
				_, _ = w.Write(t.Value)
			case t.IsRaw():
				html.DefaultWriter.RawWrite(w, t.Value)
			default:
				html.DefaultWriter.Write(w, t.Value)
			}
		case *ast.Text:
			v := t.Segment.Value(src)
			if t.IsRaw() {
				html.DefaultWriter.RawWrite(w, v)
				continue
			}
			html.DefaultWriter.Write(w, v)
			if t.HardLineBreak() {
				_, _ = w.WriteString("<br>\n")
			} else if t.SoftLineBreak() {
				_ = w.WriteByte('\n')
			}
		default:
			altText(w, src, c)
		}
	}
}

// level is a heading's level on the page.
func (p Place) level(h *ast.Heading) int {
	if p.Demote && h.Level >= 2 && h.Level <= 5 {
		return h.Level + 1
	}
	return h.Level
}

func (h *hooks) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := "0123456"[h.place.level(n)]
	if !entering {
		_, _ = w.WriteString("</h")
		_ = w.WriteByte(level)
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<h")
	_ = w.WriteByte(level)
	for _, a := range n.Attributes() {
		if !html.HeadingAttributeFilter.Contains(a.Name) && !bytes.HasPrefix(a.Name, []byte("data-")) {
			continue
		}
		_ = w.WriteByte(' ')
		_, _ = w.Write(a.Name)
		_, _ = w.WriteString(`="`)
		if string(a.Name) == "id" {
			_, _ = w.WriteString(h.place.IDPrefix)
		}
		var v []byte
		switch t := a.Value.(type) {
		case []byte:
			v = t
		case string:
			v = []byte(t)
		}
		_, _ = w.Write(util.EscapeHTML(v))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (h *hooks) footnoteLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*extast.FootnoteLink)
		_, _ = w.WriteString(`<sup id="` + h.place.IDPrefix + footnoteRefID(n.RefIndex, n.Index) + `"><a href="`)
		_, _ = w.WriteString(h.place.anchor(footnoteID(n.Index)))
		_, _ = w.WriteString(`" class="footnote-ref" role="doc-noteref">`)
		_, _ = w.WriteString(footnoteNumber(n.Index))
		_, _ = w.WriteString(`</a></sup>`)
	}
	return ast.WalkContinue, nil
}

func (h *hooks) footnoteBacklink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*extast.FootnoteBacklink)
		_, _ = w.WriteString(`&#160;<a href="`)
		_, _ = w.WriteString(h.place.anchor(footnoteRefID(n.RefIndex, n.Index)))
		_, _ = w.WriteString(`" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a>`)
	}
	return ast.WalkContinue, nil
}

func (h *hooks) footnote(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</li>\n")
		return ast.WalkContinue, nil
	}
	n := node.(*extast.Footnote)
	_, _ = w.WriteString(`<li id="` + h.place.IDPrefix + footnoteID(n.Index) + `"`)
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.ListItemAttributeFilter)
	}
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

func (h *hooks) rawInline(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		h.place.rawHTML(w, rawBytes(node, src))
	}
	return ast.WalkSkipChildren, nil
}

// rawBlock writes a block of raw HTML whole, its closing line too (which
// goldmark's renderer writes on leaving it; the block has no children),
// so that a tag written over several lines is read as one.
func (h *hooks) rawBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		h.place.rawHTML(w, rawBytes(node, src))
	}
	return ast.WalkContinue, nil
}

// rawHTML writes raw HTML, which the site allows, as written, except what
// depends on the page, as for Markdown: an address in href or src is made
// to work from the page (a link to an anchor goes to the narrative's own
// page), an id gets the page's prefix, and headings move down a level
// where the page demotes them. A tag it changes is written again from its
// parts; everything else keeps its bytes.
func (p Place) rawHTML(w util.BufWriter, raw []byte) {
	z := xhtml.NewTokenizer(bytes.NewReader(raw))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			// The rest, which the tokenizer could not read as a whole token
			// (a tag left open at the end of a piece), as written.
			_, _ = w.Write(z.Raw())
			return
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken && tt != xhtml.EndTagToken {
			_, _ = w.Write(z.Raw())
			continue
		}
		// Token lower-cases the tag's name and attributes in the
		// tokenizer's buffer, which Raw shares: keep the bytes as written.
		raw := append([]byte(nil), z.Raw()...)
		tok := z.Token()
		if !p.placeTag(&tok) {
			_, _ = w.Write(raw)
			continue
		}
		_, _ = w.WriteString(tok.String())
	}
}

// placeTag changes what in a tag of raw HTML depends on the page, and says
// whether anything changed.
func (p Place) placeTag(tok *xhtml.Token) bool {
	changed := false
	if p.Demote {
		switch tok.DataAtom {
		case atom.H2, atom.H3, atom.H4, atom.H5:
			tok.Data = "h" + string(rune(tok.Data[1]+1))
			tok.DataAtom = atom.Lookup([]byte(tok.Data))
			changed = true
		}
	}
	for i, a := range tok.Attr {
		if a.Namespace != "" {
			continue
		}
		v := a.Val
		switch a.Key {
		case "id":
			v = p.IDPrefix + v
		case "href":
			v = p.href(v)
		case "src":
			v = p.fromRoot(v)
		}
		if v != a.Val {
			tok.Attr[i].Val = v
			changed = true
		}
	}
	return changed
}
