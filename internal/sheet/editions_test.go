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

// editionSite is the test site publishing as more says in data/site.yaml
// (year: and editions:), without its quarter files, and the site as the
// loader reads it.
func editionSite(t *testing.T, more string) (fstest.MapFS, *report.Site) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, f := range siteFS(t) {
		if !strings.HasPrefix(name, "data/quarters/") {
			fsys[name] = f
		}
	}
	fsys[SiteFile] = &fstest.MapFile{Data: append(slices.Clone(fsys[SiteFile].Data), more...)}
	s, findings := load.Site(fsys)
	for _, d := range findings {
		if d.Pos.File == SiteFile || d.Pos.File == CatalogueFile {
			t.Fatalf("the test site has errors: %v", d)
		}
	}
	return fsys, s
}

// importInto imports sheet into edition id of site s, and merges it into
// file (none when ""), as scorecard import does.
func importInto(t *testing.T, fsys fstest.MapFS, s *report.Site, id report.Period, file, sheet string) *Merged {
	t.Helper()
	q, probs := Import(csvSheet(t, sheet), s, id, Config{})
	if probs != nil {
		t.Fatal(probs)
	}
	base := Base{SiteYAML: fsys[SiteFile].Data, Catalogue: fsys[CatalogueFile].Data}
	if file != "" {
		base.Data = []byte(file)
	}
	m, err := Merge(s, q, base, "scores.csv")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// readBack loads the site with data at path, and returns the edition id as
// the build reads it, failing on any error the build finds in the file.
func readBack(t *testing.T, fsys fstest.MapFS, path string, data []byte, id report.Period) *report.Quarter {
	t.Helper()
	fsys = maps.Clone(fsys)
	fsys[path] = &fstest.MapFile{Data: data}
	s, findings := load.Site(fsys)
	for _, d := range findings {
		if d.Pos.File == path {
			t.Errorf("the build finds in what the import wrote: %v\n%s", d, data)
		}
	}
	for _, q := range s.Quarters {
		if q.ID == id {
			return q
		}
	}
	t.Fatalf("the build reads no %s from %s:\n%s", id, path, data)
	return nil
}

// TestImportEditions imports a sheet into an edition of each kind a site
// may publish: the file is the site's edition file, its first key the
// site's, its edition as the loader reads it back; then merges a second
// sheet into that file.
func TestImportEditions(t *testing.T) {
	for _, tc := range []struct {
		name, site, edition string
		path, key           string // the file written, and its first line
		merged              string // the file after the second sheet
	}{{
		name: "monthly", site: "editions: monthly\n", edition: "2016-06",
		path: "data/months/2016-06.yaml", key: "month: June 2016",
	}, {
		name: "annual", site: "editions: annual\n", edition: "2016/17",
		path: "data/years/2016-17.yaml", key: "year: 2016-17",
	}, {
		name: "half-yearly", site: "editions: half-yearly\n", edition: "H1 2016/17",
		path: "data/halves/2016-17-h1.yaml", key: "half: 2016-17 H1",
	}, {
		name: "calendar quarters", site: "year: calendar\n", edition: "2016 Q2",
		path: "data/quarters/2016-q2.yaml", key: "quarter: 2016 Q2",
	}, {
		name: "academic years", site: "year: academic\neditions: annual\n", edition: "2016-17",
		path: "data/years/2016-17.yaml", key: "year: 2016-17",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			fsys, s := editionSite(t, tc.site)
			id, err := s.ParseEdition(tc.edition)
			if err != nil {
				t.Fatal(err)
			}
			m := importInto(t, fsys, s, id, "", "measure,target,actual,status\nhomes-1,100,120,HG\nwork-1,01:30,01:45,A\n")
			want := "# Imported from scores.csv by scorecard import.\n" + tc.key + `
draft: true
measures:
  # Homes
  homes-1: {target: "100", actual: "120", status: HG}
  # Work
  work-1: {target: '01:30', actual: '01:45', status: A}
`
			if m.Path != tc.path || string(m.Data) != want {
				t.Errorf("wrote %s:\n%s\nwant %s:\n%s", m.Path, m.Data, tc.path, want)
			}
			if q := readBack(t, fsys, m.Path, m.Data, id); len(q.Rows) != 2 || !q.Draft {
				t.Errorf("read back %d rows, draft %v; want 2, draft", len(q.Rows), q.Draft)
			}

			// A second sheet merges into the file: a blank cell keeps
			// the file's figure, the measure the sheet leaves out is kept.
			m = importInto(t, fsys, s, id, string(m.Data), "measure,target,actual,status\nhomes-1,,130,\n")
			if got := strings.Join(changes(m), "\n"); got != "homes-1 actual:\"120\"->\"130\"\nkept work-1\nabsent homes-2,homes-3,work-2" {
				t.Errorf("changes:\n%s", got)
			}
			if !strings.Contains(string(m.Data), "\n"+tc.key+"\n") || !strings.HasPrefix(string(m.Data), "# Imported") {
				t.Errorf("the merged file lost its first key or comment:\n%s", m.Data)
			}
			q := readBack(t, fsys, m.Path, m.Data, id)
			if len(q.Rows) != 2 || q.Rows[0].Actual.Raw != "130" || q.Rows[0].Target.Raw != "100" || q.Rows[1].Actual.Raw != "01:45" {
				t.Errorf("the merged file reads back wrong:\n%s", m.Data)
			}
		})
	}
}

// TestImportSeveralPeriods: a sheet with rows for several months of a
// measure writes them as the measure's list of rows, and merges them into
// a file's list by period, keeping the rows the sheet leaves out.
func TestImportSeveralPeriods(t *testing.T) {
	fsys, s := editionSite(t, "editions: monthly\n")
	june, _ := s.ParseEdition("June 2016")
	const sheet = `
measure,period,target,actual,status
homes-2,Apr 2016,90%,86%,A
homes-2,May 2016,90%,88%,A
homes-2,,90%,91%,LG
homes-1,,100,120,HG
`
	m := importInto(t, fsys, s, june, "", sheet)
	want := `# Imported from scores.csv by scorecard import.
month: June 2016
draft: true
measures:
  # Homes
  homes-1: {target: "100", actual: "120", status: HG}
  homes-2:
    - {period: Apr 2016, target: 90%, actual: 86%, status: A}
    - {period: May 2016, target: 90%, actual: 88%, status: A}
    - {target: 90%, actual: 91%, status: LG}
`
	if string(m.Data) != want {
		t.Errorf("wrote:\n%s\nwant:\n%s", m.Data, want)
	}
	q := readBack(t, fsys, m.Path, m.Data, june)
	if len(q.Rows) != 2 || len(q.More) != 2 || q.Rows[1].Actual.Raw != "91%" || q.More[0].Period != "Apr 2016" {
		t.Errorf("read back %d rows and %d more; want homes-1, homes-2 (June) and April and May", len(q.Rows), len(q.More))
	}

	file := `month: 2016-06
draft: true
measures:
  homes-2:  # three months
    - {period: Apr 2016, target: 90%, actual: 86%, status: A}
    - {period: May 2016, target: 90%, actual: 88%, status: A}  # May
    - {target: 90%, actual: 91%, status: LG}
  work-1: {target: "01:30", actual: "01:45"}
`
	// The file as the merge writes it, before the changes each case makes:
	// its comments one space after the row.
	written := strings.NewReplacer(":  #", ": #", "}  #", "} #").Replace(file)
	for _, tc := range []struct {
		name, sheet string
		changes     []string
		edits       []string // pairs of lines of written: each becomes the next
	}{{
		name:    "one month of the list changes; the others are kept",
		sheet:   "measure,period,target,actual,status\nhomes-2,2016-04,,87%,\n",
		changes: []string{`homes-2 actual:"86%"->"87%"`, "kept work-1", "absent homes-1,homes-3,work-2"},
		edits: []string{
			"    - {period: Apr 2016, target: 90%, actual: 86%, status: A}\n",
			"    - {period: Apr 2016, target: 90%, actual: 87%, status: A}\n",
		},
	}, {
		name:    "the edition's own row, and a month new to the list",
		sheet:   "measure,period,target,actual,status\nhomes-2,,,92%,\nhomes-2,March 2016,,85%,LR\n",
		changes: []string{`homes-2 actual:"91%"->"92%"`, `homes-2 added actual:""->"85%" status:""->"LR" period:""->"March 2016"`, "kept work-1", "absent homes-1,homes-3,work-2"},
		edits: []string{
			"    - {period: Apr 2016,",
			"    - {period: March 2016, actual: 85%, status: LR}\n    - {period: Apr 2016,",
			"    - {target: 90%, actual: 91%, status: LG}\n",
			"    - {target: 90%, actual: 92%, status: LG}\n",
		},
	}, {
		name:    "one row becomes a list",
		sheet:   "measure,period,target,actual,status\nwork-1,May 2016,,01:40,\nwork-1,,,01:50,\n",
		changes: []string{`work-1 added actual:""->"01:40" period:""->"May 2016"`, `work-1 actual:"01:45"->"01:50"`, "kept homes-2", "absent homes-1,homes-3,work-2"},
		edits: []string{
			"  work-1: {target: \"01:30\", actual: \"01:45\"}\n",
			"  work-1:\n    - {period: May 2016, actual: '01:40'}\n    - {target: \"01:30\", actual: '01:50'}\n",
		},
	}, {
		name:    "a month added beside the file's one row, the sheet giving its own row blank",
		sheet:   "measure,period,target,actual,status\nwork-1,May 2016,,01:40,\nwork-1,,,,\n",
		changes: []string{`work-1 added actual:""->"01:40" period:""->"May 2016"`, `work-1`, "kept homes-2", "absent homes-1,homes-3,work-2"},
		edits: []string{
			"  work-1: {target: \"01:30\", actual: \"01:45\"}\n",
			"  work-1:\n    - {period: May 2016, actual: '01:40'}\n    - {target: \"01:30\", actual: \"01:45\"}\n",
		},
	}, {
		name:    "one row in the sheet and in the file: merged row into row, period and all",
		sheet:   "measure,period,target,actual,status\nwork-1,May 2016,,01:40,\n",
		changes: []string{`work-1 actual:"01:45"->"01:40" period:""->"May 2016"`, "kept homes-2", "absent homes-1,homes-3,work-2"},
		edits: []string{
			"  work-1: {target: \"01:30\", actual: \"01:45\"}\n",
			"  work-1: {target: \"01:30\", actual: '01:40', period: May 2016}\n",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			m := importInto(t, fsys, s, june, file, tc.sheet)
			got := changes(m)
			if strings.Join(got, "\n") != strings.Join(tc.changes, "\n") {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.changes, "\n"))
			}
			want := written
			for i := 0; i+1 < len(tc.edits); i += 2 {
				if !strings.Contains(want, tc.edits[i]) {
					t.Fatalf("the file has no %q", tc.edits[i])
				}
				want = strings.Replace(want, tc.edits[i], tc.edits[i+1], 1)
			}
			if string(m.Data) != want {
				t.Errorf("wrote:\n%s\nwant:\n%s", m.Data, want)
			}
			readBack(t, fsys, m.Path, m.Data, june)
		})
	}
}

// TestImportKeepsOtherFields: a list's row keeps what a sheet does not
// give (targets:, comparators:, direction:) when the sheet changes it, and
// the rows beside it keep theirs.
func TestImportKeepsOtherFields(t *testing.T) {
	fsys, s := editionSite(t, "editions: monthly\ntargets:\n  - {id: annual, label: Annual target}\ncomparators:\n  - {id: england, label: England average}\n")
	june, _ := s.ParseEdition("June 2016")
	file := `month: June 2016
draft: true
measures:
  homes-2:
    - {period: May 2016, actual: 88%, targets: {annual: 92%}, direction: improved}
    - {actual: 91%, comparators: {england: 89%}}
`
	m := importInto(t, fsys, s, june, file, "measure,period,target,actual,status\nhomes-2,May 2016,90%,,\nhomes-2,,90%,,\n")
	want := `month: June 2016
draft: true
measures:
  homes-2:
    - {period: May 2016, target: 90%, actual: 88%, targets: {annual: 92%}, direction: improved}
    - {target: 90%, actual: 91%, comparators: {england: 89%}}
`
	if string(m.Data) != want || m.Rewritten {
		t.Errorf("wrote (afresh: %v):\n%s\nwant:\n%s", m.Rewritten, m.Data, want)
	}
	q := readBack(t, fsys, m.Path, m.Data, june)
	if len(q.Rows) != 1 || len(q.Rows[0].Comparators) != 1 || len(q.More) != 1 || len(q.More[0].Targets) != 1 || q.More[0].PublishedDirection == nil {
		t.Errorf("the rows lost their targets, comparators or direction:\n%s", m.Data)
	}
}

// TestImportEditionErrors: the quarter column and the rows' periods are
// read as the site publishes, and messages name the site's kind.
func TestImportEditionErrors(t *testing.T) {
	_, s := editionSite(t, "editions: monthly\n")
	june, _ := s.ParseEdition("2016-06")
	for _, tc := range []struct{ sheet, want string }{{
		"quarter,measure,target,actual,status\n2016-17 Q1,homes-1,1,2,HG\n",
		`scores.csv:2:1: cell A2: month "2016-17 Q1" is a quarter, but the site publishes monthly editions; name a month, such as April 2016`,
	}, {
		"quarter,measure,target,actual,status\n,homes-1,1,2,HG\n",
		`scores.csv:2:1: cell A2: the month is blank; write the row's month, such as June 2016`,
	}, {
		"quarter,measure,target,actual,status\nMay 2016,homes-1,1,2,HG\n",
		`scores.csv: the sheet has no rows for June 2016, only for May 2016; check -edition, or the sheet's "quarter" column`,
	}, {
		"measure,period,target,actual,status\nhomes-1,May 2016,,1,\nhomes-1,2016-05,,2,\n",
		`scores.csv:3:1: cell A3: measure homes-1 is listed twice for May 2016 (first in row 2); keep one row for each period`,
	}, {
		"measure,period,target,actual,status\nhomes-1,,,1,\nhomes-1,June 2016,,2,\n",
		`scores.csv:3:1: cell A3: measure homes-1 is listed twice for June 2016 (first in row 2); keep one row for each period`,
	}, {
		"measure,target,actual,status\nhomes-1,,1,\nhomes-1,,2,\n",
		`scores.csv:3:1: cell A3: measure homes-1 is listed twice (first in row 2); keep one row for it, or, for figures of several periods, give each row its period in a period column`,
	}} {
		_, probs := Import(csvSheet(t, tc.sheet), s, june, Config{})
		if probs == nil || probs.Error() != tc.want {
			t.Errorf("importing %q: %v\nwant: %s", tc.sheet, probs, tc.want)
		}
	}
	// A quarter in the sheet's quarter column still reads as a quarter
	// for a site that publishes quarters of calendar years.
	_, cal := editionSite(t, "year: calendar\n")
	q2cal, _ := cal.ParseEdition("2016 Q2")
	if _, probs := Import(csvSheet(t, "quarter,measure,target,actual,status\nQ2 2016,homes-1,1,2,HG\n"), cal, q2cal, Config{}); probs != nil {
		t.Errorf("a calendar quarter: %v", probs)
	}
}
