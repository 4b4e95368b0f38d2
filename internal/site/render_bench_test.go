package site

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/internal/synth"
)

// BenchmarkRender renders the files of a synthetic site of 1,000 measures
// over 40 quarters, kind by kind, on one goroutine, into the discard Sink:
// per op, every file of that kind. Preparing the site is not timed.
func BenchmarkRender(b *testing.B) {
	p, fsys := prepareSynth(b)
	jobs, err := plan(p.view, fsys)
	if err != nil {
		b.Fatal(err)
	}
	kinds := map[string][]*job{}
	var order []string
	for _, j := range jobs {
		k := pageKind(j.path)
		if kinds[k] == nil {
			order = append(order, k)
		}
		kinds[k] = append(kinds[k], j)
	}
	for _, k := range order {
		js := kinds[k]
		b.Run(k, func(b *testing.B) {
			var n countWriter
			n.w = io.Discard
			for _, j := range js {
				if err := j.write(&n); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(n.n)
			b.ReportAllocs()
			var sink Sink = discard{}
			for b.Loop() {
				for _, j := range js {
					if err := sink.Put(j.path, j.write); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(js)), "files/op")
		})
	}
}

// pageKind names the kind of file at path, for BenchmarkRender.
func pageKind(path string) string {
	parts := strings.Split(path, "/")
	switch {
	case strings.HasPrefix(path, "measures/") && len(parts) == 3:
		return "measure"
	case strings.HasSuffix(path, "/print/index.html"):
		return "print"
	case strings.HasPrefix(path, "20") && len(parts) == 4:
		return "theme"
	case strings.HasPrefix(path, "20") && len(parts) == 3 && parts[2] == "index.html", path == "index.html":
		return "home"
	case strings.HasPrefix(path, "data/") && strings.HasSuffix(path, ".csv"), strings.HasPrefix(path, "data/") && strings.HasSuffix(path, ".json"):
		return "data"
	}
	return "other"
}

// BenchmarkRenderSite renders every file of a synthetic site of 1,000
// measures over 40 quarters once per op, as a build does but on one
// goroutine and into the discard Sink, planning the jobs anew each time:
// the charts the pages and chart files share are made once per op.
// Preparing (loading) the site is not timed.
func BenchmarkRenderSite(b *testing.B) {
	p, fsys := prepareSynth(b)
	b.ReportAllocs()
	var sink Sink = discard{}
	files := 0
	for b.Loop() {
		jobs, err := plan(p.view, fsys)
		if err != nil {
			b.Fatal(err)
		}
		for _, j := range jobs {
			if err := sink.Put(j.path, j.write); err != nil {
				b.Fatal(err)
			}
		}
		files = len(jobs)
	}
	b.ReportMetric(float64(files), "files/op")
}

// prepareSynth writes a synthetic site of 1,000 measures over 40 quarters
// and prepares it for a build.
func prepareSynth(b *testing.B) (*prepared, fs.FS) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	if err := synth.Write(dir, synth.Options{Measures: 1000, Themes: 8, Quarters: 40, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	p := prepare(fsys, Options{}, from{how: forBuild})
	if err := p.findings.Err(); err != nil {
		b.Fatal(err)
	}
	return p, fsys
}
