package synth

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/internal/diag"
	"scorecard/internal/site"
)

var small = Options{Measures: 300, Themes: 5, Quarters: 12, Seed: 7}

// TestLoads checks that a generated site loads with no errors, that its
// only warnings are the few published statuses that differ from the
// figures, as in real reports, and its editions not put on the record, and
// that it renders with working links.
func TestLoads(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, small); err != nil {
		t.Fatal(err)
	}
	s, findings := site.Check(os.DirFS(dir), site.Options{})
	var mismatches int
	for _, d := range findings {
		switch {
		case d.Severity == diag.Error:
			t.Errorf("error: %v", d)
		case strings.Contains(d.Msg, "the published status is"):
			mismatches++
		case strings.Contains(d.Msg, "it is not on the record yet"):
			// A synthetic site is not put on the record (scorecard
			// publish): each of its editions says so.
		default:
			t.Errorf("unexpected warning: %v", d)
		}
	}
	if t.Failed() {
		return
	}
	if len(s.Measures) != small.Measures || len(s.Themes) != small.Themes || len(s.Quarters) != small.Quarters {
		t.Fatalf("loaded %d measures, %d themes, %d quarters; want %d, %d, %d",
			len(s.Measures), len(s.Themes), len(s.Quarters), small.Measures, small.Themes, small.Quarters)
	}
	if got := s.Quarters[len(s.Quarters)-1].ID.String(); got != "2016-17 Q2" {
		t.Errorf("latest quarter = %s, want 2016-17 Q2", got)
	}
	var rated, computed int
	for _, q := range s.Quarters {
		for _, r := range q.Rows {
			if r.Status != nil && r.Status.Rating && r.Computed.Status != nil {
				rated++
			}
			if r.Computed.Status != nil {
				computed++
			}
		}
	}
	// Published statuses mostly agree with the figures: about 1.5% are
	// made to differ.
	if rated < small.Measures*small.Quarters/2 || mismatches*100 > rated*3 {
		t.Errorf("%d of %d rated cells differ from the figures; want a few, under 3%%", mismatches, rated)
	}
	if mismatches == 0 {
		t.Errorf("no published status differs from the figures; want a few, as in real reports")
	}
	// Verify renders the site too, and checks the narrative's links.
	for _, d := range site.Verify(os.DirFS(dir), site.Options{}) {
		if d.Severity == diag.Error {
			t.Errorf("rendering: %v", d)
		}
	}
}

// TestForms checks that the quarter files use every form of value the
// README lists, so that benchmarks read them all.
func TestForms(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Options{Measures: 2000, Themes: 8, Quarters: 8, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	files, _ := filepath.Glob(filepath.Join(dir, "data", "quarters", "*.yaml"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	text := all.String()
	for _, want := range []string{
		`'33,`, `% (`, `-10%`, `-1`, `'[`, `BL`, `Year on year reduction`, `th in London`, `th)`,
		`'0`, `'£`, `'-'`, `{}`, `period: `, `notes: [`, `status: No survey this qtr`,
		`status: Reports in Q4 only`, `status: New in 2016/17`, `status: No target`, `status: No actual`,
		"\nnotes:\n", `text: `,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no quarter file holds %q", want)
		}
	}
	intro, err := os.ReadFile(filepath.Join(dir, "content", "2016-17-q2", "t03-vulnerable.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Summary of achievement", "\n- ", "### ", `{measure="t03-m`, "[^1]:", "](measures/t03-m"} {
		if !bytes.Contains(intro, []byte(want)) {
			t.Errorf("the narrative has no %q", want)
		}
	}
	if words := len(strings.Fields(string(intro))); words < 200 || words > 800 {
		t.Errorf("the narrative has %d words, want a few hundred", words)
	}
}

// TestDeterministic checks that the same options give byte-identical
// files, and another seed other figures.
func TestDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for dir, o := range map[string]Options{a: small, b: small, c: {Measures: small.Measures, Themes: small.Themes, Quarters: small.Quarters, Seed: small.Seed + 1}} {
		if err := Write(dir, o); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb, fc := readTree(t, a), readTree(t, b), readTree(t, c)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two runs with the same options", name)
		}
	}
	if bytes.Equal(fa["data/quarters/2016-17-q2.yaml"], fc["data/quarters/2016-17-q2.yaml"]) {
		t.Errorf("seeds %d and %d give the same figures", small.Seed, small.Seed+1)
	}
}

// TestHugo checks the Hugo site's content and data: a page per measure,
// per quarter and theme, and per quarter; a data file per measure and
// theme; and that the figures in the data are the ones Scorecard loads
// from the same options, row for row.
func TestHugo(t *testing.T) {
	hugoDir, scDir := t.TempDir(), t.TempDir()
	if err := WriteHugo(hugoDir, small); err != nil {
		t.Fatal(err)
	}
	if err := Write(scDir, small); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, hugoDir)
	want := 2 + small.Quarters*(small.Themes+1) + small.Measures + // content
		1 + small.Themes + small.Measures // data
	if len(files) != want {
		t.Errorf("%d files, want %d", len(files), want)
	}
	if page := string(files["content/measures/t02-m00010.md"]); !strings.Contains(page, "\nmeasure: t02-m00010\n") {
		t.Errorf("measure page:\n%s", page)
	}
	s, _ := site.Check(os.DirFS(scDir), site.Options{})
	if s == nil || len(s.Quarters) != small.Quarters {
		t.Fatal("the Scorecard site of the same options did not load")
	}
	measures := map[string]hugoMeasure{}
	for name, data := range files {
		if id, ok := strings.CutPrefix(name, "data/m/"); ok {
			var m hugoMeasure
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(m.Rows) != small.Quarters {
				t.Errorf("%s: %d rows, want one a quarter (%d)", name, len(m.Rows), small.Quarters)
			}
			measures[strings.TrimSuffix(id, ".json")] = m
		}
	}
	var compared int
	for k, q := range s.Quarters {
		for _, r := range q.Rows {
			m, ok := measures[r.Measure.ID]
			if !ok || k >= len(m.Rows) || m.Rows[k] == nil {
				t.Errorf("%s %s: a row in Scorecard's site, none in Hugo's", q.ID, r.Measure.ID)
				continue
			}
			h := m.Rows[k]
			status := ""
			if r.Status != nil {
				status = r.Status.Code
			}
			if h.Actual != cellText(r.Actual.Raw) || h.Target != cellText(r.Target.Raw) || h.Status != status || h.Period != r.Period {
				t.Errorf("%s %s: Hugo's row %+v, Scorecard's target %q actual %q status %q period %q",
					q.ID, r.Measure.ID, *h, r.Target.Raw, r.Actual.Raw, status, r.Period)
			}
			compared++
		}
	}
	if compared < small.Measures*small.Quarters/2 {
		t.Errorf("compared %d rows; want most of %d", compared, small.Measures*small.Quarters)
	}
}

func TestCellNumber(t *testing.T) {
	for _, tc := range []struct {
		cell string
		want any // float64, or nil
	}{
		{"93%", 93.0},
		{"£125,000", 125000.0},
		{"01:30", 90.0},
		{"-15%", -15.0},
		{"[33%]", 33.0},
		{"2.42 (1st)", 2.42},
		{"13th to 18th in London", 13.0},
		{"Year on year reduction", nil},
		{"-", nil},
		{"", nil},
	} {
		got := cellNumber(tc.cell)
		switch {
		case got == nil && tc.want != nil, got != nil && (tc.want == nil || *got != tc.want.(float64)):
			t.Errorf("cellNumber(%q) = %v, want %v", tc.cell, deref(got), tc.want)
		}
	}
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func TestRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "stale"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, small); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("Write into a non-empty folder = %v, want an error saying so", err)
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPeriod(t *testing.T) {
	for _, tc := range []struct {
		q    quarter
		lag  int
		want string
	}{
		{quarter{2016, 2}, 24, "Oct 13 to Sep 14"}, // as the example's pmv-3
		{quarter{2016, 2}, 6, "Apr 15 to Mar 16"},  // as the example's pmv-4
		{quarter{2016, 4}, 3, "Jan 16 to Dec 16"},
		{quarter{2016, 3}, 12, "Jan 15 to Dec 15"},
	} {
		if got := period(tc.q, tc.lag); got != tc.want {
			t.Errorf("period(%v, %d) = %q, want %q", tc.q, tc.lag, got, tc.want)
		}
	}
}

func TestBand(t *testing.T) {
	for _, tc := range []struct {
		actual, target float64
		lower          bool
		want           string
	}{
		{105, 100, false, "HG"}, // exactly 5% better
		{100, 100, false, "LG"},
		{96, 100, false, "A"},
		{95, 100, false, "LR"}, // exactly 5% worse
		{90, 100, false, "LR"}, // exactly 10% worse
		{89, 100, false, "HR"},
		{19, 20, true, "HG"}, // lower is better
		{-27, -10, true, "HG"},
		{-8, -10, true, "HR"},
	} {
		if got := band(relGap(tc.actual, tc.target, tc.lower)); got != tc.want {
			t.Errorf("band(relGap(%v, %v, lower %v)) = %s, want %s", tc.actual, tc.target, tc.lower, got, tc.want)
		}
	}
}
