package site

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The sample report (testdata/sample-report.txt, a copy of the PDF's text)
// is the source of the example site. These tests read the sample itself,
// not the example's data files, and check that the built site holds all of
// it.

var (
	sampleRow   = regexp.MustCompile(`^(\d+)[ \t]+(.+?)\t+(Higher|Lower|In range)\t(.*)$`)
	tags        = regexp.MustCompile(`<[^>]*>`)
	footnoteRef = regexp.MustCompile(`<sup[^>]*>.*?</sup>`)
	space       = regexp.MustCompile(`\s+`)
)

var themePrefixes = map[string]string{
	"build a better harrow":                            "bbh",
	"be more business-like and business friendly":      "bmb",
	"protect the most vulnerable and support families": "pmv",
}

type sampleRowData struct {
	id, title string
	cells     []string // the cells after "Good =", in order
	more      []string // cells of the continuation line (data periods, notes)
}

func readSample(t *testing.T) (rows []*sampleRowData, lines []string) {
	t.Helper()
	f, err := os.Open("testdata/sample-report.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	prefix := ""
	var last *sampleRowData
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		lines = append(lines, line)
		if p, ok := themePrefixes[strings.ToLower(strings.TrimSpace(line))]; ok {
			prefix = p
			continue
		}
		if m := sampleRow.FindStringSubmatch(line); m != nil && prefix != "" {
			last = &sampleRowData{id: prefix + "-" + m[1], title: strings.TrimSuffix(strings.TrimSpace(m[2]), " (equalities measure)"), cells: fields(m[4])}
			rows = append(rows, last)
			continue
		}
		if last != nil && strings.HasPrefix(line, "\t") && strings.TrimSpace(line) != "" && !strings.Contains(line, "Target") {
			last.more = append(last.more, fields(line)...)
			continue
		}
		last = nil
	}
	return rows, lines
}

func fields(s string) []string {
	var out []string
	for _, c := range strings.Split(s, "\t") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// quarterCell finds a scorecard cell's quarter in its headers.
var quarterCell = regexp.MustCompile(`(?s)^<td[^>]* headers="[^"]* h-(\d{4}-\d{2}-q\d)-[tas]"`)

// reportOrder puts a scorecard row's cells in the order the printed
// report has them, the quarters oldest first, as the sample does: the page
// puts the current quarter next to the measure's name and the earlier
// ones after it. The row header comes first, the other cells last.
func reportOrder(tr string) string {
	cells := regexp.MustCompile(`(?s)<t[dh][ >].*?</t[dh]>`).FindAllString(tr, -1)
	key := func(c string) string {
		if strings.HasPrefix(c, "<th") {
			return ""
		}
		if m := quarterCell.FindStringSubmatch(c); m != nil {
			return m[1] // slugs sort as their quarters do
		}
		return "~"
	}
	slices.SortStableFunc(cells, func(a, b string) int { return strings.Compare(key(a), key(b)) })
	return strings.Join(cells, "\n")
}

// oldestFirst puts a history table's rows in the report's order, oldest
// first, as the sample has them: the page puts the newest first.
func oldestFirst(table string) string {
	rows := regexp.MustCompile(`(?s)<tr>.*?</tr>`).FindAllString(table, -1)
	slices.Reverse(rows)
	return strings.Join(rows, "\n")
}

// text turns HTML into the words a reader sees, on one line.
func text(h string) string {
	h = footnoteRef.ReplaceAllString(h, "")
	return strings.TrimSpace(space.ReplaceAllString(html.UnescapeString(tags.ReplaceAllString(h, " ")), " "))
}

// shown is how the site prints a sample cell: statuses in words with their
// code in brackets.
func shown(cell string) string {
	switch cell {
	case "HG", "LG", "G", "A", "LR", "HR":
		return "(" + cell + ")"
	case "-":
		return "not applicable"
	}
	return cell
}

// containsInOrder reports whether every cell appears in s, in order.
func containsInOrder(s string, cells []string) (string, bool) {
	for _, c := range cells {
		i := strings.Index(s, shown(c))
		if i < 0 {
			return c, false
		}
		s = s[i+len(shown(c)):]
	}
	return "", true
}

func TestExampleHasEveryScorecardRow(t *testing.T) {
	files := generateExample(t)
	rows, _ := readSample(t)
	if len(rows) != 83 {
		t.Fatalf("read %d scorecard rows from the sample; it has 83", len(rows))
	}
	themeOf := map[string]string{"bbh": "build-a-better-harrow", "bmb": "be-more-business-like", "pmv": "protect-the-most-vulnerable"}
	rowRE := func(id string) *regexp.Regexp {
		return regexp.MustCompile(`(?s)<tr>\s*<th scope="row" id="m-` + regexp.QuoteMeta(id) + `".*?</tr>`)
	}
	for _, r := range rows {
		theme := string(files["2016-17/q2/"+themeOf[r.id[:3]]+"/index.html"])
		tr := rowRE(r.id).FindString(theme)
		if tr == "" {
			t.Errorf("%s (%s) has no row on its theme page", r.id, r.title)
			continue
		}
		got := text(reportOrder(tr))
		if !strings.Contains(got, r.title) {
			t.Errorf("%s: theme page row %q lacks the title %q", r.id, got, r.title)
		}
		if c, ok := containsInOrder(got, r.cells); !ok {
			t.Errorf("%s: theme page row %q lacks the cell %q (cells in order: %q)", r.id, got, c, r.cells)
		}
		for _, c := range r.more {
			if !strings.Contains(got, c) {
				t.Errorf("%s: theme page row %q lacks %q", r.id, got, c)
			}
		}

		page := string(files["measures/"+r.id+"/index.html"])
		if h1 := regexp.MustCompile(`<h1>(.*?)</h1>`).FindStringSubmatch(page); h1 == nil || text(h1[1]) != r.title {
			t.Errorf("%s: measure page h1 = %q; want %q", r.id, h1, r.title)
		}
		table := regexp.MustCompile(`(?s)<table class="history">.*?</table>`).FindString(page)
		got = text(oldestFirst(table))
		if c, ok := containsInOrder(got, r.cells); !ok {
			t.Errorf("%s: measure page history %q lacks the cell %q (cells in order: %q)", r.id, got, c, r.cells)
		}
		for _, c := range r.more {
			if !strings.Contains(got, c) {
				t.Errorf("%s: measure page history %q lacks %q", r.id, got, c)
			}
		}
	}
}

// TestExampleHasAllNarrative checks that every passage of the sample's
// narrative is on the site: each sentence or list item of six words or
// more, by its first six words, ignoring case.
func TestExampleHasAllNarrative(t *testing.T) {
	files := generateExample(t)
	var site strings.Builder
	for path, b := range files {
		if strings.HasSuffix(path, ".html") {
			site.WriteString(strings.ToLower(text(string(b))))
			site.WriteByte('\n')
		}
	}
	all := site.String()
	_, lines := readSample(t)
	checked := 0
	for _, line := range lines {
		switch {
		case sampleRow.MatchString(line), strings.HasPrefix(line, "\t"), strings.HasPrefix(line, "Measure (Annual"):
			continue // scorecard rows and headers, checked above
		case strings.HasPrefix(line, "Corporate Priority: "):
			continue // a theme's heading: the theme page's title
		case strings.HasPrefix(line, "Note "):
			// Notes are printed as the site numbers them; check the text.
			_, note, _ := strings.Cut(line, ":")
			line = note
		}
		line = strings.NewReplacer("**", "", "¹", "", "²", "").Replace(line)
		line = tags.ReplaceAllString(line, "\t")
		for _, chunk := range regexp.MustCompile(`\t| - |\. `).Split(line, -1) {
			words := strings.Fields(strings.TrimPrefix(strings.TrimSpace(chunk), "- "))
			if len(words) < 6 {
				continue
			}
			want := strings.ToLower(strings.Join(words[:6], " "))
			checked++
			if !strings.Contains(all, want) {
				t.Errorf("the site lacks the sample's %q (from %q)", want, chunk)
			}
		}
	}
	if checked < 250 {
		t.Errorf("checked only %d passages; the sample has more", checked)
	}
	if !strings.Contains(all, "annual measures are shown only in the quarter in which they report") {
		t.Error("the scorecard tables' note on annual measures is missing")
	}
}

// TestExampleOpenData reads the example's public/data/scorecard.csv as a
// resident would, and checks its shape and the computed statuses.
func TestExampleOpenData(t *testing.T) {
	files := generateExample(t)
	records, err := csv.NewReader(bytes.NewReader(files["data/scorecard.csv"])).ReadAll()
	if err != nil {
		t.Fatalf("data/scorecard.csv is not CSV: %v", err)
	}
	want := []string{"quarter", "theme", "measure", "title", "good", "unit", "target", "actual", "status", "computed_status", "dot_quarter", "dot_year"}
	if got := records[0][:len(want)]; !slices.Equal(got, want) {
		t.Fatalf("header starts %q; want %q", got, want)
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	rows := records[1:]
	if len(rows) != 83*3 {
		t.Fatalf("%d rows; want 83 measures x 3 quarters = 249", len(rows))
	}
	ratings := map[string]bool{"HG": true, "LG": true, "G": true, "A": true, "LR": true, "HR": true}
	agree, differ := 0, 0
	perMeasure := map[string][]string{}
	for _, r := range rows {
		if ratings[r[col["status"]]] && ratings[r[col["computed_status"]]] {
			if r[col["status"]] == r[col["computed_status"]] {
				agree++
			} else {
				differ++
				t.Logf("differs: %s %s: published %s, computed %s: %s", r[col["quarter"]], r[col["measure"]], r[col["status"]], r[col["computed_status"]], r[col["computed_working"]])
			}
		}
		for _, dot := range []string{r[col["dot_quarter"]], r[col["dot_year"]]} {
			if !slices.Contains([]string{"improved", "no change", "worse", "not comparable"}, dot) {
				t.Errorf("%s %s: direction %q", r[col["quarter"]], r[col["measure"]], dot)
			}
		}
		perMeasure[r[col["measure"]]] = append(perMeasure[r[col["measure"]]], r[col["target"]], r[col["actual"]], r[col["status"]])
	}
	if agree < 170 || differ > 4 {
		t.Errorf("computed status agrees with the published rating in %d cells and differs in %d; want at least 170 and at most 4", agree, differ)
	}

	// Each measure's published cells, quarter by quarter, are the sample's.
	sample, _ := readSample(t)
	for _, s := range sample {
		var got []string
		for _, c := range perMeasure[s.id] {
			if c != "" {
				got = append(got, c)
			}
		}
		var wantCells []string
		for _, c := range s.cells {
			if !strings.HasPrefix(c, "Note ") { // notes have their own column
				wantCells = append(wantCells, c)
			}
		}
		if !slices.Equal(got, wantCells) {
			t.Errorf("%s: CSV cells %q; the sample has %q", s.id, got, wantCells)
		}
	}

	var doc struct {
		Licence  struct{ Name string }
		Measures []struct{ ID string }
		Rows     []struct{ Quarter, Measure string }
	}
	if err := json.Unmarshal(files["data/scorecard.json"], &doc); err != nil {
		t.Fatalf("data/scorecard.json: %v", err)
	}
	if len(doc.Measures) != 83 || len(doc.Rows) != 249 || doc.Licence.Name != "OGL-UK-3.0" {
		t.Errorf("scorecard.json: %d measures, %d rows, licence %q", len(doc.Measures), len(doc.Rows), doc.Licence.Name)
	}
	q2, err := csv.NewReader(bytes.NewReader(files["data/2016-17-q2.csv"])).ReadAll()
	if err != nil || len(q2) != 84 {
		t.Errorf("data/2016-17-q2.csv: %d records, %v; want a header and 83 rows", len(q2), err)
	}
	if !bytes.Contains(files["data/index.html"], []byte("Open Government Licence v3.0")) {
		t.Error("the open data page does not state the licence")
	}
}

// TestExampleSummaries checks that the home and every theme page count
// the measures by status and direction, in words.
func TestExampleSummaries(t *testing.T) {
	files := generateExample(t)
	for page, total := range map[string]string{
		"index.html": "83", "2016-17/q2/build-a-better-harrow/index.html": "44",
		"2016-17/q2/be-more-business-like/index.html": "25", "2016-17/q2/protect-the-most-vulnerable/index.html": "14",
	} {
		got := text(string(files[page]))
		for _, want := range []string{"High green (HG)", " of " + total, "Since Q1 2016/17", "Since Q2 2015/16", "↑ Improved", "↓ Worse", "→ No change", "– Not comparable"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s lacks %q", page, want)
			}
		}
		if !strings.Contains(string(files[page]), `href="`) || !strings.Contains(string(files[page]), "data/2016-17-q2.csv") {
			t.Errorf("%s does not link to the quarter's CSV", page)
		}
	}
}
