package report

import (
	"strconv"
	"strings"
)

// CorrectionEntry is a correction with the edition it corrects and its
// anchor on the site's page of corrections, which the figure it corrects,
// the feed and the open data all point to.
type CorrectionEntry struct {
	Quarter    *Quarter
	Correction *Correction
	Anchor     string // its id on the corrections page: c-2016-17-q2-bbh-5-actual
}

// AllCorrections lists the corrections of every edition, the newest
// edition first, each edition's in the order its data file writes them
// (a chain of corrections to one figure reads in the order it was made).
func (s *Site) AllCorrections() []CorrectionEntry {
	var out []CorrectionEntry
	for i := len(s.Quarters) - 1; i >= 0; i-- {
		q := s.Quarters[i]
		for _, c := range q.Corrections {
			out = append(out, CorrectionEntry{Quarter: q, Correction: c, Anchor: q.CorrectionAnchor(c)})
		}
	}
	return out
}

// CorrectionAnchor is correction c's id on the corrections page: the
// edition, the measure and the field, with -2, -3... for the second and
// later corrections to the same figure, so that an id stays the same when
// a later correction is added.
func (q *Quarter) CorrectionAnchor(c *Correction) string {
	key := correctionKey(q, c)
	n := 1
	for _, o := range q.Corrections {
		if o == c {
			break
		}
		if correctionKey(q, o) == key {
			n++
		}
	}
	if n > 1 {
		key += "-" + strconv.Itoa(n)
	}
	return key
}

func correctionKey(q *Quarter, c *Correction) string {
	m := "measure"
	if c.Measure != nil {
		m = c.Measure.Address
	}
	return "c-" + q.ID.Slug() + "-" + m + "-" + idPart(c.Field)
}

// idPart writes a field (target, actual, status or a series' id) as a
// part of an HTML id that needs no escaping in a URL: letters and digits
// in lower case, anything else a hyphen.
func idPart(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

// CorrectionsOf returns the corrections to field of row r (target,
// actual, status or a series' id), in the order written; nil for most
// rows.
func (r *Row) CorrectionsOf(field string) []*Correction {
	if r == nil || len(r.Corrections) == 0 {
		return nil
	}
	var out []*Correction
	for _, c := range r.Corrections {
		if c.Field == field {
			out = append(out, c)
		}
	}
	return out
}

// StatusByCode returns the site's status with the given code, or nil: the
// one look-up for data files, sheets and corrections, which write codes.
func (s *Site) StatusByCode(code string) *Status {
	for _, st := range s.Statuses {
		if st.Code == code {
			return st
		}
	}
	return nil
}
