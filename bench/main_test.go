package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"scorecard/internal/synth"
)

func TestPageKind(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"measures/t01-m00002/index.html", measurePage},
		{"measures/index.html", ""},
		{"measures/t01-m00002/chart/index.html", ""},
		{"2016-17/q2/t01-better-borough/index.html", themePage},
		{"2016-17/q2/print/index.html", ""},
		{"2016-17/q2/index.html", ""},
		{"charts/trend-t01-m00002/index.html", ""},
	} {
		if got := pageKind(tc.path); got != tc.want {
			t.Errorf("pageKind(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestHugoPages builds a small synthetic site with Hugo and bench/hugo's
// layouts, and checks that its measure and theme pages hold what the
// comparison claims: every quarter's row in the history, the chart option
// JSON with a point per row, every measure of the theme in the scorecard.
func TestHugoPages(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not installed (Debian's hugo package; make bench installs it as root): the Hugo layouts are not tested")
	}
	o := synth.Options{Measures: 24, Themes: 3, Quarters: 6, Seed: 3}
	site, out := filepath.Join(t.TempDir(), "site"), filepath.Join(t.TempDir(), "out")
	if err := synth.WriteHugo(site, o); err != nil {
		t.Fatal(err)
	}
	if err := copyTree("hugo", site); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(hugo, "--quiet", "--source", site, "--destination", out).CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, msg)
	}
	tl, err := count(out)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tl.kinds[measurePage]); n != o.Measures {
		t.Errorf("%d measure pages, want %d", n, o.Measures)
	}
	if n := len(tl.kinds[themePage]); n != o.Themes*o.Quarters {
		t.Errorf("%d theme pages, want %d", n, o.Themes*o.Quarters)
	}

	var data struct {
		Rows []*struct {
			Actual string `json:"a"`
		} `json:"rows"`
	}
	raw, err := os.ReadFile(filepath.Join(site, "data/m/t02-m00003.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &data); err != nil {
		t.Fatal(err)
	}
	var rows int
	for _, r := range data.Rows {
		if r != nil {
			rows++
		}
	}
	page := read(t, filepath.Join(out, "measures/t02-m00003/index.html"))
	if got := strings.Count(page, `<th scope="row">`); got != rows {
		t.Errorf("measure page: %d history rows, want %d (a row each quarter the measure has one)", got, rows)
	}
	option := chartOption(t, page, "chart-trend-t02-m00003-options")
	if len(option.Series) != 2 || len(option.Series[0].Data) != rows {
		t.Errorf("trend chart option: %d series, want 2 (actual, target) with %d points each: %+v", len(option.Series), rows, option)
	}

	page = read(t, filepath.Join(out, "2016-17/q2/t02-business-like/index.html"))
	table := page[strings.Index(page, `<table class="scorecard">`):]
	if got, want := strings.Count(table, `<th scope="row" id="m-`), o.Measures/o.Themes; got < want*3/4 || got > want {
		t.Errorf("theme page: %d scorecard rows, want about %d (the theme's measures with a row this quarter)", got, want)
	}
	option = chartOption(t, page, "chart-theme-2016-17-q2-t02-business-like-options")
	if len(option.Series) == 0 || len(option.Series[0].Data) != o.Quarters {
		t.Errorf("theme chart option: want a series per status with a count each quarter (%d): %+v", o.Quarters, option)
	}
}

type echartsOption struct {
	Series []struct {
		Name string `json:"name"`
		Data []any  `json:"data"`
	} `json:"series"`
}

func chartOption(t *testing.T, page, id string) echartsOption {
	t.Helper()
	m := regexp.MustCompile(`<script type="application/json" id="` + id + `">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no chart option %s in the page", id)
	}
	var o echartsOption
	if err := json.Unmarshal([]byte(m[1]), &o); err != nil {
		t.Fatalf("chart option %s: %v", id, err)
	}
	// The shared options (data/echarts.json), keys as ECharts spells them.
	for _, want := range []string{`"animation":false`, `"itemGap":10`, `"containLabel":true`} {
		if !strings.Contains(m[1], want) {
			t.Errorf("chart option %s has no %s: %s", id, want, m[1])
		}
	}
	return o
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
