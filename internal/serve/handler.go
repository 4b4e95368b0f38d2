package serve

import (
	"fmt"
	"io/fs"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// The server's own files live under a prefix no site uses.
const (
	prefix         = "/__scorecard/"
	reloadPath     = prefix + "reload.js"
	eventsPath     = prefix + "events"
	overlayCSSPath = prefix + "overlay.css"
)

// policy is the Content-Security-Policy that the README tells hosts they
// can send. The preview sends it too, so that a page which would break
// under it breaks here first.
const policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"

// Handler serves the current build: exactly the files it holds, with
// dir/index.html at "/dir/", and the site's 404.html for anything else.
// While the latest build has failed, every page is the error page; other
// files are still the last good build's.
//
// It answers only a request whose Host is an IP address, localhost, or
// one of Options.Hosts; any other gets 421 Misdirected Request, so that a
// web page cannot read the preview by pointing a name of its own at this
// computer (DNS rebinding).
func (s *Server) Handler() http.Handler {
	return s.handler()
}

// handler is Handler answering to the names hosts too.
func (s *Server) handler(hosts ...string) http.Handler {
	return allowHosts(http.HandlerFunc(s.serveHTTP), append(slices.Clip(s.opts.Hosts), hosts...)...)
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", policy)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		respond(w, r, http.StatusMethodNotAllowed, types[".txt"], []byte("scorecard serve only reads: use GET or HEAD.\n"))
		return
	}
	b := s.current.Load()
	if b == nil {
		respond(w, r, http.StatusServiceUnavailable, types[".txt"], []byte("The site is being built; reload in a moment.\n"))
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case reloadPath:
		respond(w, r, http.StatusOK, types[".js"], b.js)
		return
	case overlayCSSPath:
		respond(w, r, http.StatusOK, types[".css"], []byte(overlayCSS))
		return
	}

	name, valid := resolve(r.URL.Path)
	exists := valid && b.site != nil && b.site.preview.Has(name)
	if b.fail != nil && (exists && isPage(name) || !exists && looksLikePage(name)) {
		respond(w, r, http.StatusInternalServerError, types[".html"], b.errPage)
		return
	}
	status := http.StatusOK
	if !exists {
		name, status = "404.html", http.StatusNotFound
	}
	f, err := b.site.get(name)
	switch {
	case err != nil:
		// A template's mistake shows on the pages that use it.
		fmt.Fprintf(s.opts.Stderr, "%v\n", err)
		respond(w, r, http.StatusInternalServerError, types[".html"], errorPage(findingsOf(err)))
	case f != nil:
		respond(w, r, status, f.ctype, f.data)
	default:
		respond(w, r, http.StatusNotFound, types[".txt"], []byte("404 page not found\n"))
	}
}

// resolve turns a request path into the path of a built file: "/" and
// "/dir/" name index.html in that folder. It refuses anything that is not
// a plain path below the root ("..", "//", "/./").
func resolve(urlPath string) (name string, ok bool) {
	name, ok = strings.CutPrefix(urlPath, "/")
	if !ok {
		return "", false
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name, fs.ValidPath(name)
}

// looksLikePage says whether a missing file would have been a page, so
// that while the site has errors the error page answers for it.
func looksLikePage(name string) bool {
	return isPage(name) || !strings.Contains(name[strings.LastIndex(name, "/")+1:], ".")
}

func respond(w http.ResponseWriter, r *http.Request, status int, ctype string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}
