package dataset

import (
	"bytes"
	"encoding/csv"
	"io"

	"scorecard/internal/report"
)

// CorrectionColumns are the columns of data/corrections.csv: a row per
// correction to a published figure, newest edition first, as the site's
// corrections page lists them.
var CorrectionColumns = []Column{
	{"quarter", "string", "The edition corrected, as in the scorecard files' quarter column, such as 2016-17 Q2"},
	{"measure", "string", "The measure's id, as in the scorecard files"},
	{"title", "string", "The measure's title"},
	{"field", "string", "What was corrected: target, actual, status, or the id of a further target or comparator (see targets and comparators in scorecard.json)"},
	{"from", "string", "The figure as first published, or as the correction before this one left it, as the report writes it (a status by its code); blank when the figure was added"},
	{"to", "string", "The figure as corrected, which the scorecard files now hold; blank when the figure was withdrawn"},
	{"date", "date", "The day the correction was published, as YYYY-MM-DD"},
	{"why", "string", "Why the figure was corrected"},
}

// CorrectionsCSV returns every correction of the site as CSV, as
// WriteCorrections writes it.
func CorrectionsCSV(s *report.Site) []byte {
	var buf bytes.Buffer
	WriteCorrections(&buf, s) // writing to a bytes.Buffer cannot fail
	return buf.Bytes()
}

// WriteCorrections writes every correction of the site to w as CSV, with
// a header row even when there are none: UTF-8, lines ending in CRLF, no
// cell a spreadsheet would run as a formula, as WriteCSV writes the
// scorecard.
func WriteCorrections(w io.Writer, s *report.Site) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := make([]string, len(CorrectionColumns))
	for i, c := range CorrectionColumns {
		header[i] = c.Name
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, e := range s.AllCorrections() {
		c := e.Correction
		id, title := "", ""
		if c.Measure != nil {
			id, title = c.Measure.ID, c.Measure.Title
		}
		if err := writeSafe(cw, []string{e.Quarter.ID.String(), id, title, c.Field, c.From, c.To, c.Date, c.Why}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
