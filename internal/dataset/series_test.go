package dataset

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"scorecard/internal/load"
	"scorecard/internal/sitetest"
)

var seriesColumnNames = []string{
	"target_annual", "target_annual_period", "target_annual_source",
	"target_2018_19", "target_2018_19_period", "target_2018_19_source",
	"comparator_top_quartile", "comparator_top_quartile_period", "comparator_top_quartile_source",
	"comparator_england", "comparator_england_period", "comparator_england_source",
}

// TestSeriesCSV checks that each further target and comparator has its
// columns after the fixed ones, holding each row's figure, its period and
// its source.
func TestSeriesCSV(t *testing.T) {
	s := sitetest.Load(t, sitetest.Series)
	recs, err := csv.NewReader(bytes.NewReader(CSV(s))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := recs[0]
	for i, c := range Columns {
		if header[i] != c.Name {
			t.Fatalf("column %d is %s; want %s: the fixed columns keep their places", i, header[i], c.Name)
		}
	}
	if got := header[len(Columns):]; !slices.Equal(got, seriesColumnNames) {
		t.Errorf("series columns = %v\nwant %v", got, seriesColumnNames)
	}
	want := map[string][]string{ // quarter and measure -> the series cells
		"2016-17 Q1 health-1": {"92%", "", "", "", "", "", "95%", "2015-16", "LG Inform", "89%", "", "NHS Digital"},
		"2016-17 Q1 health-2": {"", "", "", "", "", "", "", "", "", "NYA", "", "NHS Digital"},
		"2016-17 Q1 homes-1":  {"", "", "", "", "", "", "", "", "", "", "", ""},
		"2016-17 Q2 health-1": {"92%", "", "", "96%", "", "", "98%", "2015-16", "LG Inform, March 2017", "92%", "", "NHS Digital"},
		"2016-17 Q2 health-2": {"<150", "", "", "", "", "", "", "", "", "", "", ""},
		"2016-17 Q2 homes-1":  {"", "", "", "", "", "", "", "", "", "", "", ""},
	}
	if len(recs)-1 != len(want) {
		t.Fatalf("%d rows; want %d", len(recs)-1, len(want))
	}
	for _, rec := range recs[1:] {
		key := rec[0] + " " + rec[2]
		if got := rec[len(Columns):]; !slices.Equal(got, want[key]) {
			t.Errorf("%s: series cells %q\nwant %q", key, got, want[key])
		}
	}
}

// TestSeriesPackage checks that datapackage.json describes each series'
// columns with its label and source, and that the JSON gives each row's
// figures by series id with the series declared in its head.
func TestSeriesPackage(t *testing.T) {
	s := sitetest.Load(t, sitetest.Series)
	var pkg struct {
		Resources []struct {
			Name   string
			Schema *struct {
				Fields []struct{ Name, Title, Type, Description string }
			}
		}
	}
	if err := json.Unmarshal(Package(s), &pkg); err != nil {
		t.Fatal(err)
	}
	for _, res := range pkg.Resources {
		if res.Schema == nil || res.Name == "corrections" { // the corrections' columns are their own
			continue
		}
		fields := res.Schema.Fields
		if len(fields) != len(Columns)+len(seriesColumnNames) {
			t.Fatalf("%s: %d fields; want %d", res.Name, len(fields), len(Columns)+len(seriesColumnNames))
		}
		for i, name := range seriesColumnNames {
			f := fields[len(Columns)+i]
			if f.Name != name || f.Type != "string" || f.Title == "" || f.Description == "" {
				t.Errorf("%s: field %+v; want %s with a title and a description", res.Name, f, name)
			}
		}
		england := fields[len(Columns)+9]
		if england.Title != "England average" || !strings.Contains(england.Description, "England average, a comparator (source: NHS Digital)") {
			t.Errorf("%s: comparator_england is described as %+v", res.Name, england)
		}
		if annual := fields[len(Columns)]; annual.Title != "Annual target" || !strings.Contains(annual.Description, "a further target") {
			t.Errorf("%s: target_annual is described as %+v", res.Name, annual)
		}
	}

	var doc struct {
		Targets, Comparators []struct{ ID, Label, Source string }
		Rows                 []struct {
			Quarter, Measure     string
			Targets, Comparators map[string]struct {
				Text, Kind, Period, Source string
				Value                      *float64
			}
		}
	}
	if err := json.Unmarshal(JSON(s), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Targets) != 2 || doc.Targets[1].ID != "2018-19" || len(doc.Comparators) != 2 || doc.Comparators[1].Label != "England average" || doc.Comparators[1].Source != "NHS Digital" {
		t.Errorf("series declared: targets %+v, comparators %+v", doc.Targets, doc.Comparators)
	}
	found := false
	for _, r := range doc.Rows {
		if r.Quarter != "2016-17 Q2" || r.Measure != "health-1" {
			continue
		}
		found = true
		top := r.Comparators["top-quartile"]
		if top.Text != "98%" || top.Value == nil || *top.Value != 98 || top.Period != "2015-16" || top.Source != "LG Inform, March 2017" {
			t.Errorf("health-1's top quartile in Q2 = %+v", top)
		}
		if len(r.Targets) != 2 || r.Targets["2018-19"].Text != "96%" || r.Targets["annual"].Text != "92%" {
			t.Errorf("health-1's targets in Q2 = %+v", r.Targets)
		}
	}
	if !found {
		t.Error("the JSON has no row for health-1 in 2016-17 Q2")
	}
}

// TestFixedSeriesColumns holds the loader's list of the columns a series
// may not take to the columns this package writes: every fixed column
// named like a series' is on it.
func TestFixedSeriesColumns(t *testing.T) {
	for _, c := range Columns {
		if (strings.HasPrefix(c.Name, "target_") || strings.HasPrefix(c.Name, "comparator_")) && !slices.Contains(load.FixedSeriesColumns, c.Name) {
			t.Errorf("column %s could be a series' column; add it to load.FixedSeriesColumns", c.Name)
		}
	}
}
