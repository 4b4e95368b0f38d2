package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watched are the folders of a site whose changes change the build.
var watched = []string{"data", "content", "layouts", "static", "i18n"}

// newWatcher watches the site folder itself, for a watched folder that is
// created later, and every folder below each watched folder.
func (s *Server) newWatcher() (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := w.Add(s.src); err != nil {
		w.Close()
		return nil, err
	}
	for _, dir := range watched {
		if err := addTree(w, filepath.Join(s.src, dir)); err != nil {
			w.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder below it. fsnotify watches one
// folder at a time, not what is under it. A folder that does not exist is
// skipped: the site folder's own watch sees it created.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil // gone already, or never there
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && ignored(d.Name()) {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}

// watch asks rb for a rebuild once the files have been quiet for the
// debounce time after a change, so that an editor's burst of writes (or a
// checkout of many files) gives one rebuild. It never waits for a rebuild,
// and never opens a file: only folders are read, to watch them (fsnotify
// reads none either, and leaves named pipes alone), so that a named pipe
// in the site cannot stop it. It closes w when ctx is done.
func (s *Server) watch(ctx context.Context, w *fsnotify.Watcher, rb *rebuilder) {
	defer w.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var changed []string
	created := map[string]bool{} // names whose first event in this burst made them
	lost := false                // events may have been lost: reload everything
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			rel, ok := s.relevant(ev)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					if err := addTree(w, ev.Name); err != nil {
						fmt.Fprintf(s.opts.Stderr, "scorecard serve: cannot watch %s for changes: %v\n", rel, err)
					}
				}
			}
			if !slices.Contains(changed, rel) {
				changed = append(changed, rel)
				created[rel] = ev.Has(fsnotify.Create)
			}
			timer.Reset(s.debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(s.opts.Stderr, "scorecard serve: watching for changes: %v; reloading the whole site\n", err)
			lost = true
			timer.Reset(s.debounce)
		case <-timer.C:
			// Rebuild reads again only the narrative files named, so when
			// the watcher may have missed some it reads everything.
			rb.request(s.saved(changed, created), lost)
			changed, lost = nil, false
			clear(created)
		}
	}
}

// saved names the files a burst of changes saved, as the user knows them.
// Many editors, and sed -i, save a file by writing a temporary file beside
// it (data/quarters/sed8hcFkG) and renaming it over the file: the
// watcher sees the temporary file made and renamed away, and the file
// itself made. A file made during the burst and gone at its end was such a
// temporary file, never part of the site, and is left out. The files that
// exist come first, then those removed, whose narrative the preview must
// drop. When nothing is left, the rebuild reads everything again, as it
// does when given no names.
func (s *Server) saved(changed []string, created map[string]bool) []string {
	var there, gone []string
	for _, rel := range changed {
		_, err := os.Lstat(filepath.Join(s.src, filepath.FromSlash(rel)))
		switch {
		case err == nil:
			there = append(there, rel)
		case created[rel] && os.IsNotExist(err):
			// a temporary file, made and renamed or deleted
		default:
			gone = append(gone, rel)
		}
	}
	return append(there, gone...)
}

// relevant says whether an event can change the build, and names its file
// relative to the site folder.
func (s *Server) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod { // touch, or a permission change
		return "", false
	}
	rel, err := filepath.Rel(s.src, ev.Name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(watched, top) {
		return "", false // in the site folder but outside the site: public/, .git/
	}
	for _, part := range strings.Split(rel, "/") {
		if ignored(part) {
			return "", false
		}
	}
	return rel, true
}

// ignored says whether a file or folder name is an editor's or a system's
// and not the site's: backups (name~), swap and lock files (.name.swp,
// .#name), Vim's write test (4913), Emacs autosaves (#name#), JetBrains'
// safe-write copies, and every hidden file, which the build skips too.
func ignored(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), // .name.swp, .#name, .DS_Store
		strings.HasSuffix(name, "~"),
		name == "4913",
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"):
		return true
	}
	return false
}
