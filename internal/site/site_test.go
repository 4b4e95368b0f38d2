package site

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// exampleSite is the repository's own site: the Harrow example.
const exampleSite = "../.."

func generateExample(t *testing.T) map[string][]byte {
	t.Helper()
	res, err := Generate(os.DirFS(exampleSite), Options{})
	if err != nil {
		t.Fatalf("the example site does not build:\n%v", err)
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		if _, dup := files[f.Path]; dup {
			t.Errorf("%s is written twice", f.Path)
		}
		files[f.Path] = f.Data
	}
	return files
}

// TestGolden compares pages of the example with reviewed copies in
// testdata/golden. Refresh them with go test ./internal/site -update and
// review the diff like code.
func TestGolden(t *testing.T) {
	files := generateExample(t)
	for page, golden := range map[string]string{
		"2016-17/q2/protect-the-most-vulnerable/index.html": "theme-protect-the-most-vulnerable.html",
		"measures/pmv-3/index.html":                         "measure-pmv-3.html",
		"measures/pmv-12/index.html":                        "measure-pmv-12.html",
	} {
		got, ok := files[page]
		if !ok {
			t.Errorf("%s was not generated", page)
			continue
		}
		path := filepath.Join("testdata", "golden", golden)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/site -update to create it)", err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s differs from %s (-want +got):\n%s", page, path, diff)
		}
	}
}

// TestDeterministic builds the example twice, into two folders, and
// compares every byte.
func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, out := range []string{a, b} {
		if _, err := Build(exampleSite, out, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	filesA, filesB := readTree(t, a), readTree(t, b)
	if len(filesA) < 90 {
		t.Fatalf("only %d files were written", len(filesA))
	}
	if diff := cmp.Diff(filesA, filesB); diff != "" {
		t.Errorf("two builds differ (-first +second):\n%s", diff)
	}
}

func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// copySite copies the example's data/ and content/ into a fresh folder that
// a test may break.
func copySite(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, dir := range []string{"data", "content"} {
		err := filepath.WalkDir(filepath.Join(exampleSite, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(exampleSite, path)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// TestFailedBuildKeepsSite builds a good site, breaks its data, builds
// again, and checks that the output folder is exactly as the good build
// left it, with no temporary folder left beside it.
func TestFailedBuildKeepsSite(t *testing.T) {
	src := copySite(t)
	out := filepath.Join(src, "public")
	if _, err := Build(src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)

	quarter := filepath.Join(src, "data", "quarters", "2016-17-q2.yaml")
	b, err := os.ReadFile(quarter)
	if err != nil {
		t.Fatal(err)
	}
	broken := bytes.Replace(b, []byte("actual: 97.8%"), []byte("actual: ninety"), 1)
	if bytes.Equal(b, broken) {
		t.Fatal("the example no longer holds the cell this test breaks")
	}
	if err := os.WriteFile(quarter, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Build(src, out, Options{})
	if err == nil || !strings.Contains(err.Error(), "data/quarters/2016-17-q2.yaml:") || !strings.Contains(err.Error(), `"ninety"`) {
		t.Fatalf("build of a broken site: err = %v; want an error naming the file and the cell", err)
	}
	if diff := cmp.Diff(before, readTree(t, out)); diff != "" {
		t.Errorf("a failed build changed the output (-before +after):\n%s", diff)
	}
	sitetest.NoLeftovers(t, src)
}

// TestRenderFailureKeepsSite checks the same when the failure comes after
// loading: a broken layout override.
func TestRenderFailureKeepsSite(t *testing.T) {
	src := copySite(t)
	out := filepath.Join(src, "public")
	if _, err := Build(src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	if err := os.MkdirAll(filepath.Join(src, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "layouts", "measure.html"), []byte("{{define \"main\"}}{{.Nope}}{{end}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(src, out, Options{}); err == nil || !strings.Contains(err.Error(), "layouts/measure.html") {
		t.Fatalf("build with a broken layout: err = %v; want an error naming layouts/measure.html", err)
	}
	if diff := cmp.Diff(before, readTree(t, out)); diff != "" {
		t.Errorf("a failed build changed the output (-before +after):\n%s", diff)
	}
	sitetest.NoLeftovers(t, src)
}

// TestOutputGuard refuses output folders whose replacement would delete
// the site's own files.
func TestOutputGuard(t *testing.T) {
	src := copySite(t)
	for _, out := range []string{src, filepath.Dir(src), filepath.Join(src, "data"), filepath.Join(src, "content", "x")} {
		if _, err := Build(src, out, Options{}); err == nil {
			t.Errorf("Build(%s, %s, Options{}) succeeded; want a refusal", src, out)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "data", "measures.yaml")); err != nil {
		t.Fatalf("the site was damaged: %v", err)
	}
}

// BenchmarkGenerateExample loads and renders the example, writing nothing.
func BenchmarkGenerateExample(b *testing.B) {
	fsys := os.DirFS(exampleSite)
	for b.Loop() {
		if _, err := Generate(fsys, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBaseURL builds the example with a base URL and checks what a host
// and crawlers need: canonical links, sitemap.xml, robots.txt, the feed,
// and absolute addresses in 404.html and the Dataset metadata.
func TestBaseURL(t *testing.T) {
	src := copySite(t)
	cfg := filepath.Join(src, "data", "site.yaml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(b, "base_url: https://www.example.gov.uk/performance\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Generate(os.DirFS(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	for path, want := range map[string]string{
		"index.html":                  `<link rel="canonical" href="https://www.example.gov.uk/performance/">`,
		"2016-17/q2/index.html":       `<link rel="canonical" href="https://www.example.gov.uk/performance/2016-17/q2/">`,
		"measures/bbh-5/index.html":   `<link rel="canonical" href="https://www.example.gov.uk/performance/measures/bbh-5/">`,
		"sitemap.xml":                 "<loc>https://www.example.gov.uk/performance/measures/pmv-3/</loc>",
		"robots.txt":                  "Sitemap: https://www.example.gov.uk/performance/sitemap.xml",
		"feed.xml":                    "<link href=\"https://www.example.gov.uk/performance/2016-17/q1/\"></link>",
		"404.html":                    `<link rel="stylesheet" href="https://www.example.gov.uk/performance/style.`,
		"data/index.html":             `"contentUrl":"https://www.example.gov.uk/performance/data/scorecard.csv"`,
		"accessibility/index.html":    `applies to <a href="https://www.example.gov.uk/performance/">`,
		"2016-17/q2/print/index.html": `<link rel="canonical" href="https://www.example.gov.uk/performance/2016-17/q2/print/">`,
	} {
		if got, ok := files[path]; !ok || !strings.Contains(got, want) {
			t.Errorf("%s (written: %v) lacks %s", path, ok, want)
		}
	}
	if strings.Contains(files["sitemap.xml"], "404.html") {
		t.Error("the sitemap lists 404.html")
	}
}
