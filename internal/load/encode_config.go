package load

import (
	"slices"
	"strconv"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

// The encoders of data/measures.yaml and data/site.yaml, beside their
// decoders (catalogue.go, config.go), for the parts Scorecard writes: the
// synthetic sites of cmd/synth. A site's rating bands, statuses, units and
// the rest of its configuration are written by hand, not by Scorecard, so
// these encoders leave them out.

// Catalogue is data/measures.yaml as it is written: the themes, then the
// measures, each field as its text.
type Catalogue struct {
	Themes   []CatalogueTheme
	Measures []CatalogueMeasure
}

// CatalogueTheme is a theme of the catalogue, with the themes under it.
type CatalogueTheme struct {
	ID, Title string
	Themes    []CatalogueTheme
}

// CatalogueMeasure is a measure of the catalogue. Comment, when not "", is
// written above it: the title of the theme whose measures it starts.
type CatalogueMeasure struct {
	Comment                              string
	ID, Number, Theme, Title, Good, Unit string
	Equalities, Cumulative               bool
	Definition, Why, Source, Frequency   string
	Owner, Caveats                       string
	Codes                                []string
	IDs                                  []report.ExternalID
}

// Encode writes the catalogue with yaml.v3, indented by two spaces.
func (c *Catalogue) Encode() []byte {
	themes := &yaml.Node{Kind: yaml.SequenceNode}
	for _, t := range c.Themes {
		themes.Content = append(themes.Content, themeNode(t))
	}
	measures := &yaml.Node{Kind: yaml.SequenceNode}
	for _, m := range c.Measures {
		n := &yaml.Node{Kind: yaml.MappingNode}
		text := func(k, v string) {
			if v != "" {
				n.Content = append(n.Content, TextNode(k), TextNode(v))
			}
		}
		for _, f := range []struct {
			key, text string
			flag      bool
		}{
			{key: "id", text: m.ID}, {key: "number", text: m.Number}, {key: "theme", text: m.Theme},
			{key: "title", text: m.Title}, {key: "good", text: m.Good}, {key: "unit", text: m.Unit},
			{key: "equalities", flag: m.Equalities}, {key: "cumulative", flag: m.Cumulative},
			{key: "definition", text: m.Definition}, {key: "why", text: m.Why}, {key: "source", text: m.Source},
			{key: "frequency", text: m.Frequency}, {key: "owner", text: m.Owner},
		} {
			if f.flag {
				n.Content = append(n.Content, TextNode(f.key), boolNode(true))
			}
			text(f.key, f.text)
		}
		if len(m.Codes) > 0 {
			codes := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, c := range m.Codes {
				codes.Content = append(codes.Content, TextNode(c))
			}
			n.Content = append(n.Content, TextNode("codes"), codes)
		}
		if len(m.IDs) > 0 {
			ids := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
			for _, id := range m.IDs {
				ids.Content = append(ids.Content, TextNode(id.Scheme), TextNode(id.ID))
			}
			n.Content = append(n.Content, TextNode("ids"), ids)
		}
		text("caveats", m.Caveats)
		n.HeadComment = comments(m.Comment)
		measures.Content = append(measures.Content, n)
	}
	return mustEncode(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		TextNode("themes"), themes, TextNode("measures"), measures}})
}

func themeNode(t CatalogueTheme) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{TextNode("id"), TextNode(t.ID), TextNode("title"), TextNode(t.Title)}}
	if len(t.Themes) > 0 {
		list := &yaml.Node{Kind: yaml.SequenceNode}
		for _, c := range t.Themes {
			list.Content = append(list.Content, themeNode(c))
		}
		n.Content = append(n.Content, TextNode("themes"), list)
	}
	return n
}

// SiteConfig is data/site.yaml as Scorecard writes it: the site's names
// and address, its accessibility statement and its import: section.
type SiteConfig struct {
	Comment       string // lines written above the first key, without "# "
	Organisation  string
	Title         string
	Language      string
	BaseURL       string
	TableNote     string // scorecard_note
	Accessibility report.Accessibility
	Import        report.Import
}

// Encode writes the configuration with yaml.v3, indented by two spaces.
func (c *SiteConfig) Encode() []byte {
	top := &yaml.Node{Kind: yaml.MappingNode}
	text := func(n *yaml.Node, k, v string) {
		if v != "" {
			n.Content = append(n.Content, TextNode(k), TextNode(v))
		}
	}
	text(top, "organisation", c.Organisation)
	text(top, "title", c.Title)
	text(top, "language", c.Language)
	text(top, "base_url", c.BaseURL)
	text(top, "scorecard_note", c.TableNote)
	if a := c.Accessibility; a.Compliance != "" || len(a.Exceptions) > 0 || a.ContactEmail != "" || a.ContactPhone != "" ||
		a.ContactURL != "" || a.ResponseDays > 0 || a.Prepared != "" || a.Reviewed != "" || a.Tested != "" {
		n := &yaml.Node{Kind: yaml.MappingNode}
		text(n, "compliance", a.Compliance)
		if len(a.Exceptions) > 0 {
			list := &yaml.Node{Kind: yaml.SequenceNode}
			for _, e := range a.Exceptions {
				list.Content = append(list.Content, TextNode(e))
			}
			n.Content = append(n.Content, TextNode("exceptions"), list)
		}
		text(n, "contact_email", a.ContactEmail)
		text(n, "contact_phone", a.ContactPhone)
		text(n, "contact_url", a.ContactURL)
		if a.ResponseDays > 0 {
			n.Content = append(n.Content, TextNode("response_days"), intNode(a.ResponseDays))
		}
		text(n, "prepared", a.Prepared)
		text(n, "reviewed", a.Reviewed)
		text(n, "tested", a.Tested)
		top.Content = append(top.Content, TextNode("accessibility"), n)
	}
	if im := c.Import; len(im.Columns) > 0 || im.HeaderRow > 0 {
		n := &yaml.Node{Kind: yaml.MappingNode}
		if len(im.Columns) > 0 {
			cols := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
			for _, f := range report.ImportFields {
				if h, ok := im.Columns[f]; ok {
					cols.Content = append(cols.Content, TextNode(f), TextNode(h))
				}
			}
			n.Content = append(n.Content, TextNode("columns"), cols)
		}
		if im.HeaderRow > 0 {
			n.Content = append(n.Content, TextNode("header_row"), intNode(im.HeaderRow))
		}
		top.Content = append(top.Content, TextNode("import"), n)
	}
	if len(top.Content) > 0 {
		top.Content[0].HeadComment = comments(c.Comment)
	}
	return mustEncode(top)
}

// ConfigOf is the part of site s's configuration a SiteConfig writes.
func ConfigOf(s *report.Site) *SiteConfig {
	a := s.Accessibility
	a.Exceptions = slices.Clone(a.Exceptions)
	return &SiteConfig{Organisation: s.Organisation, Title: s.Title, Language: s.Language, BaseURL: s.BaseURL,
		TableNote: s.TableNote, Accessibility: a, Import: s.Import}
}

func boolNode(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

func intNode(i int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(i)}
}

// mustEncode writes a document the encoders made: text and their own
// kinds of node only, which yaml.v3 always writes.
func mustEncode(doc *yaml.Node) []byte {
	out, err := EncodeNode(doc, 2)
	if err != nil {
		panic(err)
	}
	return out
}
