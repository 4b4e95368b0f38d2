package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"scorecard/internal/site"
)

// exampleSite is the repository root, which holds the example site.
const exampleSite = "../.."

// built is the example, built once per test binary into tmp.
var built struct {
	tmp  string
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "scorecard-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	built.tmp = tmp
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// builtSite returns the folder that holds the built example, building it
// on first use.
func builtSite(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		built.dir = filepath.Join(built.tmp, "public")
		_, built.err = site.Build(exampleSite, built.dir, site.Options{})
	})
	if built.err != nil {
		t.Fatalf("building the example site %s: %v", exampleSite, built.err)
	}
	return built.dir
}
