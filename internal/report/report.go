// Package report is Scorecard's model of a published performance report:
// the site, its themes and measure catalogue, and each quarter's scorecard
// rows and narrative. It does no I/O.
package report

import (
	"slices"
	"strings"

	"scorecard/internal/diag"
	"scorecard/internal/value"
)

// Site is everything a build publishes.
type Site struct {
	Organisation string
	Title        string
	Language     string
	TableNote    string    // printed with every scorecard table
	Statuses     []*Status // the status scale, in the order of the config
	Rating       Rating    // how Scorecard computes a status to check the published one
	// FigureWords are the words a target or actual may hold in place of a
	// figure, saying why there is none (figure_words, or the defaults).
	FigureWords []value.FigureWord
	// Years says when the site's year starts (year: in site.yaml), and
	// Editions how often its report is published (editions:): every
	// edition is a period of that kind.
	Years    YearKind
	Editions PeriodKind

	// Units are what measures may be counted in: the built-in eight and
	// the site's units:, in that order, one of the same id replacing a
	// built-in. Empty for a model made by hand: the built-ins then.
	Units []*Unit
	// Qualifiers are what may follow a figure to qualify it (provisional,
	// a footnote mark): the defaults and the site's qualifiers:.
	Qualifiers []value.Qualifier
	// Series are the further targets and the comparators the site's data
	// may give beside each target and actual, in the order declared.
	Series []*Series

	BaseURL       string // the site's address, ending in "/"; "" when not set
	Accent        string // "#rrggbb": links and the header rule
	Logo          string // path of the logo in static/, or ""
	LogoAlt       string // the logo's text alternative
	Accessibility Accessibility
	About         *Narrative // content/_about.md, or nil
	AllowHTML     bool       // allow_html: raw HTML in narrative is passed through, not shown as text
	Import        Import     // import: where a spreadsheet keeps each field, for scorecard import
	// Releases are the dates the next reports are due (releases:), in
	// date order: the release calendar.
	Releases []Release
	// CodeOfPractice is the statement of voluntary application of the
	// Code of Practice for Statistics (code_of_practice:), or nil.
	CodeOfPractice *CodeOfPractice

	Themes   []*Theme   // the top-level themes, in the order of the catalogue; AllThemes walks every level
	Measures []*Measure // theme by theme, in the depth-first order of AllThemes
	Quarters []*Quarter // oldest first
}

// Accessibility is what the accessibility statement says beyond what
// Scorecard knows: regulation 7 of the Public Sector Bodies Accessibility
// Regulations 2018 asks for all of it.
type Accessibility struct {
	Compliance   string   // "fully", "partially" or "not"
	Exceptions   []string // content that is not accessible, and why
	ContactEmail string
	ContactPhone string
	ContactURL   string // a contact form
	ResponseDays int    // how soon the body replies to a request
	Prepared     string // the date the statement was prepared, YYYY-MM-DD
	Reviewed     string // the date it was last reviewed, or ""
	Tested       string // the date the site was last tested, or ""
}

// Theme groups measures and narrative under one of the body's priorities.
// Themes nest up to MaxThemeDepth levels (priority, outcome, sub-heading).
type Theme struct {
	ID       string // as the council writes it: "Place", "clean-streets"
	Address  string // made from ID by Address: its pages' folder and file names
	Title    string
	Measures []*Measure // its own measures, not its children's
	Parent   *Theme     // nil for a top-level theme
	Children []*Theme   // in the order of the catalogue
	Depth    int        // 1 for a top-level theme, 2 for its children, 3 below them
	Pos      diag.Pos   // its id in the catalogue, for messages
}

// MaxThemeDepth is how deep themes nest: priority, outcome, sub-heading.
const MaxThemeDepth = 3

// Walk calls f for t and every theme below it, depth first, in catalogue
// order.
func (t *Theme) Walk(f func(*Theme)) {
	f(t)
	for _, c := range t.Children {
		c.Walk(f)
	}
}

// Tree returns t and every theme below it, depth first.
func (t *Theme) Tree() []*Theme {
	var out []*Theme
	t.Walk(func(x *Theme) { out = append(out, x) })
	return out
}

// Trail returns the themes from the top level down to t, t last.
func (t *Theme) Trail() []*Theme {
	var out []*Theme
	for x := t; x != nil; x = x.Parent {
		out = append(out, x)
	}
	slices.Reverse(out)
	return out
}

// FullTitle names t with the themes above it, top first: "A place to be
// proud of: Clean and green streets". A top-level theme's is its title.
func (t *Theme) FullTitle() string {
	if t.Parent == nil {
		return t.Title
	}
	return t.Parent.FullTitle() + ": " + t.Title
}

// Top returns the top-level theme t sits under, or t itself.
func (t *Theme) Top() *Theme {
	for t.Parent != nil {
		t = t.Parent
	}
	return t
}

// AllThemes returns every theme at every level, depth first in catalogue
// order: each theme, then its children.
func (s *Site) AllThemes() []*Theme {
	var out []*Theme
	for _, t := range s.Themes {
		out = append(out, t.Tree()...)
	}
	return out
}

// Nested reports whether any theme has themes below it.
func (s *Site) Nested() bool {
	for _, t := range s.Themes {
		if len(t.Children) > 0 {
			return true
		}
	}
	return false
}

// Address makes a page address from an id as a council writes it: lower
// case, each run of characters other than a-z and 0-9 one hyphen, with
// none at either end: "LVE 009" gives "lve-009". It gives "" for an id
// with no letter or digit.
func Address(id string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(id) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	return b.String()
}

// Polarity says which way a measure is good.
type Polarity string

const (
	Higher  Polarity = "higher"
	Lower   Polarity = "lower"
	InRange Polarity = "in range"
	// NotStated is a measure whose report does not say which way is
	// better: its figures are said to increase or decrease, never to
	// improve or worsen, and bands rate it only against a target range.
	NotStated Polarity = "not stated"
)

// Describe says in words what the polarity means for residents.
func (p Polarity) Describe() string {
	switch p {
	case Higher:
		return "Higher is better"
	case Lower:
		return "Lower is better"
	case InRange:
		return "Within the target range is best"
	case NotStated:
		return "No stated polarity: the report does not say which way is better"
	}
	return string(p)
}

// Measure is one entry of the catalogue: it keeps its identity across
// quarters.
type Measure struct {
	ID         string // as the council writes it: "BV053", "LVE 009"
	Address    string // made from ID by Address: "lve-009", its page's folder and anchors
	Number     string // the report's own row number, if any
	Theme      *Theme
	Title      string
	Good       Polarity
	Unit       *Unit // what it is counted in, set by the loader from unit:; its ID is the id as written
	Equalities bool
	Cumulative bool // its figures are year to date: each counts from the start of the year
	Definition string
	Why        string       // why the measure matters, in a sentence or two
	Source     string       // where the figures come from, such as a system or a survey
	Frequency  string       // how often it is measured, as written: "Quarterly", "Monthly"
	Owner      string       // the lead officer or directorate
	Codes      []string     // reference codes as written, such as "BV053" and "LVE 009"
	IDs        []ExternalID // identifiers in other datasets, in the order written
	Caveats    string       // what a reader of the figures should bear in mind
	Bands      []Band       // this measure's own bands; nil means the site's
	Breaks     []Break      // where its series breaks or its method changes, earliest first
	Pos        diag.Pos
	Index      int // its place in Site.Measures, set by the loader: rows are found by it
}

// ExternalID is a measure's identifier in another dataset, such as its
// metric id in LG Inform.
type ExternalID struct {
	Scheme string // the dataset: "LG Inform"
	ID     string // as written: "1234"
}

// Status is one entry of the status scale: a RAG rating such as "HG", or a
// published status that is not a rating, such as "No survey this qtr".
type Status struct {
	Code   string
	Label  string
	Rating bool
	Colour string // "#rrggbb": the tag's background and the chart marks' colour
	// Text is the colour of the tag's words on Colour: White, or DarkText
	// on a light colour such as #ffbf47, whichever the loader found gives
	// at least 4.5:1 (white when both do).
	Text  string
	Shape string // the chart marker: circle, triangle, emptyDiamond...
	Class string // the CSS class that carries the colour, unique in the scale
}

// The colours a status tag's words may take.
const (
	White    = "#ffffff"
	DarkText = "#0b0c0c" // the pages' text colour
)

// Light reports whether the status's colour takes dark text: its chart
// marks are then edged in dark text too, to stand out from the white page.
func (s *Status) Light() bool { return s.Text == DarkText }

// Describe gives the status as residents read it: words, then the code when
// the code differs.
func (s *Status) Describe() string {
	if s.Label == "" || s.Label == s.Code {
		return s.Code
	}
	return s.Label + " (" + s.Code + ")"
}

// Quarter is one quarter's scorecard and narrative.
type Quarter struct {
	ID        Period                // the edition: a month, quarter, half or year
	Rows      []*Row                // in catalogue order: each measure's row for the edition
	More      []*Row                // further periods published in the edition, such as its earlier months, in catalogue order
	Notes     []*Note               // in the order of the data file
	Intro     *Narrative            // the report-wide narrative; nil when none was published
	Narrative map[*Theme]*Narrative // per theme; missing when none was published
	Published string                // the date the quarter's report was published, YYYY-MM-DD, or ""
	Draft     bool                  // not to be published yet: shown by serve, left out of build
	// Corrections are the changes made to the edition since it was put
	// on the record (corrections: in its data file), in the order
	// written; each is also on its row (Row.Corrections).
	Corrections []*Correction
	Pos         diag.Pos

	byIndex []*Row            // by Measure.Index; set by IndexRows
	byTheme map[*Theme][]*Row // set by IndexRows
}

// Row returns the quarter's row for m, or nil when m has none.
func (q *Quarter) Row(m *Measure) *Row {
	if m.Index >= 0 && m.Index < len(q.byIndex) {
		if r := q.byIndex[m.Index]; r == nil || r.Measure == m {
			return r
		}
		// m's Index is not the loader's (a model made by hand): search.
	}
	for _, r := range q.Rows {
		if r.Measure == m {
			return r
		}
	}
	return nil
}

// RowsOf returns every row q publishes for m, earliest period first: the
// further periods (More) with the edition's own row. Most measures have
// one row or none.
func (q *Quarter) RowsOf(m *Measure) []*Row {
	var out []*Row
	for _, r := range q.More {
		if r.Measure == m {
			out = append(out, r)
		}
	}
	if r := q.Row(m); r != nil {
		out = append(out, r)
		slices.SortStableFunc(out, func(a, b *Row) int { return a.When.Compare(b.When) })
	}
	return out
}

// AllRows returns every row q publishes: the edition's own rows and the
// further periods, measure by measure in catalogue order, each measure's
// earliest period first. Open data lists them all.
func (q *Quarter) AllRows() []*Row {
	if len(q.More) == 0 {
		return q.Rows
	}
	out := append(slices.Clone(q.Rows), q.More...)
	slices.SortStableFunc(out, func(a, b *Row) int {
		if a.Measure != b.Measure {
			return a.Measure.Index - b.Measure.Index
		}
		return a.When.Compare(b.When)
	})
	return out
}

// IndexRows makes Row a look-up by the measure's Index instead of a
// search: the loader calls it once the rows are read, since pages ask for
// rows millions of times on a large site. A slice by index is a fifth of
// the memory of a map by measure.
func (q *Quarter) IndexRows() {
	n := 0
	for _, r := range q.Rows {
		n = max(n, r.Measure.Index+1)
	}
	q.byIndex = make([]*Row, n)
	for _, r := range q.Rows {
		if i := r.Measure.Index; i >= 0 && q.byIndex[i] == nil {
			q.byIndex[i] = r
			continue
		}
		q.byIndex = nil // not the loader's indexes: Row searches
		break
	}
	q.byTheme = map[*Theme][]*Row{}
	for _, r := range q.Rows {
		q.byTheme[r.Measure.Theme] = append(q.byTheme[r.Measure.Theme], r)
	}
}

// ThemeRows returns the quarter's rows for t's measures, in catalogue
// order. The slice is shared: callers must not change it.
func (q *Quarter) ThemeRows(t *Theme) []*Row {
	if q.byTheme != nil {
		return q.byTheme[t][:len(q.byTheme[t]):len(q.byTheme[t])]
	}
	var rows []*Row
	for _, r := range q.Rows {
		if r.Measure.Theme == t {
			rows = append(rows, r)
		}
	}
	return rows
}

// TreeRows returns the quarter's rows for the measures of t and of every
// theme below it, depth first: a parent theme's roll-up. For a theme with
// no children it is ThemeRows.
func (q *Quarter) TreeRows(t *Theme) []*Row {
	if len(t.Children) == 0 {
		return q.ThemeRows(t)
	}
	var rows []*Row
	t.Walk(func(x *Theme) { rows = append(rows, q.ThemeRows(x)...) })
	return rows
}

// Row is one measure's cells in one quarter.
type Row struct {
	Measure *Measure
	Target  value.Value
	Actual  value.Value
	Status  *Status // nil when the status cell is blank
	Period  string  // the data period as written, when it is not the edition's own
	// When is the period the figures describe: the edition's own, or the
	// one Period names; no period when Period names none Scorecard reads.
	When  Period
	Notes []*NoteRef
	// Further reference figures beside the target, in the order written:
	// named targets (for the year, the next years, a stretch) and
	// comparators (top quartile, England average...). Their names are
	// declared in the site's configuration (Site.Series).
	Targets     []Figure
	Comparators []Figure
	// Published direction of travel, as the report printed it ("improved",
	// "↑"), recorded beside the computed one; nil when none was recorded.
	PublishedDirection *PublishedDirection
	// Forecast is the figure expected at the year's end, or nil.
	Forecast *Forecast
	// Corrections are the changes made to this row's figures since the
	// edition was put on the record, in the order written.
	Corrections []*Correction
	Pos         diag.Pos // the row's key in the quarter file
	StatusPos   diag.Pos // the status cell, or the row when it has none

	// Worked out from the figures by package rag, after loading.
	Computed      Assessment
	SinceQuarter  Direction // against the previous quarter
	SinceLastYear Direction // against the same quarter a year earlier
}

// Figure is a named reference figure of a row: a further target or a
// comparator.
type Figure struct {
	Series *Series
	Value  value.Value
	Period string   // the period the figure describes when it differs from the row's, as written
	Source string   // where this figure comes from, when the data says and it differs from the series'
	Pos    diag.Pos // the cell, for messages
}

// SeriesKind says whether a series of figures is a target or a comparator.
type SeriesKind uint8

const (
	TargetSeries SeriesKind = iota + 1
	ComparatorSeries
)

// Series is a named kind of reference figure a site publishes beside its
// actuals: a target other than the period's own ("annual target", "target
// 2018/19", "stretch") or a comparator ("top quartile", "England average",
// "nearest neighbours median"), with where its figures come from.
type Series struct {
	Kind   SeriesKind
	ID     string // how data files name it: "annual", "england"
	Label  string // how pages name it: "Annual target", "England average"
	Source string // where the figures come from, such as "LG Inform"; "" when not said
}

// PublishedDirection is a direction of travel as the published report
// gave it, read into one of the kinds so that check can compare it with
// the computed one.
type PublishedDirection struct {
	Raw  string // as written: "improved", "↑", "Worse"
	Kind DirectionKind
	Pos  diag.Pos
}

// Rating configures how a status is computed from target and actual.
type Rating struct {
	Rules    []Rule // tried in order before the bands
	Bands    []Band
	InRange  *Status // for an "in range" measure inside its target range
	NoTarget *Status // for a measure with no target; nil gives no status
}

// Rule is a status rule: when all its conditions hold, the row takes its
// status without the bands. Each condition is optional; a rule has at
// least one.
type Rule struct {
	Status *Status
	Target TargetCondition // TargetMet or TargetMissed; 0 for no condition
	// Direction against the previous comparable period: Improved, NoChange
	// or Worse; NotComparable (the zero value) for no condition.
	Direction  DirectionKind
	Comparator string // the id of a comparator series; "" for no condition
	// ComparatorLabel names the comparator for residents, from its series.
	ComparatorLabel string
	Position        Position // the actual against the comparator, with Comparator
	N               int      // its place in the list, from 1, for the working
	Pos             diag.Pos
}

// Describe says when the rule applies: "A (Amber) when the target is
// missed and the direction of travel is improved".
func (r Rule) Describe() string {
	var when []string
	if r.Target != 0 {
		when = append(when, "the target is "+r.Target.String())
	}
	if r.Direction != NotComparable {
		when = append(when, "the direction of travel is "+strings.ToLower(r.Direction.String()))
	}
	name := r.ComparatorLabel
	if name == "" {
		name = r.Comparator
	}
	switch r.Position {
	case AtLeast:
		when = append(when, "the actual is at least as good as the "+name)
	case Better:
		when = append(when, "the actual is better than the "+name)
	case WorseThan:
		when = append(when, "the actual is worse than the "+name)
	}
	return r.Status.Describe() + " when " + strings.Join(when, " and ")
}

// TargetCondition is a status rule's condition on the target.
type TargetCondition uint8

const (
	TargetMet TargetCondition = iota + 1
	TargetMissed
)

// String gives the condition as data files write it.
func (c TargetCondition) String() string {
	switch c {
	case TargetMet:
		return "met"
	case TargetMissed:
		return "missed"
	}
	return ""
}

// Position is where a status rule asks the actual to lie against a
// comparator, in the measure's good direction.
type Position uint8

const (
	Better Position = iota + 1
	AtLeast
	WorseThan
)

// String gives the position as data files write it.
func (p Position) String() string {
	switch p {
	case Better:
		return "better"
	case AtLeast:
		return "at least"
	case WorseThan:
		return "worse"
	}
	return ""
}

// Band is one rating band. Gaps are percentages of the target, positive when
// the actual is better than the target. A band applies when the gap is at
// least AtLeast, or more than MoreThan; a band with neither catches the
// rest. Bands are tried in order.
type Band struct {
	Status   *Status
	AtLeast  *float64
	MoreThan *float64
}

// Assessment is a status computed from the figures, with its working.
type Assessment struct {
	Status *Status // nil when no status could be computed
	// Text is the arithmetic in words when there is a status (Working),
	// or why there is none (Reason): one string, as a row has one or the
	// other, and a large site holds hundreds of thousands of rows.
	Text string
	// Target says whether the figures meet the target (TargetMet,
	// TargetMissed), or 0 when they cannot be compared with one; Gap is
	// then how much better than target the actual is, as a percentage of
	// the target's size (negative when worse; 0 inside a target range).
	Target TargetCondition
	Gap    float64
}

// Working is the arithmetic that gave the status, in words; "" when there
// is no status.
func (a Assessment) Working() string {
	if a.Status == nil {
		return ""
	}
	return a.Text
}

// Reason is why no status could be computed, in words; "" when there is
// one.
func (a Assessment) Reason() string {
	if a.Status != nil {
		return ""
	}
	return a.Text
}

// DirectionKind says how a measure moved, in the direction that is good;
// for a measure with no stated polarity, up or down.
type DirectionKind uint8

const (
	NotComparable DirectionKind = iota
	Improved
	NoChange
	Worse
	Increased // a measure with no stated polarity rose
	Decreased // a measure with no stated polarity fell
)

// Direction is a measure's direction of travel against an earlier quarter.
//
// Why it is what it is (not comparable, or the movement) is kept as a
// message of Scorecard's catalogue and strings the rows already hold, not
// as words: a large site has two directions in each of hundreds of
// thousands of rows, and a page or data file shows few of them at a time.
// Why makes the message for a page; package rag's English makes the words
// of the data files.
type Direction struct {
	Kind   DirectionKind
	Reason Reason // the message that says why; NoReason when Now holds the model's own words
	// Against is the period compared with.
	Against Period
	// Change is how far the figure moved in the good direction, as a
	// percentage of the earlier figure's size (negative when worse; ±Inf
	// from zero); 0 when not comparable or no stated polarity.
	Change float64
	// The message's arguments: the figures compared as written (Before,
	// Now), or in their place a figure word's meaning, a status code or a
	// period as written; and the break between the figures.
	Before, Now string
	Break       *Break
}

// Reason is a message of Scorecard's catalogue (internal/words/en.yaml)
// that says why a direction of travel is what it is.
type Reason uint8

// The reasons, in the order of reasonIDs.
const (
	NoReason            Reason = iota // no message: Direction.Now says why, in English
	WhyNoActual                       // there is no actual
	WhyWord                           // the actual is a word; Now is its meaning
	WhyNotSingle                      // the actual is not a single figure
	WhyPeriod                         // the period, Now, is not one Scorecard reads
	WhyToDate                         // a year to date has nothing to compare with
	WhyNew                            // the measure is new
	WhyNoEarlier                      // there is no earlier period
	WhyNotHeld                        // the site holds no figures for Against
	WhyNotReported                    // the measure has no row for Against
	WhyBreak                          // a break in the series (Break)
	WhyMethod                         // a change of method (Break)
	WhyNoActualInStatus               // no actual for Against, with a status; Before is its code
	WhyNoActualIn                     // no actual for Against
	WhyWordIn                         // a word for Against; Before is its meaning
	WhyNotSingleIn                    // no single figure for Against
	WhyUnits                          // Before and Now are in different units
	WhyInRange                        // a target range is needed to compare
	WhySame                           // Before, then Now: no change
	WhyRose                           // Before rose to Now
	WhyRoseSpan                       // Before, for a span of months, rose to Now
	WhyFell                           // Before fell to Now
	WhyFellSpan                       // Before, for a span of months, fell to Now
)

var reasonIDs = [...]string{"", "why-no-actual", "why-word", "why-not-single", "why-period", "why-to-date", "why-new",
	"why-no-earlier", "why-not-held", "why-not-reported", "why-break", "why-method", "why-no-actual-in-status",
	"why-no-actual-in", "why-word-in", "why-not-single-in", "why-units", "why-in-range", "why-same",
	"why-rose", "why-rose-span", "why-fell", "why-fell-span"}

// ID is the reason's message id in the catalogue: "why-new"; "" for
// NoReason.
func (r Reason) ID() string { return reasonIDs[r] }

// Why is why the direction is what it is, as a message of Scorecard's
// catalogue with its arguments, for pages in the site's language; no
// message (ID "") when Now says why in the model's English.
func (d Direction) Why() Words {
	w := Words{ID: d.Reason.ID()}
	switch d.Reason {
	case WhyWord:
		w.Args = []any{"Meaning", d.Now}
	case WhyPeriod:
		w.Args = []any{"Period", d.Now}
	case WhyNotHeld, WhyNotReported, WhyNoActualIn, WhyNotSingleIn:
		w.Args = []any{"Period", d.Against.Label()}
	case WhyBreak, WhyMethod:
		w.Args = []any{"Period", d.Break.From.Label(), "Reason", d.Break.Reason}
	case WhyNoActualInStatus:
		w.Args = []any{"Period", d.Against.Label(), "Code", d.Before}
	case WhyWordIn:
		w.Args = []any{"Period", d.Against.Label(), "Meaning", d.Before}
	case WhyUnits:
		w.Args = []any{"Before", d.Before, "Now", d.Now}
	case WhySame, WhyRose, WhyRoseSpan, WhyFell, WhyFellSpan:
		w.Args = []any{"Before", d.Before, "Period", d.Against.Label(), "Now", d.Now}
	}
	return w
}

// Words are a message of Scorecard's catalogue of words (package words,
// internal/words/en.yaml) with its arguments as names and values: words
// of the model that a page prints in the site's language.
type Words struct {
	ID   string
	Args []any
}

// NoteRef is a row's reference to a note by its published label.
type NoteRef struct {
	Label string
	Note  *Note
}

// Note is a footnote to a theme's scorecard. One text may serve several
// labels ("Note 1, 2, 6 & 7: ..."); Text is empty when the report refers to
// the note but gives no text.
type Note struct {
	Theme  *Theme
	Labels []string
	Text   string
}

// HasDrafts reports whether the site holds a quarter or narrative marked
// draft: what a preview shows, marked as such, and a build leaves out
// unless asked for drafts.
func (s *Site) HasDrafts() bool {
	if s.About != nil && s.About.Draft {
		return true
	}
	for _, q := range s.Quarters {
		if q.Draft || q.Intro != nil && q.Intro.Draft {
			return true
		}
		for _, n := range q.Narrative {
			if n.Draft {
				return true
			}
		}
	}
	return false
}

// HasNoPolarity reports whether any measure states no polarity, so that
// pages explain the words increased and decreased.
func (s *Site) HasNoPolarity() bool {
	for _, m := range s.Measures {
		if m.Good == NotStated {
			return true
		}
	}
	return false
}
