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
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: fill in each measure's actual and status.\n", id.Long())
	if prev != nil {
		fmt.Fprintf(&b, "# Targets are carried forward from %s: change any that are new this %s.\n", prev.ID.Label(), id.Unit())
	}
	fmt.Fprintf(&b, "# Remove \"draft: true\" when the %s is ready to publish.\n", id.Unit())
	fmt.Fprintf(&b, "%s: %s\ndraft: true\nmeasures:\n", s.EditionKey(), id)
	theme := (*report.Theme)(nil)
	for _, m := range s.Measures {
		if m.Theme != theme {
			theme = m.Theme
			fmt.Fprintf(&b, "  # %s\n", theme.Title)
		}
		target, further := "", ""
		if prev != nil {
			if r := prev.Row(m); r != nil {
				target, further = r.Target.Raw, furtherTargets(r.Targets)
			}
		}
		fmt.Fprintf(&b, "  %s: {target: %s, actual: , status: %s}  # %s\n", quote(m.ID), quote(target), further, oneLine(m.Title))
	}
	files := []File{{Path: s.EditionFile(id), Data: []byte(b.String())}}

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

// furtherTargets carries a row's further targets (annual, next years')
// forward as its target is: ", targets: {annual: 96%}", or "" when it has
// none. Comparators are not carried: each describes a period, and a new
// quarter's are for the report to give.
func furtherTargets(figs []report.Figure) string {
	if len(figs) == 0 {
		return ""
	}
	parts := make([]string, len(figs))
	for i, f := range figs {
		v := quote(f.Value.Raw)
		if f.Period != "" || f.Source != "" {
			v = "{value: " + v
			if f.Period != "" {
				v += ", period: " + quote(f.Period)
			}
			if f.Source != "" {
				v += ", source: " + quote(f.Source)
			}
			v += "}"
		}
		parts[i] = quote(f.Series.ID) + ": " + v
	}
	return ", targets: {" + strings.Join(parts, ", ") + "}"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
