package assets

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// TestFiles checks the embedded assets: ECharts (which make assets copies
// in before every build and test) and the chart script.
func TestFiles(t *testing.T) {
	files, err := Files()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 || files[0].Path != "assets/echarts.common.min.js" || files[1].Path != "assets/charts.js" || files[2].Path != "assets/search.js" {
		t.Fatalf("Files() = %d files; want ECharts, charts.js and search.js under assets/", len(files))
	}
	if !bytes.Contains(files[0].Data, []byte("Apache")) || len(files[0].Data) < 100_000 {
		t.Errorf("the ECharts asset (%d bytes) does not look like ECharts", len(files[0].Data))
	}
}

// TestMissingECharts checks that a binary built without ECharts says how
// to install it.
func TestMissingECharts(t *testing.T) {
	_, err := filesFrom(fstest.MapFS{"charts.js": {Data: []byte("//")}})
	if err == nil || !strings.Contains(err.Error(), "make assets") || !strings.Contains(err.Error(), "npm ci") {
		t.Errorf("without ECharts: err = %v; want one naming make assets and npm ci", err)
	}
}
