package words

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"scorecard/internal/diag"
)

// site is a site folder holding only the given files.
func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestEnglish(t *testing.T) {
	c, found := Load(nil, "en-GB")
	if len(found) > 0 {
		t.Fatalf("the built-in catalogue: %v", found)
	}
	if len(c.IDs()) < 50 {
		t.Errorf("%d messages; want the site's words", len(c.IDs()))
	}
	for _, id := range c.IDs() {
		m := c.messages[id]
		if m.plural {
			for _, n := range []int{1, 2} {
				if _, err := c.Text(id, countArgs(m, n)...); err != nil {
					t.Errorf("%s with %d: %v", id, n, err)
				}
			}
		}
	}
	tests := []struct {
		id   string
		args []any
		want string
	}{
		{"skip-link", nil, "Skip to main content"},
		{"count-measures", []any{1}, "1 measure"},
		{"count-measures", []any{0}, "0 measures"},
		{"count-measures", []any{21}, "21 measures"},
		{"a11y-response", []any{1}, "We'll consider your request and get back to you in 1 working day."},
		{"count-editions", []any{"Count", 3, "Edition", "month", "Editions", "months"}, "3 months"},
		{"print-lede", []any{"Period", "Quarter 2, 2016/17"}, "Quarter 2, 2016/17: the whole report on one page, for printing."},
	}
	for _, tc := range tests {
		got, err := c.Text(tc.id, tc.args...)
		if err != nil || got != tc.want {
			t.Errorf("Text(%q, %v) = %q, %v; want %q", tc.id, tc.args, got, err, tc.want)
		}
	}
}

func countArgs(m *message, n int) []any {
	args := []any{"Count", n}
	for a := range m.args {
		if a != "Count" {
			args = append(args, a, "x")
		}
	}
	return args
}

func TestTextArguments(t *testing.T) {
	c := English()
	for _, tc := range []struct {
		id   string
		args []any
		want string // in the error
	}{
		{"no-such-message", nil, `no message "no-such-message"`},
		{"print-lede", nil, "needs the argument Period"},
		{"print-lede", []any{"Period"}, "names and values"},
		{"print-lede", []any{"Period", "Q2", "Quarter", "Q2"}, "has no argument Quarter"},
		{"count-editions", []any{3}, "names and values"},
	} {
		_, err := c.Text(tc.id, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Text(%q, %v): error %v; want one saying %q", tc.id, tc.args, err, tc.want)
		}
	}
}

// welsh is a translation of a few messages, with Welsh's six plural forms.
const welsh = `skip-link: Neidio i'r prif gynnwys
count-measures:
  zero: "{{.Count}} mesur"
  one: "{{.Count}} mesur"
  two: "{{.Count}} fesur"
  few: "{{.Count}} mesur (few)"
  many: "{{.Count}} mesur (many)"
  other: "{{.Count}} mesur (other)"
search-results:
  zero: "{{.Count}} canlyniad ar gyfer “{{.Query}}”"
  one: "{{.Count}} canlyniad ar gyfer “{{.Query}}”"
  two: "{{.Count}} ganlyniad ar gyfer “{{.Query}}”"
  few: "{{.Count}} chanlyniad ar gyfer “{{.Query}}”"
  many: "{{.Count}} chanlyniad ar gyfer “{{.Query}}”"
  other: "{{.Count}} canlyniad ar gyfer “{{.Query}}”"
footer-licence: "Mae'r ffigurau yn ddata agored o dan y {{.Licence}}. {{.Organisation}}: {{.Title}}."
`

func TestWelsh(t *testing.T) {
	c, found := Load(site(map[string]string{"i18n/cy.yaml": welsh}), "cy")
	if found.HasErrors() {
		t.Fatal(found)
	}
	// Scorecard has no Welsh catalogue: the rest is English, and check says so.
	if len(found) != 1 || found[0].Severity != diag.Warning || !strings.Contains(found[0].Msg, "no catalogue of its words in cy") ||
		!strings.Contains(found[0].Msg, "i18n/cy.yaml does not translate") {
		t.Errorf("findings %v; want one warning that the untranslated messages are English", found)
	}
	for _, tc := range []struct {
		id   string
		args []any
		want string
	}{
		{"skip-link", nil, "Neidio i'r prif gynnwys"},
		{"count-measures", []any{0}, "0 mesur"},
		{"count-measures", []any{2}, "2 fesur"},
		{"count-measures", []any{3}, "3 mesur (few)"},
		{"count-measures", []any{6}, "6 mesur (many)"},
		{"count-measures", []any{7}, "7 mesur (other)"},
		{"count-themes", []any{3}, "3 themes"}, // English, with English's plural rule
		{"about-rating", nil, "A rating"},
	} {
		got, err := c.Text(tc.id, tc.args...)
		if err != nil || got != tc.want {
			t.Errorf("Text(%q, %v) = %q, %v; want %q", tc.id, tc.args, got, err, tc.want)
		}
	}
	// The pieces keep the translation's order.
	pieces, err := c.Pieces("footer-licence", "Licence", nil, "Organisation", "Cyngor", "Title", "Adroddiad")
	if err != nil {
		t.Fatal(err)
	}
	want := []Piece{{Text: "Mae'r ffigurau yn ddata agored o dan y "}, {Slot: "Licence"}, {Text: ". Cyngor: Adroddiad."}}
	if len(pieces) != len(want) {
		t.Fatalf("Pieces = %+v; want %+v", pieces, want)
	}
	for i := range want {
		if pieces[i] != want[i] {
			t.Errorf("Pieces = %+v; want %+v", pieces, want)
		}
	}
	// The script's forms: all six, each with the count and query marked.
	js, err := c.FormsJSON("search-results", "{count}", "Query", "{query}")
	if err != nil {
		t.Fatal(err)
	}
	var forms map[string]string
	if err := json.Unmarshal([]byte(js), &forms); err != nil {
		t.Fatal(err)
	}
	if len(forms) != 6 || forms["few"] != "{count} chanlyniad ar gyfer “{query}”" {
		t.Errorf("FormsJSON = %s; want Welsh's six forms", js)
	}
	js, _ = English().FormsJSON("search-results", "{count}", "Query", "{query}")
	if js != `{"one":"{count} result for “{query}”","other":"{count} results for “{query}”"}` {
		t.Errorf("English FormsJSON = %s", js)
	}
}

func TestPieces(t *testing.T) {
	c := English()
	got, err := c.Pieces("about-no-polarity", "Increased", nil, "Decreased", nil)
	if err != nil {
		t.Fatal(err)
	}
	var slots []string
	for _, p := range got {
		if p.Slot != "" {
			slots = append(slots, p.Slot)
		} else if strings.Contains(p.Text, "\x00") {
			t.Errorf("piece %q holds a mark", p.Text)
		}
	}
	if strings.Join(slots, " ") != "Increased Decreased" {
		t.Errorf("slots %v; want Increased Decreased", slots)
	}
	// A translation that leaves a slot out cannot be written around it.
	c2, found := Load(site(map[string]string{"i18n/en-GB.yaml": "about-figures: \"See the {{.Edition}}.\"\n"}), "en-GB")
	if found.HasErrors() {
		t.Fatal(found)
	}
	if _, err := c2.Pieces("about-figures", "Link", nil, "Edition", "quarter"); err == nil || !strings.Contains(err.Error(), "i18n/en-GB.yaml:1:1") {
		t.Errorf("Pieces with the link left out: %v; want an error naming the message's place", err)
	}
}

func TestSiteFileMistakes(t *testing.T) {
	tests := []struct {
		name, lang, file, data string
		want                   string // the finding, whole
	}{
		{"unknown id", "en-GB", "i18n/en-GB.yaml", "skip-link: Skip\nskip-lnk: Skip\n",
			`i18n/en-GB.yaml:2:1: Scorecard has no message skip-lnk (did you mean skip-link?); the ids are those of internal/words/en.yaml`},
		{"a form Welsh needs", "cy", "i18n/cy.yaml", "count-themes:\n  one: \"{{.Count}} thema\"\n  other: \"{{.Count}} thema\"\n",
			`i18n/cy.yaml:2:3: message count-themes lacks the plural forms zero, two, few and many; in cy a counted message needs zero, one, two, few, many, other`},
		{"a form English lacks", "en", "i18n/en.yaml", "count-themes:\n  one: \"{{.Count}} theme\"\n  few: \"{{.Count}} themes\"\n  other: \"{{.Count}} themes\"\n",
			`i18n/en.yaml:3:3: message count-themes: en has no plural form "few"; its forms are one, other`},
		{"counted as one text", "en", "i18n/en.yaml", "count-themes: \"{{.Count}} themes\"\n",
			`i18n/en.yaml:1:15: message count-themes is counted: give its plural forms (one, other), each on a line of its own`},
		{"forms for one text", "en", "i18n/en.yaml", "skip-link:\n  one: Skip\n  other: Skip\n",
			`i18n/en.yaml:2:3: message skip-link is not counted: write it as one text`},
		{"an argument it lacks", "en", "i18n/en.yaml", "print-lede: \"{{.Quarter}}: the whole report\"\n",
			`i18n/en.yaml:1:13: message print-lede has no argument .Quarter; its arguments are .Period`},
		{"not a template", "en", "i18n/en.yaml", "print-lede: \"{{.Period: the whole report\"\n",
			`i18n/en.yaml:1:13: message print-lede: expected :=`},
		{"twice", "en", "i18n/en.yaml", "skip-link: Skip\nskip-link: Jump\n",
			`i18n/en.yaml:2:1: message skip-link is given twice; keep one`},
		{"not a mapping", "en", "i18n/en.yaml", "- skip-link\n",
			"i18n/en.yaml:1:1: a message file is a mapping from message id to message, a line each, such as skip-link: Skip to main content"},
		{"empty", "en", "i18n/en.yaml", "skip-link: \"\"\n",
			`i18n/en.yaml:1:12: message skip-link is empty; write its words (the pages need every message)`},
		{"not text", "en", "i18n/en.yaml", "skip-link: [a, b]\n",
			`i18n/en.yaml:1:12: message skip-link: write the message as text`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, found := Load(site(map[string]string{tc.file: tc.data}), tc.lang)
			var got []string
			for _, f := range found {
				if f.Severity == diag.Error {
					got = append(got, f.Error())
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

func TestStrayFiles(t *testing.T) {
	_, found := Load(site(map[string]string{"i18n/en.yaml": "skip-link: Skip\n", "i18n/fr.yaml": "skip-link: Passer\n"}), "en-GB")
	var got []string
	for _, f := range found {
		got = append(got, f.Error())
	}
	want := []string{
		"i18n/en.yaml: warning: Scorecard reads only i18n/en-GB.yaml, the file of the site's language (en-GB in data/site.yaml), so this changes nothing; rename it to i18n/en-GB.yaml if it holds the site's words, or remove it",
		"i18n/fr.yaml: warning: Scorecard reads only i18n/en-GB.yaml, the file of the site's language (en-GB in data/site.yaml), so this changes nothing; rename it to i18n/en-GB.yaml if it holds the site's words, or remove it",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A language whose file translates everything needs no warning.
func TestWholeTranslation(t *testing.T) {
	var b strings.Builder
	c := English()
	cyForms, err := pluralForms(mustTag(t, "cy"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range c.IDs() {
		m := c.messages[id]
		var args []string
		for a := range m.args {
			args = append(args, "{{."+a+"}}")
		}
		text := "cy " + strings.Join(args, " ")
		if !m.plural {
			b.WriteString(id + ": " + quote(text) + "\n")
			continue
		}
		b.WriteString(id + ":\n")
		for _, f := range cyForms {
			b.WriteString("  " + f + ": " + quote(f+" "+text) + "\n")
		}
	}
	cy, found := Load(site(map[string]string{"i18n/cy.yaml": b.String()}), "cy")
	if len(found) > 0 {
		t.Fatalf("findings %v; want none", found)
	}
	if got, _ := cy.Text("count-measures", 2); got != "two cy 2" {
		t.Errorf("count-measures for 2 = %q; want Welsh's form two", got)
	}
}

func quote(s string) string { b, _ := json.Marshal(s); return string(b) }

func mustTag(t *testing.T, s string) language.Tag {
	t.Helper()
	tag, err := language.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return tag
}

// Fill writes what Text writes, from the message cut once: for messages
// with arguments, without, counted, and called again with other values.
func TestFill(t *testing.T) {
	c := English()
	for _, call := range [][]any{
		{"why-rose", "Before", "1", "Period", "Q1 2016/17", "Now", "2"},
		{"why-rose", "Before", "<3>", "Period", "July 2013 to June 2014", "Now", 4},
		{"why-new"},
		{"count-measures", 1},
		{"count-measures", 5},
		{"theme-summary-caption", "Count", 2, "Theme", "Homes", "Period", "Q2"},
	} {
		id, args := call[0].(string), call[1:]
		want, err := c.Text(id, args...)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := c.Fill(id, args...); err != nil || got != want {
			t.Errorf("Fill(%v) = %q, %v; want %q", call, got, err, want)
		}
	}
}
