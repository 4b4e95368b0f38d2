package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// The model a round trip must keep: every row's figures, status, period,
// further figures, direction and notes, and the edition's draft,
// publication date and notes, without positions in the file.
type (
	editionModel struct {
		Draft     bool
		Published string
		Rows      []rowModel
		More      []rowModel
		Notes     []noteModel
	}
	rowModel struct {
		Measure, Status, Period string
		Target, Actual          value.Value
		When                    report.Period
		Targets, Comparators    []figureModel
		Direction               *report.DirectionKind
		DirectionRaw            string
		Forecast                *value.Value
		ForecastStatus          string
		Notes                   []noteModel
	}
	figureModel struct {
		Series         string
		Value          value.Value
		Period, Source string
	}
	noteModel struct {
		Theme, Text string
		Labels      []string
	}
)

func modelOf(q *report.Quarter) editionModel {
	m := editionModel{Draft: q.Draft, Published: q.Published}
	note := func(n *report.Note) noteModel { return noteModel{Theme: n.Theme.ID, Text: n.Text, Labels: n.Labels} }
	figs := func(fs []report.Figure) []figureModel {
		var out []figureModel
		for _, f := range fs {
			out = append(out, figureModel{f.Series.ID, f.Value, f.Period, f.Source})
		}
		return out
	}
	row := func(r *report.Row) rowModel {
		rm := rowModel{Measure: r.Measure.ID, Period: r.Period, Target: r.Target, Actual: r.Actual, When: r.When,
			Targets: figs(r.Targets), Comparators: figs(r.Comparators)}
		if r.Status != nil {
			rm.Status = r.Status.Code
		}
		if d := r.PublishedDirection; d != nil {
			rm.Direction, rm.DirectionRaw = &d.Kind, d.Raw
		}
		if f := r.Forecast; f != nil {
			rm.Forecast = &f.Value
			if f.Status != nil {
				rm.ForecastStatus = f.Status.Code
			}
		}
		for _, n := range r.Notes {
			rm.Notes = append(rm.Notes, note(n.Note))
		}
		return rm
	}
	for _, r := range q.Rows {
		m.Rows = append(m.Rows, row(r))
	}
	for _, r := range q.More {
		m.More = append(m.More, row(r))
	}
	for _, n := range q.Notes {
		m.Notes = append(m.Notes, note(n))
	}
	return m
}

// TestEditionRoundTrip decodes every edition of the root example and of
// each example in examples/, encodes it, and decodes that: the model is
// the same, and encoding it again gives the same bytes.
func TestEditionRoundTrip(t *testing.T) {
	dirs := []string{"../.."}
	examples, _ := filepath.Glob("../../examples/*")
	dirs = append(dirs, examples...)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			fsys := siteFrom(t, dir)
			s, errs := Site(fsys)
			if errs.HasErrors() {
				t.Fatalf("the example does not load: %v", errs.Err())
			}
			if len(s.Quarters) == 0 {
				t.Fatal("no editions")
			}
			encoded := map[report.Period][]byte{}
			for _, q := range s.Quarters {
				data := EditionOf(s, q).Encode()
				encoded[q.ID] = data
				fsys[s.EditionFile(q.ID)] = &fstest.MapFile{Data: data}
			}
			again, errs := Site(fsys)
			if errs.HasErrors() {
				t.Fatalf("the encoded editions do not load: %v", errs.Err())
			}
			if len(again.Quarters) != len(s.Quarters) {
				t.Fatalf("%d editions read back, not %d", len(again.Quarters), len(s.Quarters))
			}
			for i, q := range s.Quarters {
				if diff := cmp.Diff(modelOf(q), modelOf(again.Quarters[i])); diff != "" {
					t.Errorf("%s reads back otherwise (-before +after):\n%s\nencoded:\n%s", q.ID, diff, encoded[q.ID])
				}
				if got := EditionOf(again, again.Quarters[i]).Encode(); string(got) != string(encoded[q.ID]) {
					t.Errorf("%s encodes otherwise the second time:\n%s\nthe first:\n%s", q.ID, got, encoded[q.ID])
				}
			}
		})
	}
}

// siteFrom reads the data folder of the site in dir.
func siteFrom(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// TestEditionEncode writes each part of an edition file in its form.
func TestEditionEncode(t *testing.T) {
	e := &Edition{Key: "quarter", ID: mustEdition(t, "2016-17 Q3"), Comment: "Line one.\nLine two:\tend", Draft: true, Published: "2016-12-07",
		Measures: []EditionMeasure{
			{ID: "homes-1", Theme: "Homes\nand places", Comment: "Homes built", Rows: []EditionRow{{Target: "100", Open: true,
				Targets: []EditionFigure{{Series: "annual", Value: "1,000"}}}}},
			{ID: "homes-2", Rows: []EditionRow{{Target: "[60%]", Actual: "01:30", Status: "G", Period: "Apr 16", Notes: []string{"1", "a"},
				Comparators: []EditionFigure{{Series: "england", Value: "91%", Period: "2015-16", Source: "LG Inform"}}, Direction: "↑",
				Forecast: "95%", ForecastStatus: "A"}}},
			{ID: "work-1", Theme: "Work", Rows: []EditionRow{{Actual: "5", Period: "Apr 16", Forecast: "6"}, {Actual: "-", Period: "May 16", ForecastStatus: "R"}}},
		},
		Notes: []EditionNote{{Theme: "homes", Labels: []string{"1", "a"}, Text: "Yes: no", Comment: "Give the text."}},
	}
	want := `# Line one.
# Line two: end
quarter: 2016-17 Q3
draft: true
published: "2016-12-07"
measures:
  # Homes and places
  homes-1: {target: "100", actual: "", status: "", targets: {annual: '1,000'}} # Homes built
  homes-2: {target: '[60%]', actual: '01:30', status: G, period: Apr 16, comparators: {england: {value: 91%, period: 2015-16, source: LG Inform}}, direction: ↑, forecast: {value: 95%, status: A}, notes: [1, a]}
  # Work
  work-1:
    - {period: Apr 16, actual: "5", forecast: "6"}
    - {period: May 16, actual: '-', forecast: {status: R}}
notes:
  # Give the text.
  - {theme: homes, labels: [1, a], text: 'Yes: no'}
`
	if diff := cmp.Diff(want, string(e.Encode())); diff != "" {
		t.Errorf("encoded (-want +got):\n%s", diff)
	}
}

func mustEdition(t *testing.T, s string) report.Period {
	t.Helper()
	p, err := report.ParseQuarterID(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEditionTextReadsBack writes cells YAML would read otherwise if they
// were written plain, in a row and in a list of rows, and reads each back
// as the same text.
func TestEditionTextReadsBack(t *testing.T) {
	cells := []string{"93%", "42.5% (62/146)", "33,000", "01:30", "-", "-10%", "[60%]", "188", "8.18", "£125,000",
		"5.33 (26th)", "BL", "Year on year reduction", "No survey this qtr", "Oct 13 to Sep 14", "null", "~", "yes",
		"true", "#1", "yes: really", "a, b", "{x}", "'q'", `"d"`, "*star", "&amp", "!bang", "|pipe", ">gt", "%pc", "@at", "`tick",
		" spaced ", "0x1F", "1e3", ".5", "+1", "?q", "", "é ☃"}
	for _, inList := range []bool{false, true} {
		var nodes []*yaml.Node
		for _, c := range cells {
			nodes = append(nodes, RowNode(EditionRow{Target: c, Actual: c, Status: c, Period: c, Open: true}, inList))
		}
		doc := &yaml.Node{Kind: yaml.SequenceNode, Content: nodes}
		data, err := EncodeNode(doc, 2)
		if err != nil {
			t.Fatal(err)
		}
		var back yaml.Node
		if err := yaml.Unmarshal(data, &back); err != nil {
			t.Fatalf("%v:\n%s", err, data)
		}
		for i, row := range back.Content[0].Content {
			want := cells[i]
			for j := 0; j+1 < len(row.Content); j += 2 {
				k, v := row.Content[j], row.Content[j+1]
				if v.Kind != yaml.ScalarNode || v.Value != want || v.Tag != "!!str" {
					t.Errorf("%s %q reads back as %q (%s), written %s", k.Value, want, v.Value, v.Tag, strings.TrimSpace(strings.Split(string(data), "\n")[i]))
				}
			}
		}
	}
}

// TestEditionEditKeepsComments edits an edition file in place, as an
// import does: one row replaced by RowNode and a note added by NoteNode,
// the document written by EncodeNode. Every comment and the order of the
// keys are kept, and the file reads back with the one row changed.
func TestEditionEditKeepsComments(t *testing.T) {
	const file = `# Keep this comment.
quarter: 2016-17 Q2
published: "2016-12-07"
measures:
  # Homes
  homes-2: {target: 90%, actual: 88%, status: A} # a line comment
  homes-1: {target: 100, actual: 120, status: HG}
  # Work
  work-1: {target: "01:30", actual: "02:31", status: HR}
# Before the notes.
notes:
  - {theme: homes, labels: [1], text: Data reported a quarter in arrears}
`
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(file), &doc); err != nil {
		t.Fatal(err)
	}
	top := doc.Content[0]
	measures := top.Content[5]
	old := measures.Content[1]
	row := RowNode(EditionRow{Target: "90%", Actual: "93.5%", Status: "LG", Notes: []string{"1"}}, false)
	row.LineComment = old.LineComment
	measures.Content[1] = row
	notes := top.Content[7]
	notes.Content = append(notes.Content, NoteNode(EditionNote{Theme: "work", Labels: []string{"2"}, Text: "New: text", Comment: "Added."}))
	data, err := EncodeNode(&doc, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := `# Keep this comment.
quarter: 2016-17 Q2
published: "2016-12-07"
measures:
  # Homes
  homes-2: {target: 90%, actual: 93.5%, status: LG, notes: [1]} # a line comment
  homes-1: {target: 100, actual: 120, status: HG}
  # Work
  work-1: {target: "01:30", actual: "02:31", status: HR}
# Before the notes.
notes:
  - {theme: homes, labels: [1], text: Data reported a quarter in arrears}
  # Added.
  - {theme: work, labels: [2], text: 'New: text'}
`
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("edited (-want +got):\n%s", diff)
	}
	fsys := site(t, nil)
	fsys["data/quarters/2016-17-q2.yaml"].Data = []byte(file)
	before, errs := Site(fsys)
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	fsys["data/quarters/2016-17-q2.yaml"].Data = data
	after, errs := Site(fsys)
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	b, a := modelOf(before.Quarters[0]), modelOf(after.Quarters[0])
	if a.Rows[1].Actual.Raw != "93.5%" || a.Rows[1].Status != "LG" || len(a.Rows[1].Notes) != 1 || len(a.Notes) != 2 {
		t.Errorf("the edited row reads back as %+v, notes %+v", a.Rows[1], a.Notes)
	}
	b.Rows[1], a.Rows[1] = rowModel{}, rowModel{}
	b.Notes, a.Notes = nil, nil
	if diff := cmp.Diff(b, a); diff != "" {
		t.Errorf("the rows not edited changed (-before +after):\n%s", diff)
	}
}
