package sheet

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"scorecard/internal/load"
	"scorecard/internal/report"
)

// FuzzImportRoundTrip checks the import's promise: whatever it writes,
// the build accepts, and reads back as the sheet showed it. It imports
// CSV data into the test site's 2016-17 Q2 and, when the import succeeds,
// loads the site with the quarter file it wrote: the loader reports no
// error, and every cell and note reads back as the import made it. Then
// it merges the same sheet into an existing quarter file, mergeBase, as an
// import into a quarter that has one does: checkMerge.
func FuzzImportRoundTrip(f *testing.F) {
	base := siteFS(f)
	s, findings := load.Site(base)
	if err := findings.Err(); err != nil {
		f.Fatalf("the test site has errors:\n%v", err)
	}
	for _, seed := range []string{
		// Found by fuzzing: a note's text holding a control character.
		"meAsure,tArget,ACtuAl,stAtus,notes\nhomes-1,00,000,,0:\x10",
		strings.TrimPrefix(tricky, "\n"),
		"measure,target,actual,status,period,notes\nhomes-2,90%,93.5%,hg,\"two\nlines\",\"Note 1: a; b\"\nwork-1,01:30,00:59,LG,' - x,Note 1: c\n",
		"quarter,measure,target,actual,status\n2016-17 Q2,homes-3,£1,£2,A\n2016-17 Q1,homes-1,1,2,A\n",
		"measure,target,actual,status,period\nwork-2,\"=1+1\",'=2,HR,\u2028 \ufeff\r\n",
		"measure,target,actual,status,period,notes\nhomes-1,,120,-,-,\"Note 1: Estimated; Note 3: x\"\nhomes-2,-,,,,-\nwork-2,1,2,,,Note 2: y\n",
		"measure,notes\nhomes-1,Note 2\nwork-1,Note 2: (published without text)\n",
		// Several periods of a measure: a list of rows, merged into the
		// base's list by period.
		"measure,period,target,actual,status\nwork-2,2016-17 Q1,3,5,HR\nwork-2,,3,2,HG\nwork-2,Jun 2016,,1,\nhomes-2,Q1 2016/17,90%,91%,LG\nhomes-2,-,90%,92%,LG\n",
	} {
		f.Add([]byte(seed))
	}
	const out = "data/quarters/2016-17-q2.yaml"
	mergeInto := baseOf(f, mergeBase)
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, err := ReadCSV("scores.csv", data)
		if err != nil {
			return
		}
		q, probs := Import(sh, s, q2, Config{})
		if probs != nil {
			return
		}
		written := q.YAML("scores.csv")
		fsys := maps.Clone(base)
		fsys[out] = &fstest.MapFile{Data: written}
		loaded, findings := load.Site(fsys)
		if err := findings.Err(); err != nil {
			t.Errorf("the build refuses what the import wrote: %v\nthe sheet:\n%q\nthe file:\n%s", err, data, written)
		}
		var got *report.Quarter
		for _, lq := range loaded.Quarters {
			if lq.ID == q2 {
				got = lq
			}
		}
		if got == nil {
			t.Fatalf("the site has no 2016-17 Q2 after the import wrote:\n%s", written)
		}
		// The rows in the order the file has them, as the import wrote
		// them: a measure's rows for several periods are a list.
		gotRows := slices.Concat(got.Rows, got.More)
		slices.SortStableFunc(gotRows, func(a, b *report.Row) int { return a.Pos.Line - b.Pos.Line })
		if len(gotRows) != len(q.Rows) || len(got.Rows) != q.Measures() {
			t.Fatalf("the import wrote %d rows of %d measures, the build read %d of %d, from:\n%s", len(q.Rows), q.Measures(), len(gotRows), len(got.Rows), written)
		}
		texts := map[string]string{}
		for _, n := range q.Notes {
			for _, l := range n.Labels {
				texts[n.Theme.ID+" "+l] = n.Text
			}
		}
		for i, r := range q.Rows {
			lr := gotRows[i]
			status := ""
			if lr.Status != nil {
				status = lr.Status.Code
			}
			var labels []string
			for _, n := range lr.Notes {
				labels = append(labels, n.Label)
				if want := texts[n.Note.Theme.ID+" "+n.Label]; n.Note.Text != want {
					t.Errorf("note %s of %s reads back %q, not %q, from:\n%s", n.Label, n.Note.Theme.ID, n.Note.Text, want, written)
				}
			}
			want := r.Notes
			if lr.Measure.ID != r.Measure.ID || lr.Target.Raw != r.Target || lr.Actual.Raw != r.Actual || status != r.Status || lr.Period != r.Period || !slices.Equal(labels, want) {
				t.Errorf("row %s reads back as %q %q %q %q %q, not %q %q %q %q %q, from:\n%s", r.Measure.ID,
					lr.Target.Raw, lr.Actual.Raw, status, lr.Period, labels, r.Target, r.Actual, r.Status, r.Period, want, written)
			}
		}
		checkMerge(t, s, q, mergeInto, data)
	})
}
