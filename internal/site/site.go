// Package site runs Scorecard's pipeline: load the site's files, render
// its pages, and write them, all at once or not at all.
package site

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"scorecard/internal/assets"
	"scorecard/internal/chart"
	"scorecard/internal/dataset"
	"scorecard/internal/diag"
	"scorecard/internal/load"
	"scorecard/internal/rag"
	"scorecard/internal/render"
	"scorecard/internal/report"
)

// File is one file of the built site.
type File struct {
	Path string // slash-separated, relative to the site root
	Data []byte
}

// Result is a build's outcome: the files written and any warnings.
type Result struct {
	Files    []File
	Warnings diag.List
}

// Build loads the site in src, renders it and writes it to out, replacing
// what out held only when every page was rendered and written.
func Build(src, out string) (*Result, error) {
	if err := checkOut(src, out); err != nil {
		return nil, err
	}
	res, err := Generate(os.DirFS(src))
	if err != nil {
		return nil, err
	}
	if err := Write(out, res.Files); err != nil {
		return nil, err
	}
	return res, nil
}

// Generate loads and renders the site held in fsys, writing nothing.
func Generate(fsys fs.FS) (*Result, error) {
	s, findings := Check(fsys)
	if err := findings.Err(); err != nil {
		return nil, err
	}
	layouts, err := fs.Sub(fsys, "layouts")
	if err != nil {
		return nil, err
	}
	files, err := Render(s, layouts)
	if err != nil {
		return nil, err
	}
	return &Result{Files: files, Warnings: findings}, nil
}

// Check loads the site held in fsys and works out every status and
// direction of travel. It returns the site and every finding: errors, and
// warnings where a published status differs from the figures.
func Check(fsys fs.FS) (*report.Site, diag.List) {
	s, findings := load.Site(fsys)
	if findings.HasErrors() {
		return s, findings
	}
	findings = append(findings, rag.Assess(s)...)
	findings.Sort()
	return s, findings
}

// Render renders every page of s. layouts, which may be nil, holds the
// site's own templates.
func Render(s *report.Site, layouts fs.FS) ([]File, error) {
	r, err := render.New(layouts)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	var files []File
	add := func(path string, data []byte, err error) error {
		if err != nil {
			return fmt.Errorf("rendering %s: %w", path, err)
		}
		files = append(files, File{Path: path, Data: data})
		return nil
	}
	assetFiles, err := assets.Files()
	if err != nil {
		return nil, err
	}
	latest := s.Quarters[len(s.Quarters)-1]
	b, err := r.Home(s, latest, "index.html", homeChart(s, latest))
	if err := add("index.html", b, err); err != nil {
		return nil, err
	}
	for i, q := range s.Quarters {
		p := render.QuarterPath(q.ID)
		b, err := r.Home(s, q, p, homeChart(s, q))
		if err := add(p, b, err); err != nil {
			return nil, err
		}
		for _, t := range s.Themes {
			p := render.ThemePath(q.ID, t)
			b, err := r.Theme(s, q, t, themeChart(s, s.Quarters[:i+1], t))
			if err := add(p, b, err); err != nil {
				return nil, err
			}
		}
	}
	for _, m := range s.Measures {
		p := render.MeasurePath(m)
		c := chart.Trend(s, m)
		b, err := r.Measure(s, m, render.Chart{ID: c.ID, Title: c.Title, Summary: c.Summary, Options: c.Options,
			Sparkline: chart.Sparkline(s, m, c.Summary)})
		if err := add(p, b, err); err != nil {
			return nil, err
		}
	}
	for _, a := range assetFiles {
		files = append(files, File{Path: a.Path, Data: a.Data})
	}
	b, err = r.Data(s)
	if err := add("data/index.html", b, err); err != nil {
		return nil, err
	}
	files = append(files,
		File{Path: "data/scorecard.csv", Data: dataset.CSV(s)},
		File{Path: "data/scorecard.json", Data: dataset.JSON(s)},
		File{Path: "data/datapackage.json", Data: dataset.Package(s)},
	)
	for _, q := range s.Quarters {
		files = append(files, File{Path: render.DataPath(q.ID), Data: dataset.CSV(s, q)})
	}
	files = append(files, File{Path: "style.css", Data: render.Stylesheet(s)})
	return files, nil
}

// homeChart charts a quarter's status counts, theme by theme.
func homeChart(s *report.Site, q *report.Quarter) render.Chart {
	var names []string
	var rows [][]*report.Row
	for _, t := range s.Themes {
		names = append(names, t.Title)
		rows = append(rows, q.ThemeRows(t))
	}
	counts := report.CountStatuses(s.Statuses, names, rows)
	c := chart.StatusBars("chart-home-"+q.ID.Slug(), "Published statuses by theme, "+q.ID.Label(), counts, true)
	return render.Chart{ID: c.ID, Title: c.Title, Summary: c.Summary, Options: c.Options, Counts: &counts}
}

// themeChart charts a theme's status counts in each quarter up to the
// page's own.
func themeChart(s *report.Site, quarters []*report.Quarter, t *report.Theme) render.Chart {
	var names []string
	var rows [][]*report.Row
	for _, q := range quarters {
		names = append(names, q.ID.Label())
		rows = append(rows, q.ThemeRows(t))
	}
	counts := report.CountStatuses(s.Statuses, names, rows)
	q := quarters[len(quarters)-1]
	c := chart.StatusBars("chart-theme-"+q.ID.Slug()+"-"+t.ID, t.Title+": published statuses by quarter", counts, false)
	return render.Chart{ID: c.ID, Title: c.Title, Summary: c.Summary, Options: c.Options, Counts: &counts}
}

// checkOut refuses an output folder whose replacement would destroy the
// site's own files.
func checkOut(src, out string) error {
	absSrc, err := filepath.Abs(src)
	if err != nil {
		return err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(absOut, absSrc)
	if err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return fmt.Errorf("the output folder %s holds the site itself; every build replaces the output folder, so choose another, such as %s", out, filepath.Join(src, "public"))
	}
	for _, dir := range []string{"data", "content", "layouts"} {
		rel, err := filepath.Rel(filepath.Join(absSrc, dir), absOut)
		if err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
			return fmt.Errorf("the output folder %s is inside the site's %s/ folder; choose another, such as %s", out, dir, filepath.Join(src, "public"))
		}
	}
	return nil
}
