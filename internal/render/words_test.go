package render

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"text/template/parse"

	"gopkg.in/yaml.v3"

	"html/template"

	"scorecard/internal/chart"
	"scorecard/internal/load"
	"scorecard/internal/rag"
	"scorecard/internal/report"
	"scorecard/internal/value"
	"scorecard/internal/words"
)

// TestWordsUsed holds the built-in templates, the render package's Go code
// and the catalogue to each other: every message id the templates or the
// code ask for is in internal/words/en.yaml, and every message there is
// asked for somewhere. An id the templates choose at run time ({{t .Msg}})
// must be written as a string somewhere in the templates or the code.
func TestWordsUsed(t *testing.T) {
	c := words.English()
	known := map[string]bool{}
	for _, id := range c.IDs() {
		known[id] = true
	}
	used := map[string]bool{}
	// The templates: each call's id, and every string that is an id.
	for _, name := range templateNames {
		src, err := builtin.ReadFile("layouts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		trees, err := parse.Parse(name, string(src), "{{", "}}", funcs, map[string]any{"and": 1, "or": 1, "not": 1, "eq": 1, "ne": 1, "lt": 1, "le": 1, "gt": 1, "ge": 1, "len": 1, "index": 1, "print": 1, "printf": 1, "html": 1, "slice": 1, "call": 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, tree := range trees {
			walkTemplate(tree.Root, func(n parse.Node) {
				switch n := n.(type) {
				case *parse.StringNode:
					if known[n.Text] {
						used[n.Text] = true
					}
				case *parse.CommandNode:
					id, ok := n.Args[0].(*parse.IdentifierNode)
					if !ok || !slices.Contains(wordFuncNames, id.Ident) {
						return
					}
					if len(n.Args) < 2 {
						loc, _ := tree.ErrorContext(n)
						t.Errorf("%s: %s without a message id", loc, id.Ident)
						return
					}
					if s, ok := n.Args[1].(*parse.StringNode); ok && !known[s.Text] {
						loc, _ := tree.ErrorContext(n)
						t.Errorf("%s: %s %q: no such message in internal/words/en.yaml", loc, id.Ident, s.Text)
					}
				}
			})
		}
	}
	// The Go code: the ids of say, and every string that is an id (Msg
	// fields, for the template to write); and the chart package's, whose
	// tests write each of its messages.
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	charts, err := filepath.Glob("../chart/*.go")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, charts...)
	// and package rag's, whose reasons are messages of the catalogue
	// (their ids are report.Reason's).
	for _, glob := range []string{"../rag/*.go", "../report/*.go"} {
		reasons, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, reasons...)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if s, err := strconv.Unquote(n.Value); err == nil && known[s] {
					used[s] = true
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "say" || len(n.Args) == 0 {
					return true
				}
				lit, ok := n.Args[0].(*ast.BasicLit)
				if !ok {
					t.Errorf("%s: say with an id that is not a constant", fset.Position(n.Pos()))
					return true
				}
				if s, _ := strconv.Unquote(lit.Value); !known[s] {
					t.Errorf("%s: say(%s): no such message in internal/words/en.yaml", fset.Position(n.Pos()), lit.Value)
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Msg" {
					if lit, ok := n.Value.(*ast.BasicLit); ok {
						if s, _ := strconv.Unquote(lit.Value); !known[s] {
							t.Errorf("%s: Msg %s: no such message in internal/words/en.yaml", fset.Position(n.Pos()), lit.Value)
						}
					}
				}
			}
			return true
		})
	}
	for _, id := range c.IDs() {
		if !used[id] {
			t.Errorf("message %s of internal/words/en.yaml is used by no template and no code; remove it", id)
		}
	}
}

// converted are the templates whose every word comes from the catalogue:
// their own text holds no word outside the site's data and the markup.
// (The others are converted in a later pass.)
var converted = []string{"about.html", "accessibility.html", "data.html", "search.html", "print.html",
	"home.html", "theme.html", "summary.html", "chart.html", "scorecard.html", "measures.html", "measure.html",
	"404.html", "embed.html"}

// TestNoWordsLeft finds words written into the converted templates
// themselves, and into base.html: text between tags, and the words of
// attributes a reader meets (aria-label, title, alt, placeholder).
func TestNoWordsLeft(t *testing.T) {
	tags := regexp.MustCompile(`<[^>]*>`)
	actions := regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	attrs := regexp.MustCompile(`\b(aria-label|title|alt|placeholder)="([^"]*)"`)
	letters := regexp.MustCompile(`\pL{2,}`)
	for _, name := range append([]string{"base.html"}, converted...) {
		src, err := builtin.ReadFile("layouts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(src)
		// The actions are the catalogue's words or the site's; what is
		// left is the template's own.
		own := actions.ReplaceAllStringFunc(text, func(a string) string { return strings.Repeat(" ", len(a)) })
		for _, m := range attrs.FindAllStringSubmatchIndex(own, -1) {
			if v := own[m[4]:m[5]]; letters.MatchString(v) {
				t.Errorf("%s:%d: %s=%q is written in the template; take it from the catalogue with {{t ...}}", name, strings.Count(own[:m[0]], "\n")+1, own[m[2]:m[3]], v)
			}
		}
		bare := tags.ReplaceAllStringFunc(own, func(a string) string { return strings.Repeat(" ", len(a)) })
		for _, m := range letters.FindAllStringIndex(bare, -1) {
			t.Errorf("%s:%d: %q is written in the template; take it from the catalogue with {{t ...}}", name, strings.Count(bare[:m[0]], "\n")+1, bare[m[0]:m[1]])
		}
	}
}

// TestPseudoLanguage builds the example's converted pages with a
// catalogue whose every message is marked ⟦…⟧, given as the site's own
// i18n file: the words those pages print must be the marked ones. Each
// page's text, the site's own words (names, titles, figures, narrative)
// taken out, must hold nothing but marked words.
func TestPseudoLanguage(t *testing.T) {
	src, err := os.ReadFile("../words/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	var mark func(*yaml.Node)
	mark = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.DocumentNode:
			mark(n.Content[0])
		case yaml.MappingNode:
			for i := 1; i < len(n.Content); i += 2 {
				mark(n.Content[i])
			}
		case yaml.ScalarNode:
			n.Value = "⟦" + n.Value + "⟧"
			n.Style = yaml.DoubleQuotedStyle
		}
	}
	mark(&doc)
	pseudo, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	c, found := words.Load(fstest.MapFS{"i18n/en-GB.yaml": {Data: pseudo}}, "en-GB")
	if len(found) > 0 {
		t.Fatal(found)
	}
	r, err := NewIn(nil, c)
	if err != nil {
		t.Fatal(err)
	}
	s, findings := load.Site(os.DirFS("../.."))
	if findings.HasErrors() {
		t.Fatal(findings)
	}
	rag.Assess(s)
	s.Quarters[len(s.Quarters)-1].Draft = true // for the draft notices
	// The site's own words, which the pages print as they are.
	var own []string
	own = append(own, s.Organisation, s.Title, s.EditionWord(), s.EditionWords(), s.Publishes(), s.LogoAlt)
	for _, q := range s.Quarters {
		own = append(own, q.ID.Label(), q.ID.Long())
		if q.Intro != nil {
			own = append(own, q.Intro.Title)
			for _, sec := range q.Intro.Sections {
				own = append(own, sec.Heading)
			}
		}
	}
	for _, th := range s.AllThemes() {
		own = append(own, th.Title, th.FullTitle())
	}
	// The home and theme pages: the navigation's word for an edition, the
	// measures' titles, narrative headings, and the reasons the rag
	// package gives for a direction (not yet the catalogue's).
	own = append(own, capital(s.EditionWord()), capital(s.EditionWords()), s.TableNote)
	for _, m := range s.Measures {
		own = append(own, m.Title)
	}
	for _, q := range s.Quarters {
		for _, nar := range q.Narrative {
			for _, sec := range nar.Sections {
				own = append(own, sec.Heading)
			}
		}
		for _, row := range append(slices.Clone(q.Rows), q.More...) {
			// The words of the model, not yet the catalogue's: the rag
			// package's workings of a status.
			own = append(own, row.Computed.Text, row.Period, row.Target.Figure(), row.Actual.Figure())
			if !row.When.IsZero() {
				// The model's names of periods, not yet the catalogue's.
				own = append(own, row.When.Label(), row.When.Long())
				// as a chart's axis wraps them: "October 2013 to" above
				// "September 2014"
				if a, b, ok := strings.Cut(row.When.Label(), " to "); ok {
					own = append(own, a+" to", b)
				}
			}
			for _, v := range []value.Value{row.Target, row.Actual} {
				for _, ql := range v.Qualifiers() {
					own = append(own, ql.Word, ql.Meaning)
				}
			}
			if p := row.PublishedDirection; p != nil {
				own = append(own, p.Raw)
			}
			for _, n := range row.Notes {
				own = append(own, n.Note.Text)
			}
		}
		for _, n := range q.Notes {
			own = append(own, n.Text)
		}
	}
	// A measure's own facts, as the site's data gives them.
	for _, m := range s.Measures {
		own = append(own, m.Definition, m.Why, m.Source, m.Frequency, m.Owner, m.Caveats, m.Number, m.Unit.Describe())
		own = append(own, m.Codes...)
		for _, id := range m.IDs {
			own = append(own, id.Scheme, id.ID)
		}
	}
	for _, st := range s.Statuses {
		own = append(own, st.Describe(), st.Code, st.Label, r.bandFor(s, st))
	}
	for _, rule := range s.Rating.Rules {
		own = append(own, rule.Describe())
	}
	for _, sr := range s.Series {
		own = append(own, sr.Label, sr.Source, sr.Column())
	}
	a := s.Accessibility
	own = append(own, a.Compliance, a.ContactEmail, a.ContactPhone, a.ContactURL, r.longDate(a.Prepared), r.longDate(a.Reviewed), r.longDate(a.Tested), s.BaseURL)
	own = append(own, a.Exceptions...)
	own = append(own, "(CSV)", "(JSON)")                                   // the files' formats, by their names
	slices.SortFunc(own, func(a, b string) int { return len(b) - len(a) }) // longest first
	q := s.Quarters[len(s.Quarters)-1]
	// The charts, as package site makes them: their words are the
	// catalogue's too (TestChartWords).
	counts := countsBy(s, s.Themes, func(th *report.Theme) (string, []*report.Row) { return th.Title, q.TreeRows(th) })
	reuse := func(c chart.Chart, into Chart, page, period string) Chart {
		into.ID, into.Title, into.Summary, into.Options, into.SVG, into.Table = c.ID, c.Title, c.Summary, c.Options, c.SVG, c.Table
		return r.Reusable(s, into, page, period, q)
	}
	home := reuse(chart.StatusBars(HomeChartID(q), r.HomeChartTitle(q), counts, true, r.Words()), Chart{Counts: &counts}, QuarterPath(q.ID), q.ID.Label())
	th := s.Themes[0]
	thCounts := countsBy(s, s.Quarters, func(e *report.Quarter) (string, []*report.Row) { return e.ID.Label(), e.TreeRows(th) })
	theme := reuse(chart.StatusBars(ThemeChartID(q, th), r.ThemeChartTitle(s, th), thCounts, false, r.Words()), Chart{Counts: &thCounts}, ThemePath(q.ID, th),
		r.Span(s.Quarters[0].ID, q.ID))
	trend := func(m *report.Measure) Chart {
		return reuse(chart.Trend(s, m, r.Words()), Chart{}, MeasurePath(m), r.Span(s.Quarters[0].ID, q.ID))
	}
	r.Sparkline = func(s *report.Site, m *report.Measure, q *report.Quarter, summary string) string {
		return "<svg><title>" + template.HTMLEscapeString(summary) + "</title></svg>"
	}
	pages := map[string]func(*bytes.Buffer) error{
		"about":         func(b *bytes.Buffer) error { return r.About(b, s) },
		"accessibility": func(b *bytes.Buffer) error { return r.Accessibility(b, s) },
		"data":          func(b *bytes.Buffer) error { return r.Data(b, s) },
		"search":        func(b *bytes.Buffer) error { return r.Search(b, s) },
		"print":         func(b *bytes.Buffer) error { return r.Print(b, s, q, themeCharts(r, s, q)) },
		"home":          func(b *bytes.Buffer) error { return r.Home(b, s, q, "index.html", home) },
		"theme":         func(b *bytes.Buffer) error { return r.Theme(b, s, q, th, theme) },
		"measures":      func(b *bytes.Buffer) error { return r.MeasureIndex(b, s) },
		"404":           func(b *bytes.Buffer) error { return r.NotFound(b, s) },
		"embed":         func(b *bytes.Buffer) error { return r.Embed(b, s, trend(s.Measures[0])) },
	}
	// Every measure's page: each has its own facts, notes and figures.
	for _, m := range s.Measures {
		pages["measure "+m.ID] = func(b *bytes.Buffer) error { return r.Measure(b, s, m, trend(m)) }
	}
	for name, render := range pages {
		var b bytes.Buffer
		if err := render(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		page := b.String()
		if !strings.Contains(page, "⟦") {
			t.Errorf("%s: no word from the catalogue", name)
		}
		body := strings.Index(page, "<body")
		main := page[body:]
		// The narrative is the council's; the embed code is code.
		main = regexp.MustCompile(`(?s)<div class="narrative"[^>]*>.*?</div>|<code class="chart-embed">.*?</code>`).ReplaceAllString(main, "")
		// The head's words: the title, the descriptions, the feed's name.
		for _, m := range regexp.MustCompile(`<title>(.*?)</title>|<meta (?:name|property)="(?:description|og:description|og:title|og:site_name)" content="([^"]*)"|<link rel="alternate"[^>]* title="([^"]*)"`).FindAllStringSubmatch(page[:body], -1) {
			main += " " + m[1] + m[2] + m[3]
		}
		// The words of attributes: those a reader meets, and those the
		// charts' script writes.
		for _, m := range regexp.MustCompile(`\s(?:aria-label|title|alt|placeholder|data-no-load|data-no-figures|data-no-draw|data-no-png|data-png|data-status)="([^"]*)"`).FindAllStringSubmatch(page[:body]+main, -1) {
			main += " " + m[1]
		}
		text := regexp.MustCompile(`(?s)<script.*?</script>|<[^>]*>`).ReplaceAllString(main, " ")
		text = strings.NewReplacer("&#39;", "'", "&#34;", `"`, "&amp;", "&", "&gt;", ">", "&lt;", "<").Replace(text)
		for inner := regexp.MustCompile(`⟦[^⟦⟧]*⟧`); inner.MatchString(text); {
			text = inner.ReplaceAllString(text, " ")
		}
		for _, o := range own {
			if o != "" {
				text = strings.ReplaceAll(text, o, " ")
			}
		}
		if w := regexp.MustCompile(`\pL{2,}`).FindString(text); w != "" {
			t.Errorf("%s: %q is not from the catalogue:\n%s", name, w, strings.Join(strings.Fields(text), " "))
		}
	}
}

// A site's layout that asks for a message Scorecard lacks fails when the
// templates are parsed, naming the place.
func TestLayoutUnknownMessage(t *testing.T) {
	layouts := fstest.MapFS{"about.html": {Data: []byte("{{define \"main\"}}\n<h1>{{t \"about-titel\"}}</h1>{{end}}\n")}}
	_, err := New(layouts)
	want := `layouts/about.html:2:6: t "about-titel": no such message; the ids are those of Scorecard's internal/words/en.yaml`
	if err == nil || err.Error() != want {
		t.Errorf("New: %v; want %s", err, want)
	}
}

// countsBy counts the statuses of a status chart: each item's name, and
// its rows.
func countsBy[T any](s *report.Site, items []T, of func(T) (string, []*report.Row)) report.Counts {
	var names []string
	var rows [][]*report.Row
	for _, it := range items {
		name, rs := of(it)
		names = append(names, name)
		rows = append(rows, rs)
	}
	return report.CountStatuses(s.Statuses, names, rows)
}

// themeCharts makes each theme's status chart over the editions up to q,
// as package site does for the theme and print pages.
func themeCharts(r *Renderer, s *report.Site, q *report.Quarter) func(*report.Theme) Chart {
	return func(th *report.Theme) Chart {
		var upTo []*report.Quarter
		for _, e := range s.Quarters {
			if e.ID.Compare(q.ID) <= 0 {
				upTo = append(upTo, e)
			}
		}
		counts := countsBy(s, upTo, func(e *report.Quarter) (string, []*report.Row) { return e.ID.Label(), e.TreeRows(th) })
		c := chart.StatusBars(ThemeChartID(q, th), r.ThemeChartTitle(s, th), counts, false, r.Words())
		into := Chart{Counts: &counts, ID: c.ID, Title: c.Title, Summary: c.Summary, Options: c.Options, SVG: c.SVG, Table: c.Table}
		return r.Reusable(s, into, ThemePath(q.ID, th), r.Span(upTo[0].ID, q.ID), q)
	}
}
