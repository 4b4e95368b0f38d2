package serve

import (
	"bytes"
	"fmt"
	"mime"
	"path"
	"strings"
	"sync"

	"scorecard/internal/site"
)

// build is one build as served. It is never changed once made: a rebuild
// makes a new one and swaps it in, so a request sees one build throughout.
type build struct {
	gen     int       // counts builds, failed ones too
	id      string    // the browser's name for this build
	site    *files    // the last good build's files; nil before the first
	fail    []finding // what stopped this build; nil when it succeeded
	errPage []byte    // the error page, when fail is set
	js      []byte    // reload.js, naming this build
}

// files are a preview's files as served, each rendered the first time it
// is asked for and then kept.
type files struct {
	preview *site.Preview
	mu      sync.Mutex
	made    map[string]*made
}

type made struct {
	once sync.Once
	f    *file
	err  error
}

// get returns the file at name: nil when the site has none, an error when
// it cannot be rendered (a template's mistake). Requests for the same file
// wait for one rendering.
func (set *files) get(name string) (*file, error) {
	if set == nil || !set.preview.Has(name) {
		return nil, nil
	}
	set.mu.Lock()
	m := set.made[name]
	if m == nil {
		m = &made{}
		set.made[name] = m
	}
	set.mu.Unlock()
	m.once.Do(func() {
		data, err := set.preview.Render(name)
		if err != nil {
			m.err = fmt.Errorf("rendering %s: %w", name, err)
			return
		}
		if isPage(name) {
			data = withReload(data)
		}
		m.f = &file{data: data, ctype: contentType(name)}
	})
	return m.f, m.err
}

// file is a built file as served: pages carry the reload script.
type file struct {
	data  []byte
	ctype string
}

// finding is one error on the error page.
type finding struct {
	Pos string // file:line:col, or empty when the error names no file
	Msg string
}

// reloadTag loads the live-reload script. Served pages carry it; the build
// output never does.
const reloadTag = `<script src="` + reloadPath + `" defer></script>`

func newBuild(p *site.Preview, gen int, id string) *build {
	return &build{gen: gen, id: id, site: &files{preview: p, made: map[string]*made{}}, js: reloadScript(id)}
}

// failedBuild keeps the last good files of prev (if any) to serve beside
// the error page.
func failedBuild(prev *build, gen int, id string, fail []finding) *build {
	b := &build{gen: gen, id: id, fail: fail, errPage: errorPage(fail), js: reloadScript(id)}
	if prev != nil {
		b.site = prev.site
	}
	return b
}

// withReload returns a copy of an HTML page with the reload script added
// at the end of its head (or of the page, if it has no head).
func withReload(page []byte) []byte {
	i := indexFold(page, []byte("</head>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(reloadTag)+1)
	out = append(out, page[:i]...)
	out = append(out, reloadTag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// indexFold is bytes.Index ignoring ASCII case, as HTML tags do.
func indexFold(s, sep []byte) int {
	for i := 0; i+len(sep) <= len(s); i++ {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

func isPage(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}

// types fixes the type of every kind of file a site holds, so that the
// answer does not depend on the machine's MIME tables.
var types = map[string]string{
	".html":  "text/html; charset=utf-8",
	".htm":   "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".json":  "application/json",
	".csv":   "text/csv; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".xml":   "application/xml",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".avif":  "image/avif",
	".ico":   "image/vnd.microsoft.icon",
	".pdf":   "application/pdf",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".xlsx":  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".docx":  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".ods":   "application/vnd.oasis.opendocument.spreadsheet",
	".odt":   "application/vnd.oasis.opendocument.text",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}
