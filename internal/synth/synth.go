// Package synth generates Scorecard sites of any size, with figures, notes
// and narrative that look like a real council's, for benchmarks and tests.
// The same options always give byte-identical files.
package synth

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"scorecard/internal/load"
	"scorecard/internal/report"
)

// Options say how big a site to make.
type Options struct {
	Measures int    // measures in the catalogue
	Themes   int    // themes they are spread across, evenly
	Quarters int    // quarter files, the last of them 2016-17 Q2
	Seed     uint64 // the same seed gives the same site
}

// latestQuarter is the latest quarter of every generated site, as in the example.
var latestQuarter = quarter{Year: 2016, Q: 2}

func (o Options) check() error {
	switch {
	case o.Themes < 1:
		return errors.New("themes must be at least 1")
	case o.Measures < o.Themes:
		return fmt.Errorf("measures (%d) must be at least the number of themes (%d)", o.Measures, o.Themes)
	case o.Measures > 99999*o.Themes:
		return errors.New("at most 99,999 measures per theme")
	case o.Quarters < 1 || o.Quarters > 400:
		return errors.New("quarters must be between 1 and 400")
	}
	return nil
}

// Write writes the site into dir: data/site.yaml, data/measures.yaml, one
// file per quarter under data/quarters/ and the narrative under content/.
// dir must be missing or empty, so that no file of an earlier run remains.
func Write(dir string, o Options) error {
	if err := o.check(); err != nil {
		return err
	}
	if err := emptyDir(dir); err != nil {
		return err
	}
	g := newGen(o)
	w := &writer{dir: dir}
	w.file("data/site.yaml", g.siteYAML)
	w.file("data/measures.yaml", g.catalogueYAML)
	for k, q := range g.quarters {
		rows := g.rows(k)
		w.file("data/quarters/"+q.Slug()+".yaml", func(b *bufio.Writer) { g.quarterYAML(b, k, rows) })
		w.file("content/"+q.Slug()+"/_index.md", func(b *bufio.Writer) { g.intro(b, k) })
		for t := range g.themes {
			w.file("content/"+q.Slug()+"/"+g.themes[t].id+".md", func(b *bufio.Writer) { g.narrative(b, k, t) })
		}
	}
	return w.err
}

// emptyDir makes dir, or checks that it holds nothing.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty; synth writes only into a new or empty folder, so that no file of an earlier site remains", dir)
	}
	return nil
}

// writer writes files under dir, keeping the first error.
type writer struct {
	dir string
	err error
}

func (w *writer) file(name string, write func(*bufio.Writer)) {
	if w.err != nil {
		return
	}
	path := filepath.Join(w.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		w.err = err
		return
	}
	f, err := os.Create(path)
	if err != nil {
		w.err = err
		return
	}
	b := bufio.NewWriterSize(f, 64<<10)
	write(b)
	if err := b.Flush(); err != nil {
		f.Close()
		w.err = err
		return
	}
	w.err = f.Close()
}

// quarter is a financial year's quarter: Year 2016, Q 2 is July to
// September 2016.
type quarter struct{ Year, Q int }

func (q quarter) index() int        { return q.Year*4 + q.Q - 1 }
func (q quarter) add(n int) quarter { i := q.index() + n; return quarter{i / 4, i%4 + 1} }
func (q quarter) String() string    { return fmt.Sprintf("%d-%02d Q%d", q.Year, (q.Year+1)%100, q.Q) }
func (q quarter) Slug() string      { return fmt.Sprintf("%d-%02d-q%d", q.Year, (q.Year+1)%100, q.Q) }
func (q quarter) path() string      { return fmt.Sprintf("%d-%02d/q%d", q.Year, (q.Year+1)%100, q.Q) }
func (q quarter) long() string {
	return fmt.Sprintf("Quarter %d, %d/%02d", q.Q, q.Year, (q.Year+1)%100)
}
func (q quarter) label() string        { return fmt.Sprintf("Q%d %d/%02d", q.Q, q.Year, (q.Year+1)%100) }
func (q quarter) yearLabel() string    { return fmt.Sprintf("%d/%02d", q.Year, (q.Year+1)%100) }
func (q quarter) endMonth() (int, int) { return q.Year + q.Q/4, (q.Q*3+3-1)%12 + 1 } // year, month 1-12

type theme struct {
	id, title string
	measures  []int // indexes into gen.measures
}

// gen holds what every file is made from. Each measure draws its figures
// from a random stream of its own, so a measure's figures do not depend on
// the order in which anything else is generated.
type gen struct {
	o        Options
	themes   []theme
	measures []*measure
	quarters []quarter
}

func newGen(o Options) *gen {
	g := &gen{o: o}
	for k := range o.Quarters {
		g.quarters = append(g.quarters, latestQuarter.add(k-o.Quarters+1))
	}
	for t := range o.Themes {
		title := themeTitles[t%len(themeTitles)]
		if t >= len(themeTitles) {
			title += fmt.Sprintf(" (part %d)", t/len(themeTitles)+1)
		}
		id := fmt.Sprintf("t%02d-%s", t+1, themeIDs[t%len(themeIDs)])
		g.themes = append(g.themes, theme{id: id, title: title})
	}
	for i := range o.Measures {
		t := i * o.Themes / o.Measures // themes hold consecutive blocks
		n := len(g.themes[t].measures) + 1
		m := newMeasure(g, i, t, n)
		g.themes[t].measures = append(g.themes[t].measures, i)
		g.measures = append(g.measures, m)
	}
	return g
}

// stream returns the random stream for one purpose; a and b tell streams of
// the same purpose apart.
func (g *gen) stream(purpose, a, b int) *rand.Rand {
	return rand.New(rand.NewPCG(g.o.Seed, uint64(purpose)<<56|uint64(a)<<24|uint64(b)))
}

const (
	streamMeasure = iota + 1
	streamNarrative
	streamIntro
)

// siteYAML writes data/site.yaml, with load's encoder.
func (g *gen) siteYAML(b *bufio.Writer) {
	c := &load.SiteConfig{
		Comment:      "A synthetic site made by cmd/synth: every name and figure is invented.",
		Organisation: "London Borough of Sample",
		Title:        "Strategic Performance Report",
		Language:     "en-GB",
		BaseURL:      "https://performance.example.gov.uk/",
		TableNote:    "Annual measures are shown only in the quarter in which they report",
		Accessibility: report.Accessibility{
			Compliance:   "partially",
			Exceptions:   []string{"The interactive charts cannot be explored point by point with a keyboard or screen reader. Each chart has a summary in words, and every value it shows is in a table beside it."},
			ContactEmail: "access@example.gov.uk",
			ContactPhone: "020 7946 0000",
			ResponseDays: 5,
			Prepared:     "2016-11-01",
			Reviewed:     "2016-11-30",
		},
	}
	b.Write(c.Encode())
}

// catalogueYAML writes data/measures.yaml, with load's encoder.
func (g *gen) catalogueYAML(b *bufio.Writer) {
	var c load.Catalogue
	for _, t := range g.themes {
		c.Themes = append(c.Themes, load.CatalogueTheme{ID: t.id, Title: t.title})
	}
	for _, t := range g.themes {
		comment := t.title
		for _, i := range t.measures {
			m := g.measures[i]
			c.Measures = append(c.Measures, load.CatalogueMeasure{Comment: comment, ID: m.id, Number: m.number, Theme: t.id,
				Title: m.title, Good: m.good, Unit: m.unit, Equalities: m.equalities, Definition: m.definition})
			comment = ""
		}
	}
	b.Write(c.Encode())
}

// yamlQuote writes s as a double-quoted YAML string.
func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
