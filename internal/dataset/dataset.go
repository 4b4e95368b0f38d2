// Package dataset publishes a site's scorecard as open data: CSV for every
// quarter and for all of them, JSON with the measure catalogue, and a Data
// Package descriptor naming the licence.
package dataset

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"

	"scorecard/internal/rag"
	"scorecard/internal/report"
	"scorecard/internal/value"
)

// Licence is the licence the open data is published under.
const (
	LicenceName  = "OGL-UK-3.0"
	LicenceTitle = "Open Government Licence v3.0"
	LicenceURL   = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
)

// Columns of the CSV files, in order. The first twelve are the published
// scorecard; then come parsed and computed values beside them, then the
// measure's metadata from the catalogue. A list (codes, ids) is one cell,
// its items separated by "; ", as flat open data conventionally writes
// one; the JSON keeps codes as an array and ids as an object.
var Columns = []Column{
	{"quarter", "string", "The edition of the report: the financial year and quarter, such as 2016-17 Q2, or the month, half-year or year of a report published so (the column keeps its name for every kind)"},
	{"theme", "string", "The theme's id"},
	{"measure", "string", "The measure's id, the same in every quarter"},
	{"title", "string", "The measure's title"},
	{"good", "string", "Which way is good: higher, lower, in range, or not stated"},
	{"unit", "string", "The id of the measure's unit: %, count, days, years, min:sec, ratio, rate or £, or one the site declares (see units in scorecard.json)"},
	{"target", "string", "The target as published; blank where the report is blank"},
	{"actual", "string", "The actual as published; blank where the report is blank"},
	{"status", "string", "The status as published: a rating code or the report's words"},
	{"computed_status", "string", "The rating worked out from target and actual; blank when none can be"},
	{"dot_quarter", "string", "Direction of travel against the previous quarter: improved, no change, worse or not comparable; increased or decreased for a measure with no stated polarity"},
	{"dot_year", "string", "Direction of travel against the same quarter a year earlier"},
	{"status_label", "string", "The published status in words"},
	{"computed_working", "string", "How computed_status was worked out, or why there is none"},
	{"dot_quarter_reason", "string", "The movement against the previous quarter, or why it is not comparable"},
	{"dot_year_reason", "string", "The movement against the same quarter a year earlier, or why it is not comparable"},
	{"period", "string", "The period the figures describe, as written, when it is not the edition itself, such as Oct 13 to Sept 14"},
	{"notes", "string", "The notes the row refers to, as published"},
	{"target_value", "number", "The target as a number (seconds for min:sec)"},
	{"target_low", "number", "The lower end of a target range or rank range"},
	{"target_high", "number", "The upper end of a target range or rank range"},
	{"annual_target", "boolean", "true when the target is for the whole year (published in brackets)"},
	{"actual_value", "number", "The actual as a number (seconds for min:sec)"},
	{"actual_numerator", "number", "The numerator published with the actual, as in 42.5% (62/146)"},
	{"actual_denominator", "number", "The denominator published with the actual"},
	{"actual_rank", "integer", "The rank published with the actual, as in 5.33 (26th)"},
	{"actual_count", "number", "The count published in brackets with the actual, as in 89 (378)"},
	{"equalities", "boolean", "true for an equalities measure"},
	{"codes", "string", "The measure's reference codes, such as BV053, separated by \"; \" (no code holds a semicolon)"},
	{"ids", "string", "The measure's identifiers in other datasets, each as dataset: id, such as LG Inform: 1234, separated by \"; \""},
	{"source", "string", "Where the measure's figures come from"},
	{"frequency", "string", "How often the measure is measured, as the catalogue writes it"},
	{"owner", "string", "The measure's lead officer or directorate"},
	{"caveats", "string", "What to bear in mind in using the measure's figures"},
	{"target_qualifiers", "string", QualifiersColumn},
	{"actual_qualifiers", "string", "The actual's qualifiers, as for target_qualifiers"},
	{"period_start", "date", "The first day of the period the figures describe (the edition's, or the one period names), as YYYY-MM-DD; blank when period names none Scorecard can read"},
	{"period_end", "date", "The last day of that period, as YYYY-MM-DD; with period_start, a time line for any kind of period: a month, quarter, year, year to date or rolling year"},
}

// QualifiersColumn describes the target_qualifiers column; Package adds
// the site's qualifiers and their meanings.
const QualifiersColumn = "The qualifiers written after the target, such as provisional or *, each as declared, separated by \"; \"; blank when none"

// Column describes one CSV column.
type Column struct {
	Name, Type, Description string
}

// SiteColumns are the columns of site s's CSV files: Columns, then three
// for each of the site's further targets and comparators, in the order
// data/site.yaml declares them, such as comparator_england (the figure as
// published), comparator_england_period and comparator_england_source.
// They come after the fixed columns, so that those keep their places.
func SiteColumns(s *report.Site) []Column {
	out := slices.Clip(Columns)
	for _, sr := range s.Series {
		cols, _ := seriesColumns(sr)
		out = append(out, cols[:]...)
	}
	if hasForecasts(s) {
		out = append(out, forecastColumns...)
	}
	return out
}

// seriesColumns are the columns of one further target or comparator, and
// their titles for the Data Package.
func seriesColumns(sr *report.Series) (cols [3]Column, titles [3]string) {
	what := "a further target"
	if sr.Kind == report.ComparatorSeries {
		what = "a comparator"
	}
	src := ""
	if sr.Source != "" {
		src = " (source: " + sr.Source + ")"
	}
	col := sr.Column()
	return [3]Column{
			{col, "string", sr.Label + ", " + what + src + ": the figure as published; blank when the row gives none"},
			{col + "_period", "string", "The period the " + sr.Label + " figure describes, when the data says; blank when it is the row's own"},
			{col + "_source", "string", "Where the " + sr.Label + " figure comes from: the figure's own source when the data gives one, otherwise the series' source"},
		},
		[3]string{sr.Label, sr.Label + ": period", sr.Label + ": source"}
}

// CSV returns the scorecard of the given quarters (all when none are given)
// as CSV, as WriteCSV writes it.
func CSV(s *report.Site, quarters ...*report.Quarter) []byte {
	var buf bytes.Buffer
	WriteCSV(&buf, s, quarters...) // writing to a bytes.Buffer cannot fail
	return buf.Bytes()
}

// WriteCSV writes the scorecard of the given quarters (all when none are
// given) to w as CSV: UTF-8, a header row, one row per measure per quarter.
// No cell is one a spreadsheet would run as a formula (see safeCell). It
// writes a row at a time, so a site of millions of rows holds no more than
// a row and a buffer in memory, and returns the first error writing to w.
func WriteCSV(w io.Writer, s *report.Site, quarters ...*report.Quarter) error {
	if len(quarters) == 0 {
		quarters = s.Quarters
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cols := SiteColumns(s)
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.Name
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	forecasts := hasForecasts(s)
	for _, q := range quarters {
		for _, r := range q.AllRows() {
			rec := record(s, q, r)
			if forecasts {
				rec = append(rec, forecastCells(r)...)
			}
			if err := writeSafe(cw, rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func record(s *report.Site, q *report.Quarter, r *report.Row) []string {
	m := r.Measure
	status, label := "", ""
	if r.Status != nil {
		status, label = r.Status.Code, r.Status.Label
	}
	computed, working := "", r.Computed.Reason()
	if r.Computed.Status != nil {
		computed, working = r.Computed.Status.Code, r.Computed.Working()
	}
	t, a := r.Target, r.Actual
	rank := ""
	if n := a.Rank(); n > 0 {
		rank = strconv.Itoa(n)
	}
	rec := []string{
		q.ID.String(), m.Theme.ID, m.ID, m.Title, string(m.Good), m.Unit.ID,
		t.Raw, a.Raw, status, computed,
		direction(r.SinceQuarter.Kind), direction(r.SinceLastYear.Kind),
		label, working, rag.English(r.SinceQuarter), rag.English(r.SinceLastYear),
		r.Period, notes(r),
		number(t.Num, t.Kind == value.Number || t.Kind == value.Bound),
		number(t.Low, t.Kind == value.Range || t.Kind == value.RankRange),
		number(t.High, t.Kind == value.Range || t.Kind == value.RankRange),
		boolean(t.Annual),
		number(a.Num, a.Kind == value.Number),
		number(a.Numerator(), a.HasFraction()),
		number(a.Denominator(), a.HasFraction()),
		rank,
		number(a.Count(), a.HasCount()),
		boolean(m.Equalities),
		strings.Join(m.Codes, "; "), ids(m.IDs), m.Source, m.Frequency, m.Owner, m.Caveats,
		qualifiers(t), qualifiers(a),
	}
	start, end := periodDates(r.When)
	rec = append(rec, start, end)
	for _, sr := range s.Series {
		if f := r.Reference(sr); f != nil {
			rec = append(rec, f.Value.Raw, f.Period, f.SourceText())
		} else {
			rec = append(rec, "", "", "")
		}
	}
	return rec
}

// periodDates gives a period's first and last days as YYYY-MM-DD, or
// blanks for no period.
func periodDates(p report.Period) (start, end string) {
	if p.IsZero() {
		return "", ""
	}
	first, last := p.Dates()
	return first.Format("2006-01-02"), last.Format("2006-01-02")
}

// ids is a measure's identifiers in other datasets as one CSV cell:
// "LG Inform: 1234; ONS: 0042". The loader refuses a semicolon in either
// part and a colon in the dataset's name, so the cell reads back.
func ids(xs []report.ExternalID) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.Scheme + ": " + x.ID
	}
	return strings.Join(parts, "; ")
}

// safeCell is c as a CSV cell that a spreadsheet opening the file will not run
// as a formula (CSV injection, as OWASP describes it): text starting with
// =, +, -, @, a tab or a carriage return gets a leading ', which
// spreadsheets read as "this is text" and do not show. A figure, such as
// -10%, -3.5, +2, -£1,200 or - (not applicable), is not a formula and stays
// exactly as published.
func safeCell(c string) string {
	if c == "" || !strings.ContainsRune(formulaStart, rune(c[0])) || figure(c) {
		return c
	}
	return "'" + c
}

// formulaStart holds the characters that make a spreadsheet read a cell
// as a formula.
const formulaStart = "=+-@\t\r"

// figure reports whether c is a figure as the report publishes one: a
// number, a range or "-", as package value reads them, or a number with a
// leading + (which value refuses, but which a spreadsheet reads as the
// number).
func figure(c string) bool {
	if strings.TrimSpace(c) != c {
		return false // a spreadsheet reads "\t-" as text, which would start a formula
	}
	if rest, ok := strings.CutPrefix(c, "+"); ok {
		if rest == "" || !(rest[0] >= '0' && rest[0] <= '9' || strings.HasPrefix(rest, "£")) {
			return false
		}
		c = rest
	}
	v, err := value.Parse(c)
	return err == nil && (v.Kind == value.Number || v.Kind == value.Range || v.Kind == value.NotApplicable)
}

// qualifiers is a figure's qualifiers as one CSV cell: "provisional; *".
func qualifiers(v value.Value) string {
	qs := v.Qualifiers()
	labels := make([]string, len(qs))
	for i, q := range qs {
		labels[i] = q.Label()
	}
	return strings.Join(labels, "; ")
}

func direction(k report.DirectionKind) string { return strings.ToLower(k.String()) }

func number(f float64, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func boolean(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func notes(r *report.Row) string {
	var parts []string
	for _, n := range r.Notes {
		text := n.Note.Text
		if text == "" {
			text = "(published without text)"
		}
		parts = append(parts, "Note "+n.Label+": "+text)
	}
	return strings.Join(parts, "; ")
}

// JSON returns the whole scorecard with the measure catalogue, as
// WriteJSON writes it.
func JSON(s *report.Site) []byte {
	var buf bytes.Buffer
	WriteJSON(&buf, s) // writing to a bytes.Buffer cannot fail
	return buf.Bytes()
}

// WriteJSON writes the whole scorecard with the measure catalogue to w: the
// catalogue indented, then the rows, one to a line. Each row written
// compactly keeps the file a third smaller than indenting every field, and
// quick to write for a site of millions of rows, while a row still reads
// (and diffs) as one line. The rows are written as they are made, so the
// file is never whole in memory; it returns the first error writing to w.
func WriteJSON(w io.Writer, s *report.Site) error {
	doc := jsonDoc{
		Title:        s.Title,
		Organisation: s.Organisation,
		Licence:      jsonLicence{Name: LicenceName, Title: LicenceTitle, URL: LicenceURL},
		Statuses:     []jsonStatus{},
	}
	for _, st := range s.Statuses {
		doc.Statuses = append(doc.Statuses, jsonStatus{Code: st.Code, Label: st.Label, Rating: st.Rating})
	}
	for _, u := range s.Units {
		if u.Builtin {
			continue
		}
		ju := jsonUnit{ID: u.ID, Label: u.Label, Symbol: u.Symbol, Decimals: u.Decimals, Kind: string(u.Kind), Per: u.Per}
		if u.Symbol != "" {
			ju.Position = "after"
			if u.Before {
				ju.Position = "before"
			}
		}
		doc.Units = append(doc.Units, ju)
	}
	for _, q := range usedQualifiers(s) {
		doc.Qualifiers = append(doc.Qualifiers, jsonQual{Mark: q.Mark, Word: q.Word, Meaning: q.Meaning})
	}
	for _, t := range s.AllThemes() {
		jt := jsonTheme{ID: t.ID, Title: t.Title}
		if t.Parent != nil {
			jt.Parent = t.Parent.ID
		}
		doc.Themes = append(doc.Themes, jt)
	}
	for _, m := range s.Measures {
		doc.Measures = append(doc.Measures, jsonMeasure{ID: m.ID, Number: m.Number, Theme: m.Theme.ID, Title: m.Title,
			Good: string(m.Good), Unit: m.Unit.ID, Equalities: m.Equalities, Definition: m.Definition,
			Why: m.Why, Source: m.Source, Frequency: m.Frequency, Owner: m.Owner, Codes: m.Codes, IDs: idMap(m.IDs), Caveats: m.Caveats,
			Breaks: breaksOf(m)})
	}
	for _, q := range s.Quarters {
		doc.Quarters = append(doc.Quarters, q.ID.String())
	}
	for _, sr := range s.Series {
		js := jsonSeries{ID: sr.ID, Label: sr.Label, Source: sr.Source, Column: sr.Column()}
		if sr.Kind == report.TargetSeries {
			doc.Targets = append(doc.Targets, js)
		} else {
			doc.Comparators = append(doc.Comparators, js)
		}
	}
	head, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err) // the document holds only strings, numbers and booleans
	}
	// Buffered as csv.Writer is, so that an unbuffered w (a file, standard
	// output) is not written a few bytes at a time; bufio.Writer keeps the
	// first error, which Flush returns.
	b := bufio.NewWriter(w)
	// head ends "\n}": the rows go in before the closing brace.
	b.Write(head[:len(head)-2])
	b.WriteString(",\n  \"rows\": [")
	var row bytes.Buffer // one row, reused
	enc := json.NewEncoder(&row)
	sep := "\n    "
	for _, q := range s.Quarters {
		quarter := q.ID.String()
		for _, r := range q.AllRows() {
			start, end := periodDates(r.When)
			jr := jsonRow{
				PeriodStart: start, PeriodEnd: end,
				Quarter: quarter, Measure: r.Measure.ID,
				Target: cell(r.Target), Actual: cell(r.Actual),
				Period:     r.Period,
				Computed:   jsonComputed{Working: r.Computed.Working(), Reason: r.Computed.Reason()},
				DotQuarter: jsonDirection{Direction: direction(r.SinceQuarter.Kind), Against: r.SinceQuarter.Against.String(), Reason: rag.English(r.SinceQuarter)},
				DotYear:    jsonDirection{Direction: direction(r.SinceLastYear.Kind), Against: r.SinceLastYear.Against.String(), Reason: rag.English(r.SinceLastYear)},
			}
			if r.Status != nil {
				jr.Status = r.Status.Code
			}
			if p := r.PublishedDirection; p != nil {
				jr.DotPublished = &jsonPublished{Text: p.Raw, Direction: direction(p.Kind)}
			}
			if r.Computed.Status != nil {
				jr.Computed.Status = r.Computed.Status.Code
			}
			for _, n := range r.Notes {
				jr.Notes = append(jr.Notes, jsonNote{Label: n.Label, Text: n.Note.Text})
			}
			jr.Targets, jr.Comparators = figures(r.Targets), figures(r.Comparators)
			jr.Forecast = forecastOf(r)
			row.Reset()
			if err := enc.Encode(jr); err != nil {
				panic(err) // as for head
			}
			b.WriteString(sep)
			sep = ",\n    "
			if _, err := b.Write(row.Bytes()[:row.Len()-1]); err != nil { // less Encode's newline
				return err
			}
		}
	}
	b.WriteString("\n  ]\n}\n")
	return b.Flush()
}

type jsonDoc struct {
	Title        string        `json:"title"`
	Organisation string        `json:"organisation"`
	Licence      jsonLicence   `json:"licence"`
	Statuses     []jsonStatus  `json:"statuses"`
	Units        []jsonUnit    `json:"units,omitempty"`
	Qualifiers   []jsonQual    `json:"qualifiers,omitempty"`
	Themes       []jsonTheme   `json:"themes"`
	Measures     []jsonMeasure `json:"measures"`
	Quarters     []string      `json:"quarters"`
	Targets      []jsonSeries  `json:"targets,omitempty"`
	Comparators  []jsonSeries  `json:"comparators,omitempty"`
}

// jsonSeries declares a further target or a comparator; rows give their
// figures under its id.
type jsonSeries struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Source string `json:"source,omitempty"`
	Column string `json:"csv_column"` // its columns in the CSV files: this, this_period and this_source
}

// jsonFigure is a row's figure in a further target or comparator series.
type jsonFigure struct {
	jsonCell
	Period string `json:"period,omitempty"`
	Source string `json:"source,omitempty"` // the figure's own, when it differs from the series'
}

// figures are a row's figures of one kind by series id; encoding/json
// writes the ids sorted.
func figures(fs []report.Figure) map[string]jsonFigure {
	if len(fs) == 0 {
		return nil
	}
	out := make(map[string]jsonFigure, len(fs))
	for _, f := range fs {
		out[f.Series.ID] = jsonFigure{jsonCell: cell(f.Value), Period: f.Period, Source: f.Source}
	}
	return out
}

type jsonLicence struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

type jsonStatus struct {
	Code   string `json:"code"`
	Label  string `json:"label"`
	Rating bool   `json:"rating"`
}

// jsonUnit is a unit the site declares under units: (the built-in ones
// are not listed).
type jsonUnit struct {
	ID       string  `json:"id"`
	Label    string  `json:"label"`
	Symbol   string  `json:"symbol,omitempty"`
	Position string  `json:"position,omitempty"`
	Decimals int     `json:"decimals"`
	Kind     string  `json:"kind"`
	Per      float64 `json:"per,omitempty"`
}

type jsonQual struct {
	Mark    string `json:"mark,omitempty"`
	Word    string `json:"word,omitempty"`
	Meaning string `json:"means"`
}

type jsonTheme struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Parent string `json:"parent,omitempty"` // the id of the theme it is under; left out at the top level
}

type jsonMeasure struct {
	ID         string            `json:"id"`
	Number     string            `json:"number,omitempty"`
	Theme      string            `json:"theme"`
	Title      string            `json:"title"`
	Good       string            `json:"good"`
	Unit       string            `json:"unit"`
	Equalities bool              `json:"equalities"`
	Definition string            `json:"definition,omitempty"`
	Why        string            `json:"why,omitempty"`
	Source     string            `json:"source,omitempty"`
	Frequency  string            `json:"frequency,omitempty"`
	Owner      string            `json:"owner,omitempty"`
	Codes      []string          `json:"codes,omitempty"`
	IDs        map[string]string `json:"ids,omitempty"` // dataset: id; encoding/json writes the keys sorted
	Caveats    string            `json:"caveats,omitempty"`
	Breaks     []jsonBreak       `json:"breaks,omitempty"` // earliest first
}

func idMap(xs []report.ExternalID) map[string]string {
	if len(xs) == 0 {
		return nil
	}
	m := make(map[string]string, len(xs))
	for _, x := range xs {
		m[x.Scheme] = x.ID
	}
	return m
}

type jsonRow struct {
	Quarter     string                `json:"quarter"`
	PeriodStart string                `json:"period_start,omitempty"`
	PeriodEnd   string                `json:"period_end,omitempty"`
	Measure     string                `json:"measure"`
	Target      jsonCell              `json:"target"`
	Actual      jsonCell              `json:"actual"`
	Status      string                `json:"status,omitempty"`
	Period      string                `json:"period,omitempty"`
	Notes       []jsonNote            `json:"notes,omitempty"`
	Computed    jsonComputed          `json:"computed"`
	DotQuarter  jsonDirection         `json:"dot_quarter"`
	DotYear     jsonDirection         `json:"dot_year"`
	Targets     map[string]jsonFigure `json:"targets,omitempty"`
	Comparators map[string]jsonFigure `json:"comparators,omitempty"`
	// The report's own direction of travel, where it recorded one.
	DotPublished *jsonPublished `json:"dot_published,omitempty"`
	// The figure forecast for the year's end, where the row gives one.
	Forecast *jsonForecast `json:"forecast,omitempty"`
}

// jsonPublished is a published direction of travel: as written, and read
// as one of the directions.
type jsonPublished struct {
	Text      string `json:"text"`
	Direction string `json:"direction"`
}

type jsonCell struct {
	Text        string   `json:"text"`
	Kind        string   `json:"kind"`
	Unit        string   `json:"unit,omitempty"`
	Value       *float64 `json:"value,omitempty"`
	Low         *float64 `json:"low,omitempty"`
	High        *float64 `json:"high,omitempty"`
	Annual      bool     `json:"annual,omitempty"`
	Numerator   *float64 `json:"numerator,omitempty"`
	Denominator *float64 `json:"denominator,omitempty"`
	Rank        int      `json:"rank,omitempty"`
	Count       *float64 `json:"count,omitempty"`
	Direction   string   `json:"direction,omitempty"`
	Qualifier   string   `json:"qualifier,omitempty"`
	Qualifiers  []string `json:"qualifiers,omitempty"` // provisional, "*": as declared (see the document's qualifiers)
}

type jsonComputed struct {
	Status  string `json:"status,omitempty"`
	Working string `json:"working,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

type jsonDirection struct {
	Direction string `json:"direction"`
	Against   string `json:"against"`
	Reason    string `json:"reason"`
}

type jsonNote struct {
	Label string `json:"label"`
	Text  string `json:"text"`
}

func cell(v value.Value) jsonCell {
	c := jsonCell{Text: v.Raw, Kind: v.Kind.String(), Unit: v.Unit.String(), Annual: v.Annual,
		Rank: v.Rank(), Direction: v.Direction(), Qualifier: v.Qualifier()}
	for _, q := range v.Qualifiers() {
		c.Qualifiers = append(c.Qualifiers, q.Label())
	}
	ptr := func(f float64) *float64 { return &f }
	switch v.Kind {
	case value.Number, value.Bound:
		c.Value = ptr(v.Num)
	case value.Range, value.RankRange:
		c.Low, c.High = ptr(v.Low), ptr(v.High)
	}
	if v.HasFraction() {
		c.Numerator, c.Denominator = ptr(v.Numerator()), ptr(v.Denominator())
	}
	if v.HasCount() {
		c.Count = ptr(v.Count())
	}
	return c
}

// Package returns a Data Package descriptor (datapackage.json) for the
// files, naming the licence and describing every column.
func Package(s *report.Site) []byte {
	type field struct {
		Name        string `json:"name"`
		Title       string `json:"title,omitempty"`
		Type        string `json:"type"`
		Description string `json:"description"`
	}
	type resource struct {
		Name      string `json:"name"`
		Path      string `json:"path"`
		Format    string `json:"format"`
		Mediatype string `json:"mediatype"`
		Encoding  string `json:"encoding,omitempty"`
		Title     string `json:"title"`
		Schema    *struct {
			Fields []field `json:"fields"`
		} `json:"schema,omitempty"`
	}
	schema := &struct {
		Fields []field `json:"fields"`
	}{}
	for _, c := range Columns {
		if c.Description == QualifiersColumn {
			c.Description += describeQualifiers(s)
		}
		schema.Fields = append(schema.Fields, field{c.Name, "", c.Type, c.Description})
	}
	for _, sr := range s.Series {
		cols, titles := seriesColumns(sr)
		for i, c := range cols {
			schema.Fields = append(schema.Fields, field{c.Name, titles[i], c.Type, c.Description})
		}
	}
	if hasForecasts(s) {
		for _, c := range forecastColumns {
			schema.Fields = append(schema.Fields, field{c.Name, "", c.Type, c.Description})
		}
	}
	var resources []resource
	resources = append(resources, resource{Name: "scorecard", Path: "scorecard.csv", Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
		Title: "Every measure in every " + s.EditionWord(), Schema: schema})
	for _, q := range s.Quarters {
		resources = append(resources, resource{Name: "scorecard-" + q.ID.Slug(), Path: q.ID.Slug() + ".csv", Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
			Title: "The scorecard for " + q.ID.Long(), Schema: schema})
	}
	resources = append(resources, resource{Name: "scorecard-json", Path: "scorecard.json", Format: "json", Mediatype: "application/json",
		Title: "Every measure in every " + s.EditionWord() + ", with the measure catalogue"})
	corrections := &struct {
		Fields []field `json:"fields"`
	}{}
	for _, c := range CorrectionColumns {
		corrections.Fields = append(corrections.Fields, field{c.Name, "", c.Type, c.Description})
	}
	resources = append(resources, resource{Name: "corrections", Path: "corrections.csv", Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
		Title: "Every correction to a published figure, newest " + s.EditionWord() + " first", Schema: corrections})
	doc := struct {
		Name        string     `json:"name"`
		Title       string     `json:"title"`
		Description string     `json:"description,omitempty"`
		Publisher   string     `json:"publisher"`
		Licenses    []any      `json:"licenses"`
		Resources   []resource `json:"resources"`
	}{
		Name:        "scorecard",
		Title:       s.Organisation + ": " + s.Title,
		Description: describeBreaks(s),
		Publisher:   s.Organisation,
		Licenses:    []any{map[string]string{"name": LicenceName, "title": LicenceTitle, "path": LicenceURL}},
		Resources:   resources,
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// usedQualifiers are the site's qualifiers that some target or actual
// carries, in the site's order: the open data lists and explains them.
func usedQualifiers(s *report.Site) []value.Qualifier {
	used := map[string]bool{}
	for _, q := range s.Quarters {
		for _, r := range q.AllRows() {
			for _, v := range [2]value.Value{r.Target, r.Actual} {
				for _, qu := range v.Qualifiers() {
					used[qu.Label()] = true
				}
			}
		}
	}
	var out []value.Qualifier
	for _, q := range s.Qualifiers {
		if used[q.Label()] {
			out = append(out, q)
		}
	}
	return out
}

// describeQualifiers lists the qualifiers the data uses with their
// meanings, for the qualifiers columns' description: `. The qualifiers:
// provisional (Provisional: ...); * (Provisional figure ...)`.
func describeQualifiers(s *report.Site) string {
	used := usedQualifiers(s)
	if len(used) == 0 {
		return ""
	}
	parts := make([]string, len(used))
	for i, q := range used {
		parts[i] = q.Label() + " (" + q.Meaning + ")"
	}
	return ". The qualifiers: " + strings.Join(parts, "; ")
}

// WriteTable writes a chart's table (package chart's Table: headings, then
// rows) as CSV, as WriteCSV writes the open data: each cell safe from
// spreadsheets, lines ending in CRLF.
func WriteTable(w io.Writer, table [][]string) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	for _, row := range table {
		if err := writeSafe(cw, slices.Clone(row)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeSafe writes rec, each of its cells made safe (safeCell) in place.
func writeSafe(cw *csv.Writer, rec []string) error {
	for i, c := range rec {
		rec[i] = safeCell(c)
	}
	return cw.Write(rec)
}
