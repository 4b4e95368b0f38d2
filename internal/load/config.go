package load

import (
	_ "embed"
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

//go:embed defaults.yaml
var defaults []byte

const siteFile = "data/site.yaml"

// config reads the built-in defaults, then the site's data/site.yaml over
// them, into s.
func (l *loader) config(s *report.Site) {
	def := &doc{file: "(built-in defaults)", errs: l.errs}
	rating := l.readConfig(def, def.parse(defaults), s)
	fromDefaults, defaultStatuses := true, s.Statuses

	src, ok := l.read(siteFile, true)
	if !ok {
		return
	}
	d := &doc{file: siteFile, errs: l.errs}
	n := d.parse(src)
	if d.broken {
		return
	}
	if r := l.readConfig(d, n, s); r != nil {
		rating, fromDefaults = r, false
	}
	if s.Organisation == "" {
		l.errs.Errorf(d.pos(nil), "organisation is missing; add a line such as \"organisation: Harrow Council\"")
	}
	if s.Title == "" {
		l.errs.Errorf(d.pos(nil), "title is missing; add a line such as \"title: Strategic Performance Report\"")
	}
	if fromDefaults {
		// The default bands name the default scale's codes: a site with
		// its own scale needs its own bands. Report that once, at the
		// site's file, not at the built-in defaults.
		if !sameCodes(s.Statuses, defaultStatuses) {
			l.errs.Errorf(d.pos(nil), "the site has its own statuses, so it needs its own rating bands too; add a \"rating:\" section with bands for its scale (see \"Rating\" in the README)")
			return
		}
	}
	s.Rating = rating.resolve(s.Statuses)
}

// readConfig reads one configuration file into s. It returns the rating
// section, if the file has one, to be resolved once the scale is final.
func (l *loader) readConfig(d *doc, n *yaml.Node, s *report.Site) *rawRating {
	if n == nil {
		return nil
	}
	var rating *rawRating
	d.mapping(n, "the site configuration",
		field{"organisation", func(_, v *yaml.Node) { s.Organisation, _ = d.str(v, "organisation") }},
		field{"title", func(_, v *yaml.Node) { s.Title, _ = d.str(v, "title") }},
		field{"language", func(_, v *yaml.Node) {
			lang, _ := d.str(v, "language")
			if !validLanguage(lang) {
				d.errorf(v, "language %q is not a language tag; write one such as en or en-GB", lang)
				return
			}
			s.Language = lang
		}},
		field{"scorecard_note", func(_, v *yaml.Node) { s.TableNote, _ = d.str(v, "scorecard_note") }},
		field{"statuses", func(_, v *yaml.Node) { s.Statuses = readStatuses(d, v) }},
		field{"rating", func(_, v *yaml.Node) { rating = readRating(d, v) }},
	)
	return rating
}

func sameCodes(a, b []*report.Status) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Code != b[i].Code || a[i].Rating != b[i].Rating {
			return false
		}
	}
	return true
}

func readStatuses(d *doc, n *yaml.Node) []*report.Status {
	var out []*report.Status
	seen := map[string]int{}
	d.list(n, "statuses", func(item *yaml.Node) {
		st := &report.Status{}
		var codeNode *yaml.Node
		d.mapping(item, "a status",
			field{"code", func(_, v *yaml.Node) { codeNode = v; st.Code, _ = d.str(v, "code") }},
			field{"label", func(_, v *yaml.Node) { st.Label, _ = d.str(v, "label") }},
			field{"rating", func(_, v *yaml.Node) { st.Rating = d.boolean(v, "rating") }},
		)
		switch {
		case st.Code == "":
			d.errorf(item, "a status has no code; add one such as \"code: HG\"")
			return
		case seen[strings.ToLower(st.Code)] > 0:
			d.errorf(codeNode, "status %q is listed twice (first at line %d); remove one", st.Code, seen[strings.ToLower(st.Code)])
			return
		}
		seen[strings.ToLower(st.Code)] = codeNode.Line
		if st.Label == "" {
			st.Label = st.Code
		}
		out = append(out, st)
	})
	return out
}

// validLanguage accepts the simple BCP 47 tags a site uses: en, en-GB, cy.
func validLanguage(s string) bool {
	parts := strings.Split(s, "-")
	for i, p := range parts {
		if len(p) < 2 || len(p) > 8 || (i == 0 && len(p) > 3) {
			return false
		}
		for _, r := range p {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}
