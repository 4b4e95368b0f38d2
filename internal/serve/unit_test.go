package serve

import (
	"strings"
	"testing"
)

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"_index.md":                     false,
		"2016-17-q2.yaml":               false,
		"base.html":                     false,
		"logo.svg":                      false,
		"_index.md~":                    true,
		".build-a-better-harrow.md.swp": true,
		".site.yaml.swx":                true,
		"4913":                          true,
		".#_index.md":                   true,
		"#_index.md#":                   true,
		".DS_Store":                     true,
		"base.html___jb_tmp___":         true,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestResolve(t *testing.T) {
	for _, c := range []struct {
		path, name string
		ok         bool
	}{
		{"/", "index.html", true},
		{"/2016-17/q2/", "2016-17/q2/index.html", true},
		{"/style.css", "style.css", true},
		{"/2016-17/q2", "2016-17/q2", true},
		{"/../data/site.yaml", "../data/site.yaml", false},
		{"/a/../b", "a/../b", false},
		{"//index.html", "/index.html", false},
		{"/./index.html", "./index.html", false},
		{"index.html", "", false},
	} {
		name, ok := resolve(c.path)
		if name != c.name || ok != c.ok {
			t.Errorf("resolve(%q) = %q, %v; want %q, %v", c.path, name, ok, c.name, c.ok)
		}
	}
}

func TestCheckAddr(t *testing.T) {
	for _, c := range []struct {
		addr     string
		explicit bool
		warn     bool
		err      string // in the error; empty for none
	}{
		{"127.0.0.1:1313", false, false, ""},
		{"127.0.0.1:0", true, false, ""},
		{"localhost:8080", true, false, ""},
		{"[::1]:1313", false, false, ""},
		{"0.0.0.0:1313", true, true, ""},
		{"192.168.1.20:1313", true, true, ""},
		{"[::]:1313", true, true, ""},
		{"0.0.0.0:1313", false, false, "loopback"},
		{":1313", true, false, "every network"},
		{"1313", true, false, "not host:port"},
		{"127.0.0.1:", true, false, "no port"},
	} {
		warning, err := CheckAddr(c.addr, c.explicit)
		if (warning != "") != c.warn {
			t.Errorf("CheckAddr(%q, %v) warning %q, want one: %v", c.addr, c.explicit, warning, c.warn)
		}
		switch {
		case c.err == "" && err != nil:
			t.Errorf("CheckAddr(%q, %v) = %v, want no error", c.addr, c.explicit, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("CheckAddr(%q, %v) = %v, want an error about %q", c.addr, c.explicit, err, c.err)
		}
	}
}
