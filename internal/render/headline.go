package render

import (
	"math"
	"strconv"

	"scorecard/internal/report"
)

// headlineMost is how many measures each list of "what matters most"
// names.
const headlineMost = 3

// headlineView is what the "headline" template receives: the answer a
// report page opens with.
type headlineView struct {
	Root    string
	Of      string // what is counted: "the 50 measures in Q2 2016/17"
	Total   int
	Counts  []headlineCount // on target, off target, not rated: those counted
	Bar     []barSegment    // the same counts as widths of a bar of 100
	Since   string          // the period directions compare with: "Q1 2016/17", "the previous quarter"
	Head    report.Headline
	Off     []highlight // furthest off target
	Up      []highlight // biggest improvements
	Nothing bool        // no measure to name in either list
	Rule    headlineRule
}

// headlineCount is one count of the headline, in words.
type headlineCount struct {
	N     int
	Msg   string // the id of its words: "headline-on-target"
	Class string // its colour in the bar and the list: hl-on, hl-off, hl-none
}

// barSegment is one stretch of the headline's bar, in a viewBox 100 wide.
type barSegment struct {
	Class string
	X, W  string // fixed precision: the same bytes on every build
}

// highlight is one measure the headline names.
type highlight struct {
	Row  *report.Row
	Path string
	By   string // how far off target, or how much better: "20% worse than target"
	// Corrected says which of its figures were corrected since the
	// edition was published (corrections.go).
	Corrected []correctionNote
}

// newHeadline counts rows (those of a page: an edition, or a theme's
// tree) for the page's headline.
func (r *Renderer) newHeadline(s *report.Site, q *report.Quarter, root, of string, rows []*report.Row) headlineView {
	h := report.NewHeadline(s.Rating, rows, headlineMost)
	v := headlineView{Root: root, Of: of, Total: h.Total, Head: h, Since: r.say("headline-since-previous", "Edition", s.EditionWord()), Rule: newHeadlineRule(s)}
	if !h.Since.IsZero() {
		v.Since = h.Since.Label()
	}
	for _, c := range []headlineCount{
		{h.OnTarget, "headline-on-target", "hl-on"},
		{h.OffTarget, "headline-off-target", "hl-off"},
		{h.NotRated, "headline-not-rated", "hl-none"},
	} {
		if c.N > 0 || c.Class != "hl-none" {
			v.Counts = append(v.Counts, c)
		}
	}
	v.Bar = bar(h)
	for _, row := range h.FurthestOff {
		v.Off = append(v.Off, highlight{Row: row, Path: MeasurePath(row.Measure), By: r.percentWords(-row.Computed.Gap, "headline-worse-by", "headline-worse-by-zero"),
			Corrected: r.figureCorrections(s, root, q, row)})
	}
	for _, row := range h.MostImproved {
		v.Up = append(v.Up, highlight{Row: row, Path: MeasurePath(row.Measure), By: r.percentWords(row.SinceQuarter.Change, "headline-better-by", "headline-better-by-zero"),
			Corrected: r.figureCorrections(s, root, q, row)})
	}
	v.Nothing = len(v.Off) == 0 && len(v.Up) == 0
	return v
}

// bar draws a headline's counts on target, off target and not rated as
// stretches of a bar 100 wide.
func bar(h report.Headline) []barSegment {
	var out []barSegment
	x := 0.0
	for _, c := range []headlineCount{{h.OnTarget, "", "hl-on"}, {h.OffTarget, "", "hl-off"}, {h.NotRated, "", "hl-none"}} {
		if c.N == 0 {
			continue
		}
		w := float64(c.N) / float64(h.Total) * 100
		out = append(out, barSegment{Class: c.Class, X: fixed(x), W: fixed(w)})
		x += w
	}
	return out
}

// Bar is the theme's counts as a bar, for its small multiple.
func (t themeLink) Bar() []barSegment { return bar(t.Head) }

// fixed prints a bar coordinate with two decimals.
func fixed(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

// percentWords says a positive percentage in words, message id with its
// Percent: "12.5% worse than target", with at most one decimal; inf is the
// message for an infinite one (a change from zero).
func (r *Renderer) percentWords(p float64, id, inf string) string {
	if math.IsInf(p, 0) {
		return r.sayOne(inf)
	}
	return r.sayOne(id, "Percent", strconv.FormatFloat(math.Round(p*10)/10, 'f', -1, 64))
}

// headlineRule is the rule for on and off target in the site's own
// statuses, for the key beside the headline.
type headlineRule struct {
	On, Off, Figures, Other []*report.Status
}

// newHeadlineRule sorts the site's statuses by where StandingOf puts them
// for a measure with the site's bands.
func newHeadlineRule(s *report.Site) headlineRule {
	var r headlineRule
	for _, st := range s.Statuses {
		switch {
		case !st.Rating:
			r.Other = append(r.Other, st)
		case report.StandingOf(s.Rating, &report.Row{Status: st, Computed: report.Assessment{Target: report.TargetMet}}) !=
			report.StandingOf(s.Rating, &report.Row{Status: st, Computed: report.Assessment{Target: report.TargetMissed}}):
			r.Figures = append(r.Figures, st) // given both ways: the figures decide
		case report.StandingOf(s.Rating, &report.Row{Status: st}) == report.OnTarget:
			r.On = append(r.On, st)
		default:
			r.Off = append(r.Off, st)
		}
	}
	return r
}

// rollupView is what the "rolluptable" template receives: the themes of a
// page, each with its headline counts, as one table.
type rollupView struct {
	Caption string
	Root    string
	Links   []themeLink
}

// headlineAnchors are the ids of the "headline" template.
var headlineAnchors = []string{"sc-headline", "sc-matters"}
