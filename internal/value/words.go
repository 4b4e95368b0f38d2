package value

import (
	"strings"
)

// FigureWord is a word a table writes in a figure's place to say why there
// is no figure, such as NYA, with what it means ("not yet available").
type FigureWord struct {
	Word    string
	Meaning string
}

// DefaultWords are the figure words every site reads unless its
// configuration lists its own.
var DefaultWords = []FigureWord{
	{"NYA", "not yet available"},
	{"N/A", "not applicable"},
	{"New", "new measure, no figure yet"},
	{"Not measured", "not measured this period"},
	{"No target", "no target set"},
}

// ParseWords reads a cell as Parse does and, when Parse cannot read it,
// as one of words: a cell that is a figure word, in any case and with
// any surrounding spaces, is a Word carrying the word's meaning, with Raw
// the cell as written. A cell that is neither gets Parse's error; when it
// is made of words, the error says how to declare a figure word. Cells
// Parse reads cost no more than with Parse.
func ParseWords(s string, words []FigureWord) (Value, error) {
	v, err := Parse(s)
	if err == nil {
		return v, nil
	}
	e, ok := err.(*Error)
	if !ok {
		return v, err
	}
	start, end := trim(s)
	body := s[start:end]
	if w, ok := LookupWord(body, words); ok {
		return Value{Raw: s, Kind: Word, Extra: &Extra{Meaning: w.Meaning}}, nil
	}
	if e.Offset == 0 && body != "" && isLetter(body[0]) {
		e.Hint = hintWords(words)
	}
	return v, e
}

// LookupWord finds the figure word w is, in any case and ignoring the
// spaces around it and how many separate its words.
func LookupWord(w string, words []FigureWord) (FigureWord, bool) {
	w = strings.Join(strings.Fields(w), " ")
	for _, fw := range words {
		if strings.EqualFold(w, strings.Join(strings.Fields(fw.Word), " ")) {
			return fw, true
		}
	}
	return FigureWord{}, false
}

func hintWords(words []FigureWord) string {
	var b strings.Builder
	b.WriteString(hintAny)
	if len(words) > 0 {
		b.WriteString(", or a word saying why there is no figure (")
		for i, w := range words {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(w.Word)
		}
		b.WriteString(")")
	}
	b.WriteString("; to use another word, add it to figure_words in data/site.yaml with its meaning")
	return b.String()
}
