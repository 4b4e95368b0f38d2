package synth

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"strings"
)

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var challengeHeadings = []string{
	"Children's Social Care", "Youth Crime", "Temporary Accommodation",
	"Recruitment and Retention", "The Budget Gap", "Adult Social Care Demand",
	"School Places", "Air Quality",
}

// narrative writes content/QUARTER/THEME.md: front matter and the body.
func (g *gen) narrative(b *bufio.Writer, k, t int) {
	fmt.Fprintf(b, "---\ntitle: %s\n---\n\n", yamlQuote(g.themes[t].title))
	b.WriteString(g.themeBody(k, t))
}

// intro writes content/QUARTER/_index.md.
func (g *gen) intro(b *bufio.Writer, k int) {
	fmt.Fprintf(b, "---\ntitle: %s\n---\n\n", yamlQuote(g.introTitle(k)))
	b.WriteString(g.introBody(k))
}

func (g *gen) introTitle(k int) string {
	return "Strategic Performance Report – " + g.quarters[k].long()
}

// themeBody is a theme's narrative for quarter k: a few hundred words, with
// its achievements, key projects, and challenges tied to its measures.
func (g *gen) themeBody(k, t int) string {
	r := g.stream(streamNarrative, k, t)
	q := g.quarters[k]
	var b strings.Builder
	fmt.Fprintf(&b, "## Summary of achievement at Quarter %d\n\n", q.Q)
	for range 4 + r.IntN(3) {
		b.WriteString("- " + achievement(r, q) + "\n")
	}
	b.WriteString("\n## Key projects and initiatives\n\nProgress on specific actions set out in the Ambition Plan is summarised below.\n\n")
	project := pick(r, projectNames)
	for j := range 2 + r.IntN(3) {
		fmt.Fprintf(&b, "### %s\n\n", pick(r, aims))
		if j == 0 {
			fmt.Fprintf(&b, "Project %s[^1] %s. ", project, pick(r, progress))
		} else {
			fmt.Fprintf(&b, "The work %s. ", pick(r, progress))
		}
		fmt.Fprintf(&b, "Officers %s %s with %s during the quarter, and a further update will follow in %s.\n\n",
			pick(r, verbs), pick(r, things), pick(r, partners), monthNames[(q.Q*3+2+r.IntN(3))%12])
	}
	b.WriteString("## Summary of key challenges\n\n")
	for _, ids := range g.ties(r, k, t) {
		m := g.measures[ids[0]]
		attr := m.id
		for _, i := range ids[1:] {
			attr += " " + g.measures[i].id
		}
		fmt.Fprintf(&b, "### %s {measure=%q}\n\n", m.title, attr)
		fmt.Fprintf(&b, "%s. %s. The [measure's page](measures/%s/) shows its figures for every quarter.", pick(r, pressures), pick(r, actions), m.id)
		if k > 0 {
			fmt.Fprintf(&b, " The position last quarter is in [the %s report](%s/%s/).", g.quarters[k-1].label(), g.quarters[k-1].path(), g.themes[t].id)
		}
		b.WriteString("\n\n")
	}
	aim := pick(r, aims)
	fmt.Fprintf(&b, "[^1]: Project %s brings together %s and %s to %s.\n",
		project, pick(r, partners), pick(r, partners), strings.ToLower(aim[:1])+aim[1:])
	return b.String()
}

// ties picks two or three measures of theme t that have figures in quarter
// k for the challenges to discuss; now and then a heading names two.
func (g *gen) ties(r *rand.Rand, k, t int) [][]int {
	var live []int
	ms := g.themes[t].measures
	for try := 0; try < 12 && len(live) < 4; try++ {
		i := ms[r.IntN(len(ms))]
		if g.measures[i].start <= k && !contains(live, i) {
			live = append(live, i)
		}
	}
	var out [][]int
	for len(live) > 0 && len(out) < 3 {
		n := 1
		if len(live) > 1 && r.IntN(4) == 0 {
			n = 2
		}
		out = append(out, live[:n])
		live = live[n:]
	}
	return out
}

func contains(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

func achievement(r *rand.Rand, q quarter) string {
	month := monthNames[(q.Q*3+r.IntN(3))%12]
	s := fmt.Sprintf("The council %s %s with %s in %s.", pick(r, verbs), pick(r, things), pick(r, partners), month)
	switch r.IntN(3) {
	case 0:
		s += fmt.Sprintf(" More than %s %s have benefited so far.", thousands(float64(50*(1+r.IntN(80)))), pick(r, people))
	case 1:
		s += fmt.Sprintf(" It was shortlisted for a national award and visited by officers from %d other councils.", 2+r.IntN(9))
	}
	return s
}

// introBody is a quarter's introduction and report-wide narrative.
func (g *gen) introBody(k int) string {
	r := g.stream(streamIntro, k, 0)
	var b strings.Builder
	fmt.Fprintf(&b, "In February 2014 the Council adopted its **Ambition Plan** as its strategic plan for the years up to 2020. It identifies %d strategic themes:\n\n", len(g.themes))
	for _, t := range g.themes {
		b.WriteString("- " + t.title + "\n")
	}
	b.WriteString("\nThis report is arranged to correspond with the plan. Key achievements in the quarter are set out against each theme below, and detailed figures for every measure follow.\n\n## Additional challenges\n\n")
	first := r.IntN(len(challengeHeadings))
	for j := range 2 {
		fmt.Fprintf(&b, "### %s\n\n%s. %s. %s.\n\n", challengeHeadings[(first+j)%len(challengeHeadings)],
			pick(r, pressures), pick(r, actions), pick(r, pressures))
	}
	return b.String()
}
