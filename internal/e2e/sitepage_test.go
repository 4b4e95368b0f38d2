package e2e

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// sitePage is a page of the built site that a test opens.
type sitePage struct {
	name  string // the subtest's name
	path  string // the file in the build, slash-separated
	query string // a query string to open it with, without the "?"
}

// String is the page as a reader would type it after the site's address.
func (p sitePage) String() string {
	if p.query != "" {
		return p.path + "?" + p.query
	}
	return p.path
}

// missing says why the page cannot be opened, or "" when its file is in
// the build. Pages are added to the site over time; a test that names one
// before it is built says so plainly, rather than failing on a 404.
func (p sitePage) missing(dir string) string {
	file := filepath.Join(dir, filepath.FromSlash(p.path))
	if _, err := os.Stat(file); err != nil {
		return fmt.Sprintf("page missing: the build has no %s (%v); it would answer 404 until the site generates it", p.path, err)
	}
	return ""
}

// httpURL is the page's address on a server whose root (with any prefix)
// is base, as a reader follows it: a folder's index.html by the folder's
// address.
func (p sitePage) httpURL(base string) string {
	u := strings.TrimSuffix(base, "/") + "/" + strings.TrimSuffix(p.path, "index.html")
	if p.query != "" {
		u += "?" + p.query
	}
	return u
}

// fileURL is the page's file:// address in the build in dir.
func (p sitePage) fileURL(dir string) string {
	abs, err := filepath.Abs(filepath.Join(dir, filepath.FromSlash(p.path)))
	if err != nil {
		abs = filepath.Join(dir, filepath.FromSlash(p.path))
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: p.query}
	return u.String()
}
