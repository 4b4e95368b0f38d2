package render

import (
	"fmt"
	"html/template"
	"strings"

	"scorecard/internal/narrative"
	"scorecard/internal/report"
)

// placed is narrative shown somewhere other than as on its own page: on
// another page, or under a heading of the page's own.
type placed struct {
	Blocks report.Blocks
	Place  narrative.Place // its Root is the page's, which narr is given
}

// narrativeView is a theme's narrative as a page shows it whole.
type narrativeView struct {
	*report.Narrative
	HTML placed
}

// viewNarrative shows n whole in place p, or is nil when n is.
func viewNarrative(n *report.Narrative, p narrative.Place) *narrativeView {
	if n == nil {
		return nil
	}
	return &narrativeView{Narrative: n, HTML: placed{Blocks: n.HTML, Place: p}}
}

// narr renders narrative (report.Blocks, shown as on its own page, or
// placed) on the page whose way back to the site's root is root.
func narr(x any, root string) (template.HTML, error) {
	var p placed
	switch x := x.(type) {
	case report.Blocks:
		p.Blocks = x
	case placed:
		p = x
	default:
		return "", fmt.Errorf("narr: %T is not narrative (write narr .HTML .Root)", x)
	}
	p.Place.Root = root
	var b strings.Builder
	if err := narrative.Render(&b, p.Blocks, p.Place); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}
