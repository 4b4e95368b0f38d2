package load

import (
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

// publishedDirections are the words and arrows reports print for their
// own direction of travel. Up and down are read through the measure's
// polarity.
var publishedDirections = map[string]report.DirectionKind{
	"improved": report.Improved, "improving": report.Improved, "better": report.Improved,
	"worse": report.Worse, "worsened": report.Worse, "worsening": report.Worse, "declined": report.Worse, "deteriorated": report.Worse,
	"same": report.NoChange, "no change": report.NoChange, "unchanged": report.NoChange, "stable": report.NoChange, "↔": report.NoChange, "→": report.NoChange,
	"up": report.Increased, "increased": report.Increased, "increasing": report.Increased, "↑": report.Increased,
	"down": report.Decreased, "decreased": report.Decreased, "decreasing": report.Decreased, "↓": report.Decreased,
}

// readPublishedDirection reads a row's direction: the report's own
// direction of travel, as a word or an arrow, in any case.
func readPublishedDirection(d *doc, n *yaml.Node, m *report.Measure) *report.PublishedDirection {
	raw, ok := d.str(n, "direction")
	if !ok {
		return nil
	}
	kind, known := publishedDirections[strings.ToLower(strings.Join(strings.Fields(raw), " "))]
	if !known {
		d.errorf(n, "measure %s: direction %q is not a direction of travel; write improved, worse or no change (or same, unchanged, stable), or up or down (↑, ↓), which the measure's good: makes improved or worse", m.ID, raw)
		return nil
	}
	kind, problem := judgeDirection(kind, m.Good)
	if problem != "" {
		d.errorf(n, "measure %s: direction %q %s", m.ID, raw, problem)
		return nil
	}
	return &report.PublishedDirection{Raw: raw, Kind: kind, Pos: d.pos(n)}
}

// judgeDirection reads a published direction through the measure's
// polarity: up is improved when higher is better, worse when lower is.
// For a measure with no stated polarity, up and down are what they say,
// and improved or worse cannot be checked. problem says why a direction
// cannot be read, and how to write it.
func judgeDirection(k report.DirectionKind, good report.Polarity) (kind report.DirectionKind, problem string) {
	moved := k == report.Increased || k == report.Decreased
	switch {
	case good == report.NotStated && (k == report.Improved || k == report.Worse):
		return k, "says whether the measure got better, but the catalogue does not say which way is better for it, so Scorecard's direction is increased or decreased; write up or down, or add good: to the measure in " + catalogueFile
	case !moved:
		return k, ""
	case good == report.InRange:
		return k, "says which way the figure moved, but for an in-range measure that does not say whether it improved; write improved, worse or no change"
	case good == report.Higher && k == report.Increased, good == report.Lower && k == report.Decreased:
		return report.Improved, ""
	case good == report.Higher, good == report.Lower:
		return report.Worse, ""
	}
	return k, "" // no stated polarity: up and down are exactly what it says
}
