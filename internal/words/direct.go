package words

import (
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Text is called for nearly every cell of every page, and go-i18n
// executes a message's template on each call. Most messages are text
// and arguments alone ({{.Period}}), so each is cut into pieces once, form
// by form, and Text joins the pieces with the arguments' values: the
// same words as the template writes, without it. Anything else, a message
// with template logic, an argument of another type than a string or an
// int, a count beyond the table of plural forms, is left to go-i18n.

// maxCount is the largest count whose plural form is kept in a table.
const maxCount = 200

// cutForms cuts each plural form of msg ("other" alone for a message not
// counted) into pieces, or returns nil when one of them is not text and
// arguments alone.
func cutForms(msg *i18n.Message) map[string][]Piece {
	out := map[string][]Piece{}
	for form, src := range map[string]string{"zero": msg.Zero, "one": msg.One, "two": msg.Two, "few": msg.Few, "many": msg.Many, "other": msg.Other} {
		if src == "" {
			continue
		}
		pieces, ok := cutTemplate(src)
		if !ok {
			return nil
		}
		out[form] = pieces
	}
	return out
}

// cutTemplate cuts a message's template into text and the arguments it
// shows, when it holds nothing else.
func cutTemplate(src string) ([]Piece, bool) {
	if !strings.Contains(src, "{{") {
		return []Piece{{Text: src}}, true
	}
	t, err := template.New("message").Parse(src)
	if err != nil || t.Tree == nil {
		return nil, false
	}
	var out []Piece
	for _, n := range t.Tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			out = append(out, Piece{Text: string(n.Text)})
		case *parse.ActionNode:
			p := n.Pipe
			if len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
				return nil, false
			}
			f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
			if !ok || len(f.Ident) != 1 {
				return nil, false
			}
			out = append(out, Piece{Slot: f.Ident[0]})
		default:
			return nil, false
		}
	}
	return out, true
}

// direct writes message m with args as Text would, without its template,
// or reports false when it cannot, leaving the message to Text.
func (c *Catalogue) direct(m *message, args []any) (string, bool) {
	if m.pieces == nil {
		return "", false
	}
	value := func(name string) (any, bool) {
		for i := 0; i+1 < len(args); i += 2 {
			if args[i] == name {
				return args[i+1], true
			}
		}
		return nil, false
	}
	switch {
	case len(args) == 1 && len(m.args) == 1 && m.args["Count"]:
		count := args[0]
		value = func(name string) (any, bool) { return count, name == "Count" }
	case len(args) != 2*len(m.args):
		return "", false
	default:
		for i := 0; i < len(args); i += 2 {
			name, ok := args[i].(string)
			if !ok || !m.args[name] {
				return "", false
			}
			for j := 0; j < i; j += 2 {
				if args[j] == name { // given twice
					return "", false
				}
			}
		}
	}
	form := "other"
	if m.plural {
		count, _ := value("Count")
		n, ok := count.(int)
		tag := language.English
		if m.local {
			tag = c.lang
		}
		table := c.forms[tag]
		if !ok || n < 0 || n >= len(table) {
			return "", false
		}
		form = table[n]
	}
	pieces := m.pieces[form]
	if pieces == nil {
		return "", false
	}
	var b strings.Builder
	for _, p := range pieces {
		if p.Slot == "" {
			b.WriteString(p.Text)
			continue
		}
		v, _ := value(p.Slot)
		switch v := v.(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		default:
			return "", false
		}
	}
	return b.String(), true
}
