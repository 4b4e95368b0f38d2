package load

import (
	"bytes"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
	"scorecard/internal/report"
)

const (
	contentDir = "content"
	introFile  = "_index.md"
	aboutFile  = "_about.md" // the site's "about this report" page
)

// content reads content/QUARTER/_index.md and content/QUARTER/THEME.md for
// every quarter.
func (l *loader) content(s *report.Site) {
	entries, err := fs.ReadDir(l.fsys, contentDir)
	if err != nil {
		return // a site may publish figures alone
	}
	md := newMarkdown()
	for _, e := range entries {
		name := path.Join(contentDir, e.Name())
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if e.Name() == aboutFile {
			s.About = l.narrative(md, name, "About this report", s)
			continue
		}
		id, ok := ParseQuarter(strings.Replace(e.Name(), "-q", " Q", 1))
		if !ok || !e.IsDir() {
			l.errs.Errorf(diag.Pos{File: name}, "Scorecard expects %s and one folder per quarter here, named like 2016-17-q2; rename or remove this", aboutFile)
			continue
		}
		var q *report.Quarter
		for _, c := range s.Quarters {
			if c.ID == id {
				q = c
			}
		}
		if q == nil {
			l.errs.Errorf(diag.Pos{File: name}, "there is narrative for %s but no data file %s/%s.yaml; add the data file or rename the folder", id, quartersDir, id.Slug())
			continue
		}
		l.quarterContent(md, name, q, s)
	}
}

func (l *loader) quarterContent(md goldmark.Markdown, dir string, q *report.Quarter, s *report.Site) {
	files, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		l.errs.Errorf(diag.Pos{File: dir}, "cannot read the folder: %v", unwrapPath(err))
		return
	}
	for _, f := range files {
		name := path.Join(dir, f.Name())
		if strings.HasPrefix(f.Name(), ".") {
			continue
		}
		if f.Name() == introFile {
			q.Intro = l.narrative(md, name, q.ID.Long(), s)
			continue
		}
		themeID, ok := strings.CutSuffix(f.Name(), ".md")
		var theme *report.Theme
		for _, t := range s.Themes {
			if t.ID == themeID {
				theme = t
			}
		}
		if !ok || theme == nil || f.IsDir() {
			l.errs.Errorf(diag.Pos{File: name}, "Scorecard expects %s and one THEME.md per theme here, named for a theme id: %s; rename or remove this", introFile, list(themeIDs(s)))
			continue
		}
		if n := l.narrative(md, name, theme.Title, s); n != nil {
			q.Narrative[theme] = n
		}
	}
}

func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
	)
}

// narrative reads one Markdown file with YAML front matter.
func (l *loader) narrative(md goldmark.Markdown, name, defaultTitle string, s *report.Site) *report.Narrative {
	src, ok := l.read(name, true)
	if !ok {
		return nil
	}
	n := &report.Narrative{File: name, Title: defaultTitle}
	fm, body, bodyLine, ok := splitFrontMatter(src)
	if !ok {
		l.errs.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, "the front matter is not closed; end it with a line holding only \"---\"")
		return nil
	}
	if fm != nil {
		d := &doc{file: name, errs: l.errs, line: 1}
		if node := d.parse(fm); node != nil {
			d.mapping(node, "the front matter",
				field{"title", func(_, v *yaml.Node) {
					if t, _ := d.str(v, "title"); t != "" {
						n.Title = t
					}
				}},
				field{"draft", func(_, v *yaml.Node) { n.Draft = d.boolean(v, "draft") }},
			)
		}
	}
	if !bytesValidUTF8(body) {
		line, col := invalidUTF8(body)
		l.errs.Errorf(diag.Pos{File: name, Line: bodyLine + line - 1, Col: col}, "the file is not UTF-8 text; save it as UTF-8")
		return nil
	}
	root := md.Parser().Parse(text.NewReader(body))
	lines := lineStarts(body)
	at := func(off int) (int, int) {
		line, col := lines.at(off)
		return bodyLine + line - 1, col
	}
	n.Ties = l.ties(md, root, body, at, name, s)
	n.Links = l.checkMarkdown(root, body, at, name)
	n.Lead, n.Sections = sections(md, root, body)
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, body, root); err != nil {
		l.errs.Errorf(diag.Pos{File: name}, "cannot render the Markdown: %v", err)
		return nil
	}
	n.HTML = template.HTML(buf.String())
	return n
}

// ties finds headings with a measure attribute ({measure="bbh-19"}),
// checks the measures exist, and renders the text below each heading.
func (l *loader) ties(md goldmark.Markdown, root ast.Node, src []byte, at func(int) (int, int), file string, s *report.Site) []*report.Tie {
	var ties []*report.Tie
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if !ok {
			continue
		}
		attr, ok := h.AttributeString("measure")
		if !ok {
			continue
		}
		removeAttribute(h, "measure")
		line, col := 0, 0
		if h.Lines().Len() > 0 {
			seg := h.Lines().At(0)
			line, col = at(seg.Start)
			if i := bytes.Index(src[seg.Start:seg.Stop], []byte("measure")); i >= 0 {
				col += i
			}
		}
		pos := diag.Pos{File: file, Line: line, Col: col}
		ids, _ := attr.([]byte)
		t := &report.Tie{Heading: headingText(h, src), Anchor: headingID(h)}
		for _, id := range strings.Fields(string(ids)) {
			m := l.findMeasure(s, id)
			if m == nil {
				l.errs.Errorf(pos, "the heading %q names measure %q, which is not in %s; correct the id", t.Heading, id, catalogueFile)
				continue
			}
			t.Measures = append(t.Measures, m)
		}
		if len(strings.Fields(string(ids))) == 0 {
			l.errs.Errorf(pos, "the heading %q has an empty measure attribute; write the measure ids it discusses, such as {measure=\"bbh-19\"}", t.Heading)
		}
		t.HTML = renderUnder(md, h, src)
		ties = append(ties, t)
	}
	return ties
}

// sections splits a narrative at its level-2 headings, returning what
// comes before the first of them too.
func sections(md goldmark.Markdown, root ast.Node, src []byte) (lead template.HTML, out []*report.Section) {
	var buf bytes.Buffer
	inLead := true
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if ok && h.Level <= 2 {
			inLead = false
		}
		if ok && h.Level == 2 {
			out = append(out, &report.Section{Heading: headingText(h, src), Anchor: headingID(h),
				HTML: renderUnder(md, h, src), Lead: renderUntil(md, h, src, 3)})
		}
		if ok && h.Level == 3 && len(out) > 0 {
			sec := out[len(out)-1]
			sec.Parts = append(sec.Parts, &report.Section{Heading: headingText(h, src), Anchor: headingID(h), HTML: renderUnder(md, h, src)})
		}
		if _, isList := c.(*extast.FootnoteList); inLead && !isList {
			_ = md.Renderer().Render(&buf, src, c)
		}
	}
	return template.HTML(buf.String()), out
}

// renderUnder renders what follows heading h up to the next heading of the
// same or a higher level.
func renderUnder(md goldmark.Markdown, h *ast.Heading, src []byte) template.HTML {
	return renderUntil(md, h, src, h.Level)
}

// renderUntil renders what follows heading h up to the next heading of
// level max or higher.
func renderUntil(md goldmark.Markdown, h *ast.Heading, src []byte, max int) template.HTML {
	var buf bytes.Buffer
	for sib := h.NextSibling(); sib != nil; sib = sib.NextSibling() {
		if next, ok := sib.(*ast.Heading); ok && next.Level <= max {
			break
		}
		if _, ok := sib.(*extast.FootnoteList); ok {
			break
		}
		// Rendering into a buffer fails only on a writer error.
		_ = md.Renderer().Render(&buf, src, sib)
	}
	return template.HTML(buf.String())
}

func headingID(h *ast.Heading) string {
	id, _ := h.AttributeString("id")
	switch v := id.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}

func (l *loader) findMeasure(s *report.Site, id string) *report.Measure {
	if l.byID == nil {
		l.byID = make(map[string]*report.Measure, len(s.Measures))
		for _, m := range s.Measures {
			l.byID[m.ID] = m
		}
	}
	return l.byID[id]
}

func removeAttribute(n ast.Node, name string) {
	keep := n.Attributes()
	n.RemoveAttributes()
	for _, a := range keep {
		if string(a.Name) != name {
			n.SetAttribute(a.Name, a.Value)
		}
	}
}

func headingText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
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

// splitFrontMatter separates YAML front matter, between two "---" lines at
// the top, from the Markdown body. bodyLine is the body's first line in the
// whole file, so that messages about the body give whole-file lines.
func splitFrontMatter(src []byte) (fm, body []byte, bodyLine int, ok bool) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, src, 1, true
	}
	rest := src[bytes.IndexByte(src, '\n')+1:]
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest) + 1
		lineText := rest[off:]
		if end >= 0 {
			lineText = rest[off : off+end]
			next = off + end + 1
		}
		if string(bytes.TrimRight(lineText, "\r \t")) == "---" {
			fm = rest[:off]
			if next > len(rest) {
				next = len(rest)
			}
			return fm, rest[next:], line + 1, true
		}
		off = next
		line++
	}
	return nil, nil, 0, false
}

type lineIndex []int

func lineStarts(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// at converts a byte offset to a 1-based line and column.
func (idx lineIndex) at(off int) (int, int) {
	lo, hi := 0, len(idx)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if idx[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1, off - idx[lo] + 1
}

// checkMarkdown reports what would look wrong or be inaccessible once
// published: headings that skip a level (the page's title is its only h1,
// so sections start at ##), images without alt text, and links that would
// run script. It returns the links to other pages and anchors, for the site
// to check once it knows its pages.
func (l *loader) checkMarkdown(root ast.Node, src []byte, at func(int) (int, int), file string) []report.Link {
	var links []report.Link
	level := 1 // the page's h1
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		pos := diag.Pos{File: file}
		pos.Line, pos.Col = at(offset(n, src))
		switch n := n.(type) {
		case *ast.Heading:
			switch {
			case n.Level == 1:
				l.errs.Errorf(pos, "the heading %q is a top-level heading (#), but the page's title is its only one; start sections with ## and their parts with ###", headingText(n, src))
			case n.Level > level+1:
				l.errs.Errorf(pos, "the heading %q skips from level %d to level %d, which confuses screen readers; use %s", headingText(n, src), level, n.Level, strings.Repeat("#", level+1))
			}
			level = n.Level
		case *ast.Image:
			if strings.TrimSpace(headingText(n, src)) == "" {
				l.errs.Errorf(pos, "the image %s has no text alternative; describe it between the brackets: ![what the image shows](%s)", n.Destination, n.Destination)
			}
		case *ast.Link:
			if n.FirstChild() != nil && pos.Col > 1 {
				pos.Col-- // the bracket before the link's text
			}
			links = append(links, l.checkLink(string(n.Destination), pos)...)
		case *ast.AutoLink:
			links = append(links, l.checkLink(string(n.URL(src)), pos)...)
		}
		return ast.WalkContinue, nil
	})
	return links
}

// checkLink refuses links that would run script, and returns a link within
// the site for checking later.
func (l *loader) checkLink(dest string, pos diag.Pos) []report.Link {
	scheme := ""
	if i := strings.IndexByte(dest, ':'); i > 0 && !strings.ContainsAny(dest[:i], "/?#") {
		scheme = strings.ToLower(strings.TrimSpace(dest[:i]))
	}
	switch scheme {
	case "javascript", "vbscript", "data":
		l.errs.Errorf(pos, "the link %q would run script or hide content in the address; link to a web page instead", dest)
		return nil
	case "":
		if dest == "" {
			l.errs.Errorf(pos, "a link has no address; write one between the brackets: [text](address)")
			return nil
		}
		return []report.Link{{Dest: dest, Pos: pos}}
	}
	return nil // another site, mail or phone: not checked
}

// offset finds where a node starts in the source: its own first line, or
// that of its first child that has one.
func offset(n ast.Node, src []byte) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	if p := n.Parent(); p != nil {
		return offset(p, src)
	}
	return 0
}
