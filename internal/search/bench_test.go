package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// words for synthetic titles and text, some with capitals, accents and
// apostrophes so that folding has work to do.
var words = strings.Fields(`the of and to in for with on by from number percentage rate
	households tenants Children's residents Council service services housing repair
	maintenance satisfaction waste recycling composting reuse fly-tipping streets parks
	libraries café visits Adults social care referrals assessments within days weeks
	months target quarter annual reduction increase employment apprenticeships schools
	pupils attainment Key Stage business rates collected council tax invoices paid
	Early Support hubs homelessness prevention temporary accommodation planning
	applications determined time crime anti-social behaviour résumé Harrow London`)

// synthetic returns measures docs with titles of about 80 characters and
// sections narrative docs of about 1,500, spread over 6 themes and 12
// quarters, always the same for the same numbers.
func synthetic(measures, sections int) []Doc {
	rng := rand.New(rand.NewPCG(1, 2))
	text := func(n int) string {
		var b strings.Builder
		for b.Len() < n {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		return b.String()
	}
	themes := []string{"Build a Better Harrow", "Be More Business-like", "Protect the Most Vulnerable and Support Families", "Make a Difference for the Vulnerable", "Make a Difference for Communities", "Make a Difference for Local Businesses"}
	statuses := []string{"High green (HG)", "Low green (LG)", "Amber (A)", "Low red (LR)", "High red (HR)", "No survey this qtr"}
	docs := make([]Doc, 0, measures+sections)
	for i := range measures {
		id := fmt.Sprintf("m-%d", i)
		docs = append(docs, Doc{
			Kind:    "measure",
			Title:   text(76) + " (%)",
			Context: []string{themes[i%len(themes)], "measure " + id, "latest: " + statuses[rng.IntN(len(statuses))]},
			URL:     "measures/" + id + "/index.html",
		})
	}
	for i := range sections {
		q := fmt.Sprintf("Q%d %d/%02d", i%4+1, 2010+i/4%12, (2011+i/4%12)%100)
		docs = append(docs, Doc{
			Kind:    "narrative",
			Title:   text(30),
			Context: []string{themes[i%len(themes)], q},
			URL:     fmt.Sprintf("%d-%02d/q%d/theme-%d/index.html#section-%d", 2010+i/4%12, (2011+i/4%12)%100, i%4+1, i%len(themes), i),
			Text:    text(1500),
		})
	}
	return docs
}

// BenchmarkIndex builds the index of 40,000 measures and 1,000 sections of
// narrative, reporting its size, raw and gzipped.
func BenchmarkIndex(b *testing.B) {
	docs := synthetic(40_000, 1_000)
	var out []byte
	for b.Loop() {
		out = Index(docs)
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.DefaultCompression)
	w.Write(out)
	w.Close()
	b.ReportMetric(float64(len(out)), "bytes")
	b.ReportMetric(float64(gz.Len()), "gzip-bytes")
}

// BenchmarkQuery times search.js in node over the same index: evaluating
// the index file, preparing it, and a two-word query (ms/query), each in
// milliseconds. node does its own repetitions, so run it with
// -benchtime=1x.
func BenchmarkQuery(b *testing.B) {
	file := filepath.Join(b.TempDir(), "search-index.js")
	if err := os.WriteFile(file, Index(synthetic(40_000, 1_000)), 0o644); err != nil {
		b.Fatal(err)
	}
	queries := []string{"housing rep", "recycling", "children's care", "zzz"}
	var res struct {
		LoadMs, PrepareMs float64
		Queries           map[string]struct {
			Ms    float64
			Total int
		}
	}
	for b.Loop() {
		harness(b, map[string]any{"mode": "bench", "index": file, "queries": queries, "runs": 20}, &res)
	}
	b.ReportMetric(res.LoadMs, "load-ms")
	b.ReportMetric(res.PrepareMs, "prepare-ms")
	b.ReportMetric(res.Queries["housing rep"].Ms, "ms/query")
	for _, q := range queries {
		b.Logf("%q: %.2f ms, %d results", q, res.Queries[q].Ms, res.Queries[q].Total)
	}
}
