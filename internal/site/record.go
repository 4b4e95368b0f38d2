package site

import (
	"io/fs"

	"scorecard/internal/diag"
	"scorecard/internal/load"
	"scorecard/internal/record"
	"scorecard/internal/report"
)

// onRecord holds each edition on the record to its lock file
// (data/published/, package record): a figure, target or status changed
// since the edition was published is an error at the changed cell unless
// corrections: in the edition's data file explain it, from what was
// published to what the file holds now. An edition published (not a
// draft) but not yet on the record is a warning naming the command that
// puts it there. full is the site as loaded, drafts and all.
func onRecord(fsys fs.FS, full *report.Site) diag.List {
	locks, out := load.Locks(fsys, full)
	for _, q := range full.Quarters {
		at := func(k record.Key, field string) diag.Pos { return load.CellAt(fsys, q, k, field) }
		out = append(out, record.Chains(q, at)...)
		if lock := locks[q.ID]; lock != nil {
			out = append(out, record.Compare(lock, q, full.Series, at)...)
			continue
		}
		if q.Draft {
			continue
		}
		if _, err := fs.Stat(fsys, record.Path(q.ID)); err == nil {
			continue // a lock with errors, reported by load.Locks
		}
		out.Warnf(diag.Pos{File: q.Pos.File}, "%s is published (it is not a draft), but it is not on the record yet, so a later change to its figures would go unnoticed; run scorecard publish -edition %s and commit %s", q.ID, q.ID.Slug(), record.Path(q.ID))
	}
	return out
}
