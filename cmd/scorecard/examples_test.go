package main

// TestExamples checks and builds every example site under examples/, as a
// council would with "scorecard check" and "scorecard build" in the site's
// folder, and then reads the built pages as a resident would: what each
// page says, where its links go, and its breadcrumb. Each example's
// README.md explains any warning check gives; any other warning fails.
//
// The examples are written to issue 13's schema (monthly and annual
// editions, named targets, comparators, units, qualifiers, status rules,
// nested themes and ids as councils write them).

import (
	"bufio"
	"bytes"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"scorecard/internal/cli"
)

// exampleChecks holds, for each example by folder name, what its built
// pages must show; every example is checked and built, with or without.
var exampleChecks = map[string]func(t *testing.T, s *builtSite){
	"district-monthly": checkDistrictMonthly,
	"annual-outturn":   checkAnnualOutturn,
}

func TestExamples(t *testing.T) {
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := filepath.Glob(filepath.Join(root, "examples", "*", "data"))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, d := range dirs {
		dir := filepath.Dir(d)
		name := filepath.Base(dir)
		found[name] = true
		t.Run(name, func(t *testing.T) {
			// A copy, so that nothing the commands write lands in the
			// repository.
			site := filepath.Join(t.TempDir(), name)
			if err := os.CopyFS(site, os.DirFS(dir)); err != nil {
				t.Fatal(err)
			}
			readme, err := os.ReadFile(filepath.Join(site, "README.md"))
			if err != nil {
				t.Fatalf("the example has no README.md saying what it imitates and shows: %v", err)
			}
			checkClean(t, site, explainedWarnings(string(readme)))
			out := filepath.Join(t.TempDir(), "public")
			var stdout, stderr bytes.Buffer
			if code := cli.Run([]string{"build", "-src", site, "-out", out}, &stdout, &stderr); code != 0 {
				t.Fatalf("scorecard build exited with status %d:\n%s%s", code, stdout.String(), stderr.String())
			}
			if check := exampleChecks[name]; check != nil {
				check(t, &builtSite{dir: out})
			}
		})
	}
	for name := range exampleChecks {
		if !found[name] {
			t.Errorf("examples/%s (with data/ and content/) is missing", name)
		}
	}
}

// checkClean runs "scorecard check" on the site: no errors, and each
// warning must contain one of explained, the texts its README explains.
func checkClean(t *testing.T, site string, explained []string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run([]string{"check", "-src", site}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("scorecard check exited with status %d (want 0 errors):\n%s%s", code, stdout.String(), stderr.String())
	}
	used := map[string]bool{}
	sc := bufio.NewScanner(&stdout)
	for sc.Scan() {
		line := sc.Text()
		if !strings.Contains(line, " warning: ") {
			continue
		}
		ok := false
		for _, e := range explained {
			if strings.Contains(line, e) {
				ok, used[e] = true, true
			}
		}
		if !ok {
			t.Errorf("scorecard check gave a warning that README.md does not explain:\n%s", line)
		}
	}
	for _, e := range explained {
		if !used[e] {
			t.Errorf("README.md explains a warning that scorecard check no longer gives (%q); take it out of the README", e)
		}
	}
}

// explainedWarnings returns the lines of the README's fenced block with
// the info string "warnings": each is part of a warning the README
// explains. A README without such a block explains none.
func explainedWarnings(readme string) []string {
	var out []string
	in := false
	for _, line := range strings.Split(readme, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case !in && strings.HasPrefix(trimmed, "```") && strings.TrimSpace(strings.TrimPrefix(trimmed, "```")) == "warnings":
			in = true
		case in && strings.HasPrefix(trimmed, "```"):
			in = false
		case in && trimmed != "":
			out = append(out, trimmed)
		}
	}
	return out
}

func checkDistrictMonthly(t *testing.T, s *builtSite) {
	home := s.page(t, "index.html")
	// The latest edition is a month, named as residents say it.
	home.has(t, "November 2016")
	// The three-point scale, in the report's own words.
	home.has(t, "On track (G)", "Some concern (A)", "Off track (R)")

	// Council Tax: a cumulative measure with named targets and comparators.
	// Its history names every month; no narrative tied to it does.
	tax := s.page(t, measurePage("cf-01"))
	tax.has(t, "April 2016", "August 2016", "November 2016")
	tax.has(t, "Annual target", "98.4%", "Target for 2017/18", "98.5%")
	tax.has(t, "Median of English district councils", "98.2%", "England average", "97.1%")

	// Calls: April's and May's figures were published in June's edition.
	s.page(t, measurePage("cf-03")).has(t, "78.2%", "74.5%", "81.2%")

	// Recycling: November's figure was not yet available.
	s.page(t, measurePage("ew-01")).has(t, "NYA")

	// Major planning: a quarterly measure in June's and September's editions.
	s.page(t, measurePage("hp-01")).has(t, "75% (6/8)", "66.7% (4/6)")

	// Temporary accommodation states no polarity: its direction of travel
	// says the figure increased, not that it improved or got worse.
	s.page(t, measurePage("hp-04")).hasFold(t, "increased")

	// Wording follows the data: a monthly report, its editions months.
	about := s.page(t, "about/index.html")
	about.has(t, "Monthly Performance Report each month", "This site holds 8 months")
	s.page(t, "measures/index.html").has(t, "Latest month", "Since the previous month")
	tax.has(t, "Since the previous month")
}

func checkAnnualOutturn(t *testing.T, s *builtSite) {
	home := s.page(t, "index.html")
	home.has(t, "2016/17")
	home.has(t, "Target met (G)", "Target missed, but improved (A)", "Target missed (R)")

	// Units declared in data/site.yaml, written with their figures.
	waste := s.page(t, measurePage("LVE 009"))
	waste.has(t, "2013/14", "2016/17") // its history names every year
	waste.has(t, "598 kg")
	s.page(t, measurePage("ASC014")).has(t, "19.5 weeks")
	spend := s.page(t, measurePage("ASC020"))
	spend.has(t, "£1,112.44")
	// The unit in words, as the measure's facts list it (its first letter a capital).
	s.page(t, measurePage("ASCOF 2A")).has(t, "Per 1,000 population aged 65+")

	// Comparators with their source, and the targets for the next years.
	waste.has(t, "Top quartile (London boroughs)", "471 kg", "London average", "582 kg", "LG Inform")
	waste.has(t, "Target for 2017/18", "590 kg", "Target for 2018/19", "575 kg")

	// Qualifiers, explained in a key where they are used.
	spend.has(t, "Provisional figure, to be confirmed at year end")
	s.page(t, measurePage("NI 117")).has(t, "The latest figure available is for Q3")

	// The status rule: off target, but better than the year before.
	spend.has(t, "Target missed, but improved (A)")

	// Nested themes: the home page leads to a priority, the priority to
	// its outcomes, an outcome to its sub-headings, each page with a
	// breadcrumb back up through the levels above it.
	const (
		place    = "Place: a clean, green and safe borough"
		homes    = "Decent homes for all"
		homeless = "Preventing homelessness"
		people   = "People: healthy and independent lives"
		adults   = "Older and disabled people live independently"
	)
	priority := s.follow(t, home, place)
	priority.hasLinks(t, "Clean and green streets", homes)
	priority.crumbsEnd(t, place)
	outcome := s.follow(t, priority, homes)
	outcome.hasLinks(t, homeless, "New and affordable homes")
	outcome.crumbsLink(t, place)
	outcome.crumbsEnd(t, homes)
	sub := s.follow(t, outcome, homeless)
	sub.crumbsLink(t, place, homes)
	sub.crumbsEnd(t, homeless)
	sub.has(t, "1,602")

	care := s.follow(t, s.follow(t, home, people), adults)
	care.has(t, "£1,112.44", "Provisional figure, to be confirmed at year end")

	// Wording follows the data: an annual report, its editions years.
	about := s.page(t, "about/index.html")
	about.has(t, "each year", "This site holds 4 years", "15 measures in 8 themes")
	waste.has(t, "Since the previous year")
}

// measurePage is the address of a measure's page, made from its id as
// issue 13 says: lower case, each run of other characters than a-z and
// 0-9 one hyphen, trimmed ("LVE 009" is at measures/lve-009/).
func measurePage(id string) string {
	addr := strings.Trim(nonAddress.ReplaceAllString(strings.ToLower(id), "-"), "-")
	return "measures/" + addr + "/index.html"
}

var nonAddress = regexp.MustCompile(`[^a-z0-9]+`)

// builtSite is a built site's output folder.
type builtSite struct{ dir string }

// page reads and parses the page at rel, a slash-separated path in the
// site.
func (s *builtSite) page(t *testing.T, rel string) *page {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("the built site has no page %s: %v", rel, err)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return &page{path: rel, doc: doc, text: visibleText(doc)}
}

// follow opens the page that from's first link reading text leads to.
func (s *builtSite) follow(t *testing.T, from *page, text string) *page {
	t.Helper()
	for _, l := range from.links() {
		if l.text != text || l.href == "" || strings.HasPrefix(l.href, "#") || strings.Contains(l.href, "://") {
			continue
		}
		target, _, _ := strings.Cut(l.href, "#")
		target = path.Join(path.Dir(from.path), target)
		if strings.HasSuffix(l.href, "/") || path.Ext(target) == "" {
			target += "/index.html"
		}
		return s.page(t, target)
	}
	t.Fatalf("%s has no link reading %q", from.path, text)
	return nil
}

// page is a built page: its path in the site, its parsed HTML and the text
// a reader sees on it, with white space collapsed.
type page struct {
	path string
	doc  *html.Node
	text string
}

// has fails t for each of want that the page does not show.
func (p *page) has(t *testing.T, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(p.text, w) {
			t.Errorf("%s does not show %q", p.path, w)
		}
	}
}

// hasFold is has, ignoring case.
func (p *page) hasFold(t *testing.T, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(strings.ToLower(p.text), strings.ToLower(w)) {
			t.Errorf("%s does not show %q (in any case)", p.path, w)
		}
	}
}

// hasLinks fails t for each of want that no link on the page reads.
func (p *page) hasLinks(t *testing.T, want ...string) {
	t.Helper()
	links := p.links()
	for _, w := range want {
		ok := false
		for _, l := range links {
			if l.text == w && l.href != "" && !strings.HasPrefix(l.href, "#") {
				ok = true
				break
			}
		}
		if !ok {
			t.Errorf("%s has no link to %q", p.path, w)
		}
	}
}

// crumbsEnd fails t unless the page's breadcrumb ends with last, the page
// itself.
func (p *page) crumbsEnd(t *testing.T, last string) {
	t.Helper()
	crumbs := p.crumbs()
	if len(crumbs) == 0 {
		t.Errorf("%s has no breadcrumb", p.path)
		return
	}
	if got := crumbs[len(crumbs)-1].text; got != last {
		t.Errorf("%s: the breadcrumb ends with %q, want %q", p.path, got, last)
	}
}

// crumbsLink fails t unless the page's breadcrumb links to each of above,
// in that order.
func (p *page) crumbsLink(t *testing.T, above ...string) {
	t.Helper()
	crumbs := p.crumbs()
	i := 0
	for _, c := range crumbs {
		if i < len(above) && c.text == above[i] && c.href != "" {
			i++
		}
	}
	if i < len(above) {
		var got []string
		for _, c := range crumbs {
			got = append(got, c.text)
		}
		t.Errorf("%s: the breadcrumb %q does not link to %q in order", p.path, got, above)
	}
}

// link is a link or breadcrumb item as a reader sees it: its text, and
// where it goes ("" for the current page's own item).
type link struct{ text, href string }

func (p *page) links() []link {
	var out []link
	walk(p.doc, func(n *html.Node) bool {
		if n.DataAtom == atom.A {
			out = append(out, link{visibleText(n), attr(n, "href")})
		}
		return true
	})
	return out
}

// crumbs returns the items of the page's breadcrumb navigation.
func (p *page) crumbs() []link {
	var out []link
	walk(p.doc, func(n *html.Node) bool {
		if n.DataAtom != atom.Nav || !strings.EqualFold(attr(n, "aria-label"), "breadcrumb") {
			return true
		}
		walk(n, func(li *html.Node) bool {
			if li.DataAtom != atom.Li {
				return true
			}
			l := link{text: visibleText(li)}
			walk(li, func(a *html.Node) bool {
				if a.DataAtom == atom.A && l.href == "" {
					l.href = attr(a, "href")
				}
				return true
			})
			out = append(out, l)
			return false
		})
		return false
	})
	return out
}

// walk calls f for n and, while f returns true for a node, its
// descendants, in document order.
func walk(n *html.Node, f func(*html.Node) bool) {
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// visibleText is the text under n that a reader sees: not the head, nor
// scripts, styles or templates; white space collapsed, and blocks (a
// paragraph, a table cell, a list item) set apart by a space, while inline
// elements (a unit in a span, a footnote mark) run on as they are shown.
func visibleText(n *html.Node) string {
	var b strings.Builder
	var text func(n *html.Node)
	text = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return
		case n.Type == html.ElementNode && hidden[n.DataAtom]:
			return
		}
		block := n.Type == html.ElementNode && !inline[n.DataAtom]
		if block {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text(c)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	text(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// hidden are the elements whose text a reader does not see on the page.
var hidden = map[atom.Atom]bool{atom.Head: true, atom.Script: true, atom.Style: true, atom.Template: true}

// inline are the elements that run on within a line of text.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Cite: true,
	atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true, atom.I: true, atom.Kbd: true,
	atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true,
	atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true,
}
