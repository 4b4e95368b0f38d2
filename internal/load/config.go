package load

import (
	_ "embed"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

//go:embed defaults.yaml
var defaults []byte

const siteFile = "data/site.yaml"

// config reads the built-in defaults, then the site's data/site.yaml over
// them, into s.
func (l *loader) config(s *report.Site) {
	defer func() {
		s.FigureWords = l.words // the defaults', or the site's
		s.Units = siteUnits(l.units)
		s.Qualifiers = l.quals
		if s.Qualifiers == nil {
			s.Qualifiers = value.DefaultQualifiers
		}
	}()
	s.Editions = report.QuarterPeriod
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
	for _, f := range []struct{ key, value, example string }{
		{"organisation", s.Organisation, "organisation: Harrow Council"},
		{"title", s.Title, "title: Strategic Performance Report"},
	} {
		if f.value != "" || n != nil && n.Kind != yaml.MappingNode {
			continue // a file that is not a mapping is reported already
		}
		switch v := lookup(n, f.key); {
		case v == nil:
			l.errs.Errorf(d.pos(nil), "%s is missing; add a line such as %q", f.key, f.example)
		case v.Kind == yaml.ScalarNode:
			d.errorf(v, "%s is empty; write it out, such as %q", f.key, f.example)
		} // a value of the wrong kind is reported already
	}
	if s.Logo != "" && s.LogoAlt == "" {
		l.errs.Errorf(d.pos(nil), "the logo needs a text alternative for screen readers; add \"logo_alt:\", such as \"logo_alt: %s\"", s.Organisation)
	}
	checkAccessibility(d, n, &s.Accessibility)
	if fromDefaults {
		// The default bands name the default scale's codes: a site with
		// its own scale needs its own bands. Report that once, at the
		// site's file, not at the built-in defaults.
		if !sameCodes(s.Statuses, defaultStatuses) {
			l.errs.Errorf(d.pos(nil), "the site has its own statuses, so it needs its own rating bands too; add a \"rating:\" section with bands for its scale (see \"Rating\" in the README)")
			return
		}
	}
	s.Rating = rating.resolve(s.Statuses, s.Series)
}

// readConfig reads one configuration file into s. It returns the rating
// section, if the file has one, to be resolved once the scale is final.
func (l *loader) readConfig(d *doc, n *yaml.Node, s *report.Site) *rawRating {
	if n == nil {
		return nil
	}
	var rating *rawRating
	var releases *yaml.Node // read once editions: and year: are known
	series := seriesReader{d: d}
	defer func() {
		if series.out != nil {
			s.Series = series.out
		}
	}()
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
		field{"base_url", func(_, v *yaml.Node) { s.BaseURL = readBaseURL(d, v) }},
		field{"accent", func(_, v *yaml.Node) { s.Accent = readColour(d, v, "accent") }},
		field{"logo", func(_, v *yaml.Node) { s.Logo = l.readLogo(d, v) }},
		field{"logo_alt", func(_, v *yaml.Node) { s.LogoAlt, _ = d.str(v, "logo_alt") }},
		field{"accessibility", func(_, v *yaml.Node) { readAccessibility(d, v, &s.Accessibility) }},
		field{"figure_words", func(_, v *yaml.Node) { l.words = readFigureWords(d, v) }},
		field{"year", func(_, v *yaml.Node) { s.Years = readYearKind(d, v) }},
		field{"editions", func(_, v *yaml.Node) { s.Editions = readEditions(d, v) }},
		field{"targets", func(_, v *yaml.Node) { series.read(v, report.TargetSeries) }},
		field{"comparators", func(_, v *yaml.Node) { series.read(v, report.ComparatorSeries) }},
		field{"units", func(_, v *yaml.Node) { l.units = readUnits(d, v) }},
		field{"qualifiers", func(_, v *yaml.Node) { l.quals = readQualifiers(d, v) }},
		// Raw HTML in narrative is shown as text unless the site trusts
		// its writers with it.
		field{"allow_html", func(_, v *yaml.Node) { s.AllowHTML = d.boolean(v, "allow_html") }},
		// The spreadsheet import's column mapping, for scorecard import.
		field{"import", func(_, v *yaml.Node) { s.Import = readImport(d, v) }},
		// The release calendar and the Code of Practice statement (calendar.go).
		field{"releases", func(_, v *yaml.Node) { releases = v }},
		field{"code_of_practice", func(_, v *yaml.Node) { s.CodeOfPractice = readCodeOfPractice(d, v) }},
	)
	if releases != nil {
		s.Releases = readReleases(d, releases, s)
	}
	return rating
}

// readYearKind reads year: financial, calendar or academic.
func readYearKind(d *doc, n *yaml.Node) report.YearKind {
	word, ok := d.str(n, "year")
	if !ok {
		return report.FinancialYear
	}
	for _, y := range []report.YearKind{report.FinancialYear, report.CalendarYear, report.AcademicYear} {
		if strings.EqualFold(strings.TrimSpace(word), y.String()) {
			return y
		}
	}
	d.errorf(n, "year %q is not a kind of year Scorecard knows; write financial (April to March), calendar (January to December) or academic (September to August)", word)
	return report.FinancialYear
}

// editionWords are the words editions: takes, for each kind of edition.
var editionWords = map[string]report.PeriodKind{
	"monthly": report.MonthPeriod, "quarterly": report.QuarterPeriod,
	"half-yearly": report.HalfPeriod, "half yearly": report.HalfPeriod, "six-monthly": report.HalfPeriod,
	"annual": report.YearPeriod, "annually": report.YearPeriod, "yearly": report.YearPeriod,
}

// readEditions reads editions: how often the report is published.
func readEditions(d *doc, n *yaml.Node) report.PeriodKind {
	word, ok := d.str(n, "editions")
	if !ok {
		return report.QuarterPeriod
	}
	if k, ok := editionWords[strings.ToLower(strings.TrimSpace(word))]; ok {
		return k
	}
	d.errorf(n, "editions %q is not how often Scorecard can publish a report; write monthly, quarterly, half-yearly or annual", word)
	return report.QuarterPeriod
}

// readFigureWords reads figure_words: the words a table writes in a
// target's or actual's place to say why there is no figure, each with its
// meaning. A site's list replaces the built-in one.
func readFigureWords(d *doc, n *yaml.Node) []value.FigureWord {
	out := []value.FigureWord{}
	lines := map[string]int{}
	d.list(n, "figure_words", func(item *yaml.Node) {
		var w value.FigureWord
		var wordNode, meansNode *yaml.Node
		d.mapping(item, "a figure word",
			field{"word", func(_, v *yaml.Node) { wordNode = v; w.Word, _ = d.str(v, "word") }},
			field{"means", func(_, v *yaml.Node) { meansNode = v; w.Meaning, _ = d.str(v, "means") }},
		)
		w.Word, w.Meaning = strings.TrimSpace(w.Word), strings.TrimSpace(w.Meaning)
		at := wordNode
		if at == nil {
			at = item
		}
		switch {
		case w.Word == "":
			if !d.wasRefused(wordNode) {
				d.errorf(item, "a figure word has no word; write one such as \"{word: NYA, means: not yet available}\"")
			}
			return
		case w.Meaning == "":
			if !d.wasRefused(meansNode) {
				d.errorf(item, "figure word %q has no meaning; add what it says about the missing figure, such as \"means: not yet available\"", w.Word)
			}
			return
		}
		if v, err := value.Parse(w.Word); err == nil {
			d.errorf(at, "figure word %q is already read as a %s, so it cannot stand for a missing figure; choose another word", w.Word, v.Kind)
			return
		}
		if prev, dup := value.LookupWord(w.Word, out); dup {
			d.errorf(at, "figure word %q is listed twice (first at line %d); remove one", w.Word, lines[prev.Word])
			return
		}
		lines[w.Word] = at.Line
		out = append(out, w)
	})
	return out
}

// lookup returns the value of key in the mapping n, or nil.
func lookup(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
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
	classes := classes{}
	d.list(n, "statuses", func(item *yaml.Node) {
		st := &report.Status{}
		var codeNode *yaml.Node
		d.mapping(item, "a status",
			field{"code", func(_, v *yaml.Node) { codeNode = v; st.Code, _ = d.str(v, "code") }},
			field{"label", func(_, v *yaml.Node) { st.Label, _ = d.str(v, "label") }},
			field{"rating", func(_, v *yaml.Node) { st.Rating = d.boolean(v, "rating") }},
			field{"colour", func(_, v *yaml.Node) { st.Colour, st.Text = readStatusColour(d, v) }},
			field{"shape", func(_, v *yaml.Node) { st.Shape = readShape(d, v) }},
		)
		switch {
		case st.Code == "":
			if !d.wasRefused(codeNode) {
				d.errorf(item, "a status has no code; add one such as \"code: HG\"")
			}
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
			st.Colour, st.Text = neutral, report.White
		}
		st.Class = classes.unique(st.Code)
		out = append(out, st)
	})
	giveShapes(out)
	return out
}

// giveShapes gives each status that names no shape one that no status of
// the scale has yet, in the order of shapes, so that a chart tells them
// apart by shape as well as by their label; when every shape is taken, the
// least used, first in that order.
func giveShapes(scale []*report.Status) {
	used := map[string]int{}
	for _, st := range scale {
		if st.Shape != "" {
			used[st.Shape]++
		}
	}
	for _, st := range scale {
		if st.Shape != "" {
			continue
		}
		best := shapes[0]
		for _, s := range shapes {
			if used[s] < used[best] {
				best = s
			}
		}
		st.Shape = best
		used[best]++
	}
}

// neutral is the colour of statuses that give none: a grey with 7:1
// contrast against white.
const neutral = "#505a5f"

// classes holds the CSS classes given to statuses, and the number to try
// next after each that was taken.
type classes map[string]int

// unique makes a CSS class from a status code: "No survey this qtr" gives
// status-no-survey-this-qtr, or status-no-survey-this-qtr-2 when that is
// taken; "?" gives status-u3f.
func (taken classes) unique(code string) string {
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
	base := strings.TrimRight(b.String(), "-")
	if base == "status" {
		// A code with no letter or digit ("?", "–") is named by its
		// characters' numbers: "status" alone is every tag's class.
		base = "status"
		for _, r := range code {
			base += fmt.Sprintf("-u%x", r)
		}
	}
	class, i := base, max(taken[base], 2)
	for ; taken[class] > 0; i++ {
		class = fmt.Sprintf("%s-%d", base, i)
	}
	taken[base] = i // codes that differ only in punctuation cost no more than others
	taken[class] = max(taken[class], 2)
	return class
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

// readStatusColour reads a status's "#rrggbb" and chooses the colour of
// the tag's words on it: white, as for every dark colour, or the pages'
// dark text on a light colour such as #ffbf47. A colour is refused only
// when neither gives 4.5:1 (WCAG 2.2 AA), and the message gives both.
func readStatusColour(d *doc, n *yaml.Node) (colour, text string) {
	s, _ := d.str(n, "colour")
	c, ok := ParseColour(s)
	if !ok {
		d.errorf(n, "colour %q is not a colour; write it as # and six hex digits, such as \"#00703c\"", s)
		return "", ""
	}
	text, ok = TextColour(c)
	if !ok {
		d.errorf(n, "colour %s has a contrast of %.2f:1 with white text and %.2f:1 with dark text (%s); a status tag's words need at least 4.5:1 with one of them (WCAG 2.2 AA); choose a darker or a lighter colour",
			c, Contrast(c, report.White), Contrast(c, report.DarkText), report.DarkText)
		return "", ""
	}
	return c, text
}

// TextColour is the colour of a status tag's words on c: white when it
// gives at least 4.5:1, or else the pages' dark text when that does. ok is
// false when neither does.
func TextColour(c string) (text string, ok bool) {
	for _, t := range []string{report.White, report.DarkText} {
		if Contrast(c, t) >= 4.5 {
			return t, true
		}
	}
	return "", false
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

func readBaseURL(d *doc, n *yaml.Node) string {
	s, _ := d.str(n, "base_url")
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		d.errorf(n, "base_url %q is not a web address; write the address the site is published at, such as https://www.example.gov.uk/performance/", s)
		return ""
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s
}

// staticDir holds files copied to the site as they are: the logo, images.
const staticDir = "static"

func (l *loader) readLogo(d *doc, n *yaml.Node) string {
	p, _ := d.str(n, "logo")
	if !fs.ValidPath(p) || p == "." {
		d.errorf(n, "logo %q is not a path inside the %s/ folder; write one such as logo.svg", p, staticDir)
		return ""
	}
	if _, err := fs.Stat(l.fsys, path.Join(staticDir, p)); err != nil {
		d.errorf(n, "logo %q is not in the %s/ folder; put the file at %s/%s", p, staticDir, staticDir, p)
		return ""
	}
	return p
}

func readAccessibility(d *doc, n *yaml.Node, a *report.Accessibility) {
	date := func(v *yaml.Node, what string) string {
		s, _ := d.str(v, what)
		if _, err := time.Parse("2006-01-02", s); err != nil {
			d.errorf(v, "%s %q is not a date; write it as YYYY-MM-DD, such as 2026-11-25", what, s)
			return ""
		}
		return s
	}
	d.mapping(n, "accessibility",
		field{"compliance", func(_, v *yaml.Node) {
			a.Compliance, _ = d.str(v, "compliance")
			if !slices.Contains([]string{"fully", "partially", "not"}, a.Compliance) {
				d.errorf(v, "compliance %q is not one of fully, partially or not (compliant with WCAG 2.2 AA)", a.Compliance)
			}
		}},
		field{"exceptions", func(_, v *yaml.Node) {
			d.list(v, "exceptions", func(item *yaml.Node) {
				if s, ok := d.str(item, "an exception"); ok && s != "" {
					a.Exceptions = append(a.Exceptions, s)
				}
			})
		}},
		field{"contact_email", func(_, v *yaml.Node) { a.ContactEmail, _ = d.str(v, "contact_email") }},
		field{"contact_phone", func(_, v *yaml.Node) { a.ContactPhone, _ = d.str(v, "contact_phone") }},
		field{"contact_url", func(_, v *yaml.Node) {
			a.ContactURL, _ = d.str(v, "contact_url")
			if u, err := url.Parse(a.ContactURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") {
				d.errorf(v, "contact_url %q is not a web address; write one such as https://www.example.gov.uk/contact", a.ContactURL)
			}
		}},
		field{"response_days", func(_, v *yaml.Node) {
			s, _ := d.str(v, "response_days")
			days, err := strconv.Atoi(s)
			if err != nil || days < 1 {
				d.errorf(v, "response_days should be a whole number of days, such as 5, not %q", s)
			}
			a.ResponseDays = days
		}},
		field{"prepared", func(_, v *yaml.Node) { a.Prepared = date(v, "prepared") }},
		field{"reviewed", func(_, v *yaml.Node) { a.Reviewed = date(v, "reviewed") }},
		field{"tested", func(_, v *yaml.Node) { a.Tested = date(v, "tested") }},
	)
}

// checkAccessibility warns of what regulation 7 needs and the site's
// configuration lacks: a way to ask for an alternative format, and the date
// the statement was prepared.
func checkAccessibility(d *doc, n *yaml.Node, a *report.Accessibility) {
	const how = "the accessibility statement needs %s, which UK public bodies must publish; add it under \"accessibility:\" in %s (see \"Accessibility statement\" in the README)"
	// A value reported already (refused, or not a date) is not reported
	// as missing too.
	acc := lookup(n, "accessibility")
	refused := d.wasRefused(acc)
	for _, k := range []string{"contact_email", "contact_phone", "contact_url"} {
		refused = refused || d.wasRefused(lookup(acc, k))
	}
	if a.ContactEmail == "" && a.ContactPhone == "" && a.ContactURL == "" && !refused {
		d.errs.Warnf(d.pos(nil), how, "a contact for requests and problem reports (contact_email, contact_phone or contact_url)", siteFile)
	}
	if a.Prepared == "" && !d.wasRefused(acc) && lookup(acc, "prepared") == nil {
		d.errs.Warnf(d.pos(nil), how, "the date it was prepared (prepared: YYYY-MM-DD)", siteFile)
	}
	if a.Compliance == "" {
		a.Compliance = "partially"
	}
	if a.ResponseDays == 0 {
		a.ResponseDays = 5
	}
}
