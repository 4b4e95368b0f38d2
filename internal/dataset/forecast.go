package dataset

import (
	"strings"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// A site whose rows give year-end forecasts has three more columns in its
// CSV files, after the series' columns; its JSON rows have a forecast,
// and its measures their breaks in series, which the Data Package's
// description lists too.

// forecastColumns are the columns of the year-end forecasts.
var forecastColumns = []Column{
	{"forecast", "string", "The figure forecast for the end of the year, as published; blank when the row gives none"},
	{"forecast_value", "number", "The forecast as a number (seconds for min:sec)"},
	{"forecast_status", "string", "The status the forecast would earn, as published: a rating code or the report's words; blank when none is given"},
}

// hasForecasts reports whether any row of s gives a year-end forecast.
func hasForecasts(s *report.Site) bool {
	for _, q := range s.Quarters {
		for _, r := range q.AllRows() {
			if r.Forecast != nil {
				return true
			}
		}
	}
	return false
}

// forecastCells are a row's cells in the forecast columns.
func forecastCells(r *report.Row) []string {
	f := r.Forecast
	if f == nil {
		return []string{"", "", ""}
	}
	status := ""
	if f.Status != nil {
		status = f.Status.Code
	}
	return []string{f.Value.Raw, number(f.Value.Num, f.Value.Kind == value.Number || f.Value.Kind == value.Bound), status}
}

// jsonForecast is a row's year-end forecast.
type jsonForecast struct {
	jsonCell
	Status string `json:"status,omitempty"`
}

func forecastOf(r *report.Row) *jsonForecast {
	f := r.Forecast
	if f == nil {
		return nil
	}
	jf := &jsonForecast{jsonCell: cell(f.Value)}
	if f.Status != nil {
		jf.Status = f.Status.Code
	}
	return jf
}

// jsonBreak is a break in a measure's series.
type jsonBreak struct {
	From        string `json:"from"`         // the first period of the new series, as data files write it
	PeriodStart string `json:"period_start"` // its first day: figures from then on are the new series
	Kind        string `json:"kind"`         // method or break
	Reason      string `json:"reason"`
}

func breaksOf(m *report.Measure) []jsonBreak {
	var out []jsonBreak
	for _, b := range m.Breaks {
		start, _ := periodDates(b.From)
		out = append(out, jsonBreak{From: b.From.String(), PeriodStart: start, Kind: b.Kind.Key(), Reason: b.Reason})
	}
	return out
}

// describeBreaks lists the breaks in the measures' series, for the Data
// Package's description; "" when there are none.
func describeBreaks(s *report.Site) string {
	var parts []string
	for _, m := range s.Measures {
		for _, b := range m.Breaks {
			what := "a series break"
			if b.Kind == report.MethodChange {
				what = "a method change"
			}
			parts = append(parts, "measure "+m.ID+" has "+what+" from "+b.From.String()+": "+b.Reason)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Figures before a break in a measure's series are not comparable with those after it (see breaks in scorecard.json). " + strings.Join(parts, " ")
}
