package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
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

// Open opens a file or folder of the site. Only plain files and folders
// are opened: a named pipe, a socket or a device is refused, with a
// finding that names it, so that a build never waits for ever on a pipe
// that no program writes to. The file is opened without waiting
// (O_NONBLOCK, which plain files and folders ignore) and then its type is
// checked, so that nothing can swap a pipe in between.
func (s *Source) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := s.root.OpenFile(filepath.FromSlash(name), os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, syscall.ENOTDIR) {
			if err := s.specialFolder(name); err != nil {
				return nil, err
			}
		}
		return nil, s.explain("open", name, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrap(err)}
	}
	if msg := diag.Special(info.Mode(), "file"); msg != "" {
		f.Close()
		return nil, refuse("open", name, name, msg)
	}
	return f, nil
}

// specialFolder returns the finding about a folder above name that is a
// named pipe, a socket or a device, or nil when none is.
func (s *Source) specialFolder(name string) error {
	for i := range len(name) {
		if name[i] != '/' {
			continue
		}
		info, err := s.root.Lstat(filepath.FromSlash(name[:i]))
		if err != nil {
			return nil
		}
		if msg := diag.Special(info.Mode(), "folder"); msg != "" {
			return refuse("open", name, name[:i], msg)
		}
	}
	return nil
}

// refuse makes the error for a file the site's reader will not read: a
// finding about file, in a *fs.PathError about name, so that the build, the
// check and serve, which look for a diag.List with errors.As, list it with
// the site's other mistakes.
func refuse(op, name, file, msg string) error {
	var list diag.List
	list.Errorf(diag.Pos{File: file}, "%s", msg)
	return &fs.PathError{Op: op, Path: name, Err: list}
}

// ReadFile reads a plain file of the site, as Open opens it.
func (s *Source) ReadFile(name string) ([]byte, error) {
	f, err := s.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: unwrap(err)}
	}
	return b, nil
}

// ReadDir lists a folder of the site, sorted by name, as Open opens it.
// Listing a folder opens none of its files, so it lists a named pipe
// without waiting on it.
func (s *Source) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := s.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dir, ok := f.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not implemented")}
	}
	des, err := dir.ReadDir(-1)
	slices.SortFunc(des, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	if err != nil {
		return des, &fs.PathError{Op: "readdir", Path: name, Err: unwrap(err)}
	}
	return des, nil
}

// unwrap drops the path from an error of package os, which names the file
// by its full path: the callers name it from the site's folder.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
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
// beside it, which the loader names in a warning should it be left behind, then renamed
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
