package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"scorecard/internal/sitetest"
)

// The output folder's checks that need the site: checkOut. What the
// publish package checks of the output itself is tested there.

// refused builds src into out, wants a refusal that says each of says, and
// checks that nothing under watch changed.
func refused(t *testing.T, src, out, watch string, says ...string) {
	t.Helper()
	before := sitetest.Tree(t, watch)
	_, err := Build(src, out, Options{})
	if err == nil {
		t.Fatalf("Build(%s, %s) succeeded; want a refusal", src, out)
	}
	for _, s := range says {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("the refusal does not say %q:\n%v", s, err)
		}
	}
	if diff := cmp.Diff(before, sitetest.Tree(t, watch)); diff != "" {
		t.Errorf("the refused build changed %s (-before +after):\n%s", watch, diff)
	}
}

// TestOutputSymlinkIntoSite: a link that leads the output into the site's
// data/ is refused, though the path given looks like a folder of its own.
func TestOutputSymlinkIntoSite(t *testing.T) {
	src, dir := copySite(t), t.TempDir()
	lnk := filepath.Join(dir, "lnk")
	if err := os.Symlink(src, lnk); err != nil {
		t.Fatal(err)
	}
	refused(t, src, filepath.Join(lnk, "data"), src, "is inside the site's data/ folder", "once symbolic links are followed")

	// A link to the data folder itself, given as the output.
	data := filepath.Join(dir, "data-link")
	if err := os.Symlink(filepath.Join(src, "data"), data); err != nil {
		t.Fatal(err)
	}
	refused(t, src, data, src, "is inside the site's data/ folder")

	// A ".." after a link leaves the link's target, not the folder the
	// link is in: deep/../public is content/public, not dir/public.
	if err := os.MkdirAll(filepath.Join(src, "content", "deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(src, "content", "deep"), filepath.Join(dir, "deep")); err != nil {
		t.Fatal(err)
	}
	out := dir + "/deep/../public"
	refused(t, src, out, src, "is inside the site's content/ folder")
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Errorf("the refused build made %s", filepath.Join(dir, "public"))
	}
}

// TestSourceThroughSymlink builds a site reached through a link into the
// site's real path: the output is the site, and is refused.
func TestSourceThroughSymlink(t *testing.T) {
	src, dir := copySite(t), t.TempDir()
	via := filepath.Join(dir, "via")
	if err := os.Symlink(src, via); err != nil {
		t.Fatal(err)
	}
	refused(t, via, src, src, "holds the site itself")
	refused(t, via, filepath.Dir(src), src, "holds the site itself")
	refused(t, src, via, src, "holds the site itself")
	refused(t, via, filepath.Join(src, "static", "public"), src, "is inside the site's static/ folder")
}
