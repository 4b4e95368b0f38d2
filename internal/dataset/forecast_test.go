package dataset

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"scorecard/internal/sitetest"
)

// TestForecastColumns: a site with year-end forecasts has three columns
// for them after the others, in the CSV and its schema; the JSON has each
// row's forecast and each measure's breaks; the Data Package says what
// the breaks are.
func TestForecastColumns(t *testing.T) {
	s := sitetest.Load(t, sitetest.Breaks)
	recs, err := csv.NewReader(bytes.NewReader(CSV(s))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := recs[0]
	if got := header[len(Columns):]; !slices.Equal(got, []string{"forecast", "forecast_value", "forecast_status"}) {
		t.Fatalf("columns after the fixed ones = %v; want the forecast's", got)
	}
	cells := map[string]string{}
	for _, rec := range recs[1:] {
		cells[rec[0]+" "+rec[2]] = strings.Join(rec[len(Columns):], "|")
	}
	for key, want := range map[string]string{
		"2016-17 Q2 homes-1": "95%|95|A",
		"2016-17 Q2 homes-2": "400|400|",
		"2016-17 Q1 homes-1": "||",
	} {
		if cells[key] != want {
			t.Errorf("%s: forecast cells %q; want %q", key, cells[key], want)
		}
	}

	var doc struct {
		Measures []struct {
			ID     string
			Breaks []struct{ From, PeriodStart, Kind, Reason string } `json:"breaks"`
		}
		Rows []struct {
			Quarter, Measure string
			Forecast         *struct {
				Text   string
				Value  float64
				Status string
			}
		}
	}
	if err := json.Unmarshal(JSON(s), &doc); err != nil {
		t.Fatal(err)
	}
	b := doc.Measures[0].Breaks
	if doc.Measures[0].ID != "homes-1" || len(b) != 1 || b[0].From != "2016-17 Q1" || b[0].Kind != "method" || !strings.HasPrefix(b[0].Reason, "From April 2016") {
		t.Errorf("homes-1's breaks = %+v", b)
	}
	if len(doc.Measures[1].Breaks) != 0 {
		t.Errorf("homes-2 has breaks: %+v", doc.Measures[1].Breaks)
	}
	found := 0
	for _, r := range doc.Rows {
		switch {
		case r.Quarter == "2016-17 Q2" && r.Measure == "homes-1":
			if f := r.Forecast; f == nil || f.Text != "95%" || f.Value != 95 || f.Status != "A" {
				t.Errorf("homes-1's forecast = %+v", f)
			}
			found++
		case r.Forecast != nil && r.Measure != "homes-2":
			t.Errorf("%s %s has a forecast: %+v", r.Quarter, r.Measure, r.Forecast)
		}
	}
	if found != 1 {
		t.Errorf("%d rows of homes-1 in 2016-17 Q2", found)
	}

	var pkg struct {
		Description string
		Resources   []struct {
			Schema *struct{ Fields []struct{ Name string } }
		}
	}
	if err := json.Unmarshal(Package(s), &pkg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(pkg.Description, "measure homes-1 has a method change from 2016-17 Q1: From April 2016") {
		t.Errorf("the package's description %q does not name the break", pkg.Description)
	}
	fields := pkg.Resources[0].Schema.Fields
	if len(fields) != len(header) || fields[len(fields)-1].Name != "forecast_status" {
		t.Errorf("the schema has %d fields, ending %v; want %d, ending forecast_status", len(fields), fields[len(fields)-1], len(header))
	}
}

// TestNoForecastColumns: a site without forecasts keeps its columns.
func TestNoForecastColumns(t *testing.T) {
	s := sitetest.Load(t, sitetest.Series)
	if h := strings.SplitN(string(CSV(s)), "\r\n", 2)[0]; strings.Contains(h, "forecast") {
		t.Errorf("header %q has forecast columns", h)
	}
	if strings.Contains(string(Package(s)), "description\": \"Figures") {
		t.Error("the package describes breaks the site does not have")
	}
}
