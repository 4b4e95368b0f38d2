package dataset

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"sync"
	"testing"

	"scorecard/internal/load"
	"scorecard/internal/rag"
	"scorecard/internal/report"
	"scorecard/internal/synth"
)

// loadSite loads the site in dir and assesses it, as a build does, so that
// the computed columns are filled in.
func loadSite(tb testing.TB, dir string) *report.Site {
	tb.Helper()
	s, findings := load.Site(os.DirFS(dir))
	if err := findings.Err(); err != nil {
		tb.Fatalf("the site in %s has errors:\n%v", dir, err)
	}
	rag.Assess(s)
	return s
}

// synthSite writes a synthetic site into a temporary folder and loads it.
func synthSite(tb testing.TB, o synth.Options) *report.Site {
	tb.Helper()
	dir := tb.TempDir()
	if err := synth.Write(dir, o); err != nil {
		tb.Fatal(err)
	}
	return loadSite(tb, dir)
}

// testSites are small models: the example (real figures, notes, ranges and
// blanks) and a synthetic site using every form of value.
func testSites(t *testing.T) map[string]*report.Site {
	return map[string]*report.Site{
		"example": loadSite(t, "../.."),
		"synth":   synthSite(t, synth.Options{Measures: 40, Themes: 4, Quarters: 6, Seed: 3}),
	}
}

// TestWriteSameAsBytes checks that streaming the files writes exactly what
// CSV and JSON return, and that what is written is a whole, well-formed
// file: a header and one record per row, and JSON with one row a line.
func TestWriteSameAsBytes(t *testing.T) {
	for name, s := range testSites(t) {
		t.Run(name, func(t *testing.T) {
			rows := 0
			for _, q := range s.Quarters {
				rows += len(q.Rows)
			}
			if rows == 0 {
				t.Fatal("the site has no rows")
			}

			for _, quarters := range [][]*report.Quarter{nil, s.Quarters[:1], s.Quarters[len(s.Quarters)-1:]} {
				var b bytes.Buffer
				if err := WriteCSV(&b, s, quarters...); err != nil {
					t.Fatalf("WriteCSV: %v", err)
				}
				if want := CSV(s, quarters...); !bytes.Equal(b.Bytes(), want) {
					t.Errorf("WriteCSV of %d quarters wrote %d bytes that differ from CSV's %d", len(quarters), b.Len(), len(want))
				}
				recs, err := csv.NewReader(&b).ReadAll()
				if err != nil {
					t.Fatalf("WriteCSV wrote CSV that does not parse: %v", err)
				}
				want := 1
				for _, q := range quarters {
					want += len(q.Rows)
				}
				if quarters == nil {
					want += rows
				}
				if len(recs) != want {
					t.Errorf("WriteCSV of %d quarters wrote %d records; want %d (a header and one a row)", len(quarters), len(recs), want)
				}
			}

			var b bytes.Buffer
			if err := WriteJSON(&b, s); err != nil {
				t.Fatalf("WriteJSON: %v", err)
			}
			if want := JSON(s); !bytes.Equal(b.Bytes(), want) {
				t.Errorf("WriteJSON wrote %d bytes that differ from JSON's %d", b.Len(), len(want))
			}
			var doc struct {
				Quarters []string          `json:"quarters"`
				Rows     []json.RawMessage `json:"rows"`
			}
			if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
				t.Fatalf("WriteJSON wrote JSON that does not parse: %v", err)
			}
			if len(doc.Quarters) != len(s.Quarters) || len(doc.Rows) != rows {
				t.Errorf("WriteJSON wrote %d quarters and %d rows; want %d and %d", len(doc.Quarters), len(doc.Rows), len(s.Quarters), rows)
			}
			for _, r := range doc.Rows {
				if bytes.ContainsRune(r, '\n') {
					t.Errorf("a row spans lines; want one row a line: %.80s", r)
					break
				}
			}
		})
	}
}

// errFull is the error failWriter returns.
var errFull = errors.New("disk full")

// failWriter takes n bytes, then fails every write, as a full disk does,
// counting the writes made after the first failure.
type failWriter struct {
	n     int
	after int // writes after the first failure
	fail  bool
}

func (f *failWriter) Write(p []byte) (int, error) {
	if f.fail {
		f.after++
		return 0, errFull
	}
	if len(p) <= f.n {
		f.n -= len(p)
		return len(p), nil
	}
	n := f.n
	f.n, f.fail = 0, true
	return n, errFull
}

// TestWriteError checks that a failure writing the file, at any point in
// it, is returned, and that nothing more is written once one has failed.
func TestWriteError(t *testing.T) {
	s := loadSite(t, "../..")
	for _, tc := range []struct {
		name  string
		size  int
		write func(io.Writer) error
	}{
		{"CSV", len(CSV(s)), func(w io.Writer) error { return WriteCSV(w, s) }},
		{"JSON", len(JSON(s)), func(w io.Writer) error { return WriteJSON(w, s) }},
	} {
		if tc.size < 3*4096 {
			t.Fatalf("%s is %d bytes; the test wants several buffers' worth, to fail part way through", tc.name, tc.size)
		}
		for _, n := range []int{0, 1, 100, 4096, tc.size / 2, tc.size - 1} {
			w := &failWriter{n: n}
			err := tc.write(w)
			if !errors.Is(err, errFull) {
				t.Errorf("%s failing after %d of %d bytes: got error %v; want %v", tc.name, n, tc.size, err, errFull)
			}
			if w.after > 0 {
				t.Errorf("%s failing after %d of %d bytes: wrote %d more times after the failure; want none", tc.name, n, tc.size, w.after)
			}
		}
		if err := tc.write(&failWriter{n: tc.size}); err != nil {
			t.Errorf("%s with room for all %d bytes: got error %v; want none", tc.name, tc.size, err)
		}
	}
}

// bench is the synthetic site the benchmarks write, made once: writing it
// and loading it takes far longer than one write of its files.
var bench struct {
	once sync.Once
	site *report.Site
}

func benchSite(b *testing.B) *report.Site {
	bench.once.Do(func() {
		bench.site = synthSite(b, synth.Options{Measures: 1000, Themes: 8, Quarters: 40, Seed: 1})
	})
	if bench.site == nil {
		b.Fatal("the synthetic site failed to load in an earlier benchmark")
	}
	return bench.site
}

// BenchmarkWriteCSV writes data/scorecard.csv for a synthetic site of 1,000
// measures over 40 quarters. B/op counts each row's cells, garbage the
// collector takes back as the rows go by; what streaming saves is the
// whole file (the size behind MB/s) held at once, and the copies a growing
// buffer makes of it, which CSV still pays.
func BenchmarkWriteCSV(b *testing.B) {
	s := benchSite(b)
	b.SetBytes(int64(len(CSV(s))))
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteCSV(io.Discard, s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteJSON writes data/scorecard.json for the same site.
func BenchmarkWriteJSON(b *testing.B) {
	s := benchSite(b)
	b.SetBytes(int64(len(JSON(s))))
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteJSON(io.Discard, s); err != nil {
			b.Fatal(err)
		}
	}
}
