package synth

import (
	"bufio"
	"fmt"
	"strings"
)

// WriteHugo writes the content of a Hugo site equivalent to the one Write
// makes with the same options, for comparing build times: a page per
// measure (its last four quarters as a table, and a paragraph), a page per
// quarter and theme (its first measures as a table, and the theme's
// narrative), and a page per quarter (the status counts by theme, and the
// introduction). The configuration and layouts are in bench/hugo.
func WriteHugo(dir string, o Options) error {
	if err := o.check(); err != nil {
		return err
	}
	if err := emptyDir(dir); err != nil {
		return err
	}
	g := newGen(o)
	w := &writer{dir: dir}
	w.file("content/_index.md", func(b *bufio.Writer) {
		b.WriteString("---\ntitle: Strategic Performance Report\n---\n\nThe council's performance, quarter by quarter, against the measures of its Ambition Plan.\n")
	})
	w.file("content/measures/_index.md", func(b *bufio.Writer) {
		b.WriteString("---\ntitle: All measures\n---\n\nEvery measure, theme by theme.\n")
	})
	const keep = 4
	recent := make([][]*row, len(g.measures)) // the last rows of each measure, oldest first
	for k, q := range g.quarters {
		rows := g.rows(k)
		for i, rw := range rows {
			if len(recent[i]) == keep {
				recent[i] = recent[i][1:]
			}
			recent[i] = append(recent[i], rw)
		}
		w.file("content/"+q.path()+"/_index.md", func(b *bufio.Writer) {
			fmt.Fprintf(b, "---\ntitle: %s\n---\n\n| Theme | Measures | Green | Amber | Red |\n| --- | --- | --- | --- | --- |\n", yamlQuote(g.introTitle(k)))
			for _, t := range g.themes {
				var n, green, amber, red int
				for _, i := range t.measures {
					if rows[i] == nil {
						continue
					}
					n++
					switch rows[i].status {
					case "HG", "LG", "G":
						green++
					case "A":
						amber++
					case "LR", "HR":
						red++
					}
				}
				fmt.Fprintf(b, "| [%s](%s/) | %d | %d | %d | %d |\n", t.title, t.id, n, green, amber, red)
			}
			b.WriteString("\n" + g.introBody(k))
		})
		for t, th := range g.themes {
			w.file("content/"+q.path()+"/"+th.id+".md", func(b *bufio.Writer) {
				fmt.Fprintf(b, "---\ntitle: %s\n---\n\n| Measure | Target | Actual | Status |\n| --- | --- | --- | --- |\n", yamlQuote(th.title))
				for _, i := range th.measures[:min(5, len(th.measures))] {
					if rw := rows[i]; rw != nil {
						fmt.Fprintf(b, "| [%s](/measures/%s/) | %s | %s | %s |\n", g.measures[i].title, g.measures[i].id, cellText(rw.target), cellText(rw.actual), cellText(rw.status))
					}
				}
				b.WriteString("\n" + g.themeBody(k, t))
			})
		}
	}
	last := len(g.quarters) - 1
	for i, m := range g.measures {
		w.file("content/measures/"+m.id+".md", func(b *bufio.Writer) {
			fmt.Fprintf(b, "---\ntitle: %s\ntheme: %s\n---\n\n", yamlQuote(m.title), g.themes[m.theme].id)
			def := m.definition
			if def == "" {
				def = "How the measure is counted is set out in the council's performance framework."
			}
			fmt.Fprintf(b, "%s is better; measured as %s. %s\n\n| Quarter | Target | Actual | Status |\n| --- | --- | --- | --- |\n", capital(m.good), m.unit, def)
			for j, rw := range recent[i] {
				if rw != nil {
					q := g.quarters[last-len(recent[i])+1+j]
					fmt.Fprintf(b, "| %s | %s | %s | %s |\n", q.label(), cellText(rw.target), cellText(rw.actual), cellText(rw.status))
				}
			}
		})
	}
	return w.err
}

// cellText is a cell as a table shows it.
func cellText(s string) string {
	if s == "" {
		return "no data"
	}
	return strings.ReplaceAll(s, "|", `\|`)
}
