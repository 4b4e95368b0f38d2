package hostile

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// scan returns what in a built file could run script or break out of its
// format. HTML may hold no script but the site's own (a file under
// assets/, or JSON data), no event handler, no script address, no frame,
// object or base, and no style attribute or element (the site's strict
// Content-Security-Policy forbids them); a trusted site's HTML is not
// scanned. XML must be well-formed and hold no script; JSON and CSV must
// parse, and no CSV cell may be one a spreadsheet would run as a formula;
// the search index must be a single assignment of JSON.
func scan(name string, data []byte, trusted bool) []string {
	switch {
	case strings.HasSuffix(name, ".html"):
		if trusted {
			return nil
		}
		return scanHTML(data)
	case strings.HasSuffix(name, ".xml"), strings.HasSuffix(name, ".svg"):
		return scanXML(data)
	case strings.HasSuffix(name, ".json"):
		if !json.Valid(data) {
			return []string{"not valid JSON"}
		}
	case strings.HasSuffix(name, ".csv"):
		return scanCSV(data)
	case name == "search/search-index.js":
		return scanIndex(data)
	}
	return nil
}

// scanCSV reports cells that a spreadsheet would run as a formula: text
// starting with =, @, a tab or a carriage return, or with + or - and not a
// figure (-10%, +2, -£1,200, - for not applicable).
func scanCSV(data []byte) []string {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return []string{"not valid CSV: " + err.Error()}
	}
	var problems []string
	for i, row := range rows {
		for j, c := range row {
			if c == "" || c == "-" {
				continue
			}
			formula := strings.ContainsRune("=@\t\r", rune(c[0]))
			if c[0] == '+' || c[0] == '-' {
				rest := c[1:]
				formula = !(strings.HasPrefix(rest, "£") || rest != "" && rest[0] >= '0' && rest[0] <= '9')
			}
			if formula {
				problems = append(problems, fmt.Sprintf("row %d, column %d: %q would run as a formula in a spreadsheet", i+1, j+1, c))
			}
		}
	}
	return problems
}

// baseURL is the base_url of testdata/base.txtar: the 404 page's links are
// absolute, as a web server shows it for any missing address.
const baseURL = "https://www.example.org/performance/"

// urlAttrs are the attributes that hold an address.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true, "data": true,
	"poster": true, "background": true, "cite": true, "srcset": true, "ping": true, "manifest": true,
	"icon": true, "codebase": true, "longdesc": true, "usemap": true, "lowsrc": true, "dynsrc": true,
}

func scanHTML(data []byte) []string {
	var problems []string
	problem := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				problem("cannot read the HTML: %v", z.Err())
			}
			return problems
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		attrs := map[string]string{}
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			if a.Namespace != "" {
				key = a.Namespace + ":" + key
			}
			attrs[key] = a.Val
			switch s := scheme(a.Val); {
			case strings.HasPrefix(key, "on"):
				problem("<%s %s=%q>: an event handler", tok.Data, key, a.Val)
			case key == "style":
				problem("<%s style=%q>: a style attribute", tok.Data, a.Val)
			case urlAttrs[key] && (s == "javascript" || s == "vbscript"):
				problem("<%s %s=%q>: a script address", tok.Data, key, a.Val)
			case urlAttrs[key] && s == "data" && !(tok.Data == "img" && key == "src"):
				problem("<%s %s=%q>: a data address", tok.Data, key, a.Val)
			}
		}
		switch tok.Data {
		case "script":
			src, hasSrc := attrs["src"]
			typ := attrs["type"]
			switch {
			case hasSrc && !ownAsset(src):
				problem("<script src=%q>: not one of the site's own scripts", src)
			case hasSrc:
			case typ == "application/json" || typ == "application/ld+json":
				if z.Next() == html.TextToken && !json.Valid(z.Text()) {
					problem("<script type=%q> holds what is not JSON", typ)
				}
			default:
				problem("an inline script")
			}
		case "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "portal":
			problem("a <%s> element", tok.Data)
		case "meta":
			if strings.EqualFold(attrs["http-equiv"], "refresh") {
				problem("a <meta http-equiv=refresh>")
			}
		case "link":
			href := attrs["href"]
			if s := scheme(href); (s != "" || strings.HasPrefix(href, "//")) && !strings.HasPrefix(href, baseURL) {
				if rel := attrs["rel"]; rel != "canonical" && rel != "alternate" {
					problem("<link rel=%q href=%q>: loads from another host", rel, href)
				}
			}
		}
	}
}

// ownAsset reports whether a script's address is one of the site's own
// files under assets/, written relative to the page.
func ownAsset(src string) bool {
	src = strings.TrimPrefix(src, baseURL)
	for strings.HasPrefix(src, "../") || strings.HasPrefix(src, "./") {
		_, src, _ = strings.Cut(src, "/")
	}
	return (strings.HasPrefix(src, "assets/") && strings.HasSuffix(src, ".js") && fs.ValidPath(src)) || src == "search/search-index.js"
}

// scheme returns an address's scheme in lower case, as a browser reads it:
// ignoring spaces and control characters before it, and tabs and line
// breaks within it.
func scheme(url string) string {
	url = strings.TrimLeftFunc(url, func(r rune) bool { return r <= ' ' })
	url = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(url)
	i := strings.IndexByte(url, ':')
	if i <= 0 || strings.ContainsAny(url[:i], "/?#") {
		return ""
	}
	return strings.ToLower(url[:i])
}

func scanXML(data []byte) []string {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return []string{"not well-formed XML: " + err.Error()}
		}
		if el, ok := tok.(xml.StartElement); ok && strings.EqualFold(el.Name.Local, "script") {
			return []string{"a script element"}
		}
	}
}

var assignment = regexp.MustCompile(`^window\.[A-Za-z_$][A-Za-z0-9_$]*=`)

func scanIndex(data []byte) []string {
	m := assignment.Find(data)
	if m == nil {
		return []string{"does not start window.NAME="}
	}
	rest := bytes.TrimRight(data[len(m):], ";\n")
	if !json.Valid(rest) {
		return []string{"what follows window.NAME= is not JSON"}
	}
	return nil
}
