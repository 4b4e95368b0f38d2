package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// Write writes files into a fresh folder beside out, then swaps it in for
// out. If anything fails, out is left as it was and the fresh folder is
// removed, so a failed build never leaves a half-written site and no stale
// file from an earlier build survives.
func Write(out string, files []File) error {
	return WriteWith(out, func(put func(File) error) error {
		for _, f := range files {
			if err := put(f); err != nil {
				return err
			}
		}
		return nil
	})
}

// WriteWith is Write for files made on the fly: produce hands each file to
// put, which writes it at once and may be called from several goroutines.
// When produce returns an error, nothing is swapped in.
func WriteWith(out string, produce func(put func(File) error) error) (err error) {
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
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
	put := func(f File) error {
		if !fs.ValidPath(f.Path) || f.Path == "." {
			return fmt.Errorf("refusing to write %q: not a path inside the site", f.Path)
		}
		dir := path.Dir(f.Path)
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
		return os.WriteFile(filepath.Join(tmp, filepath.FromSlash(f.Path)), f.Data, 0o644)
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
