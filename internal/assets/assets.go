// Package assets holds the files the generated site serves besides its
// pages: Apache ECharts, copied in from node_modules by the Makefile, the
// script that loads and draws the charts with it, and the search script.
//
// Every asset's name carries a short hash of its content
// (assets/charts.3f9a1c2e.js), so that a host can let browsers keep it for
// a year: a new version is a new name. Names maps the names pages are
// written with (assets/charts.js) to the hashed ones.
package assets

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"
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

// File is one asset: its path on the site (hashed), the path pages name it
// by, and its content.
type File struct {
	Path string // "assets/charts.3f9a1c2e.js"
	Name string // "assets/charts.js"
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
	out := []File{hashed("assets/"+EChartsFile, echarts)}
	for _, name := range []string{"charts.js", "search.js"} {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		out = append(out, hashed("assets/"+name, b))
	}
	return out, nil
}

func hashed(name string, data []byte) File {
	return File{Path: Hashed(name, data), Name: name, Data: data}
}

// Hashed returns name with the first 8 hex digits of data's SHA-256 before
// its extension: "style.css" becomes "style.3f9a1c2e.css", and
// "assets/echarts.common.min.js" "assets/echarts.common.min.3f9a1c2e.js".
func Hashed(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// Names maps the name of each of files to its hashed path.
func Names(files []File) map[string]string {
	m := make(map[string]string, len(files))
	for _, f := range files {
		m[f.Name] = f.Path
	}
	return m
}
