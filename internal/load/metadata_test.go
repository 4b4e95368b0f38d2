package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/report"
)

// TestMeasureMetadata reads a measure's optional metadata from the
// catalogue: each field alone, then mistakes in them, each reported at its
// file:line:col. The fields go after homes-1's unit, on line 12.
func TestMeasureMetadata(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       report.Measure // only the metadata fields are compared
		err        string         // the findings, one a line
	}{
		{name: "none", yaml: ""},
		{name: "why", yaml: "    why: Families need homes.\n", want: report.Measure{Why: "Families need homes."}},
		{name: "source", yaml: "    source: Building control records\n", want: report.Measure{Source: "Building control records"}},
		{name: "frequency", yaml: "    frequency: Quarterly\n", want: report.Measure{Frequency: "Quarterly"}},
		{name: "owner", yaml: "    owner: Director of Housing\n", want: report.Measure{Owner: "Director of Housing"}},
		{name: "caveats", yaml: "    caveats: \"Counts completions, not starts.\"\n", want: report.Measure{Caveats: "Counts completions, not starts."}},
		{name: "codes list", yaml: "    codes: [BV053, LVE 009, \"0123\"]\n", want: report.Measure{Codes: []string{"BV053", "LVE 009", "0123"}}},
		{name: "codes block list", yaml: "    codes:\n      - BV053\n      - PAFC28\n", want: report.Measure{Codes: []string{"BV053", "PAFC28"}}},
		{name: "codes one line", yaml: "    codes: BV053, PAFC28; SP213\n", want: report.Measure{Codes: []string{"BV053", "PAFC28", "SP213"}}},
		{name: "codes one", yaml: "    codes: LVE 009\n", want: report.Measure{Codes: []string{"LVE 009"}}},
		{name: "codes number", yaml: "    codes: 53\n", want: report.Measure{Codes: []string{"53"}}},
		{name: "codes empty", yaml: "    codes:\n"},
		{name: "ids", yaml: "    ids:\n      LG Inform: 1234\n      ONS: \"0042\"\n",
			want: report.Measure{IDs: []report.ExternalID{{Scheme: "LG Inform", ID: "1234"}, {Scheme: "ONS", ID: "0042"}}}},
		{name: "all", yaml: "    why: w\n    source: s\n    frequency: Monthly\n    owner: o\n    codes: [BV053]\n    ids: {LG Inform: 1}\n    caveats: c\n",
			want: report.Measure{Why: "w", Source: "s", Frequency: "Monthly", Owner: "o", Codes: []string{"BV053"},
				IDs: []report.ExternalID{{Scheme: "LG Inform", ID: "1"}}, Caveats: "c"}},

		{name: "unknown field", yaml: "    reference: BV053\n",
			err: `data/measures.yaml:12:5: a measure has an unknown field "reference"; the fields are: id, number, theme, title, good, unit, equalities, cumulative, definition, bands, why, source, frequency, owner, codes, ids, caveats, breaks (check the spelling and indentation)`},
		{name: "source a list", yaml: "    source: [a, b]\n",
			err: "data/measures.yaml:12:13: source should be a single value, but it is a list"},
		{name: "owner a mapping", yaml: "    owner: {name: x}\n",
			err: `data/measures.yaml:12:12: owner should be a single value, but it is a set of "name: value" lines`},
		{name: "caveats control", yaml: "    caveats: \"a\\u0007b\"\n",
			err: "data/measures.yaml:12:14: caveats holds a control character, U+0007, written as an escape; remove it, as a web page cannot show it"},
		{name: "codes a mapping", yaml: "    codes: {a: b}\n",
			err: `data/measures.yaml:12:12: codes should be a list (lines starting with "- ", or [a, b]), but it is a set of "name: value" lines`},
		{name: "code a list", yaml: "    codes: [[a]]\n",
			err: "data/measures.yaml:12:13: a code should be a single value, but it is a list"},
		{name: "code with semicolon", yaml: "    codes: [\"a; b\"]\n",
			err: `data/measures.yaml:12:13: code "a; b" holds a semicolon, which separates codes; write each code as an item of its own`},
		{name: "code twice", yaml: "    codes: BV053, BV053\n",
			err: `data/measures.yaml:12:12: code "BV053" is listed twice; remove one of them`},
		{name: "code empty", yaml: "    codes: [BV053, \"\"]\n",
			err: "data/measures.yaml:12:20: codes has an empty code; remove it, or write the code"},
		{name: "codes blank line", yaml: "    codes: \",\"\n",
			err: `data/measures.yaml:12:12: codes is empty; write the measure's codes, such as "BV053, LVE 009", or remove the line`},
		{name: "ids a list", yaml: "    ids: [1234]\n",
			err: `data/measures.yaml:12:10: ids should be a set of "name: value" lines, but it is a list`},
		{name: "ids twice", yaml: "    ids: {LG Inform: 1, LG Inform: 2}\n",
			err: `data/measures.yaml:12:25: ids has "LG Inform" twice (first at 12:11); remove one of them`},
		{name: "id empty", yaml: "    ids: {LG Inform: }\n",
			err: `data/measures.yaml:12:22: ids gives LG Inform no id; write it, such as "LG Inform: 1234", or remove the line`},
		{name: "id a list", yaml: "    ids: {LG Inform: [1]}\n",
			err: "data/measures.yaml:12:22: the id in LG Inform should be a single value, but it is a list"},
		{name: "id with semicolon", yaml: "    ids: {LG Inform: \"1; 2\"}\n",
			err: `data/measures.yaml:12:11: ids: "LG Inform: 1; 2" holds a semicolon or a colon in the dataset's name, or a semicolon in the id, which separate ids in the CSV's one cell; leave them out`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := site(t, nil)
			cat := string(fsys["data/measures.yaml"].Data)
			cat = strings.Replace(cat, "    unit: count\n", "    unit: count\n"+tc.yaml, 1)
			fsys["data/measures.yaml"] = &fstest.MapFile{Data: []byte(cat)}
			s, errs := Site(fsys)
			got := ""
			for _, d := range errs {
				got += d.Error() + "\n"
			}
			if tc.err != "" {
				if got != tc.err+"\n" {
					t.Errorf("findings:\n%s\nwant:\n%s", got, tc.err)
				}
				return
			}
			if got != "" {
				t.Fatal(got)
			}
			m := s.Measures[0]
			gotMeta := report.Measure{Why: m.Why, Source: m.Source, Frequency: m.Frequency, Owner: m.Owner, Codes: m.Codes, IDs: m.IDs, Caveats: m.Caveats}
			if diff := cmp.Diff(tc.want, gotMeta); diff != "" {
				t.Errorf("homes-1 metadata (-want +got):\n%s", diff)
			}
			if o := s.Measures[1]; o.Why != "" || o.Codes != nil || o.IDs != nil {
				t.Errorf("homes-2 has metadata: %+v", o)
			}
		})
	}
}
