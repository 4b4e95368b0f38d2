// Package assets holds the files the generated site serves besides its
// pages: Apache ECharts, copied in from node_modules by the Makefile, and
// the script that draws the charts with it.
package assets

import (
	"embed"
	"fmt"
	"io/fs"
)

//go:embed charts.js search.js third_party
var files embed.FS

// ECharts is where ECharts is copied from, and the command that puts it
// there: the message for a binary built without it.
const (
	EChartsFile   = "echarts.common.min.js"
	EChartsSource = "node_modules/echarts/dist/echarts.common.min.js"
	Install       = "make assets (npm ci, then a copy into internal/assets/third_party/), then build scorecard again with make scorecard"
)

// File is one asset and its path on the site.
type File struct {
	Path string
	Data []byte
}

// Files returns the assets to publish under assets/, or an error saying how
// to install ECharts when this binary was built without it.
func Files() ([]File, error) { return filesFrom(files) }

func filesFrom(fsys fs.FS) ([]File, error) {
	echarts, err := fs.ReadFile(fsys, "third_party/"+EChartsFile)
	if err != nil {
		return nil, fmt.Errorf("this scorecard was built without Apache ECharts, which draws the charts: run %s", Install)
	}
	out := []File{{Path: "assets/" + EChartsFile, Data: echarts}}
	for _, name := range []string{"charts.js", "search.js"} {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: "assets/" + name, Data: b})
	}
	return out, nil
}
