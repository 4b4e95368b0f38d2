package render

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"testing"

	"scorecard/internal/load"
	"scorecard/internal/rag"
	"scorecard/internal/report"
)

// refFuncs are the reference templates' own: the scorecard puts its
// current quarter first and the earlier ones after it, newest first.
var refFuncs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
	"seriesItem": func(sr *report.Series, r *report.Row, s *report.Site, root string, q *report.Quarter) any {
		return struct {
			Series  *report.Series
			Row     *report.Row
			Site    *report.Site
			Root    string
			Quarter *report.Quarter
		}{sr, r, s, root, q}
	},
	// cellAt and rowAt give a template what the notes of corrected
	// figures need besides the cell or row: the site and the page's root.
	"cellAt": func(d themeData, c themeCell) any {
		return struct {
			C    themeCell
			Site *report.Site
			Root string
		}{c, d.Site, d.Root}
	},
	"rowAt": func(s *report.Site, root string, q *report.Quarter, r *report.Row) any {
		return struct {
			Site    *report.Site
			Root    string
			Quarter *report.Quarter
			Row     *report.Row
		}{s, root, q, r}
	},
	// countdown returns n-1, n-2, ... 0.
	"countdown": func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = n - 1 - i
		}
		return out
	},
}

// TestRowsMatchTemplates holds rows.go to the templates it replaced
// (testdata/rows-reference.html): over every table of the example site,
// and again after every text in it is replaced by one full of characters
// that need escaping, the Go code must write the same bytes as
// html/template, whose contextual escaping is what keeps user text from
// becoming markup.
func TestRowsMatchTemplates(t *testing.T) {
	words, err := New(nil) // for the words of base.html's cells
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.Must(template.New("ref").Funcs(funcs).Funcs(refFuncs).Funcs(words.wordFuncs()).ParseFS(builtin, "layouts/base.html")).
		ParseFiles("testdata/rows-reference.html"))
	s, findings := load.Site(os.DirFS("../.."))
	if findings.HasErrors() {
		t.Fatal(findings)
	}
	rag.Assess(s)
	check := func(t *testing.T, s *report.Site) {
		t.Helper()
		n, chunked := 0, 0
		compare := func(name string, data any, chunks []template.HTML) {
			t.Helper()
			var got template.HTML
			for _, c := range chunks {
				got += c
			}
			if len(chunks) > 1 {
				chunked++
			}
			var want bytes.Buffer
			if err := ref.ExecuteTemplate(&want, name, data); err != nil {
				t.Fatal(err)
			}
			if want.String() != string(got) {
				t.Errorf("%s differs from the template's output\n got: %.600s\nwant: %.600s", name, got, want.String())
			}
			n++
		}
		r, err := New(nil)
		if err != nil {
			t.Fatal(err)
		}
		// A stand-in for package chart's sparkline: what matters here is
		// that both writers put it where it belongs, once per card.
		r.Sparkline = func(s *report.Site, m *report.Measure, q *report.Quarter, summary string) string {
			return `<svg aria-label="` + template.HTMLEscapeString(summary) + `"></svg>`
		}
		for _, q := range s.Quarters {
			for _, th := range s.Themes {
				for _, prefix := range []string{"", "t-" + th.ID + "-"} {
					d := r.themeData(s, q, th, Chart{}, prefix)
					compare("ref-scorecard", d, words.scorecardRows(d))
					compare("ref-scorecard-cards", d, words.scorecardCards(d))
				}
			}
		}
		for _, m := range s.Measures {
			d := r.measureData(s, m, Chart{})
			compare("ref-history", d, words.historyRows(d))
			compare("ref-history-cards", d, words.historyCards(d))
		}
		for _, q := range s.Quarters {
			c := countsBy(s, s.Themes, func(th *report.Theme) (string, []*report.Row) { return th.Title, q.ThemeRows(th) })
			compare("ref-counts", c, words.countRows(&c))
		}
		d := measureIndex(s)
		d.spark = func(m *report.Measure, q *report.Quarter) string { return r.Sparkline(s, m, q, r.sparkSummary(m, q)) }
		for _, th := range d.Themes {
			compare("ref-index-cards", struct {
				Theme measureIndexTheme
				D     measureIndexData
			}{th, d}, words.indexCards(th, d))
			compare("ref-index", struct {
				Root  string
				Theme measureIndexTheme
				Site  *report.Site
			}{d.Root, th, s}, words.indexRows(th, d.Root))
		}
		for _, rows := range [][][]string{
			{{"Q1 2016/17", "12.5%", "", "a <b> & \"c\" 'd' +1 \x00"}, {"Q2 2016/17"}},
			nil,
			bigTable(3000),
		} {
			compare("ref-embed", rows, embedRows(rows))
		}
		if n < 100 || chunked == 0 {
			t.Errorf("%d tables compared, %d of them in more than one chunk; want 100 and some", n, chunked)
		}
	}
	t.Run("example", func(t *testing.T) {
		correctSome(s, "44%", "Late survey returns were counted.")
		check(t, s)
	})
	t.Run("hostile text", func(t *testing.T) {
		const nasty = `<script>alert('x')</script> & "quoted" + 1 \x00 é ` + "\x00"
		for _, st := range s.Statuses {
			st.Label, st.Class = nasty, nasty
		}
		for i, m := range s.Measures {
			m.Title, m.Number = nasty, nasty
			m.ID = "a b/é%zz%41&<" + string(rune('a'+i%26))
			m.Address = m.ID // hand-made: the loader makes only safe addresses, but the writer must escape any
			m.Equalities = i%2 == 0
		}
		for _, q := range s.Quarters {
			for i, r := range q.Rows {
				r.Target.Raw, r.Actual.Raw, r.Period = nasty, nasty, nasty
				r.Computed.Text = nasty
				r.SinceQuarter.Now, r.SinceLastYear.Now = nasty, nasty
				if i%3 == 0 {
					r.Status = nil
				}
			}
			for _, note := range q.Notes {
				note.Text = nasty
				for i := range note.Labels {
					note.Labels[i] = nasty
				}
			}
			for _, r := range q.Rows {
				for _, ref := range r.Notes {
					ref.Label = nasty
				}
			}
		}
		// Further targets and comparators, some rows with each, some
		// without, with periods and sources full of the same text.
		s.Series = nil
		for i, kind := range []report.SeriesKind{report.TargetSeries, report.TargetSeries, report.ComparatorSeries, report.ComparatorSeries} {
			s.Series = append(s.Series, &report.Series{Kind: kind, ID: string(rune('a' + i)), Label: nasty, Source: nasty})
		}
		for _, q := range s.Quarters {
			for i, r := range q.Rows {
				for j, sr := range s.Series {
					if (i+j)%3 == 0 {
						continue
					}
					f := report.Figure{Series: sr, Value: r.Actual, Period: nasty}
					if j%2 == 0 {
						f.Source = nasty
					}
					if sr.Kind == report.TargetSeries {
						r.Targets = append(r.Targets, f)
					} else {
						r.Comparators = append(r.Comparators, f)
					}
				}
			}
		}
		correctSome(s, nasty, nasty)
		// Year-end forecasts on some rows (a figure, a status, or both),
		// and a break in every other measure's series: its history then
		// has a row and a card marking it.
		for _, q := range s.Quarters {
			for i, r := range q.Rows {
				switch i % 4 {
				case 1:
					r.Forecast = &report.Forecast{Value: r.Actual}
				case 2:
					r.Forecast = &report.Forecast{Value: r.Actual, Status: s.Statuses[i%len(s.Statuses)]}
				case 3:
					r.Forecast = &report.Forecast{Status: s.Statuses[0]}
				}
			}
		}
		breaks := 0
		for i, m := range s.Measures {
			if i%2 == 0 {
				m.Breaks = []report.Break{{From: s.Quarters[len(s.Quarters)-1].ID, Kind: report.BreakKind(1 + i%4/2), Reason: nasty}}
				breaks++
			}
		}
		if breaks == 0 {
			t.Fatal("no measure to break")
		}
		check(t, s)
	})
}

// correctSome gives some rows of every quarter corrections, as the loader
// would from the quarters' corrections: lists: of the target, actual,
// status and further figures, with figures added, changed and withdrawn,
// and two in a row of one figure. Rows corrected before lose those
// corrections.
func correctSome(s *report.Site, was, why string) {
	fields := []string{"target", "actual", "status", "forecast", "forecast_status"}
	for _, sr := range s.Series {
		fields = append(fields, sr.ID)
	}
	for _, q := range s.Quarters {
		q.Corrections = nil
		for i, r := range q.Rows {
			r.Corrections = nil
			if i%4 != 1 {
				continue
			}
			for j, field := range fields {
				c := &report.Correction{Measure: r.Measure, Field: field, From: was, To: "46%", Date: "2016-11-30", Why: why}
				switch (i + j) % 5 {
				case 1:
					c.From = ""
				case 2:
					c.To = ""
				case 3:
					c.From = "HG" // a status's code, said in words
				}
				r.Corrections = append(r.Corrections, c)
				if (i+j)%3 == 0 {
					r.Corrections = append(r.Corrections, &report.Correction{Measure: r.Measure, Field: field, From: "46%", To: "47%", Date: "2016-12-05", Why: why})
				}
			}
			q.Corrections = append(q.Corrections, r.Corrections...)
		}
	}
}

// bigTable is a chart's table of n rows, more than one chunk of embedRows.
func bigTable(n int) [][]string {
	var rows [][]string
	for i := range n {
		rows = append(rows, []string{fmt.Sprintf("Q%d", i), fmt.Sprint(i * 7), "<", ""})
	}
	return rows
}
