package sheet

import (
	"fmt"
	"strings"

	"scorecard/internal/load"
	"scorecard/internal/report"
)

// YAML writes q as the site's edition file, with load's encoder, in the
// form of the README's example: one line per measure in catalogue order,
// each theme's measures under a comment naming the theme, then the notes.
// A measure with rows for several periods is a list of them, a line each.
// Every value is written so that whatever a cell holds ("[60%]", "01:30",
// "1,059", "-") reads back as the same text. Its first key is q.Key; from
// names the sheet, for a comment at the top.
func (q *Quarter) YAML(from string) []byte {
	return q.edition(from).Encode()
}

// edition is q as its file writes it.
func (q *Quarter) edition(from string) *load.Edition {
	e := &load.Edition{Key: q.key(), ID: q.ID, Draft: q.Draft, Published: q.Published,
		Comment: fmt.Sprintf("Imported from %s by scorecard import.", load.Comment(from))}
	var theme *report.Theme
	for i := 0; i < len(q.Rows); {
		r := q.Rows[i]
		m := load.EditionMeasure{ID: r.Measure.ID}
		if r.Measure.Theme != theme {
			theme = r.Measure.Theme
			m.Theme = theme.Title
		}
		for ; i < len(q.Rows) && q.Rows[i].Measure == r.Measure; i++ {
			c := q.Rows[i]
			m.Rows = append(m.Rows, editionRow(rowValues{target: c.Target, actual: c.Actual, status: c.Status, period: c.Period, notes: c.Notes}))
		}
		e.Measures = append(e.Measures, m)
	}
	for _, n := range q.Notes {
		e.Notes = append(e.Notes, editionNote(n))
	}
	return e
}

// editionRow is a row's cells as its file writes them.
func editionRow(c rowValues) load.EditionRow {
	return load.EditionRow{Target: c.target, Actual: c.actual, Status: c.status, Period: c.period, Notes: c.notes}
}

// noText is written above notes the rows refer to without text, as a
// comment: noTextComment.
const noText = "The sheet gives no text for these notes: add text: as the report\nprints it, or leave them without text."

var noTextComment = "# " + strings.ReplaceAll(noText, "\n", "\n# ")

// editionNote is an item of the notes: list. A note the rows refer to
// without its text is written without text, as a report may publish one,
// so that the build accepts the file; a comment asks for the text.
func editionNote(n *Note) load.EditionNote {
	note := load.EditionNote{Theme: n.Theme.ID, Labels: n.Labels, Text: n.Text}
	if !n.Known {
		note.Comment = noText
	}
	return note
}
