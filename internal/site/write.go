package site

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// Put creates the file at path (slash-separated, from the site root) and
// has write fill it, through a buffer.
type Put func(path string, write func(io.Writer) error) error

// WriteWith writes a site into a fresh folder beside out, then swaps it in
// for out. produce hands each file to put, which writes it at once and may
// be called from several goroutines, so that no file need be held in
// memory whole. If anything fails (produce returns an error), out is left
// as it was and the fresh folder is removed, so a failed build never leaves
// a half-written site and no stale file from an earlier build survives.
func WriteWith(out string, produce func(Put) error) (err error) {
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		if file := fileAbove(parent); file != "" {
			return fmt.Errorf("cannot create the output folder %s: %s is a file, not a folder; choose another output folder", out, file)
		}
		return fmt.Errorf("cannot create the output folder's parent: %w", err)
	}
	if st, err := os.Stat(out); err == nil && !st.IsDir() {
		return fmt.Errorf("the output %s is a file, not a folder; remove it or choose another output folder", out)
	}
	recoverInterrupted(parent, base, out)
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return fmt.Errorf("cannot write beside the output folder: %w", err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	var mu sync.Mutex
	dirs := map[string]bool{}
	bufs := sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}
	put := func(name string, write func(io.Writer) error) error {
		if !fs.ValidPath(name) || name == "." {
			return fmt.Errorf("refusing to write %q: not a path inside the site", name)
		}
		dir := path.Dir(name)
		mu.Lock()
		made := dirs[dir]
		mu.Unlock()
		if !made {
			if err := os.MkdirAll(filepath.Join(tmp, filepath.FromSlash(dir)), 0o755); err != nil {
				return err
			}
			mu.Lock()
			dirs[dir] = true
			mu.Unlock()
		}
		f, err := os.OpenFile(filepath.Join(tmp, filepath.FromSlash(name)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		b := bufs.Get().(*bufio.Writer)
		b.Reset(f)
		err = write(b)
		if err == nil {
			err = b.Flush()
		}
		b.Reset(nil)
		bufs.Put(b)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	if err := produce(put); err != nil {
		return err
	}
	// Swap: move the old site aside, move the new one in, then delete the
	// old one. Only a crash between the two renames leaves no out folder,
	// and the old site is then still beside it.
	old := ""
	if _, err := os.Stat(out); err == nil {
		old, err = os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			return err
		}
		if err := os.Remove(old); err != nil {
			return err
		}
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("cannot replace the output folder: %w", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		return fmt.Errorf("cannot replace the output folder: %w", err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// fileAbove returns dir, or the nearest folder above it, when that is a
// file rather than a folder, or "" when none is.
func fileAbove(dir string) string {
	for {
		if st, err := os.Stat(dir); err == nil {
			if st.IsDir() {
				return ""
			}
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// recoverInterrupted tidies up after a build that was killed: a half-written
// new site is removed, and if the kill came between moving the old site
// aside and moving the new one in, the old site is put back.
func recoverInterrupted(parent, base, out string) {
	news, _ := filepath.Glob(filepath.Join(parent, "."+base+".new-*"))
	for _, n := range news {
		os.RemoveAll(n)
	}
	olds, _ := filepath.Glob(filepath.Join(parent, "."+base+".old-*"))
	for _, o := range olds {
		if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
			if os.Rename(o, out) == nil {
				continue
			}
		}
		os.RemoveAll(o)
	}
}
