package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// districtSite is examples/district-monthly in memory: published to
// November 2016, with a release calendar that says December 2016 is due
// on 18 January 2017, January 2017 on 15 February and February on 15
// March.
func districtSite(t *testing.T) fstest.MapFS {
	t.Helper()
	root := filepath.Join(exampleSite, "examples", "district-monthly")
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// releaseLine is where data/site.yaml lists edition's release, as
// data/site.yaml:LINE:COL, found in the file rather than taken from the
// code under test.
func releaseLine(t *testing.T, fsys fstest.MapFS, edition string) string {
	t.Helper()
	for i, l := range strings.Split(string(fsys["data/site.yaml"].Data), "\n") {
		if c := strings.Index(l, "edition: "+edition); c >= 0 {
			return fmt.Sprintf("data/site.yaml:%d:%d", i+1, c+len("edition: ")+1)
		}
	}
	t.Fatalf("data/site.yaml lists no release of %s", edition)
	return ""
}

// TestPastDue: check warns of each release whose date has passed while its
// edition is unpublished (no data file, or a draft one), at the release's
// line, and says nothing without a date to check against or on the day a
// report is due.
func TestPastDue(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d.Add(15 * time.Hour) // in the afternoon
	}
	draft := func(fsys fstest.MapFS, published bool) {
		src := strings.Replace(string(fsys["data/months/2016-11.yaml"].Data), "month: 2016-11\npublished: 2016-12-14\n", "month: 2016-12\npublished: 2017-01-18\n", 1)
		if !published {
			src = "draft: true\n" + src
		}
		fsys["data/months/2016-12.yaml"] = &fstest.MapFile{Data: []byte(src)}
	}
	for _, tc := range []struct {
		name  string
		today time.Time
		edit  func(fstest.MapFS)
		want  []string // editions warned of
	}{
		{name: "no date", today: time.Time{}},
		{name: "before December's date", today: day("2017-01-17")},
		{name: "on December's date", today: day("2017-01-18")},
		{name: "the day after", today: day("2017-01-19"), want: []string{"2016-12"}},
		{name: "after every date", today: day("2017-03-16"), want: []string{"2016-12", "2017-01", "2017-02"}},
		{name: "December a draft", today: day("2017-01-19"), edit: func(f fstest.MapFS) { draft(f, false) }, want: []string{"2016-12"}},
		{name: "December published", today: day("2017-01-19"), edit: func(f fstest.MapFS) { draft(f, true) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := districtSite(t)
			if tc.edit != nil {
				tc.edit(fsys)
			}
			_, findings := Check(fsys, Options{Drafts: true, Today: tc.today})
			var got []string
			for _, f := range findings {
				if strings.Contains(f.Msg, "the release calendar says") {
					got = append(got, f.Error())
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%d warnings of reports past due; want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i, e := range tc.want {
				if at := releaseLine(t, fsys, e) + ": warning: "; !strings.HasPrefix(got[i], at) {
					t.Errorf("warning %d = %s; want it at %s", i, got[i], at)
				}
				if file := "data/months/" + e + ".yaml"; !strings.Contains(got[i], file) {
					t.Errorf("warning %d = %s; want it to name %s", i, got[i], file)
				}
			}
		})
	}
}

// TestTodayChangesNoFile: the date a build runs on changes its findings,
// never its files.
func TestTodayChangesNoFile(t *testing.T) {
	fsys := districtSite(t)
	early, err := Generate(fsys, Options{Today: time.Date(2016, 12, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	late, err := Generate(fsys, Options{Today: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(early.Files) != len(late.Files) {
		t.Fatalf("%d files built early, %d late", len(early.Files), len(late.Files))
	}
	for i, f := range early.Files {
		if g := late.Files[i]; g.Path != f.Path || !bytes.Equal(g.Data, f.Data) {
			t.Errorf("%s differs with the date of the build", f.Path)
		}
	}
	if len(late.Warnings) <= len(early.Warnings) {
		t.Errorf("a build long after the calendar's dates gave %d warnings, one before them %d; want more", len(late.Warnings), len(early.Warnings))
	}
}
