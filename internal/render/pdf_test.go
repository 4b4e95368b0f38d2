package render

import "testing"

func TestSize(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "0 KB"},
		{1, "1 KB"},
		{1024, "1 KB"},
		{1025, "2 KB"},
		{720177, "704 KB"},
		{1024*1024 - 1, "1024 KB"},
		{1024 * 1024, "1.0 MB"},
		{1258291, "1.2 MB"},
		{1258292, "1.3 MB"},
		{25 * 1024 * 1024, "25.0 MB"},
	} {
		if got := Size(c.n); got != c.want {
			t.Errorf("Size(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
