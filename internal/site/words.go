package site

import (
	"io/fs"

	"scorecard/internal/diag"
	"scorecard/internal/report"
	"scorecard/internal/words"
)

// checkWords finds the mistakes in the site's own words, i18n/LANGUAGE.yaml,
// and warns when the site's language has no catalogue of Scorecard's words.
// s may be nil, when loading failed early: then English is assumed.
func checkWords(fsys fs.FS, s *report.Site) diag.List {
	lang := ""
	if s != nil {
		lang = s.Language
	}
	_, found := words.Load(fsys, lang)
	return found
}
