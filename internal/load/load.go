// Package load reads a site's data/ YAML and content/ Markdown into a
// report.Site, checking everything it reads and reporting every mistake
// with its file, line and column.
package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"

	"scorecard/internal/diag"
	"scorecard/internal/fastyaml"
	"scorecard/internal/report"
	"scorecard/internal/value"
)

// MaxFileSize is the largest data or content file Scorecard reads. Real
// files are far smaller; the limit keeps a stray huge file from exhausting
// memory.
const MaxFileSize = 32 << 20

// Site loads the site held in fsys (the site folder). It returns the site
// and every finding; the site is incomplete when the findings hold errors.
func Site(fsys fs.FS) (*report.Site, diag.List) {
	return SiteCached(fsys, nil)
}

// SiteCached is Site, keeping the parsed narrative in cache (when not nil)
// for later calls of Content on the same site.
func SiteCached(fsys fs.FS, cache *NarrativeCache) (*report.Site, diag.List) {
	var errs diag.List
	s := &report.Site{}
	l := &loader{fsys: fsys, errs: &errs, site: s, broken: map[string]bool{}}
	l.readers = &sync.Pool{New: func() any { return new(fastyaml.Reader) }}
	l.config(s)
	l.catalogue(s)
	l.quarters(s)
	l.stray()
	l.cachedContent(s, cache)
	errs.Sort()
	return s, errs
}

type loader struct {
	fsys fs.FS
	errs *diag.List
	site *report.Site

	// broken holds the ids of catalogue entries that had errors, so that
	// the quarters' references to them add no further errors.
	broken map[string]bool

	byID map[string]*report.Measure // measures by id, for narrative's ties

	themeIDs, themeAddrs map[string]*report.Theme // every theme, by id and by address

	links map[string]bool // symbolic links and special files already reported

	// noQuarters records that data/quarters could not be read, so that
	// narrative is not reported as lacking its quarter's data.
	noQuarters bool

	cache *NarrativeCache // nil: parse every narrative file

	// readers read the edition files, each in the memory of the last
	// one its reader read; nil, each in memory of its own.
	readers *sync.Pool

	// words are the figure words targets and actuals may hold: the
	// built-in ones, or the site's figure_words.
	words []value.FigureWord

	units []*report.Unit    // the site's units:, added to the built-in ones
	quals []value.Qualifier // the defaults and the site's qualifiers:; nil for the defaults alone
}

// NarrativeCache keeps parsed narrative between loads of one site's
// content, for the preview: Content parses again only the Markdown files
// whose bytes changed. A cache belongs to one loaded site (its narrative
// points at that site's measures) and to one load at a time.
type NarrativeCache struct {
	files map[string]cachedNarrative // from the last load
	next  map[string]cachedNarrative // being filled by this one

	// changed, when not nil, lists the files that may have changed since
	// the last load: a cached file not among them is not even read again.
	changed map[string]bool
}

type cachedNarrative struct {
	src   []byte
	title string
	n     *report.Narrative
	errs  diag.List
}

// Content reads the narrative of a site whose data is already loaded, as
// Site does: into s, whose quarters must hold no narrative yet. It returns
// the findings about content/ alone. The cache, when not nil, saves
// parsing the files that have not changed since the last call with it.
// changed, when not nil, names the files (from the site folder) that may
// have changed since then, as a file watcher reports them: the others are
// taken from the cache without reading them, which on a large site is
// most of the time a preview takes after an edit. A file created, removed
// or replaced by a link must be among them.
func Content(fsys fs.FS, s *report.Site, cache *NarrativeCache, changed []string) diag.List {
	var errs diag.List
	l := &loader{fsys: fsys, errs: &errs, site: s, broken: map[string]bool{}}
	if cache != nil && changed != nil {
		cache.changed = map[string]bool{}
		for _, c := range changed {
			cache.changed[c] = true
		}
		defer func() { cache.changed = nil }()
	}
	l.cachedContent(s, cache)
	errs.Sort()
	return errs
}

// cachedContent reads the narrative through cache, which then holds only
// the files read this time.
func (l *loader) cachedContent(s *report.Site, cache *NarrativeCache) {
	if cache == nil {
		l.content(s)
		return
	}
	l.cache = cache
	cache.next = map[string]cachedNarrative{}
	l.content(s)
	cache.files, cache.next = cache.next, nil
}

// read returns a file's bytes. A missing file is reported only when it is
// required.
func (l *loader) read(name string, required bool) ([]byte, bool) {
	if l.refused(name, "file") {
		return nil, false
	}
	f, err := l.fsys.Open(name)
	if err != nil {
		if l.found(err) {
			return nil, false
		}
		if errors.Is(err, fs.ErrNotExist) {
			if required {
				l.errs.Errorf(diag.Pos{File: name}, "the file is missing; every site needs it (see \"Writing a report\" in the README)")
			}
			return nil, false
		}
		l.errs.Errorf(diag.Pos{File: name}, "cannot open the file: %v", unwrapPath(err))
		return nil, false
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		l.errs.Errorf(diag.Pos{File: name}, "this is a folder, but Scorecard needs a file here")
		return nil, false
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		l.errs.Errorf(diag.Pos{File: name}, "cannot read the file: %v", unwrapPath(err))
		return nil, false
	}
	if len(b) > MaxFileSize {
		l.errs.Errorf(diag.Pos{File: name}, "the file is larger than %d MiB; split it or remove what does not belong in it", MaxFileSize>>20)
		return nil, false
	}
	return b, true
}

// refused reports whether name cannot be read, and says why once: when
// it, or a folder above it, is a symbolic link, or when it is a named
// pipe, a socket or a device rather than the plain file or folder (want)
// the site needs there. Scorecard reads only the files in the site's
// folder, as a link could publish any file the computer holds, and only
// plain files, as reading a named pipe would wait for ever. Nothing is
// opened to find out.
func (l *loader) refused(name, want string) bool {
	for i := range len(name) + 1 {
		if i < len(name) && name[i] != '/' {
			continue
		}
		p := name[:i]
		info, err := fs.Lstat(l.fsys, p)
		if err != nil {
			return false // missing: the caller says so
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			if msg := diag.Special(info.Mode(), want); i == len(name) && msg != "" {
				l.once(p, msg)
				return true
			}
			continue
		}
		l.once(p, "this is a symbolic link, and Scorecard reads only the files in the site's folder, so that nothing from elsewhere on the computer is published by mistake; put the file or folder itself here")
		return true
	}
	return false
}

// once reports msg about the file p, unless p has been reported already.
func (l *loader) once(p, msg string) {
	if l.links[p] {
		return
	}
	if l.links == nil {
		l.links = map[string]bool{}
	}
	l.links[p] = true
	l.errs.Errorf(diag.Pos{File: p}, "%s", msg)
}

// found adds the findings err holds, when it holds some, as the site's
// reader gives for a file it refuses to read, and reports whether it did.
func (l *loader) found(err error) bool {
	var list diag.List
	if !errors.As(err, &list) {
		return false
	}
	for _, d := range list {
		if !l.links[d.Pos.File] {
			*l.errs = append(*l.errs, d)
		}
	}
	return true
}

// unwrapPath drops the path from a *fs.PathError: messages already name
// the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// list joins names for messages: "a, b and c".
func list(names []string) string {
	switch len(names) {
	case 0:
		return "(none)"
	case 1:
		return names[0]
	}
	out := ""
	for i, n := range names[:len(names)-1] {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return fmt.Sprintf("%s and %s", out, names[len(names)-1])
}
