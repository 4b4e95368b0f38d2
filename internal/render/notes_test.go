package render

import (
	"slices"
	"testing"

	"scorecard/internal/report"
)

// TestNotesSayTheirQuarter: notes are numbered per quarter, so when a
// scorecard shows two quarters' notes, each says its quarter, each has an
// anchor of its own, and each cell links to its own quarter's note.
func TestNotesSayTheirQuarter(t *testing.T) {
	th := &report.Theme{ID: "th", Address: "th", Title: "Theme"}
	m := &report.Measure{ID: "m-1", Address: "m-1", Title: "Measure", Theme: th, Index: 0}
	th.Measures = []*report.Measure{m}
	quarter := func(q int, text string, labels []string) *report.Quarter {
		qu := &report.Quarter{ID: report.QuarterOf(2016, q)}
		if labels == nil {
			labels = []string{"1"}
		}
		if text != "" {
			n := &report.Note{Theme: th, Labels: labels, Text: text}
			qu.Notes = []*report.Note{n}
			qu.Rows = []*report.Row{{Measure: m, Notes: []*report.NoteRef{{Label: "1", Note: n}}}}
		} else {
			qu.Rows = []*report.Row{{Measure: m}}
		}
		qu.IndexRows()
		return qu
	}
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ anchor, text string }
	for _, tc := range []struct {
		name  string
		q1    string // Q1's note text, or none
		q2    string
		q2ls  []string // the labels of Q2's note; nil for just "1"
		notes []want
		links []noteLink // the cells' links, Q1's column first
	}{
		{"both quarters", "Annual target", "First run", nil, []want{
			{"note-2016-17-q2-1", "Q2 2016/17, note 1: First run"},
			{"note-2016-17-q1-1", "Q1 2016/17, note 1: Annual target"},
		}, []noteLink{
			{"1", "note-2016-17-q1-1", "Q1 2016/17"},
			{"1", "note-2016-17-q2-1", "Q2 2016/17"},
		}},
		{"the same text in both", "Annual target", "Annual target", nil, []want{
			{"note-2016-17-q2-1", "Q2 2016/17, note 1: Annual target"},
			{"note-2016-17-q1-1", "Q1 2016/17, note 1: Annual target"},
		}, []noteLink{
			{"1", "note-2016-17-q1-1", "Q1 2016/17"},
			{"1", "note-2016-17-q2-1", "Q2 2016/17"},
		}},
		{"only the earlier quarter's", "Annual target", "", nil, []want{
			{"note-2016-17-q1-1", "Q1 2016/17, note 1: Annual target"},
		}, []noteLink{{"1", "note-2016-17-q1-1", "Q1 2016/17"}}},
		{"several labels", "Annual target", "First run", []string{"1", "2"}, []want{
			{"note-2016-17-q2-1", "Q2 2016/17, notes 1 & 2: First run"},
			{"note-2016-17-q1-1", "Q1 2016/17, note 1: Annual target"},
		}, []noteLink{
			{"1", "note-2016-17-q1-1", "Q1 2016/17"},
			{"1", "note-2016-17-q2-1", "Q2 2016/17"},
		}},
		{"only the page's own", "", "First run", nil, []want{
			{"note-2016-17-q2-1", "Note 1: First run"},
		}, []noteLink{{"1", "note-2016-17-q2-1", ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q1, q2 := quarter(1, tc.q1, nil), quarter(2, tc.q2, tc.q2ls)
			s := &report.Site{Title: "Site", Themes: []*report.Theme{th}, Measures: []*report.Measure{m}, Quarters: []*report.Quarter{q1, q2}}
			for _, prefix := range []string{"", "p-"} {
				d := r.themeData(s, q2, th, Chart{}, prefix)
				if len(d.Notes) != len(tc.notes) {
					t.Fatalf("prefix %q: %d notes, want %d: %+v", prefix, len(d.Notes), len(tc.notes), d.Notes)
				}
				for i, w := range tc.notes {
					if n := d.Notes[i]; n.Anchor != prefix+w.anchor || n.Text != w.text {
						t.Errorf("prefix %q: note %d = %q %q, want %q %q", prefix, i, n.Anchor, n.Text, prefix+w.anchor, w.text)
					}
				}
				var links []noteLink
				for _, c := range d.Rows[0].Cells {
					links = append(links, c.Notes...)
				}
				if len(links) != len(tc.links) {
					t.Fatalf("prefix %q: links %+v, want %+v", prefix, links, tc.links)
				}
				for i, w := range tc.links {
					w.Anchor = prefix + w.Anchor
					if links[i] != w {
						t.Errorf("prefix %q: link %d = %+v, want %+v", prefix, i, links[i], w)
					}
				}
			}
		})
	}
}

// TestNotesListedOnce: two notes of one quarter with the same labels and
// text (as two themes on one page may each define) are listed once, and
// every cell links to that one; a note with the same text under another
// label is listed on its own.
func TestNotesListedOnce(t *testing.T) {
	th := &report.Theme{ID: "th", Address: "th", Title: "Theme"}
	m1 := &report.Measure{ID: "m-1", Address: "m-1", Title: "One", Theme: th, Index: 0}
	m2 := &report.Measure{ID: "m-2", Address: "m-2", Title: "Two", Theme: th, Index: 1}
	th.Measures = []*report.Measure{m1, m2}
	n1 := &report.Note{Theme: th, Labels: []string{"1"}, Text: "Annual target"}
	n2 := &report.Note{Theme: th, Labels: []string{"1"}, Text: "Annual target"}
	n3 := &report.Note{Theme: th, Labels: []string{"2"}, Text: "Annual target"}
	q := &report.Quarter{ID: report.QuarterOf(2016, 2), Notes: []*report.Note{n1, n2, n3}}
	q.Rows = []*report.Row{
		{Measure: m1, Notes: []*report.NoteRef{{Label: "1", Note: n1}}},
		{Measure: m2, Notes: []*report.NoteRef{{Label: "1", Note: n2}, {Label: "2", Note: n3}}},
	}
	q.IndexRows()
	s := &report.Site{Title: "Site", Themes: []*report.Theme{th}, Measures: []*report.Measure{m1, m2}, Quarters: []*report.Quarter{q}}
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	d := r.themeData(s, q, th, Chart{}, "")
	var notes []string
	for _, n := range d.Notes {
		notes = append(notes, n.Anchor+" "+n.Text)
	}
	if want := []string{"note-2016-17-q2-1 Note 1: Annual target", "note-2016-17-q2-2 Note 2: Annual target"}; !slices.Equal(notes, want) {
		t.Errorf("notes %q, want %q", notes, want)
	}
	var links []string
	for _, row := range d.Rows {
		for _, c := range row.Cells {
			for _, l := range c.Notes {
				links = append(links, l.Label+" "+l.Anchor)
			}
		}
	}
	if want := []string{"1 note-2016-17-q2-1", "1 note-2016-17-q2-1", "2 note-2016-17-q2-2"}; !slices.Equal(links, want) {
		t.Errorf("links %q, want %q", links, want)
	}
}
