package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:generate node testdata/foldtable.js fold_table.go

// fold gives s as search matches it: lower case, without accents, its
// apostrophes removed ("Children's" is "childrens") and every other run of
// characters that are not letters, digits or marks a single space, with no
// space at either end. search.js folds the reader's query the same way,
// character by character, so the two must agree: TestFoldAgrees checks
// every character against the script.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		f := foldRune(r)
		switch {
		case f == 0:
		case f == ' ':
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(f)
		}
	}
	return b.String()
}

// foldRune folds one character: 0 when it is dropped, ' ' when it
// separates words.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		case r == '\'':
			return 0
		}
		return ' '
	}
	if r == '’' || r == 'ʼ' { // the typographic apostrophe and the modifier letter
		return 0
	}
	r = unicode.ToLower(r)
	if base, ok := unaccented[r]; ok {
		r = base
	}
	switch {
	case 0x300 <= r && r <= 0x36f: // accents left over from text that was already decomposed
		return 0
	case unicode.IsLetter(r), unicode.IsNumber(r), unicode.IsMark(r):
		return r
	}
	return ' '
}
