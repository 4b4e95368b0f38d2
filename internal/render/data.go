package render

import (
	"encoding/json"
	"html/template"
	"io"
	"scorecard/internal/report"
	"strings"
)

type dataPage struct {
	page
	Files []dataFile

	// Forecasts says some row gives a year-end forecast: the CSV files
	// have its columns.
	Forecasts bool
}

type dataFile struct {
	Path, Title, Format string
}

// Data renders the open data page, data/index.html, which lists the files
// and states their licence.
func (r *Renderer) Data(w io.Writer, s *report.Site) error {
	at := "data/index.html"
	d := dataPage{page: newPage(s, at, "data", r.say("open-data"), homeCrumb, crumb{Msg: "open-data"})}
	d.Files = append(d.Files, dataFile{Path: "data/scorecard.csv", Title: r.say("data-file-all", "Edition", s.EditionWord()), Format: "CSV"})
	for i := len(s.Quarters) - 1; i >= 0; i-- {
		q := s.Quarters[i]
		d.Files = append(d.Files, dataFile{Path: DataPath(q.ID), Title: r.say("data-file-edition", "Period", q.ID.Long()), Format: "CSV"})
	}
	d.Files = append(d.Files,
		dataFile{Path: "data/scorecard.json", Title: r.say("data-file-json", "Edition", s.EditionWord()), Format: "JSON"},
		dataFile{Path: "data/datapackage.json", Title: r.say("data-file-package"), Format: "JSON"})
	d.Files = append(d.Files, dataFile{Path: CorrectionsCSVPath, Title: r.say("data-file-corrections"), Format: "CSV"})
	d.JSONLD = r.datasetJSONLD(s, d.Files)
	for _, q := range s.Quarters {
		d.Forecasts = d.Forecasts || anyForecast(q.AllRows(), func(r *report.Row) *report.Row { return r })
	}
	return r.execute(w, "data.html", d)
}

// datasetJSONLD describes the open data as a schema.org Dataset, so that
// dataset search engines find it. Addresses are absolute when the site has
// a base URL.
func (r *Renderer) datasetJSONLD(s *report.Site, files []dataFile) template.JS {
	type download struct {
		Type           string `json:"@type"`
		Name           string `json:"name"`
		EncodingFormat string `json:"encodingFormat"`
		ContentURL     string `json:"contentUrl"`
	}
	first, last := s.Quarters[0].ID, s.Quarters[len(s.Quarters)-1].ID
	doc := struct {
		Context      string            `json:"@context"`
		Type         string            `json:"@type"`
		Name         string            `json:"name"`
		Description  string            `json:"description"`
		URL          string            `json:"url,omitempty"`
		License      string            `json:"license"`
		Creator      map[string]string `json:"creator"`
		Temporal     string            `json:"temporalCoverage"`
		Distribution []download        `json:"distribution"`
	}{
		Context:     "https://schema.org/",
		Type:        "Dataset",
		Name:        r.say("dataset-name", "Organisation", s.Organisation, "Title", s.Title),
		Description: r.say("dataset-description", "Organisation", s.Organisation, "Title", s.Title, "Edition", s.EditionWord()),
		License:     "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
		Creator:     map[string]string{"@type": "Organization", "name": s.Organisation},
		Temporal:    quarterStart(first) + "/" + quarterEnd(last),
	}
	if s.BaseURL != "" {
		doc.URL = s.BaseURL + "data/"
	}
	for _, f := range files {
		format := "text/csv"
		if f.Format == "JSON" {
			format = "application/json"
		}
		u := strings.TrimPrefix(f.Path, "data/")
		if s.BaseURL != "" {
			u = s.BaseURL + f.Path
		}
		doc.Distribution = append(doc.Distribution, download{Type: "DataDownload", Name: f.Title, EncodingFormat: format, ContentURL: u})
	}
	b, err := json.Marshal(doc) // escapes <, > and &: safe inside <script>
	if err != nil {
		panic(err)
	}
	return template.JS(b)
}

// quarterStart and quarterEnd give a period's first and last days.
func quarterStart(q report.Period) string { first, _ := q.Dates(); return first.Format("2006-01-02") }

func quarterEnd(q report.Period) string { _, last := q.Dates(); return last.Format("2006-01-02") }
