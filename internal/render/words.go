package render

import "html/template"

// wordFuncs are the template funcs that print the words of the
// renderer's catalogue (package words), bound to it:
//
//	{{t "search"}}                                   a message
//	{{t "count-measures" 3}}                         a counted message: its count alone
//	{{t "print-lede" "Period" .Quarter.ID.Long}}    names and values
//	{{range tpieces "footer-licence" "Licence" nil "Title" .Site.Title}}   a message around a link
//	{{if .Slot}}<a href="...">{{t "ogl"}}</a>{{else}}{{.Text}}{{end}}{{end}}  (its slots: the nil arguments)
//	{{tforms "search-results" "{count}" "Query" "{query}"}}     every plural form, as JSON, for a script
//
// Messages are text, which html/template escapes like any other.
func (r *Renderer) wordFuncs() template.FuncMap {
	return template.FuncMap{
		"t":       r.words.Text,
		"tpieces": r.words.Pieces,
		"tforms":  r.words.FormsJSON,
	}
}

// say is a message for Go code, whose ids and arguments are constants: the
// tests check that each exists and takes those arguments (TestWordsUsed),
// and package words that every message can be written, so an error is a
// bug in Scorecard.
func (r *Renderer) say(id string, args ...any) string {
	s, err := r.words.Text(id, args...)
	if err != nil {
		panic(err)
	}
	return s
}
