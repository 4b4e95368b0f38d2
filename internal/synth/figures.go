package synth

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"scorecard/internal/load"
	"scorecard/internal/rag"
	"scorecard/internal/report"
	"scorecard/internal/value"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is the shape of a measure: its unit, its polarity, and the forms its
// target and actual are written in.
type kind uint8

const (
	pctPlain      kind = iota // 93% against 97.8%
	pctFraction               // 45% against 42.5% (62/146)
	pctRange                  // 13-15%, higher is better or in range
	pctYoY                    // Year on year reduction against 43.3% (58/134)
	pctAnnual                 // "[60%]", assessed at Q4
	pctSurvey                 // figures once a year, "No survey this qtr" otherwise
	pctReduction              // -10% against -27%
	countPlain                // 1100, 33,000
	countBracket              // Year on year reduction against 83 (353)
	countQ4                   // "Reports in Q4 only" until Q4
	countBaseline             // BL for its first year
	daysPlain                 // 8.18
	minSec                    // 01:30
	rateRank                  // 12th to 20th in London against 5.33 (26th)
	ratePlain                 // 6.5 against 5.9
	ratioRange                // 0.9-1.1 against 0.98
	pounds                    // £125,000
	numKinds
)

// kindWeights says how many measures in a thousand are of each kind.
var kindWeights = [numKinds]int{
	pctPlain: 300, pctFraction: 50, pctRange: 40, pctYoY: 25, pctAnnual: 30, pctSurvey: 35, pctReduction: 20,
	countPlain: 200, countBracket: 20, countQ4: 30, countBaseline: 20,
	daysPlain: 60, minSec: 40, rateRank: 30, ratePlain: 25, ratioRange: 25, pounds: 50,
}

// The default scale's statuses that are not ratings.
const (
	stNew      = "New in 2016/17"
	stNoSurvey = "No survey this qtr"
	stNoTarget = "No target"
	stQ4       = "Reports in Q4 only"
	stNoActual = "No actual"
	stNone     = "None"
)

// Notes every quarter may define, per theme: label 1, labels 2 and 3
// sharing a text, and label 4 published without text.
var noteTexts = []struct {
	labels []int
	text   string
}{
	{[]int{1}, "Data reported at least 3 months in arrears"},
	{[]int{2, 3}, "No target set / data currently unavailable"},
	{[]int{4}, ""},
}

type measure struct {
	id, number, title, good, unit, definition string
	theme                                     int
	kind                                      kind
	equalities                                bool
	start                                     int  // the first quarter (an index) with a row
	isNew                                     bool // starts in 2016/17: "New in 2016/17" rows the year before
	lag                                       int  // months the data period ends before the quarter does; 0: none

	rng    *rand.Rand
	dec    int     // decimals of the actual
	tdec   int     // decimals of the target
	commas bool    // thousands separators
	target float64 // per cent, a count, seconds, pounds...
	width  float64 // a range target's width
	level  float64 // the actual, for measures that are not driven by the gap
	gap    float64 // how much better than target, in per cent; it drifts
	lo, hi int     // a rank target
	rank   int
	base   []float64 // actuals of a baseline year
	now    float64   // this quarter's actual, as a number
	hist   [4]struct {
		num float64
		ok  bool
	} // the actuals of the last four quarters, by quarter index mod 4
}

// row is one measure's line in a quarter file. An empty field is a blank
// cell; a nil *row is a measure with no line at all.
type row struct {
	target, actual, status, period string
	notes                          []int
}

func newMeasure(g *gen, i, t, n int) *measure {
	r := g.stream(streamMeasure, i, 0)
	m := &measure{
		id:     fmt.Sprintf("t%02d-m%05d", t+1, n),
		number: strconv.Itoa(n),
		theme:  t,
		rng:    r,
		kind:   pickKind(r),
	}
	m.equalities = r.IntN(100) < 8
	if r.IntN(100) < 30 {
		m.definition = pick(r, definitions)
	}
	last := len(g.quarters) - 1
	newYear := last - (latestQuarter.Q - 1) // 2016-17 Q1
	switch x := r.IntN(100); {
	case x < 6 && newYear > 0:
		m.start, m.isNew = newYear, true
	case x < 22 && last > 0:
		m.start = 1 + r.IntN(last)
	}
	m.gap = 3 + 11*r.NormFloat64()
	m.dec = r.IntN(3)
	m.tdec = r.IntN(2)
	m.commas = r.IntN(100) < 80
	m.setup()
	return m
}

func pickKind(r *rand.Rand) kind {
	x := r.IntN(1000)
	for k, w := range kindWeights {
		if x < w {
			return kind(k)
		}
		x -= w
	}
	return pctPlain
}

// setup gives the measure its unit, polarity, title and first target.
func (m *measure) setup() {
	r := m.rng
	higher := r.IntN(100) < 60
	m.good, m.unit = "higher", "%"
	if !higher {
		m.good = "lower"
	}
	in := ""
	if r.IntN(2) == 0 {
		in = " in " + pick(r, areas)
	}
	switch m.kind {
	case pctPlain, pctFraction:
		if higher {
			m.target = float64(40 + r.IntN(59))
			m.title = pick(r, []string{
				"% of residents satisfied with " + pick(r, services),
				"% of " + pick(r, people) + " " + pick(r, outcomes),
				"% of requests to " + pick(r, processes) + " completed within target",
			}) + in
		} else {
			m.target = float64(1+r.IntN(30)) + float64(r.IntN(10))/10*float64(m.tdec)
			m.title = pick(r, []string{
				"% of calls to " + pick(r, services) + " abandoned",
				"% of " + pick(r, problems) + " that are repeat cases",
				"Staff turnover in " + pick(r, services) + " (%)",
			}) + in
		}
		if m.kind == pctFraction {
			m.tdec = 0
		}
	case pctRange:
		m.tdec = 0
		m.target, m.width = float64(5+r.IntN(60)), float64(2+r.IntN(6))
		if higher {
			m.title = "% of " + pick(r, services) + " spend placed with local suppliers"
		} else {
			m.good = "in range"
			m.title = "Occupancy of " + pick(r, services) + " places (%)" + in
		}
	case pctYoY:
		m.good, m.lag = "lower", 24
		m.level = float64(10 + r.IntN(60))
		m.title = "Rate of proven re-offending by " + pick(r, people)
	case pctAnnual:
		m.good, m.tdec = "higher", 0
		m.target = float64(30 + r.IntN(60))
		m.title = "% of " + pick(r, people) + " " + pick(r, outcomes) + " (annual)"
	case pctSurvey:
		m.good, m.tdec = "higher", 0
		m.target = float64(45 + r.IntN(45))
		m.title = "Percentage of residents who agree that " + pick(r, statements) + " (survey)"
	case pctReduction:
		m.good, m.tdec, m.dec = "lower", 0, 0
		m.target = -float64(5 + r.IntN(16))
		m.title = "Change in " + pick(r, problems) + " against the 2014/15 baseline (%)"
	case countPlain, countQ4, countBaseline:
		m.unit = "count"
		m.target = nice(math.Exp(math.Log(5) + r.Float64()*math.Log(50000.0/5)))
		switch {
		case m.kind == countQ4:
			m.good = "higher"
			m.title = "Number of " + pick(r, people) + " supported by " + pick(r, services) + " in the year"
		case m.kind == countBaseline:
			m.good, m.target = "higher", 0
			m.level = nice(math.Exp(math.Log(20) + r.Float64()*math.Log(5000.0/20)))
			m.title = "Number of " + pick(r, people) + " using " + pick(r, services) + " online"
		case higher:
			m.title = "Number of " + pick(r, people) + " " + pick(r, []string{"helped by " + pick(r, services), pick(r, outcomes)})
		default:
			m.title = capital(pick(r, problems)) + in
		}
	case countBracket:
		m.good, m.unit, m.lag = "lower", "count", 6
		m.level = float64(40 + r.IntN(560))
		m.title = capital(pick(r, problems)) + " (rate per 100,000 population; the count in brackets)"
	case daysPlain:
		m.good, m.unit, m.dec, m.tdec = "lower", "days", 2, 2
		m.target = float64(300+r.IntN(3700)) / 100
		m.title = "Average days to " + pick(r, processes)
	case minSec:
		m.good, m.unit = "lower", "min:sec"
		m.target = float64(30 + 15*r.IntN(38))
		m.title = "Average time to answer calls to " + pick(r, services) + " (min:sec)"
	case rateRank:
		m.good, m.unit, m.dec = "lower", "rate", 2
		m.lo = 1 + r.IntN(15)
		m.hi = m.lo + 4 + r.IntN(9)
		m.rank = 1 + r.IntN(33)
		m.title = capital(pick(r, problems)) + " per 1,000 population (London rank)"
	case ratePlain:
		m.good, m.unit, m.dec, m.tdec = "lower", "rate", 1, 1
		m.target = float64(20+r.IntN(280)) / 10
		m.title = capital(pick(r, problems)) + " per 1,000 population" + in
	case ratioRange:
		m.good, m.unit, m.dec, m.tdec = "in range", "ratio", 2, 2
		m.target, m.width = float64(85+r.IntN(11))/100, 0.2
		m.title = "Demand and capacity index for " + pick(r, services)
	case pounds:
		m.good, m.unit = "higher", "£"
		m.target = 1000 * nice(math.Exp(math.Log(20)+r.Float64()*math.Log(2000.0/20)))
		m.title = pick(r, []string{"Income from " + pick(r, incomes), "Savings delivered by " + pick(r, services)}) + " (£)"
	}
	if m.lag == 0 && r.IntN(100) < 5 {
		m.lag = []int{3, 6, 12}[r.IntN(3)]
	}
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func capital(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[n:]
}

// nice rounds to two significant figures, as targets are set.
func nice(f float64) float64 {
	if f < 10 {
		return math.Round(f)
	}
	p := math.Pow(10, math.Floor(math.Log10(f))-1)
	return math.Round(f/p) * p
}

// row makes the measure's line for quarter k; rows must be asked for in
// quarter order.
func (m *measure) row(g *gen, k int) *row {
	m.now = math.NaN()
	rw := m.figures(g, k)
	h := &m.hist[k%4]
	h.num, h.ok = m.now, rw != nil && rw.actual != "" && rw.actual != "-" && !math.IsNaN(m.now)
	return rw
}

func (m *measure) figures(g *gen, k int) *row {
	q := g.quarters[k]
	r := m.rng
	if k < m.start {
		if m.isNew && k >= m.start-4 {
			return &row{target: "-", actual: "-", status: stNew}
		}
		return nil
	}
	m.drift(q, k)
	isLatest := k == len(g.quarters)-1
	switch x := r.IntN(1000); {
	case x < 8 && !isLatest:
		return &row{} // a row of blank cells
	case x < 14:
		return &row{status: stNoActual, notes: []int{2}}
	case x < 17:
		return &row{status: stNone, notes: []int{3}}
	}
	rw := m.cells(q, k)
	if m.lag > 0 && rw.actual != "" && rw.actual != "-" {
		rw.period = period(q, m.lag)
		if m.lag >= 12 && r.IntN(3) == 0 {
			rw.notes = append(rw.notes, 1)
		}
	}
	if r.IntN(200) == 0 {
		rw.notes = append(rw.notes, 4)
	}
	return rw
}

// drift moves the measure on a quarter: the gap to target wanders, with a
// pull back to slightly better than target, and targets change each April.
func (m *measure) drift(q quarter, k int) {
	r := m.rng
	m.gap = 3 + 0.6*(m.gap-3) + 9*r.NormFloat64()
	m.level *= math.Exp(0.08 * r.NormFloat64())
	m.rank = min(33, max(1, m.rank+r.IntN(7)-3))
	if q.Q == 1 && k > m.start && m.target != 0 {
		switch m.unit {
		case "%":
			if m.kind != pctReduction {
				m.target = min(99, max(1, m.target+float64(r.IntN(5)-2)))
			}
		case "count", "£":
			m.target = nice(m.target * (1 + 0.05*r.NormFloat64()))
		}
	}
}

// cells fills in the target, actual and published status.
func (m *measure) cells(q quarter, k int) *row {
	r := m.rng
	rw := &row{}
	lower := m.good == "lower"
	switch m.kind {
	case pctPlain:
		t := round(m.target, m.tdec)
		a := round(clamp(m.fromGap(t), 0, 100), m.dec)
		rw.target, rw.actual = pct(t, m.tdec), pct(a, m.dec)
		rw.status = m.publish(band(relGap(a, t, lower)))
		m.now = a
		if r.IntN(100) < 2 {
			rw.target, rw.status = "", stNoTarget
		}
	case pctFraction:
		t := round(m.target, 0)
		a, text := fraction(r, clamp(m.fromGap(t), 0, 100))
		rw.target, rw.actual = pct(t, 0), text
		rw.status = m.publish(band(relGap(a, t, lower)))
		m.now = a
	case pctRange:
		lo, hi := m.target, m.target+m.width
		rw.target = fmt.Sprintf("%g-%g%%", lo, hi)
		if m.good == "in range" {
			a := round(lo+m.width/2+m.width*0.8*r.NormFloat64(), m.dec)
			rw.actual = pct(a, m.dec)
			rw.status = m.rangeStatus(a, lo, hi)
			m.now = a
		} else {
			a := round(clamp(m.fromGap(lo), 0, 100), m.dec)
			rw.actual = pct(a, m.dec)
			rw.status = m.publish(band(relGap(a, lo, false)))
			m.now = a
		}
	case pctYoY, countBracket:
		rw.target = "Year on year reduction"
		var a float64
		if m.kind == pctYoY {
			a, rw.actual = fraction(r, clamp(m.level, 1, 95))
		} else {
			a = math.Round(m.level)
			rw.actual = fmt.Sprintf("%g (%d)", a, int(a*(3.5+r.Float64())))
		}
		if last := m.hist[k%4]; last.ok {
			rw.status = m.publish(band(relGap(a, last.num, true)))
		}
		m.now = a
	case pctAnnual:
		t := round(m.target, 0)
		a := round(clamp(m.fromGap(t), 0, 100), m.dec)
		rw.target, rw.actual = "["+pct(t, 0)+"]", pct(a, m.dec)
		rw.status = m.publish(band(relGap(a, t, false))) // a forecast before Q4
		m.now = a
	case pctSurvey:
		if q.Q != 3 {
			return &row{target: "-", actual: "-", status: stNoSurvey}
		}
		t := round(m.target, 0)
		a := round(clamp(m.fromGap(t), 0, 100), m.dec)
		rw.target, rw.actual = pct(t, 0), pct(a, m.dec)
		rw.status = m.publish(band(relGap(a, t, false)))
		m.now = a
	case pctReduction:
		t := m.target
		a := math.Round(t - m.gap*math.Abs(t)/100)
		rw.target, rw.actual = pct(t, 0), pct(a, 0)
		rw.status = m.publish(band(relGap(a, t, true)))
		m.now = a
	case countPlain, countQ4, countBaseline:
		if m.kind == countQ4 && q.Q != 4 {
			return &row{status: stQ4}
		}
		if m.kind == countBaseline && k-m.start < 4 {
			a := math.Round(m.level)
			m.base = append(m.base, a)
			rw.target, rw.actual = "BL", m.count(a)
			m.now = a
			return rw
		}
		if m.kind == countBaseline && m.target == 0 {
			sum := 0.0
			for _, b := range m.base {
				sum += b
			}
			m.target = nice(max(1, sum/float64(len(m.base))*1.05))
		}
		t := m.target
		a := math.Round(max(0, m.fromGap(t)))
		rw.target, rw.actual = m.count(t), m.count(a)
		rw.status = m.publish(band(relGap(a, t, lower)))
		m.now = a
		if m.kind == countPlain && r.IntN(100) < 2 {
			rw.target, rw.status = "", stNoTarget
		}
	case daysPlain, ratePlain:
		t := round(m.target, m.tdec)
		a := round(max(0.1, m.fromGap(t)), m.dec)
		rw.target = strconv.FormatFloat(t, 'f', m.tdec, 64)
		rw.actual = strconv.FormatFloat(a, 'f', m.dec, 64)
		rw.status = m.publish(band(relGap(a, t, true)))
		m.now = a
	case minSec:
		t := m.target
		a := math.Round(max(5, m.fromGap(t)))
		rw.target, rw.actual = minutes(t), minutes(a)
		rw.status = m.publish(band(relGap(a, t, true)))
		m.now = a
	case rateRank:
		rw.target = fmt.Sprintf("%s to %s in London", value.Ordinal(m.lo), value.Ordinal(m.hi))
		v := round(2+0.2*float64(m.rank)+0.3*r.Float64(), 2)
		rw.actual = fmt.Sprintf("%.2f (%s)", v, value.Ordinal(m.rank))
		rw.status = m.publish(band(relGap(float64(m.rank), float64(m.hi), true)))
		m.now = v
	case ratioRange:
		lo, hi := round(m.target, 2), round(m.target+m.width, 2)
		rw.target = strconv.FormatFloat(lo, 'f', -1, 64) + "-" + strconv.FormatFloat(hi, 'f', -1, 64)
		a := round(1+0.09*r.NormFloat64(), 2)
		rw.actual = strconv.FormatFloat(a, 'f', 2, 64)
		rw.status = m.rangeStatus(a, lo, hi)
		m.now = a
	case pounds:
		t := m.target
		a := math.Round(max(0, m.fromGap(t)))
		rw.target, rw.actual = "£"+thousands(t), "£"+thousands(a)
		rw.status = m.publish(band(relGap(a, t, false)))
		m.now = a
	}
	return rw
}

// fromGap is the actual that is m.gap per cent better than target t.
func (m *measure) fromGap(t float64) float64 {
	if m.good == "lower" {
		return t * (1 - m.gap/100)
	}
	return t * (1 + m.gap/100)
}

// publish returns the status the report publishes: nearly always the one
// the figures give, but now and then, as in real reports, a neighbour.
// rangeStatus is the status an in-range measure publishes for actual a
// against the target range lo-hi: G inside it, else the band of the gap to
// the nearer end.
func (m *measure) rangeStatus(a, lo, hi float64) string {
	switch {
	case a >= lo && a <= hi:
		return m.publish("G")
	case a < lo:
		return m.publish(band(-math.Abs(relGap(a, lo, false))))
	}
	return m.publish(band(-math.Abs(relGap(a, hi, false))))
}

func (m *measure) publish(status string) string {
	if m.rng.IntN(1000) >= 15 {
		return status
	}
	return map[string]string{"HG": "LG", "LG": "HG", "G": "HG", "A": "LR", "LR": "A", "HR": "LR"}[status]
}

func (m *measure) count(f float64) string {
	if m.commas {
		return thousands(f)
	}
	return strconv.FormatFloat(f, 'f', 0, 64)
}

// eps absorbs floating-point error at band edges, as Scorecard does.
const eps = 1e-9

// relGap follows Scorecard's own rule (rag.Gap) and band the default
// rating in the README ("Rating"), so that published statuses agree with
// the figures.
func relGap(actual, target float64, lower bool) float64 {
	good := report.Higher
	if lower {
		good = report.Lower
	}
	return rag.Gap(actual, target, good)
}

func band(gap float64) string {
	switch {
	case gap >= 5-eps:
		return "HG"
	case gap >= -eps:
		return "LG"
	case gap > -5+eps:
		return "A"
	case gap >= -10-eps:
		return "LR"
	}
	return "HR"
}

func clamp(f, lo, hi float64) float64 { return min(hi, max(lo, f)) }

// round rounds to dec decimals exactly as the figure is printed, so that
// the arithmetic is done on what Scorecard will read.
func round(f float64, dec int) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', dec, 64), 64)
	return v
}

func pct(f float64, dec int) string { return strconv.FormatFloat(f, 'f', dec, 64) + "%" }

// fraction writes a percentage with the figures behind it: 42.5% (62/146).
func fraction(r *rand.Rand, p float64) (float64, string) {
	den := 40 + r.IntN(400)
	num := int(math.Round(p / 100 * float64(den)))
	v := round(float64(num)/float64(den)*100, 1)
	return v, fmt.Sprintf("%s (%d/%d)", pct(v, 1), num, den)
}

func minutes(sec float64) string {
	s := int(sec)
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

func thousands(f float64) string {
	s := strconv.FormatFloat(math.Round(f), 'f', 0, 64)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

var months = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// period is the twelve months of data ending lag months before quarter q
// ends: "Oct 13 to Sep 14".
func period(q quarter, lag int) string {
	y, mo := q.endMonth()
	end := y*12 + mo - 1 - lag
	start := end - 11
	return fmt.Sprintf("%s %02d to %s %02d", months[start%12], start/12%100, months[end%12], end/12%100)
}

// rows makes every measure's line for quarter k, indexed like g.measures.
// Quarters must be asked for in order.
func (g *gen) rows(k int) []*row {
	out := make([]*row, len(g.measures))
	for i, m := range g.measures {
		out[i] = m.row(g, k)
	}
	return out
}

// quarterYAML writes data/quarters/QUARTER.yaml, with load's encoder.
func (g *gen) quarterYAML(b *bufio.Writer, k int, rows []*row) {
	q := g.quarters[k]
	y, mo := q.endMonth()
	mo += 2
	if mo > 12 {
		y, mo = y+1, mo-12
	}
	e := &load.Edition{Key: "quarter", ID: report.PartOfYear(report.QuarterPeriod, q.Year, q.Q, report.FinancialYear),
		Published: fmt.Sprintf("%d-%02d-%02d", y, mo, 1+q.index()*7%27)}
	used := make([][5]bool, len(g.themes)) // note labels used, per theme
	for t, th := range g.themes {
		theme := th.title
		for _, i := range th.measures {
			rw := rows[i]
			if rw == nil {
				continue
			}
			r := load.EditionRow{Target: rw.target, Actual: rw.actual, Period: rw.period, Status: rw.status}
			for _, n := range rw.notes {
				r.Notes = append(r.Notes, strconv.Itoa(n))
				used[t][n] = true
			}
			e.Measures = append(e.Measures, load.EditionMeasure{ID: g.measures[i].id, Theme: theme, Rows: []load.EditionRow{r}})
			theme = ""
		}
	}
	for t, th := range g.themes {
		for _, n := range noteTexts {
			if !used[t][n.labels[0]] && !(len(n.labels) > 1 && used[t][n.labels[1]]) {
				continue
			}
			labels := make([]string, len(n.labels))
			for i, l := range n.labels {
				labels[i] = strconv.Itoa(l)
			}
			e.Notes = append(e.Notes, load.EditionNote{Theme: th.id, Labels: labels, Text: n.text})
		}
	}
	b.Write(e.Encode())
}
