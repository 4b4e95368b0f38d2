// Package scaffold writes the files that start a new quarter: its data
// file, from the latest quarter's targets, and draft narrative.
package scaffold

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

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
func Quarter(s *report.Site, id report.QuarterID) ([]File, error) {
	var prev *report.Quarter
	for _, q := range s.Quarters {
		if q.ID == id {
			return nil, fmt.Errorf("the site already has %s (data/quarters/%s.yaml)", id, id.Slug())
		}
		if q.ID.Index() < id.Index() {
			prev = q
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: fill in each measure's actual and status.\n", id.Long())
	if prev != nil {
		fmt.Fprintf(&b, "# Targets are carried forward from %s: change any that are new this quarter.\n", prev.ID.Label())
	}
	b.WriteString("# Remove \"draft: true\" when the quarter is ready to publish.\n")
	fmt.Fprintf(&b, "quarter: %s\ndraft: true\nmeasures:\n", id)
	theme := (*report.Theme)(nil)
	for _, m := range s.Measures {
		if m.Theme != theme {
			theme = m.Theme
			fmt.Fprintf(&b, "  # %s\n", theme.Title)
		}
		target := ""
		if prev != nil {
			if r := prev.Row(m); r != nil {
				target = r.Target.Raw
			}
		}
		fmt.Fprintf(&b, "  %s: {target: %s, actual: , status: }  # %s\n", quote(m.ID), quote(target), oneLine(m.Title))
	}
	files := []File{{Path: "data/quarters/" + id.Slug() + ".yaml", Data: []byte(b.String())}}

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
