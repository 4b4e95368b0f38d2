package load

import (
	"io/fs"
	"path"

	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
	"scorecard/internal/record"
	"scorecard/internal/report"
)

// Locks reads the record of a loaded site: data/published/, a lock file
// per edition put on the record by scorecard publish, named as the
// edition's data file is. It returns the locks by edition and every
// finding about them: a file that is not a lock, a lock whose digests
// show a hand edit, a lock of an edition that has no data file. A site
// with no data/published/ has nothing on the record yet.
func Locks(fsys fs.FS, s *report.Site) (map[report.Period]*record.Lock, diag.List) {
	var errs diag.List
	l := &loader{fsys: fsys, errs: &errs, site: s, broken: map[string]bool{}}
	out := map[report.Period]*record.Lock{}
	if l.refused(record.Dir, "folder") {
		return out, errs
	}
	entries, ok := l.list(record.Dir)
	if !ok {
		return out, errs
	}
	editions := map[report.Period]*report.Quarter{}
	for _, q := range s.Quarters {
		editions[q.ID] = q
	}
	for _, e := range entries {
		name := path.Join(record.Dir, e.Name())
		if l.skipped(name, e) {
			continue
		}
		stem, ext := splitExt(e.Name())
		id, named := l.parseEditionName(stem)
		if !named || ext != ".yaml" || e.IsDir() {
			ex := l.exampleEdition()
			errs.Errorf(diag.Pos{File: name}, "Scorecard expects only lock files here, one per %s on the record, named for it, such as %s (scorecard publish writes them); rename or remove this one", l.editionKey(), record.Path(ex))
			continue
		}
		src, ok := l.read(name, true)
		if !ok {
			continue
		}
		lock, found := record.Read(name, src)
		errs = append(errs, found...)
		if lock == nil {
			continue
		}
		if lock.Edition != "" && lock.Edition != id.String() && !l.sameEdition(lock.Edition, id) {
			errs.Errorf(lock.Pos, "the lock file records %s, but it is named for %s; it was renamed by hand: give it back its name, %s", lock.Edition, id, record.Path(lockedEdition(l, lock.Edition, id)))
			continue
		}
		if editions[id] == nil {
			errs.Errorf(diag.Pos{File: name}, "%s is on the record, but %s is missing: a published %s is never removed; put its data file back (a figure withdrawn since is recorded under corrections: in it)", id, s.EditionFile(id), l.editionKey())
			continue
		}
		if found.HasErrors() {
			continue // not compared: the record itself must be put right first
		}
		out[id] = lock
	}
	errs.Sort()
	return out, errs
}

// lockedEdition is the edition text names, or else id.
func lockedEdition(l *loader, text string, id report.Period) report.Period {
	if p, err := report.ParseEdition(text, l.editions(), l.site.Years); err == nil {
		return p
	}
	return id
}

// CellAt is the place in an edition's data file of a row's cell (field ""
// for the row itself), found by reading the file again, for the record's
// findings about it: the loader keeps the places of statuses and further
// figures, but not of every target and actual, which would cost memory on
// every row of a large site for a message that is rare. It gives the
// file's own place when the row is not in it.
func CellAt(fsys fs.FS, q *report.Quarter, k record.Key, field string) diag.Pos {
	file := q.Pos.File
	pos := diag.Pos{File: file}
	if q.Pos.Line > 0 {
		pos = q.Pos
	}
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return pos
	}
	var top yaml.Node
	if yaml.Unmarshal(src, &top) != nil || len(top.Content) != 1 {
		return pos
	}
	n := cellNode(top.Content[0], k, field)
	if n == nil {
		return pos
	}
	return diag.Pos{File: file, Line: n.Line, Col: n.Column}
}
