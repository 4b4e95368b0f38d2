package e2e

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"scorecard/internal/cli"
	"scorecard/internal/render"
	model "scorecard/internal/report"
	"scorecard/internal/site"
	"scorecard/internal/value"
)

// The committee pack: `scorecard pdf` on the example, read back with
// Debian's poppler-utils (pdfinfo, pdftotext, pdftohtml), which
// .ci/install-poppler installs. Like the other browser tests, it skips
// when Chromium or poppler is missing, except with CI=true.

// poppler returns the path of a poppler-utils program, skipping or
// failing the test when it is missing.
func poppler(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" is not on PATH: the PDF tests read the PDF with poppler-utils; run sudo bash .ci/install-poppler", err)
	}
	return p
}

// needChromium skips or fails the test when Chromium is missing.
func needChromium(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		missing(t, chromium+" is missing: run sudo bash .ci/install-chromium", err)
	}
}

// runPoppler runs a poppler program and returns its standard output.
func runPoppler(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(untilDeadline(t), poppler(t, name), args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// scorecardCmd runs the command as a user would, and returns what it
// printed.
func scorecardCmd(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := cli.Run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("scorecard %s: exit status %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// exampleModel is the example site as a build publishes it.
func exampleModel(t *testing.T) *model.Site {
	t.Helper()
	fsys, err := site.Open(exampleSite)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	s, findings := site.Check(fsys, site.Options{})
	if err := findings.Err(); err != nil {
		t.Fatal(err)
	}
	return s
}

// squash removes the white space from s: a PDF's text breaks lines (and
// pdftohtml joins them without a space) where the page's text had spaces.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// outlineItem is an entry of the PDF's outline (its bookmarks), as
// pdftohtml -xml writes them.
type outlineItem struct {
	Title    string
	Page     int
	Children []outlineItem
}

// readOutline reads pdftohtml -xml's <outline> elements.
func readOutline(t *testing.T, doc string) []outlineItem {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	dec.Strict = false
	var stack [][]outlineItem // the items of each open <outline>
	var top []outlineItem
	var item *outlineItem
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "outline":
				stack = append(stack, nil)
			case "item":
				item = &outlineItem{}
				for _, a := range e.Attr {
					if a.Name.Local == "page" {
						item.Page, _ = strconv.Atoi(a.Value)
					}
				}
			}
		case xml.CharData:
			if item != nil {
				item.Title += string(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "item":
				stack[len(stack)-1] = append(stack[len(stack)-1], *item)
				item = nil
			case "outline":
				done := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					top = append(top, done...)
				} else if n := len(stack[len(stack)-1]); n > 0 {
					stack[len(stack)-1][n-1].Children = done
				}
			}
		}
	}
	return top
}

func TestPDFOfExample(t *testing.T) {
	needChromium(t)
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdftohtml"} {
		poppler(t, tool)
	}
	s := exampleModel(t)
	q := s.Quarters[len(s.Quarters)-1]
	out := filepath.Join(t.TempDir(), "pack.pdf")
	said := scorecardCmd(t, "pdf", "-src", exampleSite, "-edition", q.ID.String(), "-out", out)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s(%d bytes)", said, len(data))
	if !strings.Contains(said, out) {
		t.Errorf("scorecard pdf said %q, which does not name the file %s", said, out)
	}

	// The document: tagged, its title the report's, A4 on every page.
	info := runPoppler(t, "pdfinfo", out)
	field := func(name string) string {
		m := regexp.MustCompile(`(?m)^` + name + `:\s*(.*)$`).FindStringSubmatch(info)
		if m == nil {
			t.Fatalf("pdfinfo says no %s:\n%s", name, info)
		}
		return m[1]
	}
	if got := field("Tagged"); got != "yes" {
		t.Errorf("pdfinfo: Tagged: %s, want yes", got)
	}
	for _, part := range []string{s.Title, s.Organisation, q.ID.Long()} {
		if title := field("Title"); !strings.Contains(title, part) {
			t.Errorf("pdfinfo: Title: %q, which does not hold %q", title, part)
		}
	}
	pages, err := strconv.Atoi(field("Pages"))
	if err != nil || pages < 1+len(s.Themes) { // the overview, then each theme from a new page
		t.Fatalf("pdfinfo: Pages: %s, want at least %d", field("Pages"), 1+len(s.Themes))
	}
	sizes := runPoppler(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(pages), out)
	if n := len(regexp.MustCompile(`(?m)^Page +\d+ size: .*\(A4\)`).FindAllString(sizes, -1)); n != pages {
		t.Errorf("%d of the %d pages are A4:\n%s", n, pages, sizes)
	}
	if lang := fmt.Sprintf("/Lang (%s)", s.Language); !bytes.Contains(data, []byte(lang)) {
		t.Errorf("the PDF does not say its language, %s", lang)
	}

	// Its structure, for a screen reader: one H1, the tables with header
	// cells that have a scope and data cells that name their headers.
	tree := runPoppler(t, "pdfinfo", "-struct", out)
	count := func(re string) int { return len(regexp.MustCompile(`(?m)^\s*`+re).FindAllString(tree, -1)) }
	tables := 0
	for _, th := range s.AllThemes() {
		if len(q.ThemeRows(th)) > 0 {
			tables++
		}
	}
	for _, c := range []struct {
		what string
		re   string
		min  int
	}{
		{"the document", `Document\b`, 1},
		{"H1", `H1\b`, 1},
		{"H2 (each theme)", `H2\b`, len(s.Themes)},
		{"Table (each theme's scorecard and its chart's table)", `Table\b`, 2 * tables},
		{"Figure (each theme's chart)", `Figure\b`, tables},
		{"TH with a /Scope", `/Scope /(Column|Row)`, 1},
		{"TD naming its /Headers", `/Headers`, len(q.Rows)},
		{"Link", `Link\b`, 1},
	} {
		if n := count(c.re); n < c.min {
			t.Errorf("the structure tree has %d %s, want at least %d", n, c.what, c.min)
		}
	}
	// Each chart is a Figure whose text alternative (/Alt) is its static
	// SVG's title and description: the chart's title and its figures.
	for _, th := range s.AllThemes() {
		if len(q.ThemeRows(th)) == 0 {
			continue
		}
		if alt := "/Alt (" + th.Title + ": "; !bytes.Contains(data, []byte(alt)) {
			t.Errorf("no Figure has a text alternative starting %q", alt)
		}
	}
	if n := count(`H1\b`); n != 1 {
		t.Errorf("the structure tree has %d H1, want 1", n)
	}

	// The outline: the report's title, and under it the headings of the
	// overview and each theme, on pages in order.
	outline := readOutline(t, runPoppler(t, "pdftohtml", "-xml", "-stdout", "-i", "-q", out))
	if len(outline) != 1 {
		t.Fatalf("the outline has %d top entries, want 1 (the report's title): %+v", len(outline), outline)
	}
	var titles []string
	last := 0
	var walk func(items []outlineItem)
	walk = func(items []outlineItem) {
		for _, it := range items {
			titles = append(titles, squash(it.Title))
			if it.Page < last || it.Page > pages {
				t.Errorf("outline entry %q is on page %d, after one on page %d (of %d)", it.Title, it.Page, last, pages)
			}
			last = it.Page
			walk(it.Children)
		}
	}
	walk(outline)
	has := func(title string) bool {
		for _, got := range titles {
			if got == squash(title) {
				return true
			}
		}
		return false
	}
	var want []string
	if q.Intro != nil {
		for _, sec := range q.Intro.Sections {
			want = append(want, sec.Heading)
		}
	}
	for _, th := range s.Themes {
		want = append(want, th.FullTitle())
	}
	for _, w := range want {
		if !has(w) {
			t.Errorf("the outline has no entry %q; it has %q", w, titles)
		}
	}
	if top := outline[0]; len(top.Children) < len(s.Themes) {
		t.Errorf("the outline's %q holds %d entries, want at least one per theme (%d)", top.Title, len(top.Children), len(s.Themes))
	}

	// The text: every measure of the edition by its title, a figure,
	// and the page numbers of the running foot.
	// In the order it is drawn (-raw): a table cell's lines together.
	text := runPoppler(t, "pdftotext", "-raw", "-enc", "UTF-8", out, "-")
	flat := squash(text)
	for _, r := range q.Rows {
		if !strings.Contains(flat, squash(r.Measure.Title)) {
			t.Errorf("pdftotext finds no measure %s, %q", r.Measure.ID, r.Measure.Title)
		}
	}
	figure := ""
	for _, r := range q.Rows {
		if r.Actual.Kind == value.Number {
			figure = strings.TrimSpace(r.Actual.Raw)
			break
		}
	}
	if figure == "" || !strings.Contains(flat, squash(figure)) {
		t.Errorf("pdftotext does not find the figure %q", figure)
	}
	for _, foot := range []string{"Page 1 of " + strconv.Itoa(pages), fmt.Sprintf("Page %d of %d", pages, pages)} {
		if !strings.Contains(text, foot) {
			t.Errorf("pdftotext does not find the page number %q", foot)
		}
	}

	// The example has no base_url: its links to the site's pages, which
	// could lead nowhere, are printed as text.
	if bytes.Contains(data, []byte("/URI (")) || bytes.Contains(data, []byte(".invalid")) {
		t.Errorf("the PDF of a site without base_url links out of the document: %q", regexp.MustCompile(`/URI \([^)]*\)`).FindAll(data, 3))
	}

	// The same site gives the same bytes, written over a PDF that
	// Scorecard wrote (one it did not write it refuses to replace).
	again := filepath.Join(t.TempDir(), "again.pdf")
	if err := os.WriteFile(again, data, 0o644); err != nil {
		t.Fatal(err)
	}
	scorecardCmd(t, "pdf", "-src", exampleSite, "-edition", q.ID.String(), "-out", again)
	if data2, err := os.ReadFile(again); err != nil || !bytes.Equal(data, data2) {
		t.Errorf("a second run wrote a different PDF (%d bytes, then %d; %v)", len(data), len(data2), err)
	}
}

// TestBuildPDF builds the example with -pdf: each edition's PDF is in the
// site, and its home and print pages link it with its size; a build
// without -pdf links none.
func TestBuildPDF(t *testing.T) {
	needChromium(t)
	s := exampleModel(t)
	out := filepath.Join(t.TempDir(), "public")
	scorecardCmd(t, "build", "-src", exampleSite, "-out", out, "-pdf", "-q")
	plain := builtSite(t)
	for _, q := range s.Quarters {
		file := render.PDFPath(q.ID)
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
		if err != nil {
			t.Errorf("build -pdf made no %s: %v", file, err)
			continue
		}
		if !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("%s is not a PDF: it starts %q", file, data[:min(len(data), 16)])
		}
		size := render.Size(int64(len(data)))
		pages := []string{render.QuarterPath(q.ID), render.PrintPath(q.ID)}
		if q == s.Quarters[len(s.Quarters)-1] {
			pages = append(pages, "index.html")
		}
		for _, page := range pages {
			html, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
			if err != nil {
				t.Fatal(err)
			}
			link := regexp.MustCompile(`<a href="([^"]*report\.pdf)" type="application/pdf">([^<]*)</a>`).FindSubmatch(html)
			switch {
			case link == nil:
				t.Errorf("%s has no link to its PDF", page)
			case filepath.ToSlash(filepath.Join(filepath.Dir(page), string(link[1]))) != file:
				t.Errorf("%s links %s, want %s", page, link[1], file)
			case !strings.Contains(string(link[2]), "("+size+")"):
				t.Errorf("%s's link to the PDF says %q, without its size (%s)", page, link[2], size)
			}
			without, err := os.ReadFile(filepath.Join(plain, filepath.FromSlash(page)))
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(without, []byte("report.pdf")) {
				t.Errorf("%s links a PDF in a build without -pdf", page)
			}
		}
	}
}

// TestPDFLinks prints an example whose site.yaml has a base_url: the
// PDF's links lead to the published site's pages.
func TestPDFLinks(t *testing.T) {
	needChromium(t)
	src := filepath.Join(exampleSite, "examples", "annual-outturn")
	fsys, err := site.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	s, findings := site.Check(fsys, site.Options{})
	fsys.Close()
	if err := findings.Err(); err != nil {
		t.Fatal(err)
	}
	if s.BaseURL == "" {
		t.Fatalf("%s has no base_url, which this test needs", src)
	}
	out := filepath.Join(t.TempDir(), "pack.pdf")
	scorecardCmd(t, "pdf", "-src", src, "-out", out)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	links := regexp.MustCompile(`/URI \(([^)]*)\)`).FindAllSubmatch(data, -1)
	if len(links) == 0 {
		t.Fatalf("the PDF has no links; want links to %s", s.BaseURL)
	}
	for _, l := range links {
		if !strings.HasPrefix(string(l[1]), s.BaseURL) {
			t.Errorf("the PDF links %s, not a page of %s", l[1], s.BaseURL)
		}
	}
}
