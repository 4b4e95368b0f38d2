package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"syscall"

	"scorecard/internal/diag"
)

// Source is a site folder opened for reading, through an os.Root:
// everything read through it stays inside the folder. A symbolic link may
// lead to another file of the site, but one that leads out of it is
// refused, with a finding that names the link, so that nothing from
// elsewhere on the computer is published by mistake. Build, check and
// serve read the site through a Source; close it when done.
type Source struct {
	root *os.Root
	fsys fs.FS
}

// Open opens the site folder src.
func Open(src string) (*Source, error) {
	root, err := os.OpenRoot(src)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot open the site folder %s: %v; give the folder holding data/ and content/", src, err)
	}
	return &Source{root: root, fsys: root.FS()}, nil
}

// Close closes the folder; nothing can be read through s afterwards.
func (s *Source) Close() error { return s.root.Close() }

func (s *Source) Open(name string) (fs.File, error) {
	f, err := s.fsys.Open(name)
	return f, s.explain("open", name, err)
}

func (s *Source) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(s.fsys, name)
	return b, s.explain("read", name, err)
}

func (s *Source) ReadDir(name string) ([]fs.DirEntry, error) {
	des, err := fs.ReadDir(s.fsys, name)
	return des, s.explain("readdir", name, err)
}

func (s *Source) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(s.fsys, name)
	return info, s.explain("stat", name, err)
}

// Lstat and ReadLink let the loader see symbolic links (fs.Lstat).
func (s *Source) Lstat(name string) (fs.FileInfo, error) {
	info, err := fs.Lstat(s.fsys, name)
	return info, s.explain("lstat", name, err)
}

func (s *Source) ReadLink(name string) (string, error) {
	target, err := fs.ReadLink(s.fsys, name)
	return target, s.explain("readlink", name, err)
}

// explain turns the error os.Root gives for a path that a symbolic link
// takes out of the site ("path escapes from parent") into a finding about
// the link. os does not export that error, so it is recognised as a
// failure, other than a missing file, a permission or a loop of links, on
// a path that goes through a link. The finding is a diag.List inside the
// *fs.PathError, so that the build, the check and serve, which look for
// one with errors.As, list it with the site's other mistakes.
func (s *Source) explain(op, name string, err error) error {
	if err == nil || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) ||
		errors.Is(err, fs.ErrInvalid) || errors.Is(err, syscall.ELOOP) {
		return err
	}
	link := s.link(name)
	if link == "" {
		return err
	}
	what := "file"
	if info, err := os.Stat(filepath.Join(s.root.Name(), filepath.FromSlash(link))); err == nil && info.IsDir() {
		what = "folder"
	}
	var list diag.List
	list.Errorf(diag.Pos{File: link}, "this is a symbolic link that points outside the site, and Scorecard reads only the files in the site's folder, so that nothing from elsewhere on the computer is published by mistake; copy the %s into the site instead of linking to it (a link may lead only to another file of the site, by a relative path)", what)
	return &fs.PathError{Op: op, Path: name, Err: list}
}

// link returns name, or the folder above it, that is a symbolic link, or
// "" when none is.
func (s *Source) link(name string) string {
	for i := range len(name) + 1 {
		if i < len(name) && name[i] != '/' {
			continue
		}
		p := name[:i]
		info, err := s.root.Lstat(filepath.FromSlash(p))
		if err != nil {
			return ""
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return p
		}
	}
	return ""
}

var (
	_ fs.ReadFileFS = (*Source)(nil)
	_ fs.ReadDirFS  = (*Source)(nil)
	_ fs.StatFS     = (*Source)(nil)
	_ fs.ReadLinkFS = (*Source)(nil)
)

// WriteFile writes data to the file name (slash-separated, from the site
// folder) all at once, making the folders it needs: into a hidden file
// beside it, which the loader skips should it be left behind, then renamed
// over it. It writes through the site's os.Root, so that no symbolic link
// can send the file out of the site. scorecard new and import write with it.
func (s *Source) WriteFile(name string, data []byte) error {
	dir, base := path.Split(name)
	if dir != "" {
		if err := s.root.MkdirAll(filepath.FromSlash(dir), 0o755); err != nil {
			return s.explain("mkdir", name, err)
		}
	}
	var tmp string
	var f *os.File
	for i := 0; ; i++ {
		tmp = filepath.FromSlash(dir + "." + base + ".new-" + strconv.Itoa(os.Getpid()) + "-" + strconv.Itoa(i))
		var err error
		f, err = s.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || i > 100 {
			return s.explain("open", name, err)
		}
	}
	defer s.root.Remove(tmp) // fails harmlessly once renamed
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return s.explain("rename", name, s.root.Rename(tmp, filepath.FromSlash(name)))
}
