package report

import "strings"

// Key is the word data files write for the kind: "method" or "break".
func (k BreakKind) Key() string {
	switch k {
	case MethodChange:
		return "method"
	case SeriesBreak:
		return "break"
	}
	return ""
}

// ParseBreakKind reads a break's kind: as written by Key, in any case.
func ParseBreakKind(s string) (BreakKind, bool) {
	for _, k := range []BreakKind{SeriesBreak, MethodChange} {
		if strings.EqualFold(strings.TrimSpace(s), k.Key()) {
			return k, true
		}
	}
	return 0, false
}

// Between returns the break that stands between the figures of periods a
// and b (a the earlier), or nil when none does: the last break whose new
// series starts after a starts and no later than b ends. A figure whose
// period spans a break (a year to date across it) counts as before it for
// a later figure, and after it for an earlier one, so no comparison is
// made across the break either way.
func (m *Measure) Between(a, b Period) *Break {
	if a.IsZero() || b.IsZero() {
		return nil
	}
	if a.Compare(b) > 0 {
		a, b = b, a
	}
	var found *Break
	for i := range m.Breaks {
		k := &m.Breaks[i]
		if start := k.From.Start; a.Start < start && start <= b.End() {
			found = k
		}
	}
	return found
}
