package report

import (
	"github.com/yuin/goldmark/ast"

	"scorecard/internal/diag"
)

// Narrative is a Markdown file, held as the tree the loader parsed once.
// Each page shows the parts of it that it needs (package narrative renders
// them for that page); search and the link check read the same tree.
type Narrative struct {
	Title    string
	File     string // the source file, for messages and links to edit it
	Draft    bool   // not to be published yet: shown by serve, left out of build
	Links    []Link // its links within the site, checked once the pages are known
	Doc      *Doc
	HTML     Blocks     // the whole narrative, footnotes and all
	Lead     Blocks     // what comes before the first level-2 heading
	Sections []*Section // the parts under each level-2 heading, in order
	Ties     []*Tie     // passages tied to measures, in file order
}

// Doc is a narrative's Markdown body and goldmark's tree of it.
type Doc struct {
	Source    []byte   // the Markdown after the front matter
	Line      int      // the line of the file Source starts on
	Root      ast.Node // the tree of Source; read only once loaded
	AllowHTML bool     // raw HTML is markup (allow_html), not text
}

// Blocks is a run of a narrative's top-level blocks: what a page shows of
// it in one place.
type Blocks struct {
	Doc   *Doc
	Nodes []ast.Node
}

// Empty reports whether the run holds no block.
func (b Blocks) Empty() bool { return len(b.Nodes) == 0 }

// Section is the part of a narrative under one level-2 heading. A theme's
// first section is its summary, which the quarter's home page shows too.
type Section struct {
	Heading string
	Anchor  string
	HTML    Blocks     // the text below the heading
	Lead    Blocks     // the text below the heading, before its first part
	Parts   []*Section // its level-3 headings and what is under each
}

// Link is a link in narrative to another page of the site (or an anchor
// on its own), as written, with where it was written.
type Link struct {
	Dest string
	Pos  diag.Pos
}

// Tie is a passage of narrative that discusses particular measures: a
// heading with a measure attribute and the text below it.
type Tie struct {
	Heading  string
	Anchor   string // the heading's id on the page
	Measures []*Measure
	HTML     Blocks // the text below the heading
}
