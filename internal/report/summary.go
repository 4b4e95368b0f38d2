package report

// Summary counts a quarter's rows by published status and by direction of
// travel.
type Summary struct {
	Total      int
	Statuses   []StatusCount    // in the order of the scale, then rows with no status; only those present
	Directions []DirectionCount // every direction, improved first
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
	for _, k := range []DirectionKind{Improved, NoChange, Worse, NotComparable} {
		dc := DirectionCount{Kind: k}
		for _, r := range rows {
			if r.SinceQuarter.Kind == k {
				dc.SinceQuarter++
			}
			if r.SinceLastYear.Kind == k {
				dc.SinceYear++
			}
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
	}
	return "Not comparable"
}

// Arrow is the arrow shown beside the words: it shows better or worse,
// not up or down.
func (k DirectionKind) Arrow() string {
	switch k {
	case Improved:
		return "↑"
	case NoChange:
		return "→"
	case Worse:
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
