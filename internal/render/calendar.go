package render

import (
	"io"
	"net/mail"

	"github.com/yuin/goldmark/text"

	"scorecard/internal/narrative"
	"scorecard/internal/report"
)

// The release calendar's page and the statement of voluntary application
// of the Code of Practice for Statistics (issue 16, part D).

// Paths of the release calendar, its iCalendar file and the statement.
const (
	ReleasesPath       = "releases/index.html"
	CalendarPath       = "calendar.ics"
	CodeOfPracticePath = "code-of-practice/index.html"
)

type releasesData struct {
	page
	Upcoming []report.Release // for editions after the latest, in date order
	Past     []pastRelease    // the rest, newest first
}

// pastRelease is a release of an edition the site holds, or should.
type pastRelease struct {
	report.Release
	Quarter *report.Quarter // the edition, when the site publishes it
}

// Releases renders the release calendar: the reports to come, each with
// the date it is due, and the past ones with the date each was published.
// The site makes it only when data/site.yaml has releases:.
func (r *Renderer) Releases(w io.Writer, s *report.Site) error {
	d := releasesData{page: newPage(s, ReleasesPath, "", r.say("releases-title"), homeCrumb, crumb{Msg: "releases-title"})}
	held := map[report.Period]*report.Quarter{}
	for _, q := range s.Quarters {
		held[q.ID] = q
	}
	latest := s.Quarters[len(s.Quarters)-1].ID
	for _, rel := range s.Releases {
		if rel.Edition.Compare(latest) > 0 {
			d.Upcoming = append(d.Upcoming, rel)
		} else {
			d.Past = append([]pastRelease{{Release: rel, Quarter: held[rel.Edition]}}, d.Past...)
		}
	}
	return r.execute(w, "releases.html", d)
}

type codeOfPracticeData struct {
	page
	Statement *report.CodeOfPractice
	Pillars   []pillar
	Email     string // the contact, when it is an email address: a mailto link
}

// pillar is one of the Code's three pillars and what the site says of it.
type pillar struct {
	ID, Msg string // its heading's id, and the message of its name
	Text    placed // the site's Markdown, under the heading
}

// CodeOfPractice renders the statement of voluntary application of the
// Code of Practice for Statistics, in the manner of the accessibility
// statement: what the Code asks, then the site's own words on each of its
// three pillars (Markdown, as narrative is written), whom to ask, and when
// the statement was prepared. The site makes it only when data/site.yaml
// has code_of_practice:.
func (r *Renderer) CodeOfPractice(w io.Writer, s *report.Site) error {
	c := s.CodeOfPractice
	d := codeOfPracticeData{
		page:      newPage(s, CodeOfPracticePath, "", r.say("cop-title"), homeCrumb, crumb{Msg: "cop-title"}),
		Statement: c,
	}
	if a, err := mail.ParseAddress(c.Contact); err == nil && a.Name == "" && a.Address == c.Contact {
		d.Email = c.Contact
	}
	for _, p := range []struct{ id, msg, md string }{
		{"trustworthiness", "cop-trustworthiness", c.Trustworthiness},
		{"quality", "cop-quality", c.Quality},
		{"value", "cop-value", c.Value},
	} {
		d.Pillars = append(d.Pillars, pillar{ID: p.id, Msg: p.msg, Text: placed{
			Blocks: markdownBlocks(p.md, s.AllowHTML),
			// Its headings sit under the pillar's, and its ids are its own.
			Place: narrative.Place{IDPrefix: p.id + "-", Demote: true},
		}})
	}
	return r.execute(w, "codeofpractice.html", d)
}

// markdownBlocks parses Markdown written in data/site.yaml into blocks
// that render as narrative does.
func markdownBlocks(md string, allowHTML bool) report.Blocks {
	src := []byte(md)
	root := narrative.Markdown(allowHTML).Parser().Parse(text.NewReader(src))
	doc := &report.Doc{Source: src, Line: 1, Root: root, AllowHTML: allowHTML}
	b := report.Blocks{Doc: doc}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		b.Nodes = append(b.Nodes, n)
	}
	return b
}

// codeOfPracticeIDs are the ids the statement's page writes.
func codeOfPracticeIDs(s *report.Site) []string {
	ids := []string{"main", "practice", "contact", "preparation"}
	for _, p := range []struct{ id, md string }{
		{"trustworthiness", s.CodeOfPractice.Trustworthiness},
		{"quality", s.CodeOfPractice.Quality},
		{"value", s.CodeOfPractice.Value},
	} {
		ids = append(ids, p.id)
		for _, id := range narrative.IDs(markdownBlocks(p.md, s.AllowHTML)) {
			ids = append(ids, p.id+"-"+id)
		}
	}
	return ids
}

// releasesAnchors are the ids the release calendar's page writes: its
// tables' and a row per release, release-<edition slug>.
func releasesAnchors(s *report.Site) []string {
	ids := []string{"main", "upcoming"}
	latest := s.Quarters[len(s.Quarters)-1].ID
	past, upcoming := false, false
	for _, rel := range s.Releases {
		ids = append(ids, "release-"+rel.Edition.Slug())
		if rel.Edition.Compare(latest) > 0 {
			upcoming = true
		} else {
			past = true
		}
	}
	if upcoming {
		ids = append(ids, "caption-upcoming")
	}
	if past {
		ids = append(ids, "past", "caption-past")
	}
	return ids
}
