package chart

import "scorecard/internal/report"

// Words is a site's catalogue of words (package words' Catalogue): the
// charts' titles, legends, axis names, tables and summaries are written
// in them, so that a site in another language has charts in it too.
type Words interface {
	Text(id string, args ...any) (string, error)
}

// sayer writes a message of the catalogue.
type sayer func(id string, args ...any) string

// sayIn is w's messages for the chart package, whose ids and arguments
// are constants that its tests write (an error is a bug in Scorecard).
func sayIn(w Words) sayer {
	return func(id string, args ...any) string {
		s, err := w.Text(id, args...)
		if err != nil {
			panic(err)
		}
		return s
	}
}

// countLabel names a status counted, or no status.
func countLabel(st *report.Status, say sayer) string {
	if st == nil {
		return say("summary-no-status")
	}
	return st.Describe()
}
