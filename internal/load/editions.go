package load

import (
	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

// editionDir is the folder the site's edition files are read from.
func (l *loader) editionDir() string { return l.site.EditionDir() }

// quarterly reports whether the site publishes quarters of financial
// years, as every site did before editions: and year: were read; such a
// site's files and messages are as they always were.
func (l *loader) quarterly() bool {
	return l.editions() == report.QuarterPeriod && l.site.Years == report.FinancialYear
}

func (l *loader) editions() report.PeriodKind { return l.site.EditionKind() }

// editionKey is the key that names the edition at the top of its file,
// and the word for one edition in messages: quarter, month, half or year.
func (l *loader) editionKey() string { return l.site.EditionKey() }

// exampleEdition is an edition of the site's kind, for messages.
func (l *loader) exampleEdition() report.Period {
	k := l.editions()
	if k == report.MonthPeriod {
		return report.MonthPeriodOf(2016, 6, l.site.Years)
	}
	n := 1
	if k == report.QuarterPeriod {
		n = 2
	}
	return report.PartOfYear(k, 2016, n, l.site.Years)
}

// parseEditionName reads the name of an edition file without its
// extension, or of an edition's narrative folder: the edition's Slug,
// such as 2016-17-q2, 2016-06, 2016-17-h1 or 2016-17, and nothing else.
func (l *loader) parseEditionName(stem string) (report.Period, bool) {
	p, err := report.ParseEdition(stem, l.editions(), l.site.Years)
	if err != nil || p.Slug() != stem {
		return report.Period{}, false
	}
	return p, true
}

// sameEdition reports whether text, the edition a file names at its top,
// is id written another way ("June 2016" for 2016-06). A quarterly
// financial site's files write the quarter in its one form, as they always
// have.
func (l *loader) sameEdition(text string, id report.Period) bool {
	if l.quarterly() {
		return false
	}
	p, err := report.ParseEdition(text, l.editions(), l.site.Years)
	return err == nil && p == id
}

// rowPeriod reads a row's period:. Text that names no period Scorecard
// reads was free text before periods were read, and stays allowed: the
// figure is shown as written, but is warned of, since it cannot be placed
// on the chart's time line or compared.
func (l *loader) rowPeriod(d *doc, n *yaml.Node, m *report.Measure, text string) report.Period {
	if text == "" {
		return report.Period{}
	}
	p, err := report.ParsePeriod(text, l.site.Years)
	if err != nil {
		d.warnf(n, "measure %s: %v; until it does, the figure is shown with its period as written, but not placed on the chart or compared with other periods", m.ID, err)
		return report.Period{}
	}
	// A cumulative measure's figure for "2016-17 Q2" runs from the start
	// of the year.
	return m.FigureOf(p)
}
