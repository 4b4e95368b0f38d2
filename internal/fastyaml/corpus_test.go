package fastyaml_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"

	"scorecard/internal/fastyaml"
	"scorecard/internal/synth"
)

// TestCorpus holds Parse to yaml.v3 on every YAML file of the repository,
// those inside test archives (the hostile fixtures, the command-line
// scripts) included, and on a synthetic site's. Every edition file of the
// example sites and of the synthetic one must be read by Parse: that is
// what it is for.
func TestCorpus(t *testing.T) {
	synthetic := filepath.Join(t.TempDir(), "synth")
	if err := synth.Write(synthetic, synth.Options{Measures: 60, Themes: 4, Quarters: 6, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	var read, declined int
	check := func(name string, src []byte, edition bool) {
		if fastyaml.Same(t, name, src) {
			read++
			return
		}
		declined++
		if edition {
			t.Errorf("%s: Parse declines an edition file", name)
		}
	}
	for _, root := range []string{"../..", synthetic} {
		err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() && (e.Name() == "node_modules" || e.Name() == "public" || strings.HasPrefix(e.Name(), ".")) && path != root {
				return filepath.SkipDir
			}
			if e.IsDir() || !e.Type().IsRegular() {
				return nil
			}
			switch filepath.Ext(path) {
			case ".yaml", ".yml":
				src, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				dir := filepath.Base(filepath.Dir(path))
				check(path, src, dir == "quarters" || dir == "months" || dir == "years")
			case ".txtar":
				a, err := txtar.ParseFile(path)
				if err != nil {
					return err
				}
				for _, f := range a.Files {
					if strings.HasSuffix(f.Name, ".yaml") || strings.HasSuffix(f.Name, ".yml") {
						check(path+":"+f.Name, f.Data, false)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("Parse read %d files and left %d to yaml.v3", read, declined)
	if read < 50 {
		t.Errorf("Parse read only %d files", read)
	}
}

// BenchmarkParse reads a synthetic quarter file of 2,000 measures, with
// Parse and with yaml.v3.
func BenchmarkParse(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "synth")
	if err := synth.Write(dir, synth.Options{Measures: 2000, Themes: 8, Quarters: 1, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "data", "quarters", "2016-17-q2.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("fastyaml", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := fastyaml.Parse(src); !ok {
				b.Fatal("declined")
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			var n yaml.Node
			if err := yaml.Unmarshal(src, &n); err != nil {
				b.Fatal(err)
			}
		}
	})
}
