package sheet

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"scorecard/internal/report"
)

// noteKey names a note: notes are numbered per theme.
type noteKey struct {
	theme *report.Theme
	label string
}

// noteText is what is known of a note's text.
type noteText struct {
	text  string
	known bool   // the text is given, or the note is known to have none
	cell  string // where the sheet gave it
}

// withoutText is how the open data writes a note published without text.
const withoutText = "(published without text)"

// noteRef is one note a notes cell refers to.
type noteRef struct {
	label string
	text  string
	known bool // the cell gives the note's text (or says it has none)
}

var (
	notePrefix = regexp.MustCompile(`(?i)^notes?\.?\s*`)
	labelForm  = regexp.MustCompile(`^([0-9]+[a-zA-Z]?|[a-zA-Z]|\*+)$`)
)

// parseNotes reads a notes cell: "7", "Note 7", "1, 2", "Notes 1 & 2", and
// the open data's "Note 1: Data in arrears; Note 3: (published without
// text)", which gives the notes' text too. It returns false when the cell
// is not a list of labels.
func parseNotes(cell string) ([]noteRef, bool) {
	if cell == "" || cell == "-" || cell == "–" {
		return nil, true
	}
	// A part starts at each "Note"; a ";" before anything else belongs to
	// the text of the part before. The parts are read a segment at a time,
	// in one pass over the cell, however many there are.
	var parts []string
	start, colon := 0, false // where the part being read starts, and whether it has a ":"
	for i := 0; ; {
		end := len(cell)
		if j := strings.IndexByte(cell[i:], ';'); j >= 0 {
			end = i + j
		}
		seg := cell[i:end]
		if i == 0 || notePrefix.MatchString(strings.TrimSpace(seg)) || !colon {
			if i > 0 {
				parts = append(parts, cell[start:i-1])
			}
			start, colon = i, strings.Contains(seg, ":")
		}
		if end == len(cell) {
			break
		}
		i = end + 1
	}
	parts = append(parts, cell[start:])
	var refs []noteRef
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if loc := notePrefix.FindStringIndex(part); loc != nil {
			part = part[loc[1]:]
		}
		labels, text, known := strings.Cut(part, ":")
		text = strings.TrimSpace(text)
		if text == withoutText {
			text = ""
		}
		fields := strings.FieldsFunc(labels, func(r rune) bool { return r == ',' || r == '&' || r == ' ' || r == '\u00a0' })
		n := 0
		for _, f := range fields {
			if strings.EqualFold(f, "and") {
				continue
			}
			if !labelForm.MatchString(f) {
				return nil, false
			}
			refs = append(refs, noteRef{label: f, text: text, known: known})
			n++
		}
		if n == 0 {
			return nil, false
		}
	}
	return refs, true
}

// noteRefs reads row n's notes cell, recording any note text it gives.
func (im *importer) noteRefs(n int, m *report.Measure) []string {
	text, pos, at := im.text(n, "notes")
	refs, ok := parseNotes(text)
	if !ok {
		im.errs.Errorf(pos, "%snotes %q is not a list of note labels; write the labels of the notes the row refers to, such as 7, Note 7 or 1, 2", at, clip(text))
		return nil
	}
	var labels []string
	seen := map[string]bool{}
	for _, ref := range refs {
		if seen[ref.label] {
			continue
		}
		seen[ref.label] = true
		labels = append(labels, ref.label)
		k := noteKey{m.Theme, ref.label}
		nt := im.notes[k]
		if nt == nil {
			nt = &noteText{}
			im.notes[k] = nt
		}
		switch {
		case !ref.known:
		case !nt.known:
			*nt = noteText{text: ref.text, known: true, cell: CellName(pos.Line, pos.Col)}
		case nt.text != ref.text:
			im.errs.Errorf(pos, "%snote %s of theme %s has a different text here than in cell %s; make them agree", at, ref.label, m.Theme.ID, nt.cell)
		}
	}
	return labels
}

// noteList groups the notes the rows refer to.
func (im *importer) noteList() []*Note {
	texts := map[noteKey]noteText{}
	for k, nt := range im.notes {
		texts[k] = *nt
	}
	return groupNotes(im.site.Themes, texts)
}

// groupNotes lists notes theme by theme; within a theme, labels that share
// a text share a note, as in a report's "Note 1, 2 & 7: ...", and the
// labels without a known text come last.
func groupNotes(themes []*report.Theme, texts map[noteKey]noteText) []*Note {
	var out []*Note
	for _, t := range themes {
		var labels []string
		for k := range texts {
			if k.theme == t {
				labels = append(labels, k.label)
			}
		}
		slices.SortFunc(labels, compareLabels)
		var unknown *Note
		byText := map[string]*Note{}
		for _, l := range labels {
			nt := texts[noteKey{t, l}]
			if !nt.known {
				if unknown == nil {
					unknown = &Note{Theme: t}
				}
				unknown.Labels = append(unknown.Labels, l)
				continue
			}
			n := byText[nt.text]
			if n == nil {
				n = &Note{Theme: t, Text: nt.text, Known: true}
				byText[nt.text] = n
				out = append(out, n)
			}
			n.Labels = append(n.Labels, l)
		}
		if unknown != nil {
			out = append(out, unknown)
		}
	}
	return out
}

// compareLabels orders labels as a report numbers them: 2 before 10.
func compareLabels(a, b string) int {
	na, ea := strconv.Atoi(strings.TrimRight(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	nb, eb := strconv.Atoi(strings.TrimRight(b, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	switch {
	case ea == nil && eb == nil && na != nb:
		return cmp.Compare(na, nb)
	case ea == nil && eb != nil:
		return -1
	case ea != nil && eb == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// Missing lists the notes whose text the author must add.
func (q *Quarter) Missing() []*Note {
	var out []*Note
	for _, n := range q.Notes {
		if !n.Known {
			out = append(out, n)
		}
	}
	return out
}
