package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// WriteHugo writes the content and data of a Hugo site that makes, from
// the same figures Write gives Scorecard, the same measure pages and theme
// pages as Scorecard's, for a like-for-like comparison of build times
// (bench/hugo holds the configuration and the layouts):
//
//   - data/site.json: the quarters, the themes with their measures, the
//     statuses' words;
//   - data/m/MEASURE.json: a measure's facts and its row for every quarter
//     (null where it has none): target, actual, data period, status, notes,
//     and the target and actual as numbers for the chart;
//   - data/tc/THEME.json: the theme's measures counted by published status,
//     quarter by quarter, for the theme chart;
//   - content/measures/MEASURE.md: a measure page (the layout makes the
//     latest figures, the chart option JSON and the 40-quarter history);
//   - content/YYYY-YY/qN/THEME.md: a theme page with the theme's narrative
//     (the layout makes the status counts, the theme chart option JSON and
//     the scorecard table of every measure in the theme);
//   - content/YYYY-YY/qN/_index.md: a quarter page with the introduction.
//
// Numbers that Scorecard parses from the cells (for its charts) are parsed
// here in Go, so the templates only lay out what the data says.
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
	w.file("data/site.json", func(b *bufio.Writer) { writeJSON(b, g.hugoSite()) })

	history := make([][]*hugoRow, len(g.measures)) // [measure][quarter]
	counts := make([]map[string][]int, len(g.themes))
	for t := range counts {
		counts[t] = map[string][]int{}
		for _, s := range hugoStatuses {
			counts[t][s.Code] = make([]int, len(g.quarters))
		}
	}
	for k, q := range g.quarters {
		rows := g.rows(k)
		for i, rw := range rows {
			history[i] = append(history[i], newHugoRow(rw))
			if rw != nil {
				if c, ok := counts[g.measures[i].theme][rw.status]; ok {
					c[k]++
				}
			}
		}
		w.file("content/"+q.path()+"/_index.md", func(b *bufio.Writer) {
			fmt.Fprintf(b, "---\ntitle: %s\n---\n\n%s", yamlQuote(g.introTitle(k)), g.introBody(k))
		})
		for t, th := range g.themes {
			w.file("content/"+q.path()+"/"+th.id+".md", func(b *bufio.Writer) {
				fmt.Fprintf(b, "---\ntitle: %s\ntype: theme\ntheme: %d\nquarter: %d\n---\n\n%s", yamlQuote(th.title), t, k, g.themeBody(k, t))
			})
		}
	}
	for t, th := range g.themes {
		w.file("data/tc/"+th.id+".json", func(b *bufio.Writer) { writeJSON(b, counts[t]) })
	}
	for i, m := range g.measures {
		w.file("data/m/"+m.id+".json", func(b *bufio.Writer) {
			writeJSON(b, hugoMeasure{Title: m.title, Theme: m.theme, Good: m.good, Unit: m.unit,
				Definition: m.definition, Equalities: m.equalities, Rows: history[i]})
		})
		w.file("content/measures/"+m.id+".md", func(b *bufio.Writer) {
			fmt.Fprintf(b, "---\ntitle: %s\ntype: measure\nmeasure: %s\n---\n", yamlQuote(m.title), m.id)
		})
	}
	return w.err
}

// hugoStatuses are the published statuses the theme chart counts, with
// the words and classes Scorecard shows them with.
var hugoStatuses = []struct{ Code, Label, Class string }{
	{"HG", "High green (HG)", "status-hg"},
	{"LG", "Low green (LG)", "status-lg"},
	{"G", "Green (G)", "status-g"},
	{"A", "Amber (A)", "status-a"},
	{"LR", "Low red (LR)", "status-lr"},
	{"HR", "High red (HR)", "status-hr"},
	{stNoTarget, "No target", "status-no-target"},
}

type hugoQuarter struct {
	Label string `json:"label"` // Q2 2016/17
	Path  string `json:"path"`  // 2016-17/q2
	Date  string `json:"date"`  // the quarter's last day, for the chart's time axis
}

type hugoTheme struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Measures []string `json:"measures"`
}

type hugoSiteData struct {
	Quarters []hugoQuarter     `json:"quarters"`
	Themes   []hugoTheme       `json:"themes"`
	Statuses any               `json:"statuses"`
	Labels   map[string]string `json:"labels"`  // status code: words
	Classes  map[string]string `json:"classes"` // status code: CSS class
	Notes    map[string]string `json:"notes"`   // note label: text
}

func (g *gen) hugoSite() hugoSiteData {
	d := hugoSiteData{Statuses: hugoStatuses, Labels: map[string]string{}, Classes: map[string]string{}, Notes: map[string]string{}}
	for _, q := range g.quarters {
		y, mo := q.endMonth()
		days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
		d.Quarters = append(d.Quarters, hugoQuarter{Label: q.label(), Path: q.path(), Date: fmt.Sprintf("%d-%02d-%02d", y, mo, days[mo])})
	}
	for _, t := range g.themes {
		ht := hugoTheme{ID: t.id, Title: t.title}
		for _, i := range t.measures {
			ht.Measures = append(ht.Measures, g.measures[i].id)
		}
		d.Themes = append(d.Themes, ht)
	}
	for _, s := range hugoStatuses {
		d.Labels[s.Code], d.Classes[s.Code] = s.Label, s.Class
	}
	for _, n := range noteTexts {
		for _, l := range n.labels {
			d.Notes[strconv.Itoa(l)] = n.text
		}
	}
	return d
}

type hugoMeasure struct {
	Title      string     `json:"title"`
	Theme      int        `json:"theme"`
	Good       string     `json:"good"`
	Unit       string     `json:"unit"`
	Definition string     `json:"definition,omitempty"`
	Equalities bool       `json:"equalities,omitempty"`
	Rows       []*hugoRow `json:"rows"` // by quarter; nil where the measure has no row
}

// hugoRow is a measure's row in a quarter, with its cells as Scorecard
// shows them ("no data" for a blank) and the numbers its chart plots.
type hugoRow struct {
	Target string   `json:"t"`
	Actual string   `json:"a"`
	Period string   `json:"p,omitempty"`
	Status string   `json:"s"`
	Notes  []string `json:"n,omitempty"`
	TNum   *float64 `json:"tn"`
	ANum   *float64 `json:"an"`
}

func newHugoRow(rw *row) *hugoRow {
	if rw == nil {
		return nil
	}
	h := &hugoRow{Target: cellText(rw.target), Actual: cellText(rw.actual), Period: rw.period, Status: rw.status,
		TNum: cellNumber(rw.target), ANum: cellNumber(rw.actual)}
	for _, n := range rw.notes {
		h.Notes = append(h.Notes, strconv.Itoa(n))
	}
	return h
}

// cellText is a cell as a table shows it.
func cellText(s string) string {
	if s == "" {
		return "no data"
	}
	return s
}

// cellNumber is the first number written in a cell, as a chart plots it
// ("£125,000" 125000, "93%" 93, "01:30" 90 seconds), or nil when the cell
// holds none.
func cellNumber(s string) *float64 {
	if m, sec, ok := strings.Cut(s, ":"); ok {
		a, err1 := strconv.Atoi(m)
		b, err2 := strconv.Atoi(sec)
		if err1 == nil && err2 == nil {
			f := float64(a*60 + b)
			return &f
		}
	}
	start := strings.IndexAny(s, "-0123456789")
	if start < 0 {
		return nil
	}
	end := start + 1
	for end < len(s) && strings.IndexByte("0123456789.,", s[end]) >= 0 {
		end++
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s[start:end], ",", ""), 64)
	if err != nil {
		return nil
	}
	return &f
}

func writeJSON(b *bufio.Writer, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // only the types above, which always marshal
	}
	b.Write(data)
	b.WriteByte('\n')
}
