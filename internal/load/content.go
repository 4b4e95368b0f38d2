package load

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
	"scorecard/internal/narrative"
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
	if l.refused(contentDir, "folder") {
		return
	}
	entries, err := fs.ReadDir(l.fsys, contentDir)
	if err != nil {
		l.found(err)
		return // a site may publish figures alone
	}
	md := narrative.Markdown(s.AllowHTML)
	for _, e := range entries {
		name := path.Join(contentDir, e.Name())
		if l.skipped(name, e) {
			continue
		}
		if e.Name() == aboutFile {
			s.About = l.narrative(md, name, "About this report", s)
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 && l.refused(name, "folder") {
			continue
		}
		if msg := diag.Special(e.Type(), "folder"); msg != "" {
			l.errs.Errorf(diag.Pos{File: name}, "%s", msg)
			continue
		}
		id, ok := l.parseEditionName(e.Name())
		if !l.quarterly() && (!ok || !e.IsDir()) {
			ex := l.exampleEdition()
			l.errs.Errorf(diag.Pos{File: name}, "Scorecard expects %s and one folder per %s here, named like %s; rename or remove this one", aboutFile, l.editionKey(), ex.Slug())
			continue
		}
		if problem := quarterProblem(e.Name()); problem != "" && e.IsDir() && l.quarterly() {
			l.errs.Errorf(diag.Pos{File: name}, "the folder is named for a quarter that cannot be: %s; rename it, such as 2016-17-q2", problem)
			continue
		}
		if !ok || !e.IsDir() {
			l.errs.Errorf(diag.Pos{File: name}, "Scorecard expects %s and one folder per quarter here, named like 2016-17-q2; %s", aboutFile, contentHint(e, s))
			continue
		}
		var q *report.Quarter
		for _, c := range s.Quarters {
			if c.ID == id {
				q = c
			}
		}
		if q == nil && l.noQuarters {
			continue // data/quarters has an error already reported
		}
		if q == nil {
			l.errs.Errorf(diag.Pos{File: name}, "there is narrative for %s but no data file %s/%s.yaml; add the data file or rename the folder", id, l.editionDir(), id.Slug())
			continue
		}
		l.quarterContent(md, name, q, s)
	}
}

// themeAddresses lists every theme's address, for messages.
func themeAddresses(s *report.Site) []string {
	var out []string
	for _, t := range s.AllThemes() {
		out = append(out, t.Address)
	}
	return out
}

// narrativeNames are the names of the files a quarter's folder may hold.
func narrativeNames(s *report.Site) []string {
	names := []string{introFile}
	for _, t := range s.AllThemes() {
		names = append(names, t.Address+".md")
	}
	return names
}

// contentHint says what to do with e, which is in content/ but is neither
// about.md nor a quarter's folder.
func contentHint(e fs.DirEntry, s *report.Site) string {
	if e.IsDir() {
		if id, ok := quarterLike(e.Name()); ok {
			return fmt.Sprintf("rename this to %s", id.Slug())
		}
		return "rename or remove this"
	}
	if n := nearest(e.Name(), []string{aboutFile}); n != "" {
		return renameTo(e.Name(), n)
	}
	if n := nearest(e.Name(), narrativeNames(s)); n != "" {
		q := "2016-17-q2"
		if len(s.Quarters) > 0 {
			q = s.Quarters[len(s.Quarters)-1].ID.Slug()
		}
		return fmt.Sprintf("a quarter's narrative belongs in its folder: move this into one, such as %s/%s/%s", contentDir, q, n)
	}
	return "rename or remove this"
}

// renameTo says how to make the file name, in content/, the file target
// that Scorecard reads.
func renameTo(name, target string) string {
	switch _, ext := splitExt(name); strings.ToLower(ext) {
	case ".docx", ".doc", ".odt", ".rtf", ".pages", ".pdf", ".html", ".htm":
		return fmt.Sprintf("Scorecard reads narrative only as Markdown, which is plain text: save it as %s, or remove it", target)
	}
	return fmt.Sprintf("rename this to %s, or remove it", target)
}

func (l *loader) quarterContent(md goldmark.Markdown, dir string, q *report.Quarter, s *report.Site) {
	files, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		l.errs.Errorf(diag.Pos{File: dir}, "cannot read the folder: %v", unwrapPath(err))
		return
	}
	for _, f := range files {
		name := path.Join(dir, f.Name())
		if l.skipped(name, f) {
			continue
		}
		if f.Name() == introFile {
			q.Intro = l.narrative(md, name, q.ID.Long(), s)
			continue
		}
		address, ok := strings.CutSuffix(f.Name(), ".md")
		var theme *report.Theme
		for _, t := range s.AllThemes() {
			if t.Address == address {
				theme = t
			}
		}
		if ok && theme != nil && f.IsDir() {
			l.errs.Errorf(diag.Pos{File: name}, "this is a folder, but Scorecard needs a file here")
			continue
		}
		if ok && theme == nil && len(s.Themes) == 0 {
			continue // the catalogue's own error says why there are no themes
		}
		if !ok || theme == nil || f.IsDir() {
			how := "rename or remove this"
			if n := nearest(f.Name(), narrativeNames(s)); n != "" && !f.IsDir() {
				how = renameTo(f.Name(), n)
			}
			l.errs.Errorf(diag.Pos{File: name}, "Scorecard expects %s and one THEME.md per theme here, named for a theme id in lower case with hyphens for spaces: %s; %s", introFile, list(themeAddresses(s)), how)
			continue
		}
		if n := l.narrative(md, name, theme.Title, s); n != nil {
			q.Narrative[theme] = n
		}
	}
}

// narrative reads one Markdown file with YAML front matter. With a cache,
// a file whose bytes have not changed since the last load is not parsed
// again: its narrative and findings are the cached ones.
func (l *loader) narrative(md goldmark.Markdown, name, defaultTitle string, s *report.Site) *report.Narrative {
	if c, ok := l.cache.unchanged(name); ok && c.title == defaultTitle {
		l.cache.next[name] = c
		*l.errs = append(*l.errs, c.errs...)
		return c.n
	}
	src, ok := l.read(name, true)
	if !ok {
		return nil
	}
	if l.cache == nil {
		return l.parseNarrative(md, name, src, defaultTitle, s)
	}
	if c, ok := l.cache.files[name]; ok && c.title == defaultTitle && bytes.Equal(c.src, src) {
		l.cache.next[name] = c
		*l.errs = append(*l.errs, c.errs...)
		return c.n
	}
	all := l.errs
	var mine diag.List
	l.errs = &mine
	n := l.parseNarrative(md, name, src, defaultTitle, s)
	l.errs = all
	*all = append(*all, mine...)
	l.cache.next[name] = cachedNarrative{src: src, title: defaultTitle, n: n, errs: mine}
	return n
}

// unchanged returns the cached narrative of name when the caller has said
// which files changed and name is not one of them.
func (c *NarrativeCache) unchanged(name string) (cachedNarrative, bool) {
	if c == nil || c.changed == nil {
		return cachedNarrative{}, false
	}
	// A folder named as changed (moved, replaced) covers what is in it.
	for p := name; ; p = path.Dir(p) {
		if c.changed[p] {
			return cachedNarrative{}, false
		}
		if p == "." || p == "/" {
			break
		}
	}
	n, ok := c.files[name]
	return n, ok
}

// parseNarrative reads the Markdown file name, whose bytes are src.
func (l *loader) parseNarrative(md goldmark.Markdown, name string, src []byte, defaultTitle string, s *report.Site) *report.Narrative {
	if len(src) > maxMarkdownSize {
		l.errs.Errorf(diag.Pos{File: name}, "the file is larger than %d MiB, and a narrative file is usually a few KB; check that this is the file you meant", maxMarkdownSize>>20)
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
	if line, col, r, ok := controlChar(body); ok {
		l.errs.Errorf(diag.Pos{File: name, Line: bodyLine + line - 1, Col: col}, "the file holds a control character, %U, which a web page cannot show; remove it (it is invisible in most editors: delete the text around it and type it again)", r)
		return nil
	}
	if line, col, msg := tooComplex(body); msg != "" {
		l.errs.Errorf(diag.Pos{File: name, Line: bodyLine + line - 1, Col: col}, "%s", msg)
		return nil
	}
	root := md.Parser().Parse(text.NewReader(body))
	lines := lineStarts(body)
	at := func(off int) (int, int) {
		line, col := lines.at(off)
		return bodyLine + line - 1, col
	}
	doc := &report.Doc{Source: body, Line: bodyLine, Root: root, AllowHTML: s.AllowHTML}
	n.Doc = doc
	n.Ties = l.ties(doc, at, name, s)
	n.Links = l.checkMarkdown(root, body, at, name)
	n.Lead, n.Sections = sections(doc)
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		n.HTML.Nodes = append(n.HTML.Nodes, c)
	}
	n.HTML.Doc = doc
	return n
}

// Limits on a narrative's Markdown. goldmark's time grows with the square
// of the emphasis marks in a paragraph (yuin/goldmark#555), with the length
// of a line times the links on it, and faster still with how deep quotes
// and lists are nested. Real narrative stays far inside these (a few dozen
// marks a file, lines under a thousand characters, lists a few levels
// deep); they keep a broken or hostile file from stalling a build or the
// preview.
const (
	maxMarkdownSize   = 1 << 20  // bytes in one file
	maxMarkdownLine   = 64 << 10 // bytes in one line
	maxMarkdownMarks  = 5000     // [ * _ and ~ in one file
	maxMarkdownPrefix = 128      // indentation, quote marks and list markers before a line's text
)

// tooComplex reports where src passes the limits, and how, or "".
func tooComplex(src []byte) (line, col int, msg string) {
	marks, start := 0, 0
	line = 1
	for i := 0; i <= len(src); i++ {
		if i == len(src) || src[i] == '\n' {
			if i-start > maxMarkdownLine {
				return line, maxMarkdownLine + 1, fmt.Sprintf("the line is %d bytes long, and Scorecard reads lines of Markdown up to %d bytes; break it into shorter lines (a paragraph may span many lines; a blank line starts the next)", i-start, maxMarkdownLine)
			}
			if n := containerPrefix(src[start:i]); n > maxMarkdownPrefix {
				return line, 1, fmt.Sprintf("the line starts with %d characters of indentation, quote marks (>) and list markers, and Scorecard reads up to %d: quotes and lists nested so deep would take it minutes to read; nest them less deeply", n, maxMarkdownPrefix)
			}
			line, start = line+1, i+1
			continue
		}
		switch src[i] {
		case '[', '*', '_', '~':
			if marks++; marks > maxMarkdownMarks {
				return line, i - start + 1, fmt.Sprintf("the file holds more than %d of the marks [ * _ and ~, which would take Scorecard minutes to read; narrative needs far fewer, so check that this is the file you meant, or split it", maxMarkdownMarks)
			}
		}
	}
	return 0, 0, ""
}

// containerPrefix returns how many bytes at the start of a line are
// indentation, quote marks and list markers, which nest blocks: 0 for a
// line of spaces alone.
func containerPrefix(line []byte) int {
	space := func(j int) bool { return j < len(line) && (line[j] == ' ' || line[j] == '\t') }
	i, marks := 0, 0
	for i < len(line) {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '>':
			i, marks = i+1, marks+1
		case (c == '-' || c == '*' || c == '+') && space(i+1):
			i, marks = i+2, marks+1
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && space(j+1) {
				i, marks = j+2, marks+1
				continue
			}
			return i
		default:
			return i
		}
	}
	if marks == 0 {
		return 0
	}
	return i
}

// ties finds headings with a measure attribute ({measure="bbh-19"}),
// checks the measures exist, and takes the blocks below each heading.
func (l *loader) ties(doc *report.Doc, at func(int) (int, int), file string, s *report.Site) []*report.Tie {
	var ties []*report.Tie
	src := doc.Source
	for c := doc.Root.FirstChild(); c != nil; c = c.NextSibling() {
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
		t := &report.Tie{Heading: narrative.HeadingText(h, src), Anchor: narrative.HeadingID(h)}
		known := func(id string) bool {
			return l.findMeasure(s, id) != nil || l.broken[id] || l.nearMeasure(s, id) != nil
		}
		for _, id := range tieIDs(string(ids), known) {
			m := l.findMeasure(s, id)
			if m == nil && l.broken[id] {
				continue // its catalogue entry has an error already reported
			}
			if m == nil {
				if near := l.nearMeasure(s, id); near != nil {
					l.errs.Errorf(pos, "the heading %q names measure %q, which is not in %s; did you mean %q? (narrative names a measure by its id as written)", t.Heading, id, catalogueFile, near.ID)
					continue
				}
				l.errs.Errorf(pos, "the heading %q names measure %q, which is not in %s; correct the id", t.Heading, id, catalogueFile)
				continue
			}
			t.Measures = append(t.Measures, m)
		}
		if len(strings.Fields(string(ids))) == 0 {
			l.errs.Errorf(pos, "the heading %q has an empty measure attribute; write the measure ids it discusses, such as {measure=\"bbh-19\"}", t.Heading)
		}
		t.HTML = under(doc, h, h.Level)
		ties = append(ties, t)
	}
	return ties
}

// sections splits a narrative at its level-2 headings, returning what
// comes before the first of them too.
func sections(doc *report.Doc) (lead report.Blocks, out []*report.Section) {
	lead.Doc = doc
	inLead := true
	for c := doc.Root.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if ok && h.Level <= 2 {
			inLead = false
		}
		if ok && h.Level == 2 {
			out = append(out, &report.Section{Heading: narrative.HeadingText(h, doc.Source), Anchor: narrative.HeadingID(h),
				HTML: under(doc, h, 2), Lead: under(doc, h, 3)})
		}
		if ok && h.Level == 3 && len(out) > 0 {
			sec := out[len(out)-1]
			sec.Parts = append(sec.Parts, &report.Section{Heading: narrative.HeadingText(h, doc.Source), Anchor: narrative.HeadingID(h), HTML: under(doc, h, 3)})
		}
		if inLead && !narrative.IsFootnotes(c) {
			lead.Nodes = append(lead.Nodes, c)
		}
	}
	return lead, out
}

// under is what follows heading h up to the next heading of level max or
// higher, or the footnotes.
func under(doc *report.Doc, h *ast.Heading, max int) report.Blocks {
	b := report.Blocks{Doc: doc}
	for sib := h.NextSibling(); sib != nil; sib = sib.NextSibling() {
		if next, ok := sib.(*ast.Heading); ok && next.Level <= max {
			break
		}
		if narrative.IsFootnotes(sib) {
			break
		}
		b.Nodes = append(b.Nodes, sib)
	}
	return b
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

// nearMeasure returns the measure whose id id misses only in case, spaces
// or punctuation ("lve009" for "LVE 009"), or nil: for "did you mean".
func (l *loader) nearMeasure(s *report.Site, id string) *report.Measure {
	addr := report.Address(id)
	if addr == "" {
		return nil
	}
	for _, m := range s.Measures {
		if m.Address == addr || sameLetters(m.Address, addr) {
			return m
		}
	}
	return nil
}

// sameLetters reports whether two addresses are the same but for their
// hyphens ("lve009" and "lve-009"). It allocates nothing: nearMeasure
// tries every measure, for every run of words a narrative heading ties.
func sameLetters(a, b string) bool {
	for {
		a, b = strings.TrimLeft(a, "-"), strings.TrimLeft(b, "-")
		if a == "" || b == "" {
			return a == b
		}
		if a[0] != b[0] {
			return false
		}
		a, b = a[1:], b[1:]
	}
}

// tieIDs splits a heading's measure attribute into measure ids. Ids may
// hold spaces ("LVE 009"), so the whole attribute is tried first; then ids
// separated by commas; otherwise the words, each run of words that is an
// id (the longest first) taken as one.
func tieIDs(attr string, known func(string) bool) []string {
	attr = strings.TrimSpace(attr)
	if attr == "" {
		return nil
	}
	if known(attr) {
		return []string{attr}
	}
	if strings.Contains(attr, ",") {
		var ids []string
		for _, id := range strings.Split(attr, ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
		return ids
	}
	words := strings.Fields(attr)
	var ids []string
	for i := 0; i < len(words); {
		j := len(words)
		for ; j > i+1 && !known(strings.Join(words[i:j], " ")); j-- {
		}
		ids = append(ids, strings.Join(words[i:j], " "))
		i = j
	}
	return ids
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
		// Only the nodes checked need a position: finding one walks the
		// tree, which would take time growing with the square of its depth.
		where := func() diag.Pos {
			pos := diag.Pos{File: file}
			pos.Line, pos.Col = at(offset(n, src))
			return pos
		}
		switch n := n.(type) {
		case *ast.Heading:
			for _, a := range n.Attributes() {
				if name := string(a.Name); name != "id" && name != "measure" {
					l.errs.Errorf(where(), "the heading %q sets %s in {…}, and Scorecard reads only an anchor ({#name}) and the measures it discusses ({measure=\"bbh-19\"}) there; remove it", narrative.HeadingText(n, src), name)
					removeAttribute(n, name) // nor is it rendered
				}
			}
			switch {
			case n.Level == 1:
				l.errs.Errorf(where(), "the heading %q is a top-level heading (#), but the page's title is its only one; start sections with ## and their parts with ###", narrative.HeadingText(n, src))
			case n.Level > level+1:
				l.errs.Errorf(where(), "the heading %q skips from level %d to level %d, which confuses screen readers; use %s", narrative.HeadingText(n, src), level, n.Level, strings.Repeat("#", level+1))
			}
			level = n.Level
		case *ast.Image:
			if strings.TrimSpace(narrative.HeadingText(n, src)) == "" {
				l.errs.Errorf(where(), "the image %s has no text alternative; describe it between the brackets: ![what the image shows](%s)", n.Destination, n.Destination)
			}
			pos := where()
			if n.FirstChild() != nil && pos.Col > 2 {
				pos.Col -= 2 // the "![" before the image's text
			}
			links = append(links, l.checkImage(string(n.Destination), pos)...)
		case *ast.Link:
			pos := where()
			if n.FirstChild() != nil && pos.Col > 1 {
				pos.Col-- // the bracket before the link's text
			}
			links = append(links, l.checkLink(string(n.Destination), pos)...)
		case *ast.AutoLink:
			pos := where()
			// An autolink has no text node of its own: find its "<" from
			// where its label lies in src.
			if label := n.Label(src); len(label) > 0 && cap(label) <= cap(src) {
				if start := cap(src) - cap(label) - 1; start >= 0 && start < len(src) && src[start] == '<' {
					pos.Line, pos.Col = at(start)
				}
			}
			dest := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkEmail {
				dest = "mailto:" + dest // as goldmark writes it
			}
			links = append(links, l.checkLink(dest, pos)...)
		}
		return ast.WalkContinue, nil
	})
	return links
}

// The rules for where narrative's links and images may point, which the
// README's "Writing a report" describes:
//
//   - A link may go to a page or file of the site, written from the site's
//     root (package site checks it exists), or to another web site
//     (http:, https:), an email address (mailto:) or a phone number
//     (tel:): a reader chooses to follow it, and the page asks nothing of
//     the other site by itself.
//   - An image must be a file of the site, written from the site's root,
//     such as images/chart.png from static/images/chart.png: a page shows
//     its images as it opens, and the site promises its readers that its
//     pages fetch nothing from another web site (its
//     Content-Security-Policy would block it too). So an image from
//     http:, https: or data: is refused.
//   - An address that leaves out its scheme, //host/page, is refused: where
//     it goes depends on how the page was opened (nowhere, opened from
//     a file), and as an image it is a request to another site.
//   - Every other scheme is refused with an error that says why, never
//     quietly published as an empty address: javascript:, vbscript: and
//     data: links would run script or hide content, file: and C: name a
//     file on the writer's own computer, and anything else (ftp:, sms:)
//     is not something Scorecard publishes.

// checkLink applies the rules to a link, and returns it when it goes to
// the site itself, for package site to check once it knows its pages.
func (l *loader) checkLink(dest string, pos diag.Pos) []report.Link {
	switch s := scheme(dest); {
	case s == "javascript" || s == "vbscript" || s == "data":
		l.errs.Errorf(pos, "the link %q would run script or hide content in the address; link to a web page instead", dest)
	case s == "http" || s == "https" || s == "mailto" || s == "tel":
		// another site, mail or phone: not checked
	case s == "file" || len(s) == 1 && validScheme(s):
		l.errs.Errorf(pos, "the link %q goes to a file on your own computer, which readers of the site cannot open; put the file in the %s/ folder and link to it from the site's root, such as documents/report.pdf for %s/documents/report.pdf", dest, staticDir, staticDir)
	case validScheme(s):
		l.errs.Errorf(pos, "the link %q starts with %q, which Scorecard does not publish; a link may go to a web page (https://…), an email address (mailto:…), a phone number (tel:…) or a page of the site (such as measures/bbh-5/)", dest, s+":")
	case dest == "":
		l.errs.Errorf(pos, "a link has no address; write one between the brackets: [text](address)")
	case protocolRelative(dest):
		l.errs.Errorf(pos, "the link %q leaves out https:, so where it goes depends on how the page was opened; write the address in full, such as %q", dest, "https:"+strings.ReplaceAll(asBrowser(dest), `\`, "/"))
	default:
		return []report.Link{{Dest: dest, Pos: pos}}
	}
	return nil
}

// checkImage applies the rules to an image, and returns it as a link to
// check when it is a file of the site.
func (l *loader) checkImage(dest string, pos diag.Pos) []report.Link {
	const fix = "save the image in the %s/ folder and write its path from there, such as images/chart.png for %s/images/chart.png"
	switch s := scheme(dest); {
	case s == "javascript" || s == "vbscript":
		l.errs.Errorf(pos, "the image %q would run script; use an image file in the %s/ folder instead", dest, staticDir)
	case s == "http" || s == "https" || s == "" && protocolRelative(dest):
		l.errs.Errorf(pos, "the image %q comes from another web site, and the site's pages fetch nothing from other sites, so that no one learns who reads them; "+fix, dest, staticDir, staticDir)
	case s == "data":
		l.errs.Errorf(pos, "the image %q is written into its address (data:), which Scorecard does not publish; "+fix, shorten(dest), staticDir, staticDir)
	case s == "file" || len(s) == 1 && validScheme(s):
		l.errs.Errorf(pos, "the image %q is a file on your own computer, which readers of the site cannot see; "+fix, dest, staticDir, staticDir)
	case validScheme(s):
		l.errs.Errorf(pos, "the image %q starts with %q, which Scorecard does not publish; "+fix, dest, s+":", staticDir, staticDir)
	case dest == "":
		l.errs.Errorf(pos, "an image has no address; write the path of its file in the %s/ folder between the brackets, such as ![what the image shows](images/chart.png) for %s/images/chart.png", staticDir, staticDir)
	default:
		return []report.Link{{Dest: dest, Pos: pos}}
	}
	return nil
}

// shorten cuts a long address, such as a whole image written into it, for
// a message.
func shorten(dest string) string {
	const max = 60
	if len(dest) <= max {
		return dest
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(dest[cut]) {
		cut--
	}
	return dest[:cut] + "…"
}

// validScheme reports whether s, from scheme, is one a browser reads as a
// scheme: a letter, then letters, digits, + - and . (anything else makes
// the address a path within the site).
func validScheme(s string) bool {
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return s != ""
}

// protocolRelative reports whether dest, as a browser reads it, starts
// with two slashes (or backslashes, which browsers take for slashes): an
// address on another host, by the scheme of the page.
func protocolRelative(dest string) bool {
	d := strings.ReplaceAll(asBrowser(dest), `\`, "/")
	return strings.HasPrefix(d, "//")
}

// scheme returns a link's scheme in lower case, or "", as a browser reads
// it once goldmark has written it: with entities and backslash escapes
// resolved ("java&#x73;cript:"), ignoring spaces and control characters
// before it, and tabs and line breaks within it ("java\tscript:").
func scheme(dest string) string {
	dest = asBrowser(dest)
	i := strings.IndexByte(dest, ':')
	if i <= 0 || strings.ContainsAny(dest[:i], "/?#") {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(dest[:i]))
}

// asBrowser returns dest as a browser reads it once goldmark has written
// it: entities and backslash escapes resolved, spaces and control
// characters before it dropped, and tabs and line breaks within it.
func asBrowser(dest string) string {
	dest = string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations([]byte(dest)))))
	dest = strings.TrimLeft(dest, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	return dropBreaks.Replace(dest)
}

// dropBreaks removes tabs and line breaks, as a browser does from a link's
// address.
var dropBreaks = strings.NewReplacer("\t", "", "\n", "", "\r", "")

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
