package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"scorecard/internal/assets"
	"scorecard/internal/chart"
	"scorecard/internal/diag"
	"scorecard/internal/render"
	"scorecard/internal/report"
)

// FuzzSite runs the whole pipeline (load, rate, chart, render, open data)
// on a small site held in memory, with the fuzzer's text in the fields a
// council writes, and checks what comes out:
//
//   - no panic, and any error is a finding at a position in one of the
//     site's files, never an internal error;
//   - no page gains an element or attribute kind that the same site with
//     harmless text ("x") does not have, except what Markdown makes from
//     the narrative, and never a script, style, frame, event handler, style
//     attribute or script or data address;
//   - the JSON blocks (chart options, JSON-LD) parse and cannot end their
//     <script> element; the CSV and JSON open data, the feed and sitemap,
//     and the search index parse.
//
// fields picks which text fields hold text (bit i for fieldMarks[i]; the
// others hold "x"); in bits 16 to 18, the unit of a measure whose actual
// in one edition and target in the other is figure, when bit 19 is set;
// and in bits 24 to 31, the page to check (see check). sh picks the
// site's shape: how often it publishes, its kind of year, and which of the
// data fields issue 13 added it uses (see shape); its bits above
// numShapeBits are ignored, and 0 is the quarterly site the target had
// before, so seeds written before sh was added mean what they did with a
// 0 put after fields. The pages are compared with those of the harmless
// site of the same shape. markdown is the body of a theme's narrative.
// The site is small (two to four themes, three measures, two editions),
// its files are made in memory, and the templates are parsed once, so
// that an input takes a few milliseconds (and the first of a new shape,
// three builds more).
func FuzzSite(f *testing.F) {
	h := newHarness(f)
	all := uint32(1<<numFields - 1)
	page := func(i uint32) uint32 { return i << pageShift }
	unit := func(i uint32) uint32 { return i<<unitShift | figureBit }
	f.Add(page(wholeSite), uint32(0), harmless, harmlessFigure, harmlessMarkdown)
	f.Add(all|page(5)|unit(0), uint32(0), "<script>alert(1)</script>", "42.5% (62/146)", "<b onclick=x>b</b> <script>alert(1)</script>\n")
	f.Add(all|page(wholeSite)|unit(0), uint32(0), `"><img src=x onerror=alert(1)>`, "13-15%", "<style>p{}</style>\n\n<iframe src=x>\n")
	f.Add(all|page(8)|unit(1), uint32(0), "</script><!--<script>", "89 (378)", "## Heading {#x}\n\n![x](logo.svg)\n")
	f.Add(all|page(17)|unit(6), uint32(0), "{{.Site}} ]]> &amp; \u2028 ' \\A", "5.33 (26th)", "| a | b |\n| - | - |\n| 1 | 2 |\n\nx[^1]\n\n[^1]: y\n")
	f.Add(0x5555|page(10)|unit(4), uint32(0), "javascript:alert(1)", "01:30", "<!-- c --> `code` ~~del~~ **b** _e_\n\n> q\n\n1. a\n2. b\n")
	f.Add(0xaaaa|page(11)|unit(0), uint32(0), "=cmd|' /C calc'!A0", "Year on year reduction", "[m](measures/homes-1/) <https://example.org>\n")
	f.Add(1<<fieldLabel|1<<fieldCode|page(6)|unit(5), uint32(0), "1", "-", harmlessMarkdown)
	f.Add(page(14), uint32(0), harmless, harmlessFigure, "[a](javascript:alert(1))\n")
	// Seeds for each field of the shape (see shape).
	f.Add(page(wholeSite), uint32(1|1<<2|1<<4|shapeRows), harmless, harmlessFigure, harmlessMarkdown)
	f.Add(1<<fieldPeriod|page(3), uint32(2|2<<2|shapeRows), "2016-17 Q5", harmlessFigure, harmlessMarkdown)
	f.Add(1<<fieldPeriod|page(wholeSite), uint32(3|3<<2|shapeRows|shapeCumulative), "April to September 2016", harmlessFigure, harmlessMarkdown)
	f.Add(page(wholeSite), uint32(3<<2|2<<4|shapeDirection), harmless, harmlessFigure, harmlessMarkdown)
	f.Add(page(2), uint32(2|3<<4|shapeRows), harmless, harmlessFigure, harmlessMarkdown)
	f.Add(page(wholeSite), uint32(3|1<<2|4<<4), harmless, harmlessFigure, harmlessMarkdown)
	f.Add(page(wholeSite), uint32(5<<4|shapeCumulative|shapeDirection|shapeNoGood), harmless, harmlessFigure, harmlessMarkdown)
	f.Add(1<<fieldPeriod|page(4), uint32(6<<4|shapeRows), "Oct 13 to Sept 14", harmlessFigure, harmlessMarkdown)
	f.Add(1<<fieldPeriod|page(wholeSite), uint32(1|7<<4|shapeRows), "Sept 2016 YTD", harmlessFigure, harmlessMarkdown)
	f.Add(figureBit|page(wholeSite), uint32(shapeUnit|shapeQualifiers), harmless, "640kg*", harmlessMarkdown)
	f.Add(figureBit|page(1), uint32(shapeUnit|shapeBefore|shapeTargets), harmless, "-£1,112.44 (Q3 time lag)", harmlessMarkdown)
	f.Add(1<<fieldNote|1<<fieldOrg|1<<fieldSiteTitle|figureBit|page(wholeSite), uint32(shapeQualifiers|shapeTargets|shapeCompare),
		"</script>", "50% * provisional", harmlessMarkdown)
	f.Add(figureBit|page(wholeSite), uint32(1<<14|shapeLight), harmless, "49%", harmlessMarkdown)
	f.Add(figureBit|page(wholeSite), uint32(2<<14|shapeNoGood|shapeDirection), harmless, "", harmlessMarkdown)
	f.Add(figureBit|page(7), uint32(3<<14|shapeCompare|shapeLight|1<<16|shapeDirection), harmless, "NYA", harmlessMarkdown)
	f.Add(1<<fieldTheme|page(wholeSite), uint32(1<<19|shapeIDs), "Homes Repairs 2", harmlessFigure, harmlessMarkdown)
	f.Add(page(wholeSite), uint32(2<<19|shapeIDs|1|shapeRows), harmless, harmlessFigure, "### Bins {measure=\"LVE 009, homes-2\"}\n\nText.\n")
	f.Add(page(9), uint32(3<<19|1<<4), harmless, harmlessFigure, "[m](measures/lve-009/)\n")
	f.Add(all|page(wholeSite)|unit(0), uint32(1<<numShapeBits-1), "<b>LVE 009</b>", "£1,112.44*", richMarkdown)
	f.Fuzz(func(t *testing.T, fields, sh uint32, text, figure, markdown string) {
		h.check(t, fields, shape(sh), text, figure, markdown)
	})
}

// The text fields the fuzzer writes into, each a placeholder in fuzzFiles.
const (
	fieldTheme      = iota // a theme's title
	fieldTitle             // a measure's title
	fieldDefinition        // a measure's definition
	fieldNumber            // a measure's number
	fieldNote              // a note's text
	fieldLabel             // a note's label, and a row's reference to it
	fieldCode              // a status code that is not a rating, and a row's status
	fieldStatus            // a rating status's label
	fieldPeriod            // a row's data period
	fieldOrg               // the organisation
	fieldSiteTitle         // the report's title
	fieldTableNote         // scorecard_note
	fieldException         // an accessibility exception
	fieldNarrative         // a theme narrative's title
	fieldIntro             // the quarter introduction's title
	fieldLogoAlt           // the logo's text alternative
	numFields
)

// units are the units a measure may have, picked by bits 16 to 18 of the
// fields.
var units = [8]string{"%", "count", "days", "years", "min:sec", "ratio", "rate", "£"}

const unitShift = 16

// figureBit puts the figure in the site; without it the measure has the
// unit's first harmless figure.
const figureBit = 1 << 19

// Bits 24 to 31 of the fields pick the page to render, or the whole site.
const (
	pageShift = 24
	wholeSite = 0xff
)

var fieldMarks = [numFields]string{
	"@THEME@", "@TITLE@", "@DEF@", "@NUM@", "@NOTE@", "@LABEL@", "@CODE@", "@STATUS@",
	"@PERIOD@", "@ORG@", "@SITE@", "@TNOTE@", "@EXC@", "@NTITLE@", "@QTITLE@", "@ALT@",
}

const (
	harmless         = "x"
	harmlessFigure   = "50%"
	placedPeriod     = "Apr 2010 to Mar 2011" // a period every kind of site reads, before any edition
	harmlessMarkdown = "## Summary\n\nRepairs were slow.\n\n### Repairs {measure=\"homes-2\"}\n\nMore text.\n"
)

// harmlessFigures are figures of every form, for each unit; the first is
// the figure in the measure's other cells.
var harmlessFigures = [len(units)][]string{
	{harmlessFigure, "", "-", "42.5% (62/146)", "13-15%", "[60%]", "BL", "Year on year increase"},
	{"1,100", "89 (378)", "7-15"},
	{"8.18"},
	{"6.1"},
	{"01:30"},
	{"0.9-1.1"},
	{"5.33 (26th)", "12th to 20th in London"},
	{"£125,000"},
}

// richMarkdown is harmless narrative that uses everything the site's
// Markdown makes: what it renders is what fuzzed narrative may add to a
// page.
const richMarkdown = `## Summary

Text with *emphasis*, **strong**, ~~struck~~, ` + "`code`" + `, a [link](https://example.org/ "title"),
a [page](measures/homes-1/), an [anchor](#summary), <https://example.org>, mail@example.org,
an ![image](logo.svg "title") and a footnote[^1].  
A hard break.

- a
- b

1. one
2. two

A list that goes on:

3. three

> quoted

    code block

` + "```go\nfenced\n```" + `

| a | b |
| --- | :-: |
| 1 | 2 |

***

### Heading {#custom-id measure="homes-1 homes-2"}

#### Four

Text under four.

##### Five

Text under five.

###### Six

Text under six.

[^1]: The note.
`

// fuzzFiles is the small site, with a placeholder for each field. Text
// goes into YAML as a double-quoted scalar (see yamlString); the narrative
// body (@MD@) and the figure (@FIG@, quoted likewise) as they are. The
// other placeholders, some in file names, are the shape's (see
// shape.pairs): with shape 0 they make the quarterly site this test had
// before shapes.
var fuzzFiles = map[string]string{
	"data/site.yaml": `organisation: @ORG@
title: @SITE@
base_url: https://www.example.org/performance/
scorecard_note: @TNOTE@
logo: logo.svg
logo_alt: @ALT@
statuses:
  - {code: G, label: @STATUS@, rating: true, colour: "#00703c", shape: circle}
  - {code: A, label: Amber, rating: true, colour: @AMBER@, shape: diamond}
  - {code: R, label: Red, rating: true, colour: "#942514", shape: triangle}
  - {code: @CODE@, rating: false}
rating:
@RULES@  bands:
    - {status: G, at_least: 0}
    - {status: A, at_least: -10}
    - {status: R}
  in_range: G
accessibility:
  compliance: partially
  exceptions: [@EXC@]
  contact_email: access@example.org
  prepared: 2026-11-25
@SITEX@`,
	"data/measures.yaml": `themes:
@THEMES@measures:
  - id: homes-1
    number: @NUM@
    theme: homes
    title: @TITLE@
    definition: @DEF@
@GOOD1@    unit: count
@CUMULATIVE@  - id: homes-2
    theme: @DEEPEST@
    title: Repairs on time
    good: higher
    unit: @UNIT@
    equalities: true
  - id: @WORK1@
    theme: @WORK@
    title: Time to answer calls
    good: lower
    unit: min:sec
`,
	"@PREVFILE@": `@KEY@: @PREVNAME@
measures:
  homes-1: {target: 100, actual: @ACTUAL1@, status: A}
  homes-2: {target: @FIG@, actual: @OTHERQ@, status: A@ROWX@}
  @WORK1@: {target: "01:30", actual: @ACTUAL3@, status: G}
`,
	"@CURFILE@": `@KEY@: @CURNAME@
measures:
  homes-1: {target: 100, actual: @ACTUAL2@, status: G, period: @PERIOD@@DIRECTION@}
  homes-2: {target: @OTHER@, actual: @FIG@, status: A, notes: [@LABEL@]@ROWX@}
  @WORK1@: @WORKROWS@
notes:
  - theme: @DEEPEST@
    labels: [@LABEL@]
    text: @NOTE@
`,
	"content/@CUR@/_index.md":      "---\ntitle: @QTITLE@\n---\nAn introduction.\n\n## Across the council\n\nText.\n",
	"content/@CUR@/homes.md":       "---\ntitle: @NTITLE@\n---\n@MD@",
	"content/@PREV@/@WORKADDR@.md": "---\ntitle: Work\n---\n## Summary\n\nCalls were [answered](measures/@WORK1ADDR@/).\n",
	"content/_about.md":            "About the report.\n",
	"static/logo.svg":              `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>`,
}

// A shape is the second number of FuzzSite's input: which of the data
// fields that issue 13 added the site uses, each in bits of its own, 0
// for today's quarterly site. Every shape builds with harmless text
// (TestFuzzSiteShapes).
type shape uint32

// The bits of a shape.
const (
	shapeEditions   = 3 << 0  // 0 quarterly (not written), 1 monthly, 2 half-yearly, 3 annual
	shapeYear       = 3 << 2  // 0 financial (not written), 1 calendar, 2 academic, 3 financial and the editions written out
	shapePeriod     = 7 << 4  // homes-1's period: 0 @PERIOD@, or a month, quarter, half, year, year to date, span, ISO month
	shapeRows       = 1 << 7  // the third measure's entry in the later edition a list of rows with periods
	shapeCumulative = 1 << 8  // homes-1 cumulative: true
	shapeUnit       = 1 << 9  // homes-2 in the site's own unit, with and without its symbol
	shapeBefore     = 1 << 10 // that unit's symbol before the figure (£), not after (kg)
	shapeQualifiers = 1 << 11 // the site's own qualifiers, a mark and a word, after figures
	shapeTargets    = 1 << 12 // named targets in site.yaml and rows
	shapeCompare    = 1 << 13 // comparators in site.yaml and rows
	shapeRules      = 3 << 14 // rating rules: 1 target and direction, 2 comparator (and comparators), 3 both
	shapeLight      = 1 << 16 // a light amber, which takes dark text
	shapeNoGood     = 1 << 17 // homes-1 states no good direction
	shapeDirection  = 1 << 18 // homes-1's row gives its own direction of travel
	shapeThemes     = 3 << 19 // homes-2's theme: 0 homes, 1 one level below, 2 and 3 two levels below
	shapeIDs        = 1 << 21 // the third measure and its theme with ids as councils write them: "LVE 009", "Work Place"
	numShapeBits    = 22
)

// editions returns the site's two editions, earlier first.
func (sh shape) editions() (prev, cur report.Period) {
	y := report.YearKind((sh & shapeYear >> 2) % 3)
	switch sh & shapeEditions {
	case 1:
		cur = report.MonthPeriodOf(2016, 6, y)
	case 2:
		cur = report.PartOfYear(report.HalfPeriod, 2016, 2, y)
	case 3:
		cur = report.PartOfYear(report.YearPeriod, 2016, 1, y)
	default:
		cur = report.PartOfYear(report.QuarterPeriod, 2016, 2, y)
	}
	return cur.Prev(), cur
}

// period returns homes-1's period in the later edition, in the form the
// shape picks, or "" for @PERIOD@.
func (sh shape) period(cur report.Period) string {
	y := cur.Year
	last := cur.End()
	first := last - (last-(y.StartMonth()-1))%12 // the first month of last's year
	p := report.Period{Year: y}
	switch sh & shapePeriod >> 4 {
	case 0:
		return ""
	case 1:
		p = report.Period{Kind: report.MonthPeriod, Start: last, Months: 1, Year: y}
	case 2:
		p = report.Period{Kind: report.QuarterPeriod, Start: last - (last-first)%3, Months: 3, Year: y}
	case 3:
		p = report.Period{Kind: report.HalfPeriod, Start: last - (last-first)%6, Months: 6, Year: y}
	case 4:
		p = report.Period{Kind: report.YearPeriod, Start: first, Months: 12, Year: y}
	case 5:
		p = report.Period{Kind: report.ToDatePeriod, Start: first, Months: last - first + 1, Year: y}
	case 6:
		p = report.Period{Kind: report.SpanPeriod, Start: last - 11, Months: 12, Year: y}
	case 7:
		return fmt.Sprintf("%d-%02d", last/12, last%12+1)
	}
	return p.String()
}

// customUnits are the site's own units, after and before; customFigures,
// the harmless figures in each, the first with its symbol and the second
// without.
var (
	customUnits = [2]string{
		"  - {id: weight, label: kilograms, symbol: kg, position: after, decimals: 0}\n",
		"  - {id: £ per head, label: pounds per head, symbol: £, position: before, decimals: 2, kind: currency}\n",
	}
	customIDs     = [2]string{"weight", "£ per head"}
	customFigures = [2][]string{{"640 kg", "640", "600-700 kg", "640 kg (12th)"}, {"£1,112.44", "1,112.44", "£0.50-£1", "£1,112.44 (12th)"}}
)

// unit returns the index of homes-2's unit: 0 to 7 in units, 8 and 9 in
// customUnits.
func (sh shape) unit(fields uint32) int {
	if sh&shapeUnit != 0 {
		if sh&shapeBefore != 0 {
			return len(units) + 1
		}
		return len(units)
	}
	return int(fields >> unitShift & 7)
}

// figures returns the harmless figures of unit u (see unit).
func figures(u int) []string {
	if u >= len(units) {
		return customFigures[u-len(units)]
	}
	return harmlessFigures[u]
}

// pairs returns the placeholders of the shape and what each becomes, and
// those of the figures. The first hold no input, and what they become
// holds the placeholders of fields and figures, which the second and
// fieldMarks replace in turn (see fuzzFS).
func (sh shape) pairs(fields uint32, figure string) (shaped, figs []string) {
	prev, cur := sh.editions()
	site := &report.Site{Editions: cur.Kind, Years: cur.Year}
	var sitex, rules, themes, rowx, direction, good1, cumulative string
	if y := sh & shapeYear >> 2; y != 0 {
		sitex += "year: " + report.YearKind(y%3).String() + "\n"
	}
	if sh&shapeYear == shapeYear || sh&shapeEditions != 0 {
		sitex += "editions: " + [4]string{"quarterly", "monthly", "half-yearly", "annual"}[sh&shapeEditions] + "\n"
	}
	u := sh.unit(fields)
	if u >= len(units) {
		sitex += "units:\n" + customUnits[u-len(units)]
	}
	actual1, actual2, actual3 := "90", "120", `"01:20"`
	if fields&figureBit == 0 {
		figure = figures(u)[0]
	}
	other := figures(u)[0]
	if u >= len(units) {
		other = figures(u)[1]
	}
	otherq := other
	if sh&shapeQualifiers != 0 {
		sitex += "qualifiers:\n  - {mark: \"*\", means: @NOTE@}\n  - {word: Q3 time lag, means: The latest figure is for Q3}\n"
		actual1, actual2, actual3, otherq = `"90 (Q3 time lag)"`, `"120*"`, `"01:20 provisional"`, other+"*"
	}
	if sh&shapeTargets != 0 {
		sitex += "targets:\n  - {id: annual, label: @SITE@}\n  - {id: 2018-19, label: Target for 2018/19}\n"
		rowx += ", targets: {annual: @OTHER@, 2018-19: @FIG@}"
	}
	rule := sh & shapeRules >> 14
	if sh&shapeCompare != 0 || rule >= 2 {
		sitex += "comparators:\n  - {id: top-quartile, label: Top quartile, source: @ORG@}\n  - {id: england, label: England average}\n"
		rowx += ", comparators: {england: @OTHER@, top-quartile: {value: @FIG@, period: " + yamlString(prev.String()) + "}}"
	}
	if rule&1 != 0 {
		rules += "  rules:\n    - {status: A, target: missed, direction: improved}\n"
	}
	if rule&2 != 0 {
		if rules == "" {
			rules = "  rules:\n"
		}
		rules += "    - {status: G, comparator: top-quartile, position: at least}\n"
	}
	amber := `"#a85000"`
	if sh&shapeLight != 0 {
		amber = `"#ffbf47"`
	}
	if sh&shapeNoGood == 0 {
		good1 = "    good: higher\n"
	}
	if sh&shapeCumulative != 0 {
		cumulative = "    cumulative: true\n"
	}
	if sh&shapeDirection != 0 {
		direction = ", direction: improved"
		if sh&shapeNoGood != 0 {
			direction = ", direction: increased"
		}
	}
	work, work1 := "work", "work-1"
	if sh&shapeIDs != 0 {
		work, work1 = "Work Place", "LVE 009"
	}
	deepest := "homes"
	themes = "  - id: homes\n    title: @THEME@\n"
	switch sh & shapeThemes >> 19 {
	case 0:
	case 1:
		deepest = "homes-repairs"
		themes += "    themes:\n      - {id: homes-repairs, title: Repairs}\n"
	default:
		deepest = "Homes Repairs 2"
		themes += "    themes:\n      - id: homes-repairs\n        title: Repairs\n        themes:\n          - {id: Homes Repairs 2, title: Repairs on time}\n"
	}
	themes += "  - id: " + work + "\n    title: Work\n"
	workRows := `{target: "01:30", actual: "02:31", status: @CODE@}`
	if sh&shapeRows != 0 {
		sub := report.Period{Kind: report.MonthPeriod, Start: cur.Start, Months: 1, Year: cur.Year}
		if cur.Kind == report.MonthPeriod {
			sub = report.Period{Kind: report.MonthPeriod, Start: cur.Start - 2, Months: 1, Year: cur.Year}
		}
		workRows = "\n    - {period: " + yamlString(sub.String()) + ", actual: \"01:10\"}\n    - {period: @PERIOD@, actual: \"01:50\"}\n    - " + workRows
	}
	period := sh.period(cur)
	if period != "" && fields&(1<<fieldPeriod) == 0 {
		period = yamlString(period)
	} else {
		period = "@PERIOD@"
	}
	return []string{
		"@SITEX@", sitex, "@RULES@", rules, "@THEMES@", themes, "@ROWX@", rowx, "@DIRECTION@", direction,
		"@GOOD1@", good1, "@CUMULATIVE@", cumulative, "@WORKROWS@", workRows, "@ACTUAL1@", actual1, "@ACTUAL2@", actual2, "@ACTUAL3@", actual3,
		"@AMBER@", amber, "@DEEPEST@", yamlString(deepest), "@WORKADDR@", report.Address(work), "@WORK1ADDR@", report.Address(work1),
		"@WORK1@", yamlString(work1), "@WORK@", yamlString(work), "@PERIOD@", period,
		"@KEY@", site.EditionKey(), "@PREVFILE@", site.EditionFile(prev), "@CURFILE@", site.EditionFile(cur),
		"@PREVNAME@", yamlString(prev.String()), "@CURNAME@", yamlString(cur.String()), "@PREV@", prev.Slug(), "@CUR@", cur.Slug(),
	}, []string{"@UNIT@", yamlString(append(units[:], customIDs[:]...)[u]), "@OTHERQ@", yamlString(otherq), "@OTHER@", yamlString(other), "@FIG@", yamlString(figure)}
}

// harness holds what every input is compared with.
type harness struct {
	r      *render.Renderer // the built-in templates, parsed once
	assets []assets.File    // the built-in assets, whose names the pages give

	mu     sync.Mutex
	shapes map[shape]*baseline         // made as inputs need them
	css    map[shape]map[string]string // see stylesheets
}

// baseline holds what the inputs of one shape are compared with. allowed
// holds the markup kinds (see kinds) of each page of the site with
// harmless text, with or without qualifiers after its figures; markdown,
// what rich harmless narrative adds to any page. css holds the shape of
// each stylesheet (see cssShape).
type baseline struct {
	allowed  map[string]map[string]bool
	markdown map[string]bool
	css      map[string]string
	paths    []string // the pages, in the order Generate makes them
}

func newHarness(f testing.TB) *harness {
	r, err := render.New(nil)
	if err != nil {
		f.Fatal(err)
	}
	r.Sparkline = chart.SparklineUntil // as plan sets it
	files, err := assets.Files()
	if err != nil {
		f.Fatal(err)
	}
	h := &harness{r: r, assets: files, shapes: map[shape]*baseline{}, css: map[shape]map[string]string{}}
	h.baseline(f, 0)
	return h
}

// maxBaselines bounds how many shapes' baselines the harness keeps.
const maxBaselines = 512

// baseline returns the baseline of shape sh, making it if need be.
func (h *harness) baseline(f testing.TB, sh shape) *baseline {
	h.mu.Lock()
	defer h.mu.Unlock()
	if b, ok := h.shapes[sh]; ok {
		return b
	}
	b := &baseline{allowed: map[string]map[string]bool{}, markdown: map[string]bool{}, css: h.stylesheets(f, sh)}
	for _, file := range h.render(f, sh, harmlessMarkdown) {
		b.allowed[file.Path] = kinds(file.Data)
		b.paths = append(b.paths, file.Path)
	}
	// The markup of the site with qualifiers, on any of its pages, is
	// allowed on every page: which pages show a qualified figure (its mark
	// a <sup>) depends on the figures' values (the headline's lists show
	// the measures furthest off target and most improved, wherever they
	// are), so a qualified figure may stand where the harmless ones do not.
	qualified := map[string]bool{}
	for _, file := range h.render(f, sh|shapeQualifiers, harmlessMarkdown) {
		if strings.HasSuffix(file.Path, ".html") {
			if b.allowed[file.Path] == nil {
				f.Fatalf("with qualifiers, the site of shape %#x has %s, which it does not without", sh, file.Path)
			}
			maps.Copy(qualified, kinds(file.Data))
		}
	}
	for _, allowed := range b.allowed {
		maps.Copy(allowed, qualified)
	}
	// "x", the harmless text, is no period Scorecard can place in time, so
	// its figure is left off the time line; a period that can be placed
	// puts it on, and may add the sparkline a page otherwise lacks.
	for _, file := range h.renderWith(f, 1<<fieldPeriod, sh, placedPeriod, harmlessMarkdown) {
		if strings.HasSuffix(file.Path, ".html") && b.allowed[file.Path] != nil {
			maps.Copy(b.allowed[file.Path], kinds(file.Data))
		}
	}
	for _, file := range h.render(f, sh, richMarkdown) {
		if strings.HasSuffix(file.Path, ".html") {
			for k := range kinds(file.Data) {
				if !b.allowed[file.Path][k] {
					b.markdown[k] = true
				}
			}
		}
	}
	for _, m := range append([]map[string]bool{b.markdown}, slices.Collect(maps.Values(b.allowed))...) {
		for k := range m {
			if strings.HasPrefix(k, forbidden) {
				f.Fatalf("the harmless site of shape %#x has %s", sh, k)
			}
		}
	}
	if len(b.markdown) < 10 {
		f.Fatalf("in the site of shape %#x, rich narrative adds only %v to the pages", sh, b.markdown)
	}
	if len(h.shapes) >= maxBaselines {
		clear(h.shapes)
	}
	h.shapes[sh] = b
	return b
}

// stylesheets returns the shape of each stylesheet (see cssShape) of the
// site of shape sh, made by Generate: only the statuses' colours, the
// themes' addresses and the editions' (for print.css) change them, so they
// are made once for each of those (TestFuzzSiteShapes checks). It is
// called with h.mu held.
func (h *harness) stylesheets(f testing.TB, sh shape) map[string]string {
	sh &= shapeLight | shapeThemes | shapeIDs | shapeEditions | shapeYear
	if css, ok := h.css[sh]; ok {
		return css
	}
	css := map[string]string{}
	for _, file := range h.generate(f, 0, sh, harmless, harmlessFigure, harmlessMarkdown) {
		if strings.HasSuffix(file.Path, ".css") {
			shape, problem := cssShape(file.Data)
			if problem != "" {
				f.Fatalf("%s: %s", file.Path, problem)
			}
			css[unhashed(file.Path)] = shape
		}
	}
	h.css[sh] = css
	return css
}

// TestFuzzSiteFigures checks that FuzzSite's harmless site has every kind
// of markup that figures can give: figures of every form, in every unit,
// the site's own too, add none of their own.
func TestFuzzSiteFigures(t *testing.T) {
	h := newHarness(t)
	for _, sh := range []shape{0, shapeUnit, shapeUnit | shapeBefore} {
		b := h.baseline(t, sh)
		for i := range len(units) {
			if sh != 0 && i > 0 {
				break // the shape's unit is the site's own, whatever the fields say
			}
			u := sh.unit(uint32(i) << unitShift)
			for _, fig := range figures(u) {
				for _, file := range h.generate(t, uint32(i)<<unitShift|figureBit, sh, harmless, fig, harmlessMarkdown) {
					if !strings.HasSuffix(file.Path, ".html") {
						continue
					}
					for k := range kinds(file.Data) {
						if !b.allowed[file.Path][k] {
							t.Errorf("with the figure %q in unit %d, %s has %s, which the harmless site does not", fig, u, file.Path, k)
						}
					}
				}
			}
		}
	}
}

// TestFuzzSiteShapes checks that the harmless site builds in every value
// of each of a shape's fields, with the others 0, and in shapes with
// every bit set, and in a fixed sample of others.
func TestFuzzSiteShapes(t *testing.T) {
	h := newHarness(t)
	fields := []shape{shapeEditions, shapeYear, shapePeriod, shapeRows, shapeCumulative, shapeUnit, shapeBefore,
		shapeQualifiers, shapeTargets, shapeCompare, shapeRules, shapeLight, shapeNoGood, shapeDirection, shapeThemes, shapeIDs}
	var shapes []shape
	for _, mask := range fields {
		low := mask & -mask
		for v := low; v <= mask; v += low {
			shapes = append(shapes, v)
		}
	}
	shapes = append(shapes, 1<<numShapeBits-1, 1<<numShapeBits-1&^shapeEditions, 1<<numShapeBits-1&^shapeYear&^shapePeriod)
	x := uint32(1)
	for range 24 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		shapes = append(shapes, shape(x&(1<<numShapeBits-1)))
	}
	for _, sh := range shapes {
		b := h.baseline(t, sh)
		files := h.generate(t, 0, sh, harmless, harmlessFigure, harmlessMarkdown)
		var pages []string
		for _, file := range files {
			switch {
			case strings.HasSuffix(file.Path, ".html"):
				pages = append(pages, file.Path)
			case strings.HasSuffix(file.Path, ".css"):
				if shape, _ := cssShape(file.Data); shape != b.css[unhashed(file.Path)] {
					t.Errorf("shape %#x: %s differs from the stylesheet of the shape's colours", sh, file.Path)
				}
			}
		}
		if !slices.Equal(pages, b.paths) {
			t.Errorf("shape %#x: Generate makes the pages\n%v\nbut the baseline has\n%v", sh, pages, b.paths)
		}
	}
}

// generate builds the site through Generate, which must succeed, and
// checks that the pages the fuzz function makes itself are the same.
func (h *harness) generate(f testing.TB, fields uint32, sh shape, text, figure, markdown string) []File {
	fsys := fuzzFS(fields, sh, text, figure, markdown)
	res, err := Generate(fsys, Options{})
	if err != nil {
		f.Fatalf("the harmless site (figure %q, fields %#x, shape %#x) does not build:\n%v", figure, fields, sh, err)
	}
	s, _ := Check(fsys, Options{})
	if problem := h.same(s, res.Files); problem != "" {
		f.Fatal(problem)
	}
	return res.Files
}

// render makes the pages of the harmless site of shape sh with the
// narrative markdown, which must build, with the harness's templates:
// faster than generate, which checks that they are Generate's.
func (h *harness) render(f testing.TB, sh shape, markdown string) []File {
	return h.renderWith(f, 0, sh, harmless, markdown)
}

// renderWith renders the site of fields and shape sh with text in the
// fields' places and harmless figures, as render does.
func (h *harness) renderWith(f testing.TB, fields uint32, sh shape, text, markdown string) []File {
	fsys := fuzzFS(fields, sh, text, harmlessFigure, markdown)
	s, findings := Check(fsys, Options{})
	if findings.HasErrors() {
		f.Fatalf("the harmless site (shape %#x) does not build:\n%v", sh, findings)
	}
	var files []File
	for _, o := range h.outputs(s) {
		if strings.HasSuffix(o.path, ".html") {
			data, err := o.make()
			if err != nil {
				f.Fatalf("%s: %v", o.path, err)
			}
			files = append(files, File{Path: o.path, Data: data})
		}
	}
	return files
}

// outputs are the files Scorecard generates for a site, as plan makes them, rendered with
// the harness's templates rather than a new set for every build: parsing
// and escaping the templates takes longer than rendering a page of a small
// site. The site's own assets and static files are left out. same checks
// that they are byte for byte what Generate makes.
func (h *harness) outputs(s *report.Site) []output {
	var out []output
	for _, j := range siteJobs(s, h.r, h.assets) {
		if strings.HasPrefix(j.path, "assets/") {
			continue
		}
		out = append(out, output{j.path, j.write})
	}
	return out
}

type output struct {
	path  string
	write func(io.Writer) error
}

func (o output) make() ([]byte, error) {
	var b bytes.Buffer
	err := o.write(&b)
	return b.Bytes(), err
}

// same says how the harness's outputs for s differ from files, which
// Generate made, or returns "".
func (h *harness) same(s *report.Site, files []File) string {
	want := map[string][]byte{}
	for _, f := range files {
		if !strings.HasPrefix(f.Path, "assets/") {
			want[f.Path] = f.Data
		}
	}
	delete(want, "logo.svg") // from static/
	for _, o := range h.outputs(s) {
		got, err := o.make()
		if err != nil {
			return fmt.Sprintf("%s: %v", o.path, err)
		}
		w, ok := want[o.path]
		if !ok {
			return fmt.Sprintf("the fuzz test makes %s, which Generate does not: update outputs to match plan", o.path)
		}
		if !bytes.Equal(got, w) {
			return fmt.Sprintf("the fuzz test's %s differs from Generate's: update outputs to match plan", o.path)
		}
		delete(want, o.path)
	}
	if len(want) > 0 {
		return fmt.Sprintf("Generate makes %s, which the fuzz test does not: update outputs to match plan", slices.Sorted(maps.Keys(want))[0])
	}
	return ""
}

// fuzzFS returns the site of the shape with the input in its fields.
func fuzzFS(fields uint32, sh shape, text, figure, markdown string) fstest.MapFS {
	shaped, pairs := sh.pairs(fields, figure)
	first := strings.NewReplacer(shaped...)
	for i, mark := range fieldMarks {
		v := harmless
		if fields&(1<<i) != 0 {
			v = text
		}
		pairs = append(pairs, mark, yamlString(v))
	}
	pairs = append(pairs, "@MD@", markdown)
	r := strings.NewReplacer(pairs...)
	fsys := make(fstest.MapFS, len(fuzzFiles))
	for name, src := range fuzzFiles {
		fsys[first.Replace(name)] = &fstest.MapFile{Data: []byte(r.Replace(first.Replace(src)))}
	}
	return fsys
}

// printable returns s with what the loader refuses in any file, invalid
// UTF-8 and control characters, made U+FFFD: such text never reaches a
// page (FuzzLoadQuarter and FuzzMarkdown in package load try it), and
// inputs that hold it would otherwise be most of what the fuzzer tries.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7e || r >= 0xa0 && r <= 0xd7ff ||
			r >= 0xe000 && r <= 0xfffd && !(r >= 0xfdd0 && r <= 0xfdef) || r >= 0x10000 && r <= 0x10ffff && r&0xfffe != 0xfffe {
			return r
		}
		return '\uFFFD'
	}, s)
}

// yamlString writes s as a YAML double-quoted scalar that reads back as s
// (invalid UTF-8 reads as U+FFFD): printable characters as they are,
// others as escapes, so that the text reaches the site's fields whatever
// it holds.
func yamlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f, r >= 0xa0 && r != 0x2028 && r != 0x2029 && r != 0xfeff && r < 0xd800, r >= 0xe000 && r <= 0xfffd:
			b.WriteRune(r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// check runs the pipeline on the input: the whole of it through Generate
// when bits 24 to 31 of fields are all set, otherwise one page (picked by
// those bits) and every file that is not a page.
func (h *harness) check(t *testing.T, fields uint32, sh shape, text, figure, markdown string) {
	text, figure, markdown = printable(text), printable(figure), printable(markdown)
	sh &= 1<<numShapeBits - 1
	b := h.baseline(t, sh)
	fsys := fuzzFS(fields, sh, text, figure, markdown)
	var files []File
	if fields>>pageShift == wholeSite {
		res, err := Generate(fsys, Options{})
		if err != nil {
			checkFindings(t, err, fsys)
			return
		}
		checkFindings(t, res.Warnings, fsys)
		files = res.Files
		s, _ := Check(fsys, Options{})
		if problem := h.same(s, files); problem != "" {
			t.Fatal(problem)
		}
	} else {
		s, findings := Check(fsys, Options{})
		checkFindings(t, findings, fsys)
		if findings.HasErrors() {
			return
		}
		pick := b.paths[int(fields>>pageShift)%len(b.paths)]
		for _, o := range h.outputs(s) {
			if strings.HasSuffix(o.path, ".html") && o.path != pick {
				continue
			}
			data, err := o.make()
			if err != nil {
				t.Fatalf("%s: %v", o.path, err)
			}
			files = append(files, File{Path: o.path, Data: data})
		}
	}
	for _, file := range files {
		if problem := b.checkFile(file.Path, file.Data); problem != "" {
			t.Errorf("%s: %s", file.Path, problem)
		}
		if !strings.HasSuffix(file.Path, ".html") {
			continue
		}
		allowed, ok := b.allowed[file.Path]
		if !ok {
			t.Errorf("%s is not a page of the harmless site", file.Path)
		}
		for k := range kinds(file.Data) {
			if !strings.HasPrefix(k, forbidden) && (allowed[k] || markdown != harmlessMarkdown && (b.markdown[k] || linkScheme.MatchString(k))) {
				continue
			}
			t.Errorf("%s has %s, which the site with harmless text does not", file.Path, k)
		}
	}
}

// checkFindings checks that err is a list of findings, each at a position
// in one of the site's files (or folders): one the file has.
func checkFindings(t *testing.T, err error, fsys fstest.MapFS) {
	t.Helper()
	if err == nil {
		return
	}
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("an error that is not a finding about the site's files: %v", err)
	}
	for _, d := range list {
		p := d.Pos
		file, ok := fsys[p.File]
		if !ok {
			if _, dir := fsys[p.File+"/"]; !dir && !isDir(fsys, p.File) {
				t.Errorf("a finding names %q, which is not one of the site's files: %v", p.File, d)
			}
			if p.Line != 0 {
				t.Errorf("a finding has a line in a folder: %v", d)
			}
			continue
		}
		if problem := posProblem(p, file.Data); problem != "" {
			t.Errorf("%s: %v", problem, d)
		}
	}
}

// posProblem says what is wrong with a position in src, or returns "": it
// must be line 1 or later, or no line and no column, and no further than
// the end of the file (or of the line, for a column). Lines end at a line
// feed, or, as YAML counts them, at a carriage return too: either count
// will do.
func posProblem(p diag.Pos, src []byte) string {
	if p.Line < 0 || p.Col < 0 || p.Line == 0 && p.Col != 0 {
		return "a finding has no line but a column, or a negative one"
	}
	if p.Line == 0 {
		return ""
	}
	var problem string
	for _, lines := range [][][]byte{bytes.Split(src, []byte("\n")), crLines(src)} {
		switch {
		case p.Line > len(lines):
			problem = fmt.Sprintf("line %d of a file of %d lines", p.Line, len(lines))
		case p.Col > len(lines[p.Line-1])+1:
			problem = fmt.Sprintf("column %d of a line of %d bytes", p.Col, len(lines[p.Line-1]))
		default:
			return ""
		}
	}
	return problem
}

// crLines splits src into lines as YAML does: at a line feed, a carriage
// return, or both.
func crLines(src []byte) [][]byte {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	return bytes.Split(src, []byte("\n"))
}

func isDir(fsys fstest.MapFS, name string) bool {
	for f := range fsys {
		if strings.HasPrefix(f, name+"/") {
			return true
		}
	}
	return false
}

// checkFile checks that a file that is not a page parses as its format
// says, and that a stylesheet has the harmless site's shape, and returns
// what is wrong, or "".
func (b *baseline) checkFile(name string, data []byte) string {
	switch {
	case strings.HasPrefix(name, "assets/"), name == "robots.txt",
		strings.HasSuffix(name, ".html"), name == "logo.svg":
		return ""
	case strings.HasSuffix(name, ".css"):
		shape, problem := cssShape(data)
		if problem == "" && shape != b.css[unhashed(name)] {
			problem = "the stylesheet's rules differ from the harmless site's:\n" + shape
		}
		return problem
	case strings.HasSuffix(name, ".json"):
		if !json.Valid(data) {
			return "not valid JSON"
		}
	case strings.HasSuffix(name, ".csv"):
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			return "not valid CSV: " + err.Error()
		}
		for _, row := range rows {
			for _, c := range row {
				if formula(c) {
					return fmt.Sprintf("the cell %q would run as a formula in a spreadsheet", c)
				}
			}
		}
	case strings.HasSuffix(name, ".xml"), strings.HasSuffix(name, ".svg"):
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				return "not well-formed XML: " + err.Error()
			}
		}
	case name == render.SearchIndexPath:
		_, rest, ok := bytes.Cut(data, []byte("="))
		if !ok || !bytes.HasPrefix(data, []byte("window.")) || !json.Valid(bytes.TrimRight(rest, ";\n")) {
			return "the search index is not window.NAME=JSON"
		}
	default:
		return "a file the fuzz test does not know"
	}
	return ""
}

// formula reports whether a spreadsheet would run the CSV cell c as a
// formula, as internal/hostile judges it: text starting with =, @, a tab
// or a carriage return, or with + or - and not a figure (-10%, +2,
// -£1,200, - for not applicable).
func formula(c string) bool {
	if c == "" || c == "-" {
		return false
	}
	var starts bool
	if c[0] == '+' || c[0] == '-' {
		rest := c[1:]
		starts = !(strings.HasPrefix(rest, "£") || rest != "" && rest[0] >= '0' && rest[0] <= '9')
	} else {
		starts = strings.ContainsRune("=@\t\r", rune(c[0]))
	}
	return starts
}

// kinds returns the kinds of markup in a page: each element, each
// element's attribute names, the type of each script, and the scheme of
// each address that has one. It reports, as kinds no page may have, every
// script that is not JSON or one of the site's own files, inline style,
// event handlers, script and data addresses, and JSON that does not parse
// or could end its element.
func kinds(page []byte) map[string]bool {
	out := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				out["an unreadable page: "+z.Err().Error()] = true
			}
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		el := tok.Data
		out["<"+el+">"] = true
		var typ string
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			if a.Namespace != "" {
				key = a.Namespace + ":" + key
			}
			out["<"+el+" "+key+">"] = true
			if key == "type" {
				typ = a.Val
			}
			switch {
			case strings.HasPrefix(key, "on"):
				out[forbidden+"event handler "+strconv.Quote(key)] = true
			case key == "style":
				out[forbidden+"style attribute"] = true
			case urlAttr(key):
				switch s := scheme(a.Val); s {
				case "":
				case "javascript", "vbscript", "data":
					out[forbidden+s+": address in <"+el+" "+key+">"] = true
				default:
					out["<"+el+" "+key+"="+s+":>"] = true
				}
			}
		}
		switch el {
		case "script":
			out["<script type="+strconv.Quote(typ)+">"] = true
			if src, ok := attr(tok, "src"); ok && !ownAsset(src) {
				out[forbidden+"<script src="+strconv.Quote(src)+">: not one of the site's own scripts"] = true
			}
			if tt == html.SelfClosingTagToken {
				continue
			}
			if z.Next() != html.TextToken {
				continue
			}
			body := z.Text()
			switch {
			case typ == "application/json" || typ == "application/ld+json":
				if !json.Valid(body) {
					out[forbidden+"<script type="+typ+"> that is not JSON"] = true
				}
				lower := bytes.ToLower(body)
				if bytes.Contains(lower, []byte("</script")) || bytes.Contains(lower, []byte("<!--")) || bytes.Contains(lower, []byte("<script")) {
					out[forbidden+"<script type="+typ+"> holding </script, <script or <!--"] = true
				}
			case len(bytes.TrimSpace(body)) > 0:
				out[forbidden+"inline script"] = true
			}
		case "meta":
			if v, _ := attr(tok, "http-equiv"); strings.EqualFold(v, "refresh") {
				out[forbidden+"<meta http-equiv=refresh>"] = true
			}
		case "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal":
			out[forbidden+"<"+el+">"] = true
		}
	}
}

// forbidden starts the kinds of markup that no page may have.
const forbidden = "FORBIDDEN "

func attr(tok html.Token, key string) (string, bool) {
	for _, a := range tok.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// ownAsset reports whether a script's address is one of the site's own
// files under assets/, written relative to the page.
func ownAsset(src string) bool {
	for strings.HasPrefix(src, "../") {
		src = src[3:]
	}
	return (strings.HasPrefix(src, "assets/") && strings.HasSuffix(src, ".js") && fs.ValidPath(src)) || src == render.SearchIndexPath
}

// cssShape returns a stylesheet with its strings emptied and its status
// classes named alike, so that the stylesheets of two sites that differ
// only in their text are the same; or what is wrong: a string that does
// not end on its line.
func cssShape(css []byte) (string, string) {
	var b strings.Builder
	for i := 0; i < len(css); i++ {
		c := css[i]
		if c == '/' && i+1 < len(css) && css[i+1] == '*' {
			end := bytes.Index(css[i+2:], []byte("*/"))
			if end < 0 {
				return "", "an unclosed comment"
			}
			b.WriteString("/**/")
			i += 2 + end + 1
			continue
		}
		if c != '"' && c != '\'' {
			b.WriteByte(c)
			continue
		}
		quote := c
		for i++; ; i++ {
			if i >= len(css) {
				return "", "an unclosed string"
			}
			switch css[i] {
			case '\\':
				i++
				continue
			case '\n', '\r', '\f':
				return "", "a line break ends a string"
			}
			if css[i] == quote {
				break
			}
		}
		b.WriteString(`""`)
	}
	return statusClass.ReplaceAllString(b.String(), "status-C"), ""
}

// linkScheme matches the kinds of links and images narrative may have
// besides those in richMarkdown: to an address with any scheme but the
// forbidden ones.
var linkScheme = regexp.MustCompile(`^<(a href|img src)=[^>]*:>$`)

var validScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*$`)

var statusClass = regexp.MustCompile(`status-[a-z0-9-]*`)

// urlAttr says whether an attribute holds an address.
func urlAttr(key string) bool {
	return slices.Contains([]string{"href", "src", "action", "formaction", "xlink:href", "data", "poster",
		"background", "cite", "srcset", "ping", "manifest", "icon", "codebase", "longdesc", "usemap"}, key)
}

// scheme returns an address's scheme in lower case, as a browser reads it:
// ignoring spaces and control characters before it, and tabs and line
// breaks within it.
func scheme(url string) string {
	i := strings.IndexByte(url, ':')
	if i < 0 {
		return ""
	}
	url = strings.TrimLeftFunc(url[:i], func(r rune) bool { return r <= ' ' })
	url = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, url)
	i = len(url)
	if i <= 0 || !validScheme.MatchString(url[:i]) {
		return "" // a relative address
	}
	return strings.ToLower(url[:i])
}

// unhashed is a style sheet's path without the hash of its content, which
// differs with the site's text: style.3f9a1c2e.css is style.css.
func unhashed(path string) string {
	return hashedCSS.ReplaceAllString(path, ".css")
}

var hashedCSS = regexp.MustCompile(`\.[0-9a-f]{8}\.css$`)
