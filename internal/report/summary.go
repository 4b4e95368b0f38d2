package report

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// Summary counts a quarter's rows by published status and by direction of
// travel.
type Summary struct {
	Total      int
	Statuses   []StatusCount    // in the order of the scale, then rows with no status; only those present
	Directions []DirectionCount // every direction, improved first; increased and decreased only when counted
}

// StatusCount is how many rows have one published status; Status is nil
// for rows published without one.
type StatusCount struct {
	Status *Status
	N      int
}

// DirectionCount is how many rows moved one way against the previous
// quarter and against the same quarter a year earlier.
type DirectionCount struct {
	Kind                    DirectionKind
	SinceQuarter, SinceYear int
}

// Summarise counts rows; scale gives the order of statuses.
func Summarise(rows []*Row, scale []*Status) Summary {
	sum := Summary{Total: len(rows)}
	byStatus := map[*Status]int{}
	for _, r := range rows {
		byStatus[r.Status]++
	}
	for _, st := range scale {
		if n := byStatus[st]; n > 0 {
			sum.Statuses = append(sum.Statuses, StatusCount{Status: st, N: n})
		}
	}
	if n := byStatus[nil]; n > 0 {
		sum.Statuses = append(sum.Statuses, StatusCount{N: n})
	}
	for _, k := range []DirectionKind{Improved, NoChange, Worse, Increased, Decreased, NotComparable} {
		dc := DirectionCount{Kind: k}
		for _, r := range rows {
			if r.SinceQuarter.Kind == k {
				dc.SinceQuarter++
			}
			if r.SinceLastYear.Kind == k {
				dc.SinceYear++
			}
		}
		if (k == Increased || k == Decreased) && dc.SinceQuarter+dc.SinceYear == 0 {
			continue // only measures with no stated polarity move so
		}
		sum.Directions = append(sum.Directions, dc)
	}
	return sum
}

// String names a direction for residents.
func (k DirectionKind) String() string {
	switch k {
	case Improved:
		return "Improved"
	case NoChange:
		return "No change"
	case Worse:
		return "Worse"
	case Increased:
		return "Increased"
	case Decreased:
		return "Decreased"
	}
	return "Not comparable"
}

// Arrow is the arrow shown beside the words: it shows better or worse,
// not up or down, except for a measure with no stated polarity.
func (k DirectionKind) Arrow() string {
	switch k {
	case Improved, Increased:
		return "↑"
	case NoChange:
		return "→"
	case Worse, Decreased:
		return "↓"
	}
	return "–"
}

// Counts is a grid of status counts: one bar per category (a quarter or a
// theme), stacked by status.
type Counts struct {
	Categories []string
	Statuses   []*Status // the statuses counted, in scale order; nil for "no status"
	N          [][]int   // N[status][category]
	Totals     []int     // per category
}

// CountStatuses counts rows by published status, per category.
func CountStatuses(scale []*Status, categories []string, rows [][]*Row) Counts {
	c := Counts{Categories: categories, Totals: make([]int, len(categories))}
	counts := map[*Status][]int{}
	for i, rs := range rows {
		c.Totals[i] = len(rs)
		for _, r := range rs {
			if counts[r.Status] == nil {
				counts[r.Status] = make([]int, len(categories))
			}
			counts[r.Status][i]++
		}
	}
	for _, st := range append(append([]*Status{}, scale...), nil) {
		if n := counts[st]; n != nil {
			c.Statuses = append(c.Statuses, st)
			c.N = append(c.N, n)
		}
	}
	return c
}

// CountLabel names a counted status; nil is rows published without one.
func CountLabel(st *Status) string {
	if st == nil {
		return "No status published"
	}
	return st.Describe()
}

// Describe says which results the band takes: "5% or more better".
func (b Band) Describe() string {
	switch {
	case b.AtLeast != nil && *b.AtLeast > 0:
		return pct(*b.AtLeast) + " or more better"
	case b.AtLeast != nil && *b.AtLeast == 0:
		return "on target or better"
	case b.AtLeast != nil:
		return "no more than " + pct(-*b.AtLeast) + " worse"
	case b.MoreThan != nil && *b.MoreThan >= 0:
		return "more than " + pct(*b.MoreThan) + " better"
	case b.MoreThan != nil:
		return "less than " + pct(-*b.MoreThan) + " worse"
	}
	return "any other result"
}

// pct prints a percentage with at most two decimals: 5.16%, 5%.
func pct(f float64) string {
	return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) + "%"
}

// Explain says in words which results band i of the rating takes; the
// band above it sets the upper limit. For the default bands: "5% or more
// better than target", "on target, or less than 5% better than target",
// "less than 5% worse than target", "5% to 10% worse than target,
// inclusive", "more than 10% worse than target".
func (r Rating) Explain(i int) string {
	b := r.Bands[i]
	hasLo, lo, loIn := b.AtLeast != nil || b.MoreThan != nil, 0.0, b.AtLeast != nil
	if b.AtLeast != nil {
		lo = *b.AtLeast
	} else if b.MoreThan != nil {
		lo = *b.MoreThan
	}
	hasHi, hi, hiIn := false, 0.0, false
	if i > 0 {
		above := r.Bands[i-1]
		hasHi, hiIn = true, above.MoreThan != nil // the band above takes its limit when at_least
		if above.AtLeast != nil {
			hi = *above.AtLeast
		} else if above.MoreThan != nil {
			hi = *above.MoreThan
		}
	}
	switch {
	case !hasLo && !hasHi:
		return "any result"
	case !hasHi:
		return above(lo, loIn)
	case !hasLo:
		return below(hi, hiIn)
	case hi <= 0: // all on the worse side: near is hi, far is lo
		near, far := pct(-hi), pct(-lo)
		switch {
		case hi == 0 && loIn:
			return "up to " + far + " worse than target"
		case hi == 0:
			return "less than " + far + " worse than target"
		case hiIn && loIn:
			return near + " to " + far + " worse than target, inclusive"
		case loIn:
			return "more than " + near + " and up to " + far + " worse than target"
		case hiIn:
			return "at least " + near + " and less than " + far + " worse than target"
		}
		return "more than " + near + " and less than " + far + " worse than target"
	case lo >= 0: // all on the better side
		far := pct(hi)
		upTo := "less than "
		if hiIn {
			upTo = "up to "
		}
		switch {
		case lo == 0 && loIn:
			return "on target, or " + upTo + far + " better than target"
		case loIn:
			return "at least " + pct(lo) + " and " + upTo + far + " better than target"
		}
		return "more than " + pct(lo) + " and " + upTo + far + " better than target"
	}
	return "between " + pct(-lo) + " worse and " + pct(hi) + " better than target"
}

// above words a band with a lower limit only.
func above(lo float64, inclusive bool) string {
	switch {
	case lo > 0 && inclusive:
		return pct(lo) + " or more better than target"
	case lo > 0:
		return "more than " + pct(lo) + " better than target"
	case lo == 0 && inclusive:
		return "on target or better"
	case lo == 0:
		return "better than target"
	case inclusive:
		return "no more than " + pct(-lo) + " worse than target, or better"
	}
	return "less than " + pct(-lo) + " worse than target, or better"
}

// below words a band with an upper limit only.
func below(hi float64, inclusive bool) string {
	switch {
	case hi > 0 && inclusive:
		return "up to " + pct(hi) + " better than target, or worse"
	case hi > 0:
		return "less than " + pct(hi) + " better than target, or worse"
	case hi == 0 && inclusive:
		return "on target or worse"
	case hi == 0:
		return "worse than target"
	case inclusive:
		return pct(-hi) + " or more worse than target"
	}
	return "more than " + pct(-hi) + " worse than target"
}

// Standing is where a row's published status puts it against its target,
// for the headline counts.
type Standing uint8

const (
	// NotRated: no status, a status that is not a rating ("No survey this
	// qtr"), or a rating that says neither on nor off target.
	NotRated Standing = iota
	OnTarget
	OffTarget
)

// StandingOf says whether row's published status counts as on or off
// target. A rating status is on target when the site's rating gives it only
// to results that meet the target: the in-range status, a band whose lower
// limit is at or above the target (at_least or more_than 0 or more), a rule
// that asks for the target met. It is off target when the rating gives it
// only to results that miss: the other bands, rules that ask for the
// target missed. The measure's own bands stand in for the site's. A status
// given both ways (or by a rule with no target condition), or by neither,
// goes by the figures: met or missed, as the rating package found them;
// when they cannot tell, the row is not rated. Statuses that are not
// ratings, and rows with none, are not rated.
func StandingOf(r Rating, row *Row) Standing {
	st := row.Status
	if st == nil || !st.Rating {
		return NotRated
	}
	bands := r.Bands
	if row.Measure != nil && row.Measure.Bands != nil {
		bands = row.Measure.Bands
	}
	on := r.InRange == st
	off := false
	for _, b := range bands {
		if b.Status != st {
			continue
		}
		if b.AtLeast != nil && *b.AtLeast >= 0 || b.MoreThan != nil && *b.MoreThan >= 0 {
			on = true
		} else {
			off = true
		}
	}
	for _, rule := range r.Rules {
		if rule.Status != st {
			continue
		}
		switch rule.Target {
		case TargetMet:
			on = true
		case TargetMissed:
			off = true
		default:
			on, off = true, true
		}
	}
	switch {
	case on && !off:
		return OnTarget
	case off && !on:
		return OffTarget
	}
	switch row.Computed.Target {
	case TargetMet:
		return OnTarget
	case TargetMissed:
		return OffTarget
	}
	return NotRated
}

// Headline is the answer a report page opens with: how many measures are
// on and off target, how many improved or got worse, and which matter most.
type Headline struct {
	Total                         int
	OnTarget, OffTarget, NotRated int
	// Improved and Worse count the rows' directions of travel since the
	// previous period; Since is that period when every comparable row
	// shares it, zero otherwise.
	Improved, Worse int
	Since           Period
	// FurthestOff are the rows off target that fall furthest short of it,
	// as a percentage of the target in the measure's good direction (the
	// gap the rating bands use), furthest first. Only rows whose figures
	// miss the target are ranked: one whose figures give no gap has nothing
	// to rank by, and one whose figures meet it (its published status says
	// otherwise) is not short of it.
	FurthestOff []*Row
	// MostImproved are the rows that improved most since the previous
	// period, as a percentage of the earlier figure, most first.
	MostImproved []*Row
}

// NewHeadline counts rows and picks up to n of them for each list. Ties
// keep the catalogue's order, so the choice is the same on every build.
func NewHeadline(r Rating, rows []*Row, n int) Headline {
	h := Headline{Total: len(rows)}
	var off, up []*Row
	since, mixed := Period{}, false
	for _, row := range rows {
		switch StandingOf(r, row) {
		case OnTarget:
			h.OnTarget++
		case OffTarget:
			h.OffTarget++
			if row.Computed.Target == TargetMissed {
				off = append(off, row)
			}
		default:
			h.NotRated++
		}
		d := row.SinceQuarter
		switch d.Kind {
		case Improved:
			h.Improved++
			up = append(up, row)
		case Worse:
			h.Worse++
		}
		if d.Kind != NotComparable {
			if since.IsZero() {
				since = d.Against
			} else if d.Against != since {
				mixed = true
			}
		}
	}
	if !mixed {
		h.Since = since
	}
	byIndex := func(a, b *Row) int { return cmp.Compare(a.Measure.Index, b.Measure.Index) }
	slices.SortStableFunc(off, func(a, b *Row) int {
		return cmp.Or(cmp.Compare(a.Computed.Gap, b.Computed.Gap), byIndex(a, b))
	})
	slices.SortStableFunc(up, func(a, b *Row) int {
		return cmp.Or(cmp.Compare(b.SinceQuarter.Change, a.SinceQuarter.Change), byIndex(a, b))
	})
	h.FurthestOff = off[:min(n, len(off))]
	h.MostImproved = up[:min(n, len(up))]
	return h
}
