package load

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
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
			field{"colour", func(_, v *yaml.Node) { st.Colour = readColour(d, v, "colour") }},
			field{"shape", func(_, v *yaml.Node) { st.Shape = readShape(d, v) }},
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
		if st.Colour == "" {
			st.Colour = neutral
		}
		if st.Shape == "" {
			st.Shape = "rect"
		}
		st.Class = uniqueClass(st.Code, out)
		out = append(out, st)
	})
	return out
}

// neutral is the colour of statuses that give none: a grey with 7:1
// contrast against white.
const neutral = "#505a5f"

// uniqueClass makes a CSS class from a status code: "No survey this qtr"
// gives status-no-survey-this-qtr.
func uniqueClass(code string, taken []*report.Status) string {
	var b strings.Builder
	b.WriteString("status-")
	dash := false
	for _, r := range strings.ToLower(code) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	class := strings.TrimRight(b.String(), "-")
	for i, base := 2, class; ; i++ {
		clash := false
		for _, t := range taken {
			clash = clash || t.Class == class
		}
		if !clash {
			return class
		}
		class = fmt.Sprintf("%s-%d", base, i)
	}
}

// Shapes ECharts draws for chart markers.
var shapes = []string{"circle", "rect", "roundRect", "triangle", "diamond", "pin", "arrow",
	"emptyCircle", "emptyRect", "emptyRoundRect", "emptyTriangle", "emptyDiamond", "emptyPin", "emptyArrow"}

func readShape(d *doc, n *yaml.Node) string {
	s, _ := d.str(n, "shape")
	if slices.Contains(shapes, s) {
		return s
	}
	d.errorf(n, "shape %q is not one Scorecard can draw; use one of: %s", s, list(shapes))
	return ""
}

// readColour reads "#rrggbb" and checks it has at least 4.5:1 contrast
// with white: white text on it must be readable, and chart marks in it
// must stand out from the white page.
func readColour(d *doc, n *yaml.Node, what string) string {
	s, _ := d.str(n, what)
	c, ok := ParseColour(s)
	if !ok {
		d.errorf(n, "%s %q is not a colour; write it as # and six hex digits, such as \"#00703c\"", what, s)
		return ""
	}
	if r := Contrast(c, "#ffffff"); r < 4.5 {
		d.errorf(n, "%s %s has a contrast of %.2f:1 with white; it needs at least 4.5:1 so that white text on it can be read (WCAG 2.2 AA); choose a darker colour", what, c, r)
		return ""
	}
	return c
}

// ParseColour reads "#rrggbb" (or "#RRGGBB") and returns it in lower case.
func ParseColour(s string) (string, bool) {
	if len(s) != 7 || s[0] != '#' {
		return "", false
	}
	for _, r := range s[1:] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return "", false
		}
	}
	return strings.ToLower(s), true
}

// Contrast is the WCAG contrast ratio of two "#rrggbb" colours.
func Contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c string) float64 {
	channel := func(i int) float64 {
		v, _ := strconv.ParseUint(c[i:i+2], 16, 8)
		f := float64(v) / 255
		if f <= 0.03928 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(1) + 0.7152*channel(3) + 0.0722*channel(5)
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
