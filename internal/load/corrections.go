package load

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"scorecard/internal/record"
	"scorecard/internal/report"
)

// corrections reads an edition file's corrections: list, after its rows:
// each names a measure of the catalogue, a field of its row (target,
// actual, status or a series id), what it was and what it is now, the
// day and the reason. Each goes on the quarter and on the row it
// corrects (Row.Corrections); whether it explains the change since the
// edition was published is the record's to say (package record), once
// the lock file is read.
func (l *loader) corrections(d *doc, n *yaml.Node, q *report.Quarter, s *report.Site) {
	byID := make(map[string]*report.Measure, len(s.Measures))
	for _, m := range s.Measures {
		byID[m.ID] = m
	}
	d.list(n, "corrections", func(item *yaml.Node) {
		c := &report.Correction{Pos: d.pos(item)}
		var measure, period, fieldNode, from, to, date, why *yaml.Node
		ok := d.mapping(item, "a correction",
			field{"measure", func(_, v *yaml.Node) { measure = v }},
			field{"period", func(_, v *yaml.Node) { period = v }},
			field{"field", func(_, v *yaml.Node) { fieldNode = v }},
			field{"from", func(_, v *yaml.Node) { from = v }},
			field{"to", func(_, v *yaml.Node) { to = v }},
			field{"date", func(_, v *yaml.Node) { date = v }},
			field{"why", func(_, v *yaml.Node) { why = v }},
		)
		if !ok {
			return
		}
		good := true
		need := func(v *yaml.Node, name, how string) string {
			if v == nil {
				d.errorf(item, "a correction has no %s:; %s", name, how)
				good = false
				return ""
			}
			text, read := d.str(v, name)
			good = good && read
			return strings.TrimSpace(text)
		}
		id := need(measure, "measure", "name the measure corrected by its id, such as measure: "+exampleID(s))
		c.Field = need(fieldNode, "field", "say what was corrected: target, actual, status, forecast, forecast_status, or the id of a further target or comparator")
		c.From = need(from, "from", `write what was published (or what the correction before left), or from: "" for a figure added`)
		c.To = need(to, "to", `write what the file now holds, or to: "" for a figure withdrawn`)
		c.Date = need(date, "date", "write the day the correction is published, as YYYY-MM-DD")
		c.Why = need(why, "why", "say why the figure changed, in a sentence residents will read")
		if period != nil {
			c.Period, _ = d.str(period, "period")
		}
		if id != "" {
			c.Measure = byID[id]
			switch {
			case c.Measure != nil:
			case l.broken[id] || len(s.Themes) == 0:
				good = false // its catalogue entry has an error already reported
			default:
				good = false
				if near := l.nearMeasure(s, id); near != nil {
					d.errorf(measure, "the correction's measure %q is not in %s; did you mean %q?", id, catalogueFile, near.ID)
				} else {
					d.errorf(measure, "the correction's measure %q is not in %s; name the measure corrected by its id", id, catalogueFile)
				}
			}
		}
		if fieldNode != nil && c.Field != "" && !knownField(c.Field, s) {
			good = false
			names := fieldNames(s)
			hint := ""
			if near := nearest(c.Field, names); near != "" {
				hint = fmt.Sprintf("did you mean %q? ", near)
			}
			d.errorf(fieldNode, "a correction's field is %q, which is not a field of a row; %swrite one of %s", c.Field, hint, strings.Join(names, ", "))
		}
		if date != nil && c.Date != "" {
			if c.Date == record.DatePlaceholder {
				good = false
				d.errorf(date, "write the day the correction is published in place of %s, such as 2016-11-30", record.DatePlaceholder)
			} else if _, err := time.Parse("2006-01-02", c.Date); err != nil {
				good = false
				d.errorf(date, "the correction's date %q is not a date; write the day it is published as YYYY-MM-DD, such as 2016-11-30", c.Date)
			}
		}
		if why != nil && (c.Why == "" || c.Why == record.WhyPlaceholder) {
			good = false
			d.errorf(why, "say why the figure changed in place of %q: a sentence residents will read beside the corrected figure", c.Why)
		}
		if from != nil && to != nil && good && c.From == c.To {
			good = false
			d.errorf(to, "the correction changes nothing: from and to are both %s; remove it, or write what the figure was and what it is now", strconv.Quote(c.To))
		}
		if !good || c.Measure == nil {
			return
		}
		// A period no row of the measure has is a row withdrawn since
		// publication, or a slip, which the record finds (package record).
		var row *report.Row
		if main := q.Row(c.Measure); main != nil && (c.Period == "" || c.Period == main.Period) {
			c.Period, row = "", main
		} else if c.Period != "" {
			for _, r := range q.RowsOf(c.Measure) {
				if r.Period == c.Period {
					row = r
				}
			}
		}
		if row != nil {
			row.Corrections = append(row.Corrections, c)
		}
		q.Corrections = append(q.Corrections, c)
	})
}

// knownField reports whether field names a cell of a row: its own target,
// actual or status, or one of the site's series.
func knownField(field string, s *report.Site) bool {
	switch field {
	case record.Target, record.Actual, record.Status, record.Forecast, record.ForecastStatus:
		return true
	}
	for _, sr := range s.Series {
		if sr.ID == field {
			return true
		}
	}
	return false
}

// fieldNames lists the fields a correction may name, for messages.
func fieldNames(s *report.Site) []string {
	names := []string{record.Target, record.Actual, record.Status}
	for _, sr := range s.Series {
		names = append(names, sr.ID)
	}
	return append(names, record.Forecast, record.ForecastStatus)
}

// exampleID is a measure's id for messages.
func exampleID(s *report.Site) string {
	if len(s.Measures) > 0 {
		return s.Measures[0].ID
	}
	return "bbh-5"
}

// cellNode finds, in an edition file's top node, the value of a row's
// cell (field "" for the row's key), or nil.
func cellNode(top *yaml.Node, k record.Key, field string) *yaml.Node {
	measures := lookup(top, "measures")
	if measures == nil || measures.Kind != yaml.MappingNode {
		return nil
	}
	var key, row *yaml.Node
	for i := 0; i+1 < len(measures.Content); i += 2 {
		if measures.Content[i].Value == k.Measure {
			key, row = measures.Content[i], measures.Content[i+1]
		}
	}
	if row == nil {
		// A row no longer in the file: the list it was in.
		for i := 0; i+1 < len(top.Content); i += 2 {
			if top.Content[i].Value == "measures" {
				return top.Content[i]
			}
		}
		return nil
	}
	if row.Kind == yaml.SequenceNode {
		var found *yaml.Node
		for _, item := range row.Content {
			p := lookup(item, "period")
			if k.Period != "" && p != nil && p.Value == k.Period {
				found = item
			}
			if k.Period == "" && p == nil {
				found = item
			}
		}
		if found == nil && k.Period == "" && len(row.Content) > 0 {
			found = row.Content[len(row.Content)-1] // every row has a period: the latest is the edition's
		}
		if found == nil {
			return key
		}
		row = found
		key = found
	}
	if field == "" {
		return key
	}
	switch f := lookup(row, record.Forecast); {
	case field == record.Forecast && f != nil:
		if v := lookup(f, "value"); v != nil {
			return v
		}
		return f
	case field == record.ForecastStatus && f != nil:
		if v := lookup(f, "status"); v != nil {
			return v
		}
		return f
	}
	if v := lookup(row, field); v != nil {
		return v
	}
	for _, group := range []string{"targets", "comparators"} {
		if v := lookup(lookup(row, group), field); v != nil {
			if inner := lookup(v, "value"); inner != nil {
				return inner
			}
			return v
		}
	}
	return key
}
