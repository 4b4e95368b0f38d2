// Package words holds the words the site itself prints to its readers
// (not the council's own text): one catalogue of messages per language,
// with CLDR plural forms, which a site may translate or override with a
// file of its own, i18n/LANGUAGE.yaml.
//
// A catalogue is a YAML mapping from message id to either a string or the
// plural forms of a message (zero, one, two, few, many, other: those the
// language needs). Messages are Go text/template text with named arguments,
// {{.Count}}, {{.Period}}; the message with a Count argument is chosen by
// the count's plural form. Messages are plain text: the pages escape them.
package words

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
)

// Dir is the folder of a site that holds its own message files.
const Dir = "i18n"

//go:embed en.yaml
var english []byte

// builtin are the catalogues Scorecard ships, by base language.
var builtin = map[string][]byte{"en": english}

// Forms are the CLDR plural forms, in CLDR's order.
var Forms = []string{"zero", "one", "two", "few", "many", "other"}

// Catalogue is the words of one site: a language's messages, with English
// for any message the language's catalogue lacks. It is read-only once
// loaded, and safe to use from many goroutines.
type Catalogue struct {
	lang     language.Tag
	messages map[string]*message
	local    *i18n.Localizer // the site's language
	en       *i18n.Localizer // the English catalogue, for messages the language lacks
	// samples are, for English and the site's language, the smallest
	// count of each plural form (formSamples).
	samples map[language.Tag]map[string]int
	// forms are, for English and the site's language, the plural form
	// of each count to maxCount, for direct.
	forms map[language.Tag][]string
	// cut holds, for Fill, each message cut around its arguments:
	// []Piece, or nil for one Fill leaves to Text.
	cut sync.Map
}

// message is one message, as the English catalogue has it, and whether
// the site's language has it too.
type message struct {
	id     string
	plural bool
	args   map[string]bool    // the arguments the English message takes
	local  bool               // the site's language has this message
	plain  string             // the message itself when it takes no argument
	pieces map[string][]Piece // by plural form, when every form is text and arguments alone (cutForms)
	pos    diag.Pos           // where the message used is written
}

// English returns the built-in English catalogue. Its file is embedded and
// tested, so a mistake in it is a bug: English panics.
func English() *Catalogue {
	c, found := Load(nil, "en")
	if err := found.Err(); err != nil {
		panic(err)
	}
	return c
}

// Load returns the words of a site whose pages are in lang (a BCP 47 tag
// such as en-GB or cy), read from fsys, the site's folder (nil for none):
// the built-in catalogue of lang's base language, or English when there
// is none, with the site's i18n/LANG.yaml over it. The findings name the
// file, line and column of each mistake: a message id the catalogue does
// not have, a plural form the language lacks or needs, an argument the
// message does not take. A language with no built-in catalogue is a
// warning naming the messages that fall back to English.
func Load(fsys fs.FS, lang string) (*Catalogue, diag.List) {
	var found diag.List
	if lang == "" {
		lang = "en"
	}
	tag, err := language.Parse(lang)
	if err != nil {
		found.Errorf(diag.Pos{File: "data/site.yaml"}, "language %q is not a language tag: %v", lang, err)
		tag = language.English
	}
	base, _ := tag.Base()

	en, errs := parseFile("(built-in) internal/words/en.yaml", english, language.English, nil)
	if len(errs) > 0 {
		return nil, errs
	}
	c := &Catalogue{lang: tag, messages: map[string]*message{}}
	bundle := i18n.NewBundle(language.English)
	enMsgs := make([]*i18n.Message, 0, len(en))
	for _, m := range en {
		c.messages[m.msg.ID] = &message{id: m.msg.ID, plural: m.plural, args: m.args, pos: m.pos}
		enMsgs = append(enMsgs, m.msg)
	}
	bundle.MustAddMessages(language.English, enMsgs...)
	c.en = i18n.NewLocalizer(bundle, "en")

	var local []parsed
	builtinFile, hasBuiltin := builtin[base.String()]
	if hasBuiltin && base.String() != "en" {
		local, errs = parseFile("(built-in) internal/words/"+base.String()+".yaml", builtinFile, tag, c.messages)
		if len(errs) > 0 {
			return nil, errs
		}
	}
	siteFile := path.Join(Dir, lang+".yaml")
	if fsys != nil {
		found = append(found, strays(fsys, siteFile, lang)...)
		data, err := fs.ReadFile(fsys, siteFile)
		switch {
		case err == nil:
			own, errs := parseFile(siteFile, data, tag, c.messages)
			found = append(found, errs...)
			local = merge(local, own)
		case !errors.Is(err, fs.ErrNotExist):
			found.Errorf(diag.Pos{File: siteFile}, "%v", err)
		}
	}
	if len(local) > 0 {
		msgs := make([]*i18n.Message, 0, len(local))
		for _, m := range local {
			c.messages[m.msg.ID].local = true
			c.messages[m.msg.ID].pos = m.pos
			msgs = append(msgs, m.msg)
		}
		if err := bundle.AddMessages(tag, msgs...); err != nil {
			found.Errorf(diag.Pos{File: siteFile}, "%v", err)
		}
	}
	c.local = i18n.NewLocalizer(bundle, tag.String())
	c.samples = map[language.Tag]map[string]int{}
	c.forms = map[language.Tag][]string{}
	for _, t := range []language.Tag{language.English, tag} {
		p, err := pluralsOf(t)
		if err != nil {
			c.samples[t] = c.samples[language.English] // the site's file said so
			continue
		}
		c.samples[t], c.forms[t] = p.samples, p.table
	}
	for _, m := range en {
		c.messages[m.msg.ID].pieces = cutForms(m.msg)
	}
	for _, m := range local {
		c.messages[m.msg.ID].pieces = cutForms(m.msg)
	}
	if !hasBuiltin {
		var missing []string
		for id, m := range c.messages {
			if !m.local {
				missing = append(missing, id)
			}
		}
		if len(missing) > 0 {
			slices.Sort(missing)
			found.Warnf(diag.Pos{File: "data/site.yaml"}, "Scorecard has no catalogue of its words in %s, so its pages print English for the %d messages %s does not translate (%s); translate them in %s (see docs/your-own-report.md, \"Words and languages\")",
				lang, len(missing), siteFile, list(missing, 5), siteFile)
		}
	}
	found = append(found, c.try()...)
	return c, found
}

// try writes every message in each of its plural forms, so that a
// message that cannot be written is found where it is written, not on a
// page. The messages that take no argument are kept: they are the same on
// every page.
func (c *Catalogue) try() diag.List {
	var found diag.List
	for _, id := range c.IDs() {
		m := c.messages[id]
		data := map[string]any{}
		for a := range m.args {
			data[a] = "x"
		}
		counts := []any{nil}
		if m.plural {
			samples := c.formsOf(m)
			counts = counts[:0]
			for _, f := range Forms {
				if n, ok := samples[f]; ok {
					counts = append(counts, n)
				}
			}
		}
		for _, n := range counts {
			if n != nil {
				data["Count"] = n
			}
			s, err := c.localize(m, data, n)
			if err != nil {
				found.Errorf(m.pos, "%v", err)
				break
			}
			if !m.plural && len(m.args) == 0 {
				m.plain = s
			}
		}
	}
	return found
}

// Piece is a part of a message written in pieces (Pieces): its text, or
// the name of an argument the page writes itself, such as a link.
type Piece struct {
	Text string
	Slot string
}

// Pieces returns message id cut around its slots: the arguments, given as
// names and values, whose value is nil. The page writes each slot itself,
// a link or a word in bold whose own words are another message, so that
// the message stays plain text and a translation may put its slots in
// any order.
func (c *Catalogue) Pieces(id string, args ...any) ([]Piece, error) {
	m := c.messages[id]
	if m == nil {
		return nil, fmt.Errorf("no message %q in the catalogue (internal/words/en.yaml)", id)
	}
	args = slices.Clone(args)
	var slots []string
	for i := 1; i < len(args); i += 2 {
		if args[i] == nil {
			name, _ := args[i-1].(string)
			args[i] = fmt.Sprintf("\x00%d\x00", len(slots))
			slots = append(slots, name)
		}
	}
	s, err := c.Text(id, args...)
	if err != nil {
		return nil, err
	}
	var out []Piece
	seen := make([]bool, len(slots))
	for k, part := range strings.Split(s, "\x00") {
		switch {
		case k%2 == 0 && part != "":
			out = append(out, Piece{Text: part})
		case k%2 == 1:
			var n int
			if _, err := fmt.Sscanf(part, "%d", &n); err != nil || n >= len(slots) || seen[n] {
				return nil, fmt.Errorf("message %s (%s) must show each of {{.%s}} once", id, m.pos, strings.Join(slots, "}}, {{."))
			}
			seen[n] = true
			out = append(out, Piece{Slot: slots[n]})
		}
	}
	if slices.Contains(seen, false) {
		return nil, fmt.Errorf("message %s (%s) must show each of {{.%s}} once", id, m.pos, strings.Join(slots, "}}, {{."))
	}
	return out, nil
}

// strays warns of files in the site's i18n/ folder that are not the
// site's language's, which Scorecard does not read.
func strays(fsys fs.FS, want, lang string) diag.List {
	var found diag.List
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		return nil // no folder
	}
	for _, e := range entries {
		name := path.Join(Dir, e.Name())
		if name == want {
			continue
		}
		found.Warnf(diag.Pos{File: name}, "Scorecard reads only %s, the file of the site's language (%s in data/site.yaml), so this changes nothing; rename it to %s if it holds the site's words, or remove it", want, lang, want)
	}
	return found
}

// list writes at most n of ids, and how many more.
func list(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:n], ", ") + fmt.Sprintf(" and %d more", len(ids)-n)
}

// merge returns base with the messages of over replacing those of the same id.
func merge(base, over []parsed) []parsed {
	byID := map[string]parsed{}
	for _, m := range base {
		byID[m.msg.ID] = m
	}
	for _, m := range over {
		byID[m.msg.ID] = m
	}
	return slices.SortedFunc(maps.Values(byID), func(a, b parsed) int { return strings.Compare(a.msg.ID, b.msg.ID) })
}

// parsed is one message of a file.
type parsed struct {
	pos    diag.Pos
	msg    *i18n.Message
	plural bool
	args   map[string]bool
}

// parseFile reads a message file for the language tag. When known is not
// nil (every file but the English catalogue), each message must be one of
// known's, plural where it is plural, taking only its arguments.
func parseFile(name string, data []byte, tag language.Tag, known map[string]*message) ([]parsed, diag.List) {
	var found diag.List
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{File: name, Line: n.Line, Col: n.Column} }
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		found.Errorf(diag.Pos{File: name}, "%v", err)
		return nil, found
	}
	if len(doc.Content) == 0 {
		return nil, nil // an empty file
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		found.Errorf(at(top), "a message file is a mapping from message id to message, a line each, such as skip-link: Skip to main content")
		return nil, found
	}
	forms, err := pluralForms(tag)
	if err != nil {
		found.Errorf(at(top), "%v", err)
		return nil, found
	}
	seen := map[string]bool{}
	var out []parsed
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		id := k.Value
		if seen[id] {
			found.Errorf(at(k), "message %s is given twice; keep one", id)
			continue
		}
		seen[id] = true
		var want *message
		if known != nil {
			want = known[id]
			if want == nil {
				found.Errorf(at(k), "Scorecard has no message %s%s; the ids are those of internal/words/en.yaml", id, suggest(id, known))
				continue
			}
		}
		before := len(found)
		p := parsed{pos: at(k), msg: &i18n.Message{ID: id}, args: map[string]bool{}}
		text := func(v *yaml.Node) (string, bool) {
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
				found.Errorf(at(v), "message %s: write the message as text", id)
				return "", false
			}
			if strings.TrimSpace(v.Value) == "" {
				found.Errorf(at(v), "message %s is empty; write its words (the pages need every message)", id)
				return "", false
			}
			if err := fields(v.Value, p.args); err != nil {
				found.Errorf(at(v), "message %s: %v", id, err)
				return "", false
			}
			return v.Value, true
		}
		switch v.Kind {
		case yaml.MappingNode:
			p.plural = true
			have := map[string]*yaml.Node{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				fk, fv := v.Content[j], v.Content[j+1]
				if !slices.Contains(forms, fk.Value) {
					found.Errorf(at(fk), "message %s: %s has no plural form %q; its forms are %s", id, tag, fk.Value, strings.Join(forms, ", "))
					continue
				}
				s, ok := text(fv)
				if !ok {
					continue
				}
				have[fk.Value] = fv
				setForm(p.msg, fk.Value, s)
			}
			var lacks []string
			for _, f := range forms {
				if have[f] == nil {
					lacks = append(lacks, f)
				}
			}
			if len(lacks) > 0 {
				found.Errorf(at(v), "message %s lacks the plural form%s %s; in %s a counted message needs %s", id, map[bool]string{true: "s"}[len(lacks) > 1], and(lacks), tag, strings.Join(forms, ", "))
			}
		default:
			s, ok := text(v)
			if !ok {
				continue
			}
			p.msg.Other = s
		}
		if want != nil {
			switch {
			case want.plural && !p.plural:
				found.Errorf(at(v), "message %s is counted: give its plural forms (%s), each on a line of its own", id, strings.Join(forms, ", "))
				continue
			case !want.plural && p.plural:
				found.Errorf(at(v), "message %s is not counted: write it as one text", id)
				continue
			}
			for a := range p.args {
				if !want.args[a] {
					found.Errorf(at(v), "message %s has no argument .%s; %s", id, a, argList(want.args))
				}
			}
		}
		if p.plural && known == nil && !p.args["Count"] {
			found.Errorf(at(v), "message %s has plural forms but no {{.Count}}; a counted message shows its count", id)
		}
		if len(found) == before { // a message with a mistake stays as it was
			out = append(out, p)
		}
	}
	return out, found
}

// and writes a list: "a", "a and b", "a, b and c".
func and(l []string) string {
	if len(l) < 2 {
		return strings.Join(l, "")
	}
	return strings.Join(l[:len(l)-1], ", ") + " and " + l[len(l)-1]
}

func argList(args map[string]bool) string {
	if len(args) == 0 {
		return "it takes none"
	}
	return "its arguments are ." + strings.Join(slices.Sorted(maps.Keys(args)), ", .")
}

// suggest names the known id closest to id, when one shares its start.
func suggest(id string, known map[string]*message) string {
	best := ""
	for k := range known {
		n := common(k, id)
		if n >= 4 && (best == "" || n > common(best, id) || n == common(best, id) && k < best) {
			best = k
		}
	}
	if best == "" {
		return ""
	}
	return " (did you mean " + best + "?)"
}

// common is the length of the start a and b share.
func common(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func setForm(m *i18n.Message, form, s string) {
	switch form {
	case "zero":
		m.Zero = s
	case "one":
		m.One = s
	case "two":
		m.Two = s
	case "few":
		m.Few = s
	case "many":
		m.Many = s
	default:
		m.Other = s
	}
}

// fields parses a message's template and adds the arguments it names to args.
func fields(src string, args map[string]bool) error {
	t, err := template.New("message").Parse(src)
	if err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "template: message:1: "))
	}
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			for _, c := range n.Cmds {
				walk(c)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.FieldNode:
			args[n.Ident[0]] = true
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(t.Tree.Root)
	return nil
}

// pluralForms lists the plural forms a language's whole numbers take,
// from go-i18n's CLDR rules: the forms its counted messages need.
func pluralForms(tag language.Tag) ([]string, error) {
	samples, err := formSamples(tag)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range Forms {
		if _, ok := samples[f]; ok {
			out = append(out, f)
		}
	}
	return out, nil
}

// formSamples finds, for each plural form of the language, the smallest
// count that takes it.
func formSamples(tag language.Tag) (map[string]int, error) {
	p, err := pluralsOf(tag)
	if err != nil {
		return nil, err
	}
	return p.samples, nil
}

// plurals are a language's plural forms of whole numbers.
type plurals struct {
	samples map[string]int // the smallest count of each form
	table   []string       // the form of each count to maxCount
}

// pluralsOf finds a language's plural forms. go-i18n keeps its rules to
// itself, so they are found by asking for a message that names its forms,
// for every count to 200 (CLDR's rules for whole numbers look at n, n%10
// and n%100) and a few large ones (some languages have a form for
// millions). The answer depends on the language alone, so it is worked
// out once for each.
func pluralsOf(tag language.Tag) (plurals, error) {
	if got, ok := samplesOf.Load(tag); ok {
		return got.(plurals), nil
	}
	b := i18n.NewBundle(tag)
	probe := &i18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, probe); err != nil {
		return plurals{}, fmt.Errorf("Scorecard knows no plural rules for the language %s: %v", tag, err)
	}
	l := i18n.NewLocalizer(b, tag.String())
	out := plurals{samples: map[string]int{}}
	counts := []int{}
	for n := range maxCount + 1 {
		counts = append(counts, n)
	}
	counts = append(counts, 1000, 100000, 1000000, 1000000000)
	for _, n := range counts {
		f, err := l.Localize(&i18n.LocalizeConfig{MessageID: "probe", PluralCount: n})
		if err != nil {
			return plurals{}, err
		}
		if _, ok := out.samples[f]; !ok {
			out.samples[f] = n // counts rise: the first is the smallest
		}
		if n <= maxCount {
			out.table = append(out.table, f)
		}
	}
	samplesOf.Store(tag, out)
	return out, nil
}

// samplesOf holds pluralsOf's answers, by language: they never change.
var samplesOf sync.Map

// formsOf gives the plural forms of the language m is written in, with
// the smallest count of each.
func (c *Catalogue) formsOf(m *message) map[string]int {
	if m.local {
		return c.samples[c.lang]
	}
	return c.samples[language.English]
}

// Lang is the language the catalogue speaks.
func (c *Catalogue) Lang() language.Tag { return c.lang }

// Has reports whether the catalogue has message id.
func (c *Catalogue) Has(id string) bool { return c.messages[id] != nil }

// IDs lists every message id, sorted.
func (c *Catalogue) IDs() []string { return slices.Sorted(maps.Keys(c.messages)) }

// Plural reports whether message id is counted.
func (c *Catalogue) Plural(id string) bool { m := c.messages[id]; return m != nil && m.plural }

// Text returns message id with args: nothing, for a message that takes no
// argument; a count alone, for a message whose only argument is .Count;
// or names and values in turn: "Count", 3, "Period", "Q2 2016/17". A
// counted message takes the plural form of its Count.
func (c *Catalogue) Text(id string, args ...any) (string, error) {
	m := c.messages[id]
	if m == nil {
		return "", fmt.Errorf("no message %q in the catalogue (internal/words/en.yaml)", id)
	}
	if m.plain != "" && len(args) == 0 {
		return m.plain, nil
	}
	if s, ok := c.direct(m, args); ok {
		return s, nil
	}
	data, err := named(m, args)
	if err != nil {
		return "", err
	}
	return c.localize(m, data, data["Count"])
}

// Fill is Text for a message written many times over with different
// values of the same arguments, such as a reason on every row of a big
// site: the message is cut around its arguments once (Pieces) and the
// pieces are reused, which is several times faster than Text. A counted
// message, or one that shows an argument twice or not at all, is written
// by Text.
func (c *Catalogue) Fill(id string, args ...any) (string, error) {
	cached, ok := c.cut.Load(id)
	if !ok {
		slots := slices.Clone(args)
		for i := 1; i < len(slots); i += 2 {
			slots[i] = nil
		}
		var pieces []Piece
		if m := c.messages[id]; m != nil && !m.plural && len(args)%2 == 0 {
			pieces, _ = c.Pieces(id, slots...)
		}
		cached = pieces
		c.cut.Store(id, cached)
	}
	pieces, _ := cached.([]Piece)
	if pieces == nil {
		return c.Text(id, args...)
	}
	var b strings.Builder
	for _, p := range pieces {
		if p.Slot == "" {
			b.WriteString(p.Text)
			continue
		}
		for i := 0; i+1 < len(args); i += 2 {
			if args[i] == p.Slot {
				if v, ok := args[i+1].(string); ok {
					b.WriteString(v)
				} else {
					fmt.Fprint(&b, args[i+1])
				}
				break
			}
		}
	}
	return b.String(), nil
}

// named turns Text's arguments into the message's data, checking that
// they are the arguments the message takes.
func named(m *message, args []any) (map[string]any, error) {
	data := map[string]any{}
	switch {
	case len(args) == 1 && m.args["Count"] && len(m.args) == 1:
		data["Count"] = args[0]
	case len(args)%2 != 0:
		return nil, fmt.Errorf("message %s: give its arguments as names and values; %s", m.id, argList(m.args))
	default:
		for i := 0; i < len(args); i += 2 {
			name, ok := args[i].(string)
			if !ok || !m.args[name] {
				return nil, fmt.Errorf("message %s has no argument %v; %s", m.id, args[i], argList(m.args))
			}
			data[name] = args[i+1]
		}
	}
	for a := range m.args {
		if _, ok := data[a]; !ok {
			return nil, fmt.Errorf("message %s needs the argument %s; %s", m.id, a, argList(m.args))
		}
	}
	return data, nil
}

func (c *Catalogue) localize(m *message, data map[string]any, count any) (string, error) {
	l := c.en
	if m.local {
		l = c.local
	}
	lc := &i18n.LocalizeConfig{MessageID: m.id, TemplateData: data, PluralCount: count}
	if data == nil {
		lc.TemplateData = map[string]any{}
	}
	if !m.plural {
		lc.PluralCount = nil
	}
	s, err := l.Localize(lc)
	if err != nil {
		return "", fmt.Errorf("message %s: %v", m.id, err)
	}
	return s, nil
}

// FormsJSON returns counted message id in each plural form of the
// language, as a JSON object from form to text, for a script that
// chooses the form with Intl.PluralRules: the count in each is written
// as countMark, and the other arguments are given as names and values.
func (c *Catalogue) FormsJSON(id, countMark string, args ...any) (string, error) {
	m := c.messages[id]
	if m == nil || !m.plural {
		return "", fmt.Errorf("no counted message %q in the catalogue (internal/words/en.yaml)", id)
	}
	samples := c.formsOf(m)
	data, err := named(m, append([]any{"Count", countMark}, args...))
	if err != nil {
		return "", err
	}
	l := c.en
	if m.local {
		l = c.local
	}
	out := map[string]string{}
	for form, n := range samples {
		s, err := l.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: n})
		if err != nil {
			return "", fmt.Errorf("message %s: %v", id, err)
		}
		out[form] = s
	}
	b, err := json.Marshal(out) // map keys sorted: deterministic
	return string(b), err
}
