package chart

import (
	"testing"

	"scorecard/internal/report"
	"scorecard/internal/value"
)

// phoneOptions are the parts of a chart's options laid out for a phone.
type phoneOptions struct {
	Legend struct {
		Type string
		Show bool
	}
	Grid struct {
		Bottom       float64
		ContainLabel bool
	}
	XAxis, YAxis []struct {
		Type, Name, NameLocation string
		NameGap                  float64
		Min, Max                 any // dates on a time axis
		Interval                 float64
	}
	Scorecard *struct{ Duration string }
	Series    []struct {
		Name string
		Data []struct {
			Value any
			Label *struct{ Show bool }
		}
	}
}

func phone(t *testing.T, c Chart) phoneOptions {
	t.Helper()
	return decodeAs[phoneOptions](t, c)
}

// TestPhoneLayout: legends are plain (all shown, in rows, no paging) with
// room under the plot for every row at a phone's width; value axes are
// named in the middle of their side, clear of their labels; a trend's
// axis has the static chart's ticks.
func TestPhoneLayout(t *testing.T) {
	s := example(t)
	for _, m := range s.Measures {
		c := Trend(s, m, en)
		o := phone(t, c)
		if o.Legend.Type != "plain" || !o.Legend.Show {
			t.Errorf("%s: legend %+v; want a plain one", c.ID, o.Legend)
		}
		// Every legend row is about 22 px: the room must grow with the rows.
		rows, x := 1, 0.0
		for _, sr := range o.Series {
			w := 30 + float64(len([]rune(sr.Name)))*12*0.6
			if x > 0 && x+w > 348 {
				rows, x = rows+1, 0
			}
			x += w + 10
		}
		if o.Grid.Bottom < float64(rows)*22 || !o.Grid.ContainLabel {
			t.Errorf("%s: grid %+v leaves no room for %d legend rows", c.ID, o.Grid, rows)
		}
		y := o.YAxis[0]
		if y.NameLocation != "middle" || y.NameGap < 20 || y.Name == "" {
			t.Errorf("%s: y axis %+v; want its name in the middle, clear of the labels", c.ID, y)
		}
		if lo, ok := y.Min.(float64); !ok || !(lo < y.Max.(float64)) || y.Interval <= 0 {
			t.Errorf("%s: y axis runs %g to %g by %g", c.ID, y.Min, y.Max, y.Interval)
		}
		if dur := m.Unit.Written == value.MinSec; dur != (o.Scorecard != nil && o.Scorecard.Duration == "mm:ss") {
			t.Errorf("%s: unit %s, scorecard options %+v", c.ID, m.Unit.ID, o.Scorecard)
		}
	}
}

// TestBarLabels: a count is written in its segment only when the segment
// can hold it on a phone; the value axis is named in the middle.
func TestBarLabels(t *testing.T) {
	s := example(t)
	st := s.Statuses
	var rows []*report.Row
	for range 40 {
		rows = append(rows, &report.Row{Status: st[0]})
	}
	rows = append(rows, &report.Row{Status: st[1]})
	counts := report.CountStatuses(st, []string{"Theme"}, [][]*report.Row{rows})
	for _, horizontal := range []bool{true, false} {
		o := phone(t, StatusBars("chart-b", "Bars", counts, horizontal, en))
		shown := map[string]bool{}
		for _, sr := range o.Series {
			for _, d := range sr.Data {
				if d.Value != "-" {
					shown[sr.Name] = d.Label == nil || d.Label.Show
				}
			}
		}
		big, small := report.CountLabel(st[0]), report.CountLabel(st[1])
		if !shown[big] || shown[small] {
			t.Errorf("horizontal %v: labels shown %v; want the 40's and not the 1's", horizontal, shown)
		}
		axes := o.YAxis
		if horizontal {
			axes = o.XAxis
		}
		if a := axes[0]; a.Type != "value" || a.Name != "Measures" || a.NameLocation != "middle" {
			t.Errorf("horizontal %v: value axis %+v", horizontal, a)
		}
	}
}
