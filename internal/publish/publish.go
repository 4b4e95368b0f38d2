// Package publish writes a built site into its output folder all at once
// or not at all: the files go into a fresh folder beside the output
// (a Stage), which is swapped in for the output only when every file was
// written. It holds the lock that stops two builds writing one output at
// once, the manifest that marks a folder as a build (so that a build never
// deletes a file it did not write), and the recovery from a build that was
// killed half way.
package publish

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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
	"sync"
	"syscall"
	"time"

	"scorecard/internal/digest"
	"scorecard/internal/parallel"
)

// ManifestName is the file every build writes at the root of its output:
// it marks the folder as a Scorecard build and lists the files the build
// wrote. A build replaces an output folder only when the folder is absent,
// empty, or holds a manifest and no file that it does not list, so that
// Scorecard never deletes a file it did not write. The manifest is not part
// of the site (no page links to it, and site.Result does not count it),
// but it is written like one of its files, and is the same for the same
// input.
const ManifestName = ".scorecard-build.json"

// manifestFormat is the manifest's format; it changes when a manifest's
// meaning does, and a build refuses to replace a folder whose manifest has
// a format it does not know. Format 1 listed the files by name alone;
// format 2 records what each was made from, for incremental builds.
const manifestFormat = 2

// manifest is what ManifestName holds. It has no time, nor anything else
// that changes between builds of the same input: each file's record says
// what it holds (its SHA-256 and size) and what it was made from (the sum
// of its inputs, which the build works out: see Stage.Reuse).
type manifest struct {
	Generator string            `json:"generator"`        // always "Scorecard"
	Format    int               `json:"format"`           // manifestFormat
	Inputs    map[string]string `json:"inputs,omitempty"` // the build's inputs and their sums (SetInputs)
	Files     []Made            `json:"files"`            // every file the build wrote but this one, sorted by path
}

// Made is the record of one file a build wrote.
type Made struct {
	Path   string `json:"path"`           // slash-separated, from the site root
	From   string `json:"from,omitempty"` // the sum of its inputs; "" when not known, and then never reused
	SHA256 string `json:"sha256"`         // of its bytes, in hexadecimal
	Size   int64  `json:"size"`
}

// readManifest parses a manifest of any format this version knows, or a
// newer one as far as its generator and format.
func readManifest(data []byte) (manifest, error) {
	var m struct {
		Generator string            `json:"generator"`
		Format    int               `json:"format"`
		Inputs    map[string]string `json:"inputs"`
		Files     json.RawMessage   `json:"files"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return manifest{}, err
	}
	out := manifest{Generator: m.Generator, Format: m.Format, Inputs: m.Inputs}
	switch m.Format {
	case 1:
		var names []string
		if err := json.Unmarshal(m.Files, &names); err != nil {
			return manifest{}, err
		}
		for _, n := range names {
			out.Files = append(out.Files, Made{Path: n})
		}
	case manifestFormat:
		if err := json.Unmarshal(m.Files, &out.Files); err != nil {
			return manifest{}, err
		}
	}
	return out, nil
}

// encode writes the manifest as JSON with one file to a line, so that two
// builds' manifests compare well in a diff.
func (m manifest) encode() ([]byte, error) {
	var b bytes.Buffer
	head, err := json.Marshal(struct {
		Generator string            `json:"generator"`
		Format    int               `json:"format"`
		Inputs    map[string]string `json:"inputs,omitempty"`
	}{m.Generator, m.Format, m.Inputs})
	if err != nil {
		return nil, err
	}
	b.Write(head[:len(head)-1])
	b.WriteString(`,"files":[`)
	for i, f := range m.Files {
		line, err := json.Marshal(f)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n")
		b.Write(line)
	}
	b.WriteString("\n]}\n")
	return b.Bytes(), nil
}

// Hooks, replaced by tests to make faults that running as root cannot:
// removeAll deletes the old site once the new one is in place, and
// canChange reports whether the entries of a folder may be deleted.
var (
	removeAll = removeTree
	canChange = func(dir string) error { return syscall.Access(dir, 0x2|0x1) } // W_OK|X_OK
)

// removeTree deletes dir and everything in it, as os.RemoveAll does, each
// of its entries in parallel: after an incremental build, unlinking the
// old site's files is most of what is left to do (9,581 files, 0.2 s on
// one processor, at 2,000 measures). It returns the first error, having
// gone on with the rest.
func removeTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	errs := make([]error, len(entries))
	parallel.Each(len(entries), func(i int) {
		errs[i] = os.RemoveAll(filepath.Join(dir, entries[i].Name()))
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return os.RemoveAll(dir)
}

// Stage is a fresh folder beside an output folder, into which a site is
// written (Put, which may be called from several goroutines, writes each
// file at once, so that no file need be held in memory whole) and which
// Commit then swaps in for the output. Discard, or a failed Commit,
// leaves the output as it was and removes the fresh folder, so a failed
// build never leaves a half-written site and no stale file from an
// earlier build survives.
//
// The output is replaced only when it is absent, empty, or an earlier
// build that holds nothing but what that build wrote (see ManifestName);
// otherwise Start or Commit refuses, naming what is in it. When the output
// is a symbolic link (or lies below one) the folder it leads to is the one
// replaced, and the link is kept. A lock file beside the output
// (.NAME.lock, removed when the stage ends) stops two builds writing the
// same output at once.
type Stage struct {
	real, shown string // the output, with every link followed; as messages show it
	parent      string
	tmp         string // the fresh folder
	unlock      func()
	done        bool

	// prev is the earlier build's record of each file, by path, when the
	// output holds a build whose manifest says what each file was made
	// from; prevTime is that manifest's modification time: a file changed
	// after it was written is never reused.
	prev       map[string]Made
	prevTime   time.Time
	prevInputs map[string]string // the earlier build's inputs, as SetInputs gave them
	seen       seenManifest      // the manifest as Start read it
	inputs     map[string]string

	mu     sync.Mutex
	dirs   map[string]bool
	made   []Made
	reused int
}

// paths lists the files the manifest records.
func (m manifest) paths() []string {
	out := make([]string, len(m.Files))
	for i, f := range m.Files {
		out[i] = f.Path
	}
	return out
}

// bufs are the buffers files are written through.
var bufs = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

// Start takes the lock on the output folder out, tidies what a killed
// build left beside it, checks that out may be replaced, and makes the
// fresh folder beside it.
func Start(out string) (*Stage, error) {
	real, err := Resolve(out) // before cleaning: a ".." after a link leaves the link's target
	if err != nil {
		return nil, err
	}
	out = filepath.Clean(out)
	shown := out
	if info, err := os.Lstat(out); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		shown = fmt.Sprintf("%s (a link to %s)", out, real)
	}
	parent, base := filepath.Dir(real), filepath.Base(real)
	if parent == real {
		return nil, fmt.Errorf("the output folder %s is the top folder of the disk; every build replaces its output folder, so choose a folder of its own, such as public", out)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		if file := fileAbove(parent); file != "" {
			return nil, fmt.Errorf("cannot create the output folder %s: %s is a file, not a folder; choose another output folder", out, file)
		}
		return nil, fmt.Errorf("cannot create the output folder's parent: %w", err)
	}
	if st, err := os.Stat(real); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("the output %s is a file, not a folder; remove it or choose another output folder", shown)
	}
	unlock, err := lockOut(parent, base, shown)
	if err != nil {
		return nil, err
	}
	s := &Stage{real: real, shown: shown, parent: parent, unlock: unlock, dirs: map[string]bool{}}
	if err := s.start(base); err != nil {
		s.Discard()
		return nil, err
	}
	return s, nil
}

// start does the part of Start done while holding the lock.
func (s *Stage) start(base string) error {
	// Only now, holding the lock, may what an earlier build left be
	// tidied: another build's fresh folder is never taken for a leftover.
	if err := recoverInterrupted(s.parent, base, s.real); err != nil {
		return err
	}
	seen, err := inspect(s.real, s.shown, seenManifest{})
	if err != nil {
		return err
	}
	s.seen = seen
	if m := seen.m; m.Format == manifestFormat {
		s.prevTime = seen.info.ModTime()
		s.prevInputs = m.Inputs
		s.prev = make(map[string]Made, len(m.Files))
		for _, f := range m.Files {
			s.prev[f.Path] = f
		}
	}
	tmp, err := os.MkdirTemp(s.parent, "."+base+".new-")
	if err != nil {
		return fmt.Errorf("cannot write beside the output folder: %w", err)
	}
	s.tmp = tmp
	return os.Chmod(tmp, 0o755)
}

// Put creates the file at name (slash-separated, from the site root) in
// the fresh folder and has write fill it, through a buffer. It is PutFrom
// with no sum of inputs: the file is never reused by a later build.
func (s *Stage) Put(name string, write func(io.Writer) error) error {
	return s.PutFrom(name, digest.Sum{}, write)
}

// PutFrom creates the file at name in the fresh folder and has write fill
// it, recording from, the sum of what it was made from, so that a later
// build may take it as it is (Reuse). When the bytes written are those the
// earlier build wrote at name, the earlier file is taken instead, so that
// a file whose bytes did not change keeps its modification time (and a
// copy to a web server or a bucket by rsync skips it).
func (s *Stage) PutFrom(name string, from digest.Sum, write func(io.Writer) error) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("refusing to write %q: not a path inside the site", name)
	}
	if name == ManifestName {
		return fmt.Errorf("refusing to write %q: Scorecard keeps that name for the list of the files it wrote", name)
	}
	if err := s.dir(name); err != nil {
		return err
	}
	dst := filepath.Join(s.tmp, filepath.FromSlash(name))
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	h := sha256.New()
	n := &counter{w: io.MultiWriter(f, h)}
	b := bufs.Get().(*bufio.Writer)
	b.Reset(n)
	err = write(b)
	if err == nil {
		err = b.Flush()
	}
	b.Reset(nil)
	bufs.Put(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	made := Made{Path: name, SHA256: hex.EncodeToString(h.Sum(nil)), Size: n.n}
	if !from.IsZero() {
		made.From = from.String()
	}
	if p, ok := s.prev[name]; ok && p.SHA256 == made.SHA256 && p.Size == made.Size && s.unchanged(p) {
		// The same bytes as before: keep the earlier file, and its time.
		if os.Remove(dst) == nil {
			if err := s.take(name, dst); err != nil {
				return err
			}
		}
	}
	s.mu.Lock()
	s.made = append(s.made, made)
	s.mu.Unlock()
	return nil
}

// Reuse takes the file at name from the earlier build into the fresh
// folder, as it is, when that build made it from the same inputs (from,
// as PutFrom was given it then) and the file is still as that build wrote
// it: the same size, not modified since. It links the file where the file
// system allows (so nothing is copied, and the file keeps its
// modification time), and copies it otherwise. It reports whether it
// took the file, and its size; when it did not, the caller makes the file
// with PutFrom.
func (s *Stage) Reuse(name string, from digest.Sum) (size int64, ok bool, err error) {
	p, ok := s.prev[name]
	if !ok || from.IsZero() || p.From != from.String() || !s.unchanged(p) {
		return 0, false, nil
	}
	if !fs.ValidPath(name) || name == "." || name == ManifestName {
		return 0, false, nil
	}
	if err := s.dir(name); err != nil {
		return 0, false, err
	}
	if err := s.take(name, filepath.Join(s.tmp, filepath.FromSlash(name))); err != nil {
		return 0, false, err
	}
	s.mu.Lock()
	s.made = append(s.made, p)
	s.reused++
	s.mu.Unlock()
	return p.Size, true, nil
}

// Reused counts the files taken from the earlier build by Reuse.
func (s *Stage) Reused() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reused
}

// SetInputs records the build's inputs and their sums in the manifest,
// for a reader who wants to know what the site was made from (its
// version of Scorecard, its source files). It returns the names of those
// that changed since the earlier build (added, changed or gone), sorted,
// or nil when the output holds no earlier build that recorded its inputs.
func (s *Stage) SetInputs(inputs map[string]string) (changed []string) {
	s.inputs = inputs
	if s.prevInputs == nil {
		return nil
	}
	for name, sum := range inputs {
		if s.prevInputs[name] != sum {
			changed = append(changed, name)
		}
	}
	for name := range s.prevInputs {
		if _, ok := inputs[name]; !ok {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	return changed
}

// unchanged reports whether the earlier build's file p is still as that
// build wrote it: a plain file of its size, not modified after the
// manifest was written (every file of a build is written before it).
func (s *Stage) unchanged(p Made) bool {
	info, err := os.Lstat(filepath.Join(s.real, filepath.FromSlash(p.Path)))
	return err == nil && info.Mode().IsRegular() && info.Size() == p.Size && !info.ModTime().After(s.prevTime)
}

// take puts the earlier build's file at name in the fresh folder at dst:
// a hard link, or a copy with the same modification time where links
// cannot be made (another file system, or one without them).
func (s *Stage) take(name, dst string) error {
	src := filepath.Join(s.real, filepath.FromSlash(name))
	if link(src, dst) == nil {
		return nil
	}
	return copyFile(src, dst)
}

// link makes a hard link; a hook, so that tests can make links fail.
var link = os.Link

// copyFile copies src to dst, a new file, keeping src's modification time.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Chtimes(dst, info.ModTime(), info.ModTime())
}

// dir makes the folder of the file at name in the fresh folder, once.
func (s *Stage) dir(name string) error {
	dir := path.Dir(name)
	s.mu.Lock()
	made := s.dirs[dir]
	s.mu.Unlock()
	if made {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(s.tmp, filepath.FromSlash(dir)), 0o755); err != nil {
		return err
	}
	s.mu.Lock()
	s.dirs[dir] = true
	s.mu.Unlock()
	return nil
}

// counter counts the bytes written through it.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Discard ends the stage without swapping it in: the fresh folder is
// removed and the lock let go. It does nothing once the stage has ended,
// so it may be deferred.
func (s *Stage) Discard() {
	if s.done {
		return
	}
	s.done = true
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
	s.unlock()
}

// Commit writes the manifest, swaps the fresh folder in for the output,
// deletes the old site and lets go of the lock. When it fails before the
// swap, the output is as it was; the one failure after which the output
// has changed is an *OldSiteLeft.
func (s *Stage) Commit() (err error) {
	if s.done {
		return errors.New("the build has ended already")
	}
	defer func() {
		if err != nil {
			os.RemoveAll(s.tmp)
		}
		s.done = true
		s.unlock()
	}()
	real, shown, parent, tmp := s.real, s.shown, s.parent, s.tmp
	base := filepath.Base(real)
	slices.SortFunc(s.made, func(a, b Made) int { return strings.Compare(a.Path, b.Path) })
	data, err := manifest{Generator: "Scorecard", Format: manifestFormat, Inputs: s.inputs, Files: s.made}.encode()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, ManifestName), data, 0o644); err != nil {
		return err
	}
	// Look again: a file may have been put in the output while the site
	// was rendered.
	seen, err := inspect(real, shown, s.seen)
	if err != nil {
		return err
	}
	prev := seen.m.paths()
	// Swap: move the old site aside, move the new one in, then delete the
	// old one. Only a crash between the two renames leaves no out folder,
	// and the old site is then still beside it.
	old := ""
	if _, err := os.Stat(real); err == nil {
		old, err = os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			return err
		}
		if err := os.Remove(old); err != nil {
			return err
		}
		if err := os.Rename(real, old); err != nil {
			return fmt.Errorf("cannot replace the output folder: %w", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, real); err != nil {
		if old != "" {
			os.Rename(old, real)
		}
		return fmt.Errorf("cannot replace the output folder: %w", err)
	}
	if old == "" {
		return nil
	}
	rmErr := removeAll(old)
	if rmErr == nil {
		return nil
	}
	// The new site is in place, but the old one could not be deleted. If
	// none of it was, put it back, so that the last good site is as it
	// was; if some was, the new site stays, and the rest of the old one
	// must be deleted by hand.
	if intact(old, prev) && os.Rename(real, tmp) == nil {
		if os.Rename(old, real) == nil {
			return fmt.Errorf("cannot delete the old site in %s to put the new one in its place (%v), so the old site was put back as it was; make the folder and everything in it writable by the user who runs the build (or delete it as the user who owns it), then build again", shown, rmErr)
		}
		os.Rename(tmp, real)
	}
	return &OldSiteLeft{fmt.Sprintf("the new site is in %s, but the old one, moved aside to %s, could not be deleted (%v); it lies beside the site, where a web server might show it, so delete it yourself (as the user who owns it)", shown, old, rmErr)}
}

// OldSiteLeft is the one failure of a build after which the output folder
// has changed: the new site is in place, but part of the old one is left
// beside it.
type OldSiteLeft struct{ msg string }

func (e *OldSiteLeft) Error() string { return e.msg }

// intact reports whether dir still holds every file listed in files.
func intact(dir string, files []string) bool {
	if _, err := os.Lstat(dir); err != nil {
		return false
	}
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			return false
		}
	}
	return true
}

// inspect checks that the build may replace the output folder dir (shown
// as shown in messages): it is absent, empty, or holds a manifest and no
// file that the manifest does not list, and every folder in it can be
// changed, so that the old site can be deleted once the new one is in its
// place. It returns the manifest as read (the zero manifest for an absent
// or empty folder); a manifest seen before, unchanged, is not read again.
func inspect(dir, shown string, seen seenManifest) (seenManifest, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return seenManifest{}, nil
	}
	if err != nil {
		return seenManifest{}, fmt.Errorf("cannot read the output folder %s: %v; the build needs to read it to be sure it replaces only an earlier build", shown, err)
	}
	if len(entries) == 0 {
		return seenManifest{}, nil
	}
	data, info, err := readUnlessSeen(filepath.Join(dir, ManifestName), seen)
	if errors.Is(err, fs.ErrNotExist) {
		if looksBuilt(dir) {
			return seenManifest{}, fmt.Errorf("the output folder %s looks like a Scorecard build but lacks the %s file that marks one (versions of Scorecard before it were added did not write it); Scorecard replaces its output folder whole and deletes nothing it did not write, so check that nothing else in %s is needed, delete the folder yourself this once, and build again: later builds will replace it themselves", shown, ManifestName, shown)
		}
		return seenManifest{}, fmt.Errorf("the output folder %s holds files Scorecard did not write (%s); Scorecard replaces its output folder whole and deletes nothing it did not write, so choose an empty or new folder, or move those files out of %s yourself", shown, listEntries(entries), shown)
	}
	if err != nil {
		return seenManifest{}, fmt.Errorf("cannot read %s in the output folder %s: %v", ManifestName, shown, err)
	}
	m := seen.m
	if data != nil {
		m, err = readManifest(data)
	}
	if err != nil || m.Generator != "Scorecard" || m.Format < 1 {
		return seenManifest{}, fmt.Errorf("the output folder %s holds a %s file that Scorecard did not write; Scorecard replaces its output folder whole and deletes nothing it did not write, so choose an empty or new folder, or empty %s yourself", shown, ManifestName, shown)
	}
	if m.Format > manifestFormat {
		return seenManifest{}, fmt.Errorf("the output folder %s was built by a newer version of Scorecard (its %s has format %d; this version knows format %d); build with that version, or delete the folder yourself and build again", shown, ManifestName, m.Format, manifestFormat)
	}
	listed := make(map[string]bool, len(m.Files))
	for _, f := range m.Files {
		listed[f.Path] = true
	}
	var foreign []string
	var locked string
	var lockErr error
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if locked == "" {
				if err := canChange(p); err != nil {
					locked, lockErr = p, err
				}
			}
			return nil
		}
		if rel == ManifestName || (d.Type().IsRegular() && listed[rel]) {
			return nil
		}
		foreign = append(foreign, rel)
		return nil
	})
	if err != nil {
		return seenManifest{}, fmt.Errorf("cannot read the output folder %s: %v; the build needs to read it to be sure it replaces only an earlier build", shown, err)
	}
	if len(foreign) > 0 {
		return seenManifest{}, fmt.Errorf("the output folder %s holds %s that no Scorecard build wrote (%s); Scorecard replaces its output folder whole and deletes nothing it did not write, so move %s out of %s yourself (a file meant for the site belongs in the site's static/ folder, which every build copies in), then build again", shown, plural(len(foreign), "a file", "files"), listNames(foreign), plural(len(foreign), "it", "them"), shown)
	}
	if locked != "" {
		return seenManifest{}, fmt.Errorf("cannot replace the output folder %s: the build cannot delete the old site in it, because %s cannot be changed by this user (%v); make %s and everything in it writable by the user who runs the build (or delete it as the user who owns it), then build again; nothing was changed", shown, locked, errText(lockErr), shown)
	}
	return seenManifest{info, m}, nil
}

// seenManifest is a manifest as read, and its file's information then.
type seenManifest struct {
	info fs.FileInfo
	m    manifest
}

// readUnlessSeen reads the manifest file name, unless it is the file seen
// read before, unchanged: then it returns no bytes, and the manifest is
// seen's. The one read before the swap saves reading and decoding a large
// site's manifest a second time.
func readUnlessSeen(name string, seen seenManifest) ([]byte, fs.FileInfo, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, nil, err
	}
	if old := seen.info; old != nil && os.SameFile(info, old) && info.Size() == old.Size() && info.ModTime().Equal(old.ModTime()) && info.Mode() == old.Mode() {
		return nil, info, nil
	}
	data, err := os.ReadFile(name)
	return data, info, err
}

// errText is err's plain words, without the path an *fs.PathError adds.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// listEntries names the first few of a folder's entries, folders with a
// slash, and counts the rest.
func listEntries(entries []fs.DirEntry) string {
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
		if e.IsDir() {
			names[i] += "/"
		}
	}
	return listNames(names)
}

// listNames names the first three of names and counts the rest.
func listNames(names []string) string {
	const shown = 3
	if len(names) <= shown {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:shown], ", "), len(names)-shown)
}

// looksBuilt reports whether dir looks like a site built by a Scorecard
// from before builds wrote a manifest.
func looksBuilt(dir string) bool {
	for _, f := range []string{"index.html", "404.html", "assets/search-index.js"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || !st.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// lockOut takes the lock that stops two builds writing the output folder
// base, in parent, at once: an flock on the file .BASE.lock beside it,
// which holds the process id of the build that holds it. The kernel lets
// go of the lock when the process ends, however it ends, so a killed build
// leaves no lock behind. unlock removes the file, then lets go.
func lockOut(parent, base, shown string) (unlock func(), err error) {
	name := filepath.Join(parent, "."+base+".lock")
	for range 100 {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("cannot write beside the output folder %s: %v; each build writes its new site beside the old one and swaps it in, so give the user who runs the build write permission on %s, or choose another output folder", shown, err, parent)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			if errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EOPNOTSUPP) {
				// A file system that cannot lock (some network ones):
				// build without the lock rather than not at all.
				f.Close()
				return func() {}, nil
			}
			holder, _ := io.ReadAll(io.LimitReader(f, 32))
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				who := ""
				if pid, err := strconv.Atoi(strings.TrimSpace(string(holder))); err == nil && pid > 0 {
					who = fmt.Sprintf(" (process %d)", pid)
				}
				return nil, fmt.Errorf("another scorecard build is writing %s%s; wait for it to finish, then build again", shown, who)
			}
			return nil, fmt.Errorf("cannot lock %s, which stops two builds writing %s at once: %v", name, shown, err)
		}
		// The lock is held, but the file may have been removed by the
		// build that held it before, and another made: if so, try again
		// with the one now in place.
		held, err1 := f.Stat()
		now, err2 := os.Stat(name)
		if err1 != nil || err2 != nil || !os.SameFile(held, now) {
			f.Close()
			continue
		}
		f.Truncate(0)
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		return func() {
			os.Remove(name)
			f.Close()
		}, nil
	}
	return nil, fmt.Errorf("cannot lock %s, which stops two builds writing %s at once: other builds keep replacing it; wait for them to finish, then build again", name, shown)
}

// Resolve returns the output folder out as an absolute path with every
// symbolic link in it followed, as writing to it would follow them: the
// part that exists is resolved, and the rest, which does not exist yet and
// so holds no link, added to it. Every check of the output is made on this
// path, and the build writes to it.
func Resolve(out string) (string, error) {
	p := out
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		p = wd + string(filepath.Separator) + p
	}
	real, err := realPath(p)
	if err == nil {
		return real, nil
	}
	var dl *danglingLink
	switch {
	case errors.As(err, &dl) && dl.path == filepath.Clean(p):
		return "", fmt.Errorf("the output folder %s is a symbolic link to %s, which does not exist; create that folder (an empty one will do) or point the link at a folder that exists, then build again", out, dl.target)
	case errors.As(err, &dl):
		return "", fmt.Errorf("the output folder %s is inside %s, a symbolic link to %s, which does not exist; create that folder or correct the link, then build again", out, dl.link, dl.target)
	case errors.Is(err, syscall.ENOTDIR):
		if file := fileAbove(filepath.Dir(out)); file != "" {
			return "", fmt.Errorf("cannot create the output folder %s: %s is a file, not a folder; choose another output folder", out, file)
		}
	case errors.Is(err, syscall.ELOOP):
		return "", fmt.Errorf("cannot reach the output folder %s: the symbolic links on the way to it lead round in a loop; correct them or choose another output folder", out)
	}
	return "", fmt.Errorf("cannot reach the output folder %s: %v", out, errText(err))
}

// danglingLink is a symbolic link, at path link, whose target does not
// exist: writing through it would replace the link.
type danglingLink struct {
	path, link, target string
}

func (d *danglingLink) Error() string {
	return fmt.Sprintf("%s is a symbolic link to %s, which does not exist", d.link, d.target)
}

// realPath resolves the absolute path p, which is not cleaned first, since
// a ".." after a symbolic link leads out of the link's target, not back
// past the link.
func realPath(p string) (string, error) {
	real, err := filepath.EvalSymlinks(p)
	if err == nil {
		return filepath.Abs(real)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	trimmed := strings.TrimRight(p, string(filepath.Separator))
	i := strings.LastIndexByte(trimmed, filepath.Separator)
	if i < 0 {
		return "", err
	}
	dir, name := trimmed[:i], trimmed[i+1:]
	if dir == "" {
		dir = string(filepath.Separator)
	}
	realDir, err := realPath(dir)
	if err != nil {
		return "", err
	}
	switch name {
	case "", ".":
		return realDir, nil
	case "..":
		return filepath.Dir(realDir), nil
	}
	full := filepath.Join(realDir, name)
	if info, err := os.Lstat(full); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(full)
		return "", &danglingLink{path: filepath.Clean(p), link: full, target: target}
	}
	return full, nil
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
// aside and moving the new one in, the old site is put back. It must be
// called only while holding the output's lock, or it could delete the
// fresh folder of a build still running.
func recoverInterrupted(parent, base, out string) error {
	news, _ := filepath.Glob(filepath.Join(parent, "."+base+".new-*"))
	for _, n := range news {
		if err := os.RemoveAll(n); err != nil {
			return fmt.Errorf("cannot delete %s, left half-written by an earlier build that was stopped: %v; delete it yourself (as the user who owns it), then build again", n, errText(err))
		}
	}
	olds, _ := filepath.Glob(filepath.Join(parent, "."+base+".old-*"))
	for _, o := range olds {
		if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
			if os.Rename(o, out) == nil {
				continue
			}
		}
		if err := removeAll(o); err != nil {
			return fmt.Errorf("cannot delete %s, an old site left beside %s by an earlier build: %v; it lies where a web server might show it, so delete it yourself (as the user who owns it), then build again", o, out, errText(err))
		}
	}
	return nil
}
