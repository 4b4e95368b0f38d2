// Package scaffold writes the files that start a new quarter: its data
// file, from the latest quarter's targets, and draft narrative.
package scaffold

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/load"
	"scorecard/internal/report"
)

// File is a file to create, with its path in the site folder.
type File struct {
	Path string
	Data []byte
}

// Quarter returns the files for quarter id: the data file first, then the
// introduction and one narrative file per theme, all marked draft. Targets
// come from the latest quarter before id; every catalogue measure is
// listed, in catalogue order.
func Quarter(s *report.Site, id report.Period) ([]File, error) {
	var prev *report.Quarter
	for _, q := range s.Quarters {
		if q.ID == id {
			return nil, fmt.Errorf("the site already has %s (%s)", id, s.EditionFile(id))
		}
		if q.ID.Index() < id.Index() {
			prev = q
		}
	}
	comment := id.Long() + ": fill in each measure's actual and status.\n"
	if prev != nil {
		comment += fmt.Sprintf("Targets are carried forward from %s: change any that are new this %s.\n", prev.ID.Label(), id.Unit())
	}
	comment += fmt.Sprintf("Remove \"draft: true\" when the %s is ready to publish.", id.Unit())
	e := &load.Edition{Key: s.EditionKey(), ID: id, Comment: comment, Draft: true}
	theme := (*report.Theme)(nil)
	for _, m := range s.Measures {
		em := load.EditionMeasure{ID: m.ID, Comment: oneLine(m.Title)}
		if m.Theme != theme {
			theme = m.Theme
			em.Theme = theme.Title
		}
		// Comparators are not carried: each describes a period, and a new
		// quarter's are for the report to give.
		row := load.EditionRow{Open: true}
		if prev != nil {
			if r := prev.Row(m); r != nil {
				row.Target, row.Targets = r.Target.Raw, load.EditionFigures(r.Targets)
			}
		}
		em.Rows = []load.EditionRow{row}
		e.Measures = append(e.Measures, em)
	}
	files := []File{{Path: s.EditionFile(id), Data: e.Encode()}}

	dir := "content/" + id.Slug() + "/"
	intro := "---\ntitle: " + quote(s.Title+" – "+id.Long()) + "\ndraft: true\n---\n\n" + IntroPlaceholder + "\n"
	if prev != nil && prev.Intro != nil {
		intro += headings(prev.Intro)
	}
	files = append(files, File{Path: dir + "_index.md", Data: []byte(intro)})
	for _, t := range s.AllThemes() {
		body := "---\ntitle: " + quote(t.Title) + "\ndraft: true\n---\n"
		if prev != nil && prev.Narrative[t] != nil {
			body += headings(prev.Narrative[t])
		} else {
			body += "\n## Summary of achievement\n\n## Key projects and initiatives\n\n## Summary of key challenges\n"
		}
		files = append(files, File{Path: dir + t.Address + ".md", Data: []byte(body)})
	}
	return files, nil
}

// The texts a new quarter's narrative holds until it is written. A build
// refuses to publish either (package site's publish gate).
const (
	IntroPlaceholder   = "Write the introduction here."
	SectionPlaceholder = "Write this section for the new quarter."
)

// headings copies a narrative's section headings, with a line to replace
// under each, so that the new quarter keeps the report's structure.
func headings(n *report.Narrative) string {
	var b strings.Builder
	for _, sec := range n.Sections {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n", sec.Heading, SectionPlaceholder)
	}
	return b.String()
}

// quote writes s as a YAML scalar that reads back as s.
func quote(s string) string {
	if s == "" {
		return `""`
	}
	out, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	q := strings.TrimSuffix(string(out), "\n")
	if strings.ContainsAny(q, "{}[],") && !strings.HasPrefix(q, `"`) && !strings.HasPrefix(q, "'") {
		q = fmt.Sprintf("%q", s) // inside a flow mapping these characters need quotes
	}
	return q
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
