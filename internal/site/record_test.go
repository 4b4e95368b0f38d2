package site

import (
	"strings"
	"testing"
	"testing/fstest"

	"scorecard/internal/load"
	"scorecard/internal/record"
)

// putOnRecord writes the lock file of every edition of fsys that is not a
// draft, as scorecard publish does, so that a test site warns of none.
func putOnRecord(fsys fstest.MapFS) fstest.MapFS {
	s, errs := load.Site(fsys)
	if errs.HasErrors() {
		return fsys // the test is about the errors
	}
	for _, q := range s.Quarters {
		if !q.Draft {
			fsys[record.Path(q.ID)] = &fstest.MapFile{Data: record.Encode(record.Of(q, s.Series), s.EditionFile(q.ID))}
		}
	}
	return fsys
}

// recordSite is gateSite with Q2 on the record, and Q2's data file then
// replaced by q2.
func recordSite(q2 string) fstest.MapFS {
	fsys := putOnRecord(gateSite(nil))
	fsys["data/quarters/2016-17-q2.yaml"] = &fstest.MapFile{Data: []byte(q2)}
	return fsys
}

const q2 = "quarter: 2016-17 Q2\nmeasures:\n  homes-1: {target: 100, actual: 120, status: HG}\n"

// A published edition not on the record is a warning that names the
// command; once on the record, it is not.
func TestRecordWarning(t *testing.T) {
	r := Inspect(gateSite(nil), Options{})
	want := "data/quarters/2016-17-q2.yaml: warning: 2016-17 Q2 is published (it is not a draft), but it is not on the record yet, so a later change to its figures would go unnoticed; run scorecard publish -edition 2016-17-q2 and commit data/published/2016-17-q2.yaml\n"
	if got := findings(r.Findings, r.Draft); got != want {
		t.Errorf("check finds:\n%swant:\n%s", got, want)
	}
	if r := Inspect(recordSite(q2), Options{}); len(r.Findings) != 0 {
		t.Errorf("check of the edition on the record finds:\n%s", findings(r.Findings, r.Draft))
	}
}

// A changed figure of an edition on the record stops the build at the
// cell, with the correction to add; with the correction, it builds.
func TestRecordChange(t *testing.T) {
	changed := strings.Replace(q2, "actual: 120", "actual: 125", 1)
	_, err := Generate(recordSite(changed), Options{})
	want := `data/quarters/2016-17-q2.yaml:3:34: measure homes-1: 2016-17 Q2 published its actual as "120" (data/published/2016-17-q2.yaml:8:36), and this file now holds "125"; a published figure changes only by a correction: if "125" is right, add this entry under corrections: in this file, with the day it is published and why: - {measure: homes-1, field: actual, from: "120", to: "125", date: YYYY-MM-DD, why: WHY}; otherwise put back "120"`
	if err == nil || err.Error() != want {
		t.Fatalf("the changed edition builds with:\n%v\nwant:\n%s", err, want)
	}
	corrected := changed + "corrections:\n  - {measure: homes-1, field: actual, from: \"120\", to: \"125\", date: 2016-11-30, why: Late returns were counted.}\n"
	res, err := Generate(recordSite(corrected), Options{})
	if err != nil {
		t.Fatalf("the corrected edition: %v", err)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("the corrected edition warns:\n%s", findings(res.Warnings, nil))
	}
	wrongFrom := strings.Replace(corrected, `from: "120"`, `from: "119"`, 1)
	_, err = Generate(recordSite(wrongFrom), Options{})
	want = `data/quarters/2016-17-q2.yaml:5:5: this correction says measure homes-1's actual was "119" when 2016-17 Q2 was published, but the record (data/published/2016-17-q2.yaml:8:36) has "120"; write from: 120`
	if err == nil || err.Error() != want {
		t.Errorf("a correction from the wrong figure builds with:\n%v\nwant:\n%s", err, want)
	}
}

// A lock file of an edition with no data file is an error; so is a row
// withdrawn without a correction.
func TestRecordMissing(t *testing.T) {
	fsys := recordSite(q2)
	for name := range fsys {
		if strings.Contains(name, "2016-17-q2") && !strings.HasPrefix(name, record.Dir) {
			delete(fsys, name)
		}
	}
	fsys["data/quarters/2016-17-q3.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(q2, "Q2", "Q3", 1))}
	putOnRecord(fsys)
	_, err := Generate(fsys, Options{})
	want := "data/published/2016-17-q2.yaml: 2016-17 Q2 is on the record, but data/quarters/2016-17-q2.yaml is missing: a published quarter is never removed; put its data file back (a figure withdrawn since is recorded under corrections: in it)"
	if err == nil || err.Error() != want {
		t.Errorf("the site without Q2's data builds with:\n%v\nwant:\n%s", err, want)
	}
}
