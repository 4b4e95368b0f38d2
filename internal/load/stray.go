package load

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"scorecard/internal/diag"
	"scorecard/internal/record"
	"scorecard/internal/report"
)

// Nothing in the site's data/, content/ and layouts/ folders is ignored
// without a word. Scorecard reads:
//
//	data/site.yaml, data/measures.yaml, data/quarters/YYYY-YY-qN.yaml
//	data/published/YYYY-YY-qN.yaml (the record: published.go)
//	content/_about.md, content/YYYY-YY-qN/_index.md and .../THEME.md
//	layouts/NAME, for each built-in template's NAME
//
// and copies everything in static/. Anything else in data/quarters/ or
// content/ is an error, reported where those folders are read (quarter.go,
// content.go); anything else in data/ itself or in layouts/ is a warning,
// reported here, that names the file and says what belongs there. Three
// kinds of file are left alone everywhere, as nobody puts them there on
// purpose: the computer's own (.DS_Store, Thumbs.db), version control's
// (.gitkeep), and an editor's while it has a file open (.homes.md.swp,
// .#homes.md). Backups (homes.md~, homes.md.bak) and other hidden files
// (.homes.md) are warned about, as they may be a file saved under the
// wrong name.
//
// Nothing is read to find this out but the folders' listings, and the
// first few KB of a YAML file in data/ whose name does not say what it is,
// to see whether it is a quarter's data file saved in the wrong place.

// peekSize is how much of a stray YAML file in data/ is read to see
// whether it holds a quarter's figures.
const peekSize = 4 << 10

// A leftover is a file that Scorecard skips wherever it is.
type leftover uint8

const (
	notLeftover    leftover = iota
	quietLeftover           // the computer's, version control's or an open editor's: skipped without a word
	backupLeftover          // an editor's backup or a temporary copy: warned about
	hiddenLeftover          // any other name starting with a dot: warned about
	writeLeftover           // what scorecard new or import left behind when interrupted: warned about
)

// quietNames are files the computer or version control puts in folders,
// compared in lower case.
var quietNames = map[string]bool{
	".ds_store": true, ".localized": true, ".directory": true, "icon\r": true,
	"thumbs.db": true, "ehthumbs.db": true, "desktop.ini": true,
	".gitkeep": true, ".keep": true, ".gitignore": true, ".gitattributes": true,
	".git": true, ".svn": true, ".hg": true,
}

var (
	vimSwap    = regexp.MustCompile(`^\..*\.sw[a-p]$`)
	writeTemp  = regexp.MustCompile(`^\..+\.new-[0-9]+-[0-9]+$`) // site.Source.WriteFile's
	backupExts = []string{".bak", ".orig", ".old", ".backup", ".tmp"}
)

// classify says whether a file or folder named name is one Scorecard skips
// wherever it is, and how.
func classify(name string) leftover {
	lower := strings.ToLower(name)
	switch {
	case quietNames[lower],
		// macOS's copy of a file's attributes; a network drive's file
		// deleted while open
		strings.HasPrefix(name, "._"), strings.HasPrefix(name, ".nfs"),
		// editors' while a file is open: Vim's swap file and its test
		// that it may write in a folder, Emacs's lock and autosave,
		// LibreOffice's and Microsoft Office's locks, JetBrains' copies
		vimSwap.MatchString(lower), name == "4913",
		strings.HasPrefix(name, ".#"), len(name) > 2 && name[0] == '#' && name[len(name)-1] == '#',
		strings.HasPrefix(name, ".~lock."), strings.HasPrefix(name, "~$"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"):
		return quietLeftover
	case writeTemp.MatchString(name):
		return writeLeftover
	case strings.HasSuffix(name, "~"):
		return backupLeftover
	case strings.HasPrefix(name, "."):
		return hiddenLeftover
	}
	for _, ext := range backupExts {
		if strings.HasSuffix(lower, ext) {
			return backupLeftover
		}
	}
	return notLeftover
}

// skipped reports whether the entry e, at name in the site, is one that
// Scorecard skips wherever it is, and warns about it when it is not one
// skipped without a word.
func (l *loader) skipped(name string, e fs.DirEntry) bool {
	what := "file"
	if e.IsDir() {
		what = "folder"
	}
	switch classify(e.Name()) {
	case notLeftover:
		return false
	case backupLeftover:
		l.errs.Warnf(diag.Pos{File: name}, "this looks like an editor's backup or a spare copy, and Scorecard does not read it; delete it, or move it out of the site's folder if you want to keep it")
	case hiddenLeftover:
		l.errs.Warnf(diag.Pos{File: name}, "this is a hidden %s (its name starts with a dot), and Scorecard does not read it; if it should be read, take the dot off its name, otherwise delete it or move it out of the site's folder", what)
	case writeLeftover:
		l.errs.Warnf(diag.Pos{File: name}, "this is a file that scorecard new or import was writing when it was stopped, and Scorecard does not read it; delete it")
	}
	return true
}

// stray warns about every file in data/ and layouts/ that Scorecard does
// not read.
func (l *loader) stray() {
	l.strayData()
	l.strayLayouts()
}

// templateNames are the names of the built-in templates, which a file of
// the same name in layouts/ replaces: render.TemplateNames, which this
// package cannot import, as render's tests import it (a test checks that
// the two lists agree).
var templateNames = []string{"base.html", "scorecard.html", "summary.html", "chart.html", "home.html", "theme.html", "measure.html", "data.html",
	"measures.html", "about.html", "accessibility.html", "search.html", "404.html", "print.html", "embed.html",
	"releases.html", "codeofpractice.html", "corrections.html"}

// knownData are the files and folders Scorecard reads in data/: each is
// checked where it is read.
var knownData = []string{path.Base(siteFile), path.Base(catalogueFile), path.Base(quartersDir)}

func (l *loader) strayData() {
	entries, ok := l.list("data")
	if !ok {
		return
	}
	known := []string{knownData[0], knownData[1], path.Base(l.editionDir()), path.Base(record.Dir)}
	for _, e := range entries {
		name := path.Join("data", e.Name())
		if isKnown(e.Name(), known) || l.skipped(name, e) {
			continue
		}
		if isKnown(e.Name(), report.EditionFolders()) && e.IsDir() {
			ex := l.exampleEdition()
			l.errs.Warnf(diag.Pos{File: name}, "the site publishes %s editions (editions: in %s), read from %s, so Scorecard does not read this folder; move its files there, named for each %s such as %s.yaml, or set editions: to what the report publishes", ex.Adverb(), siteFile, l.editionDir(), l.editionKey(), ex.Slug())
			continue
		}
		l.errs.Warnf(diag.Pos{File: name}, "%s", l.strayDataMessage(name, e))
	}
}

// list lists the folder dir when it is a plain folder, and says nothing
// when it is not: missing, a link or a special file, each reported where
// the folder is read, if it is needed.
func (l *loader) list(dir string) ([]fs.DirEntry, bool) {
	info, err := fs.Lstat(l.fsys, dir)
	if err != nil || !info.IsDir() {
		return nil, false
	}
	entries, err := fs.ReadDir(l.fsys, dir)
	return entries, err == nil
}

// isKnown reports whether name is one of known, exactly.
func isKnown(name string, known []string) bool {
	for _, k := range known {
		if name == k {
			return true
		}
	}
	return false
}

// strayDataMessage says what is wrong with the file or folder name in
// data/, which Scorecard does not read, and what to do about it.
func (l *loader) strayDataMessage(name string, e fs.DirEntry) string {
	const reads = "Scorecard reads only site.yaml, measures.yaml and the quarters folder in data/"
	base := e.Name()
	stem, ext := splitExt(base)
	ext = strings.ToLower(ext)
	if e.IsDir() {
		if id, ok := quarterLike(base); ok {
			return fmt.Sprintf("%s, so it does not read this folder; a quarter's data is one file, data/quarters/%s.yaml: move it there", reads, id.Slug())
		}
		if strings.EqualFold(base, "quarters") || distance(strings.ToLower(base), "quarters") <= 2 {
			return fmt.Sprintf("%s, so it does not read this folder; quarter files belong in data/quarters: move them there", reads)
		}
		return fmt.Sprintf("%s, so it does not read this folder; move it out of data/ or delete it", reads)
	}
	if id, ok := quarterLike(stem); ok && (ext == ".yaml" || ext == ".yml") {
		return fmt.Sprintf("this looks like the data file for %s, but Scorecard reads quarter files only from the data/quarters folder; move it to data/quarters/%s.yaml", id, id.Slug())
	}
	for _, k := range knownData[:2] {
		if strings.EqualFold(base, k) || strings.EqualFold(stem, strings.TrimSuffix(k, ".yaml")) && (ext == ".yml" || ext == ".yaml") {
			return fmt.Sprintf("%s, with names spelt exactly so; rename this to data/%s", reads, k)
		}
	}
	if id, ok := quarterLike(stem); ok {
		return fmt.Sprintf("%s, so it does not read this file; a quarter's figures belong in data/quarters/%s.yaml (scorecard import -quarter %s FILE writes it from a CSV or XLSX spreadsheet); move this file out of data/", reads, id.Slug(), id.Slug())
	}
	info, err := e.Info()
	if err != nil {
		return fmt.Sprintf("%s, so it does not read this file; move it out of data/ or delete it", reads)
	}
	if info.Size() > MaxFileSize {
		return fmt.Sprintf("%s, so it does not read this file, of %d MiB (larger than any file Scorecard reads); move it out of data/ or delete it", reads, info.Size()>>20)
	}
	if (ext == ".yaml" || ext == ".yml") && info.Mode().IsRegular() {
		if q, ok := l.peekQuarter(name); ok {
			if id, ok := ParseQuarter(q); ok {
				return fmt.Sprintf("this holds the figures for %s (its quarter: key says so), but Scorecard reads quarter files only from the data/quarters folder; move it to data/quarters/%s.yaml", id, id.Slug())
			}
			return "this holds a quarter: key, like a quarter's data file, but Scorecard reads quarter files only from the data/quarters folder; move it there, named for its quarter, such as data/quarters/2016-17-q2.yaml"
		}
	}
	switch ext {
	case ".csv", ".xlsx", ".xls", ".ods":
		return fmt.Sprintf("%s, so it does not read this spreadsheet; scorecard import -quarter 2016-17-q2 FILE turns one quarter's sheet into its data file; move the spreadsheet out of data/", reads)
	}
	return fmt.Sprintf("%s, so it does not read this file; move it out of data/ or delete it", reads)
}

// peekQuarter reads the first few KB of the YAML file name and returns the
// value of its top-level quarter: key, when it has one there. The rest of
// the file is never read.
func (l *loader) peekQuarter(name string) (string, bool) {
	f, err := l.fsys.Open(name)
	if err != nil {
		return "", false // the warning says enough without it
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() || info.Size() > MaxFileSize {
		return "", false
	}
	b, _ := io.ReadAll(io.LimitReader(f, peekSize))
	if len(b) == peekSize {
		// The last line may be cut short.
		if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
			b = b[:i]
		}
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	for line := range bytes.Lines(b) {
		v, ok := bytes.CutPrefix(line, []byte("quarter:"))
		if !ok {
			continue
		}
		s := strings.TrimSpace(string(v))
		if i := strings.Index(s, " #"); i >= 0 {
			s = strings.TrimSpace(s[:i])
		}
		if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
			s = s[1 : len(s)-1]
		}
		return s, true
	}
	return "", false
}

func (l *loader) strayLayouts() {
	entries, ok := l.list("layouts")
	if !ok {
		return
	}
	names := templateNames
	for _, e := range entries {
		name := path.Join("layouts", e.Name())
		if isKnown(e.Name(), names) || l.skipped(name, e) {
			continue
		}
		if e.IsDir() {
			l.errs.Warnf(diag.Pos{File: name}, "Scorecard reads templates only from the layouts folder itself, not from folders in it, so it does not read this folder; a file in layouts/ replaces the built-in template of the same name: %s", list(names))
			continue
		}
		msg := fmt.Sprintf("Scorecard has no template of this name, so this file changes nothing; a file in layouts/ replaces the built-in template of the same name: %s", list(names))
		switch n := nearest(e.Name(), names); {
		case strings.EqualFold(n, e.Name()):
			msg = fmt.Sprintf("template names are in lower case: rename this to layouts/%s, so that it replaces the built-in %s on every computer (some read names in any case, most do not)", n, n)
		case n != "":
			msg += fmt.Sprintf("; rename it to layouts/%s if it should replace that one", n)
		}
		l.errs.Warnf(diag.Pos{File: name}, "%s", msg)
	}
}

// splitExt splits name into its stem and its extension, "homes" and ".md".
func splitExt(name string) (stem, ext string) {
	ext = path.Ext(name)
	return strings.TrimSuffix(name, ext), ext
}

// quarterSpellings are the ways a quarter is written in names, in lower
// case: 2016-17-q3, 2016-17 q3, 2016_17_q3, 2016-17q3, 201617-q3, q3 2016-17,
// 2016/17 q3.
var quarterSpellings = []*regexp.Regexp{
	regexp.MustCompile(`^([0-9]{4})[-_ /.]?([0-9]{2})[-_ .]*q([0-9])$`),
	regexp.MustCompile(`^q([0-9])[-_ .]*([0-9]{4})[-_ /.]?([0-9]{2})$`),
}

// quarterLike reads a name that writes a quarter in any of the usual ways,
// such as "2016-17 Q3", and returns the quarter it names.
func quarterLike(name string) (report.Period, bool) {
	lower := strings.ToLower(strings.TrimSpace(name))
	for i, re := range quarterSpellings {
		m := re.FindStringSubmatch(lower)
		if m == nil {
			continue
		}
		y, y2, q := m[1], m[2], m[3]
		if i == 1 {
			q, y, y2 = m[1], m[2], m[3]
		}
		return ParseQuarter(y + "-" + y2 + " Q" + q)
	}
	return report.Period{}, false
}

// nearest returns the one of names nearest to name in spelling, ignoring
// case, when it is near enough to be what was meant, or "": one slip in a
// short name, one in four in a long one. Names are compared whole and
// without their extensions, so that measure.htm and measure.tmpl both find
// measure.html.
func nearest(name string, names []string) string {
	lower := strings.ToLower(name)
	stem, _ := splitExt(lower)
	best, bestD := "", -1
	for _, n := range names {
		ln := strings.ToLower(n)
		ns, _ := splitExt(ln)
		d := min(distance(lower, ln), distance(stem, ns))
		if d <= max(1, utf8.RuneCountInString(ns)/4) && (bestD < 0 || d < bestD) {
			best, bestD = n, d
		}
	}
	return best
}

// distance is the edit distance between a and b: how many characters must
// be added, removed or changed, or pairs of neighbours swapped, to make
// one the other.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb)) // not worth the time: no name is this long
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
