package words

import (
	"fmt"
	"testing"
)

// Text writes a message without its template (direct) only when that
// gives go-i18n's words: every message of English and of a Welsh file,
// with every count to past the table of forms, and a site's message with
// template logic, which direct leaves to go-i18n.
func TestDirect(t *testing.T) {
	welshSite, found := Load(site(map[string]string{"i18n/cy.yaml": welsh}), "cy")
	if found.HasErrors() {
		t.Fatal(found)
	}
	logic, found := Load(site(map[string]string{"i18n/en.yaml": "footer-licence: \"{{if .Licence}}L{{end}} {{.Organisation}}: {{.Title}}\"\n" +
		"search-results:\n  one: \"{{.Count}} result for {{printf \\\"%q\\\" .Query}}\"\n  other: \"{{.Count}} results for {{.Query}}{{.Query}}\"\n"}), "en")
	if found.HasErrors() {
		t.Fatal(found)
	}
	for name, c := range map[string]*Catalogue{"en": English(), "cy": welshSite, "logic": logic} {
		direct := 0
		for _, id := range c.IDs() {
			m := c.messages[id]
			var named []any
			for a := range m.args {
				if a != "Count" {
					named = append(named, a, "<"+a+">")
				}
			}
			counts := []any{nil}
			if m.plural {
				counts = counts[:0]
				for n := range maxCount + 3 {
					counts = append(counts, n)
				}
				counts = append(counts, 1000000, "3")
			}
			for _, n := range counts {
				args := named
				data := map[string]any{}
				for i := 0; i < len(named); i += 2 {
					data[named[i].(string)] = named[i+1]
				}
				if n != nil {
					args = append([]any{"Count", n}, named...)
					data["Count"] = n
				} else if m.args["Count"] {
					args = append([]any{"Count", 7}, named...)
					data["Count"] = 7
				}
				want, err := c.localize(m, data, data["Count"])
				if err != nil {
					t.Fatalf("%s: %s: %v", name, id, err)
				}
				got, ok := c.direct(m, args)
				if ok {
					direct++
				} else if got, err = c.Text(id, args...); err != nil {
					t.Fatalf("%s: Text(%s, %v): %v", name, id, args, err)
				}
				if got != want {
					t.Errorf("%s: Text(%s, %s) = %q; go-i18n writes %q", name, id, fmt.Sprint(args...), got, want)
				}
			}
		}
		if direct == 0 {
			t.Errorf("%s: no message was written directly", name)
		}
		for _, id := range []string{"footer-licence", "search-results"} {
			if name == "logic" && c.messages[id].pieces != nil {
				t.Errorf("%s: message %s has template logic but is written directly", name, id)
			}
		}
	}
}
