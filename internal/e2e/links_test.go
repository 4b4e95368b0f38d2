package e2e

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// linkAttrs are the attributes that name another file, by element. A
// form's action is followed too: the search form leads to a page.
var linkAttrs = map[string][]string{
	"a":      {"href"},
	"area":   {"href"},
	"link":   {"href"},
	"script": {"src"},
	"img":    {"src", "srcset"},
	"source": {"src", "srcset"},
	"iframe": {"src"},
	"form":   {"action"},
}

// cssURL finds url(...) in a style sheet.
var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+?)['"]?\s*\)`)

// link is one reference from a built file to another.
type link struct {
	from string // the file it is in, slash-separated from the build's root
	line int
	elem string // `<a href="...">`, as written
	ref  string // the attribute's value
}

func (l link) String() string { return fmt.Sprintf("%s:%d: %s", l.from, l.line, l.elem) }

// TestLinks follows every relative link of every page, from the home page,
// over the built files (no browser: the links are read from the HTML), and
// fails on each link whose file is not in the build, whose #fragment names
// no element of the page it leads to, that leads to a folder rather than
// its index.html (which works on a server but not from disk), or that is
// root-relative or leaves the site's folder (which breaks sub-folder
// hosting).
func TestLinks(t *testing.T) {
	dir := builtSite(t)
	c := crawler{dir: dir, ids: map[string][]string{}, broken: map[string][]link{}}
	c.crawl("index.html")

	problems := slices.Sorted(func(yield func(string) bool) {
		for p := range c.broken {
			if !yield(p) {
				return
			}
		}
	})
	const shown = 3 // places a problem lists; the rest are counted
	for _, p := range problems {
		from := c.broken[p]
		var places []string
		for _, l := range from[:min(len(from), shown)] {
			places = append(places, l.String())
		}
		if len(from) > shown {
			places = append(places, fmt.Sprintf("and %d more places", len(from)-shown))
		}
		t.Errorf("%s; linked from:%s", p, list(places))
	}

	var unreached []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err == nil && !c.seen[filepath.ToSlash(rel)] {
			unreached = append(unreached, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatalf("reading the build: %v", err)
	}
	t.Logf("followed the links of %d pages from index.html", c.pages)
	if len(unreached) > 0 {
		t.Logf("%d .html files of the build are linked from none of them (not a failure):%s", len(unreached), list(unreached))
	}
}

// crawler walks the build breadth first from a page, reading each page and
// style sheet it reaches once.
type crawler struct {
	dir    string
	seen   map[string]bool     // files reached, slash-separated from dir
	ids    map[string][]string // the ids of each page read, to check fragments
	broken map[string][]link   // a problem -> every link that has it
	pages  int
}

func (c *crawler) crawl(start string) {
	c.seen = map[string]bool{start: true}
	queue := []string{start}
	for len(queue) > 0 {
		file := queue[0]
		queue = queue[1:]
		for _, l := range c.links(file) {
			target := c.check(l)
			if target == "" || c.seen[target] {
				continue
			}
			c.seen[target] = true
			if isPage(target) || path.Ext(target) == ".css" {
				queue = append(queue, target)
			}
		}
	}
}

// links reads the links of a page or style sheet.
func (c *crawler) links(file string) []link {
	doc, err := os.ReadFile(filepath.Join(c.dir, filepath.FromSlash(file)))
	if err != nil {
		c.fail(fmt.Sprintf("%s cannot be read: %v", file, err), link{from: file})
		return nil
	}
	var out []link
	lines := lineCounter{doc: doc}
	if path.Ext(file) == ".css" {
		for _, m := range cssURL.FindAllSubmatchIndex(doc, -1) {
			out = append(out, link{from: file, line: lines.at(m[0]), elem: string(doc[m[0]:m[1]]), ref: string(doc[m[2]:m[3]])})
		}
		return out
	}
	c.pages++
	var ids []string
	eachTag(doc, func(t tag, off int) {
		for _, a := range t.attrs {
			if a.name == "id" || (a.name == "name" && t.name == "a") {
				ids = append(ids, a.value)
			}
		}
		for _, name := range linkAttrs[t.name] {
			v, ok := t.attr(name)
			if !ok {
				continue
			}
			elem := fmt.Sprintf("<%s %s=%q>", t.name, name, v)
			refs := []string{v}
			if name == "srcset" {
				refs = srcset(v)
			}
			for _, ref := range refs {
				out = append(out, link{from: file, line: lines.at(off), elem: elem, ref: ref})
			}
		}
	})
	c.ids[file] = ids
	return out
}

// check checks one link, recording what is wrong with it, and returns the
// file it leads to, or "" when it leads to no file of the build.
func (c *crawler) check(l link) string {
	ref := strings.TrimSpace(l.ref)
	u, err := url.Parse(ref)
	switch {
	case err != nil:
		c.fail(fmt.Sprintf("%q is not a URL (%v)", ref, err), l)
		return ""
	case u.Scheme == "file":
		c.fail(fmt.Sprintf("%q is a file: URL, which only works on the machine that built the site; make it relative", ref), l)
		return ""
	case u.Scheme != "" || u.Host != "":
		return "" // another site, mailto:, data: and the like
	case strings.HasPrefix(u.Path, "/"):
		c.fail(fmt.Sprintf("%q is root-relative, so it breaks when the site is served from a sub-folder or opened from disk; make it relative to the page", ref), l)
		return ""
	}
	target := l.from
	if u.Path != "" {
		target = path.Join(path.Dir(l.from), u.Path)
	}
	if target == ".." || strings.HasPrefix(target, "../") {
		c.fail(fmt.Sprintf("%q leads outside the site's folder, to %s", ref, target), l)
		return ""
	}
	fi, err := os.Stat(filepath.Join(c.dir, filepath.FromSlash(target)))
	switch {
	case err != nil:
		c.fail(fmt.Sprintf("%q leads to %s, which is not in the build", ref, target), l)
		return ""
	case fi.IsDir():
		index := path.Join(target, "index.html")
		if _, err := os.Stat(filepath.Join(c.dir, filepath.FromSlash(index))); err != nil {
			c.fail(fmt.Sprintf("%q leads to the folder %s/, which has no index.html", ref, target), l)
		} else {
			c.fail(fmt.Sprintf("%q leads to the folder %s/: a server answers with its index.html, but opened from disk the browser lists the folder; link to %s", ref, target, index), l)
		}
		return ""
	}
	if u.Fragment != "" && isPage(target) {
		ids, read := c.ids[target]
		if !read {
			ids = c.readIDs(target)
		}
		if !slices.Contains(ids, u.Fragment) && u.Fragment != "top" {
			c.fail(fmt.Sprintf("%q: %s has no element with id=%q", ref, target, u.Fragment), l)
			return target
		}
	}
	return target
}

// readIDs reads the ids of a page the crawl has not read yet.
func (c *crawler) readIDs(file string) []string {
	doc, err := os.ReadFile(filepath.Join(c.dir, filepath.FromSlash(file)))
	if err != nil {
		return nil
	}
	var ids []string
	eachTag(doc, func(t tag, _ int) {
		for _, a := range t.attrs {
			if a.name == "id" || (a.name == "name" && t.name == "a") {
				ids = append(ids, a.value)
			}
		}
	})
	c.ids[file] = ids
	return ids
}

func (c *crawler) fail(problem string, l link) {
	c.broken[problem] = append(c.broken[problem], l)
}

func isPage(file string) bool { return path.Ext(file) == ".html" }

// srcset returns the URLs of a srcset attribute: "a.png 1x, b.png 2x".
func srcset(v string) []string {
	var out []string
	for _, c := range strings.Split(v, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// TestCrawler checks the crawl's reading of links on a small build, so
// that a clean crawl of the site means sound links.
func TestCrawler(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html": `<!DOCTYPE html><link rel="stylesheet" href="style.css">
<a href="a/index.html#x">ok</a> <a href="a/index.html#nope">bad fragment</a>
<a href="b/index.html">missing</a> <a href="a/">folder</a> <a href="/a/index.html">root</a>
<a href="https://example.org/">other site</a> <a href="#top">top</a> <a href="#here" id="here">self</a>
<img src="i.png" alt=""> <form action="a/index.html"></form>
<script type="application/json" id="data">{"href": "<a href='nowhere.html'>"}</script>
<!-- <a href="comment.html"> -->`,
		"style.css":    `body { background: url("bg.png") } p { background: url(i.png) }`,
		"i.png":        "",
		"a/index.html": `<p id="x"><a href="../index.html">home</a> <a href="../../up.html">up</a>`,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, p, content)
	}
	c := crawler{dir: dir, ids: map[string][]string{}, broken: map[string][]link{}}
	c.crawl("index.html")
	var got []string
	for p, ls := range c.broken {
		for _, l := range ls {
			got = append(got, fmt.Sprintf("%s:%d %s", l.from, l.line, p))
		}
	}
	slices.Sort(got)
	want := []string{
		`a/index.html:1 "../../up.html" leads outside the site's folder, to ../up.html`,
		`index.html:2 "a/index.html#nope": a/index.html has no element with id="nope"`,
		`index.html:3 "/a/index.html" is root-relative, so it breaks when the site is served from a sub-folder or opened from disk; make it relative to the page`,
		`index.html:3 "a/" leads to the folder a/: a server answers with its index.html, but opened from disk the browser lists the folder; link to a/index.html`,
		`index.html:3 "b/index.html" leads to b/index.html, which is not in the build`,
		`style.css:1 "bg.png" leads to bg.png, which is not in the build`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("the crawl found:%s\nwant:%s", list(got), list(want))
	}
	if c.pages != 2 {
		t.Errorf("the crawl read %d pages, want 2 (index.html, a/index.html)", c.pages)
	}
}
