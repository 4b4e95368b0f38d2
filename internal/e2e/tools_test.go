package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The checkers the tests run besides Chromium: npm packages that
// package.json pins as devDependencies (installed by `make test-tools`,
// which make test runs; make site installs ECharts alone), and Java for the Nu HTML Checker (.ci/install-java
// installs Debian's). Outside CI a test skips when one is missing; with
// CI=true it fails instead, so a green CI run has really run them.

// nodeModules is the repository's node_modules folder.
const nodeModules = "../../node_modules"

// nodeModule returns the path of a file of an npm package, such as
// "axe-core/axe.min.js", skipping or failing the test when it is missing.
func nodeModule(t *testing.T, file string) string {
	t.Helper()
	path := filepath.Join(nodeModules, filepath.FromSlash(file))
	if _, err := os.Stat(path); err != nil {
		missing(t, "node_modules/"+file+" is missing: run make test-tools in the repository root (npm ci with the devDependencies package.json pins)", err)
	}
	return path
}

// javaPath returns the java command, skipping or failing the test when
// there is none on PATH.
func javaPath(t *testing.T) string {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java is not on PATH, and the Nu HTML Checker needs it: run sudo bash .ci/install-java", err)
	}
	return java
}

// missing stops the test for want of a tool: a failure in CI, a skip
// elsewhere.
func missing(t *testing.T, what string, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (%v); with CI=true this test never skips", what, err)
	}
	t.Skipf("%s (%v)", what, err)
}
