package record_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"scorecard/internal/diag"
	"scorecard/internal/load"
	"scorecard/internal/record"
	"scorecard/internal/report"
)

// A small monthly site whose edition has further periods, targets and
// comparators: every part of a lock file.
const (
	siteYAML = "organisation: Test Council\ntitle: Performance Report\neditions: monthly\nyear: financial\n" +
		"targets: [{id: annual, label: Annual target}]\ncomparators: [{id: england, label: England average}]\n" +
		"accessibility: {contact_email: access@example.org, prepared: 2026-11-25}\n"
	measuresYAML = "themes:\n  - {id: homes, title: Homes}\nmeasures:\n" +
		"  - {id: homes-1, theme: homes, title: Homes built, good: higher, unit: count}\n" +
		"  - {id: homes-2, theme: homes, title: Repairs on time, good: higher, unit: \"%\"}\n" +
		"  - {id: homes-3, theme: homes, title: Empty homes, good: lower, unit: count}\n"
	june = "month: 2016-06\npublished: 2016-07-20\nmeasures:\n" +
		"  homes-1: {target: \"1,500\", actual: \"1,602\", status: G, targets: {annual: \"6,000\"}, comparators: {england: {value: \"1,400\", period: 2015-16}}, forecast: {value: \"6,100\", status: A}}\n" +
		"  homes-2:\n    - {period: Apr 2016, target: 80%, actual: 78.2%, status: A}\n    - {target: 80%, actual: 81.2%, status: G}\n" +
		"  homes-3: {}\n"
)

func site(t *testing.T, edition string) (*report.Site, *report.Quarter, fstest.MapFS) {
	t.Helper()
	fsys := fstest.MapFS{
		"data/site.yaml":           {Data: []byte(siteYAML)},
		"data/measures.yaml":       {Data: []byte(measuresYAML)},
		"data/months/2016-06.yaml": {Data: []byte(edition)},
	}
	s, errs := load.Site(fsys)
	if errs.HasErrors() {
		t.Fatalf("the test site: %v", errs.Err())
	}
	return s, s.Quarters[0], fsys
}

// The lock file round-trips: written, read back, equal, and the same
// bytes when written again.
func TestRoundTrip(t *testing.T) {
	s, q, _ := site(t, june)
	l := record.Of(q, s.Series)
	data := record.Encode(l, s.EditionFile(q.ID))
	back, errs := record.Read("data/published/2016-06.yaml", data)
	if len(errs) > 0 {
		t.Fatalf("reading the lock back: %v\n%s", errs, data)
	}
	if !record.Equal(l, back) {
		t.Errorf("read back, the lock differs:\n%s", data)
	}
	if again := record.Encode(back, s.EditionFile(q.ID)); string(again) != string(data) {
		t.Errorf("written again:\n%s\nfirst:\n%s", again, data)
	}
	for _, want := range []string{
		"edition: June 2016\n",
		"published: \"2016-07-20\"\n",
		`  homes-1: {target: "1,500", actual: "1,602", status: G, forecast: "6,100", forecast_status: A, targets: {annual: "6,000"}, comparators: {england: "1,400"}, digest: `,
		"  homes-2:\n    - {period: Apr 2016, target: 80%, actual: 78.2%, status: A, digest: ",
		"    - {target: 80%, actual: 81.2%, status: G, digest: ",
		"  homes-3: {digest: ",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the lock file lacks %q:\n%s", want, data)
		}
	}
}

// A hand edit of a lock file is found: a figure changed (its row's digest)
// and a row taken out (the edition's digest).
func TestHandEdit(t *testing.T) {
	s, q, _ := site(t, june)
	data := string(record.Encode(record.Of(q, s.Series), s.EditionFile(q.ID)))
	const file = "data/published/2016-06.yaml"
	edited := strings.Replace(data, "actual: 78.2%", "actual: 79.2%", 1)
	if edited == data {
		t.Fatal("the test's edit changed nothing")
	}
	_, errs := record.Read(file, []byte(edited))
	if !strings.Contains(errs.Error(), file+":11:") || !strings.Contains(errs.Error(), "measure homes-2 (Apr 2016) does not match its digest: the row has been edited by hand") {
		t.Errorf("a changed figure gives:\n%v", errs)
	}
	var kept []string
	for _, line := range strings.Split(data, "\n") {
		if !strings.HasPrefix(line, "  homes-3:") {
			kept = append(kept, line)
		}
	}
	_, errs = record.Read(file, []byte(strings.Join(kept, "\n")))
	if !strings.Contains(errs.Error(), file+":7:9: the edition's digest does not match its rows") {
		t.Errorf("a row taken out gives:\n%v", errs)
	}
	for _, bad := range []string{"", "edition: [\n", "- a list\n", "edition: June 2016\ndigest: x\nmeasures:\n  homes-1: {actual: 1, colour: red, digest: x}\n"} {
		if _, errs := record.Read(file, []byte(bad)); !errs.HasErrors() || !strings.HasPrefix(errs.Error(), file) {
			t.Errorf("Read(%q) = %v, want an error in the file", bad, errs)
		}
	}
}

// compare compares the edition now with the lock of the edition as it was.
func compare(t *testing.T, was, now string) string {
	t.Helper()
	s, q, _ := site(t, was)
	l, errs := record.Read("data/published/2016-06.yaml", record.Encode(record.Of(q, s.Series), s.EditionFile(q.ID)))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	s, q, _ = site(t, now)
	at := func(k record.Key, field string) diag.Pos {
		return diag.Pos{File: "data/months/2016-06.yaml", Line: 99, Col: len(k.Measure) + len(field)}
	}
	found := append(record.Chains(q, at), record.Compare(l, q, s.Series, at)...)
	return found.Error()
}

// Each change to an edition on the record needs its correction, and the
// corrections must chain from the record to the file.
func TestCompare(t *testing.T) {
	corrections := func(lines ...string) string { return "corrections:\n  - " + strings.Join(lines, "\n  - ") + "\n" }
	why := ", date: 2016-08-01, why: Late returns.}"
	for _, c := range []struct {
		name, now string
		want      []string // pieces of the findings, in order; none for none
	}{
		{"unchanged", june, nil},
		{"a further target changed", strings.Replace(june, `annual: "6,000"`, `annual: "6,100"`, 1),
			[]string{`measure homes-1: June 2016 published its annual as "6,000"`, `- {measure: homes-1, field: annual, from: "6,000", to: "6,100", date: YYYY-MM-DD, why: WHY}`}},
		{"a further period's figure changed", strings.Replace(june, "78.2%", "78.4%", 1),
			[]string{`measure homes-2 (Apr 2016): June 2016 published its actual as "78.2%"`, `- {measure: homes-2, period: Apr 2016, field: actual, from: 78.2%, to: 78.4%`}},
		{"corrected", strings.Replace(june, "78.2%", "78.4%", 1) + corrections("{measure: homes-2, period: Apr 2016, field: actual, from: 78.2%, to: 78.4%"+why), nil},
		{"corrected twice", strings.Replace(june, "78.2%", "78.6%", 1) + corrections(
			"{measure: homes-2, period: Apr 2016, field: actual, from: 78.2%, to: 78.4%"+why,
			"{measure: homes-2, period: Apr 2016, field: actual, from: 78.4%, to: 78.6%"+why), nil},
		{"a broken chain", strings.Replace(june, "78.2%", "78.6%", 1) + corrections(
			"{measure: homes-2, period: Apr 2016, field: actual, from: 78.2%, to: 78.4%"+why,
			"{measure: homes-2, period: Apr 2016, field: actual, from: 78.5%, to: 78.6%"+why),
			[]string{`this correction of measure homes-2 (Apr 2016)'s actual starts from "78.5%", but the correction before it (line 10) left it at "78.4%"; write from: 78.4%`}},
		{"a correction that stops short", strings.Replace(june, "78.2%", "78.6%", 1) + corrections(
			"{measure: homes-2, period: Apr 2016, field: actual, from: 78.2%, to: 78.4%"+why),
			[]string{`measure homes-2 (Apr 2016)'s actual is "78.6%" in this file, but its last correction (line 10) says it became "78.4%"`, `from: 78.4%, to: 78.6%`}},
		{"a status withdrawn", strings.Replace(june, ", status: G, targets", ", targets", 1),
			[]string{"measure homes-1: June 2016 published its status as \"G\"", "and this file now leaves it blank", `to: ""`}},
		{"a figure added", strings.Replace(june, "homes-3: {}", "homes-3: {actual: \"12\"}", 1),
			[]string{"measure homes-3: June 2016 published no actual", "otherwise remove it"}},
		{"a row withdrawn", strings.Replace(june, "  homes-3: {}\n", "", 1),
			[]string{"measure homes-3 was published in June 2016 with no figures", "put back its row, homes-3: {}"}},
		{"a row with figures withdrawn", strings.Replace(june, "    - {period: Apr 2016, target: 80%, actual: 78.2%, status: A}\n", "", 1),
			[]string{"measure homes-2 (Apr 2016) was published in June 2016", `- {measure: homes-2, period: Apr 2016, field: target, from: 80%, to: "", date: YYYY-MM-DD, why: WHY} - {measure: homes-2, period: Apr 2016, field: actual`}},
		{"a row withdrawn by corrections", strings.Replace(june, "    - {period: Apr 2016, target: 80%, actual: 78.2%, status: A}\n", "", 1) + corrections(
			"{measure: homes-2, period: Apr 2016, field: target, from: 80%, to: \"\""+why,
			"{measure: homes-2, period: Apr 2016, field: actual, from: 78.2%, to: \"\""+why,
			"{measure: homes-2, period: Apr 2016, field: status, from: A, to: \"\""+why), nil},
		{"a forecast changed", strings.Replace(june, `value: "6,100", status: A`, `value: "6,300", status: G`, 1),
			[]string{`measure homes-1: June 2016 published its forecast as "6,100"`, `field: forecast, from: "6,100", to: "6,300"`,
				`measure homes-1: June 2016 published its forecast_status as "A"`, `field: forecast_status, from: A, to: G`}},
		{"a forecast corrected", strings.Replace(june, `value: "6,100"`, `value: "6,300"`, 1) + corrections("{measure: homes-1, field: forecast, from: \"6,100\", to: \"6,300\""+why), nil},
		{"a correction from the wrong figure", strings.Replace(june, "81.2%", "81.4%", 1) + corrections("{measure: homes-2, field: actual, from: 81.3%, to: 81.4%"+why),
			[]string{`data/months/2016-06.yaml:10:5: this correction says measure homes-2's actual was "81.3%" when June 2016 was published, but the record`, `has "81.2%"; write from: 81.2%`}},
	} {
		got := compare(t, june, c.now)
		if len(c.want) == 0 && got != "" {
			t.Errorf("%s: found\n%s", c.name, got)
		}
		rest := got
		for _, w := range c.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("%s: the findings lack\n%s\nin:\n%s", c.name, w, got)
				break
			}
			rest = rest[i+len(w):]
		}
	}
}

// An edition corrected before it was put on the record is recorded as
// first published: each corrected cell as its first correction found it.
func TestOfUnwinds(t *testing.T) {
	now := strings.Replace(june, "81.2%", "81.4%", 1) + "corrections:\n  - {measure: homes-2, field: actual, from: 81.2%, to: 81.4%, date: 2016-08-01, why: Late returns.}\n"
	s, q, _ := site(t, now)
	sw, qw, _ := site(t, june)
	if got, want := record.Of(q, s.Series), record.Of(qw, sw.Series); !record.Equal(got, want) {
		t.Errorf("the corrected edition's lock:\n%s\nwant the original's:\n%s", record.Encode(got, ""), record.Encode(want, ""))
	}
}
