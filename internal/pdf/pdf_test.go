package pdf

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStable(t *testing.T) {
	in := []byte("%PDF-1.4\n1 0 obj <</CreationDate (D:20261125213412+01'30') /ModDate (D:20261125213413+01'30')>>\n" +
		"2 0 obj <</S /P /T (node00000204)>> 3 0 obj <</T (node00000099)>> 4 0 obj <</T (node00000204)>>\n" +
		"trailer <</ID [<0123456789ABCDEF0123456789ABCDEF> <FEDCBA9876543210FEDCBA9876543210>]>>")
	out := Stable(in, "2016-12-07", "Harrow Council\nStrategic Performance Report\n2016-17 Q2")
	if len(out) != len(in) {
		t.Fatalf("Stable changed the length from %d to %d: the PDF's offsets would break", len(in), len(out))
	}
	for _, want := range []string{
		"/CreationDate (D:20161207000000+00'00')", "/ModDate (D:20161207000000+00'00')",
		"2 0 obj <</S /P /T (node00000001)>> 3 0 obj <</T (node00000002)>> 4 0 obj <</T (node00000001)>>",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("Stable(...) = %q, without %q", out, want)
		}
	}
	if bytes.Contains(out, []byte("0123456789ABCDEF")) || bytes.Contains(out, []byte("FEDCBA98")) {
		t.Errorf("Stable kept the document ID Chromium made: %q", out)
	}
	// The ID is made from the name: the same name, the same file; another
	// name, another ID.
	if again := Stable(in, "2016-12-07", "Harrow Council\nStrategic Performance Report\n2016-17 Q2"); !bytes.Equal(out, again) {
		t.Errorf("Stable gave two files for the same input")
	}
	if other := Stable(in, "2016-12-07", "Harrow Council\nStrategic Performance Report\n2016-17 Q1"); bytes.Equal(out, other) {
		t.Errorf("Stable gave two editions the same document ID")
	}
	if blank := Stable(in, "", "x"); !bytes.Contains(blank, []byte("(D:19700101000000+00'00')")) {
		t.Errorf("Stable without a date = %q, want 1 January 1970", blank)
	}
}

func TestAnswer(t *testing.T) {
	files := func(name string) ([]byte, error) {
		switch name {
		case "2016-17/q2/print/index.html":
			return []byte("<p>print"), nil
		case "style.abc.css":
			return []byte("p{}"), nil
		}
		return nil, fs.ErrNotExist
	}
	const origin = "https://www.example.gov.uk/scorecard/"
	for _, c := range []struct {
		address string
		status  int64
		body    string
		ctype   string
	}{
		{origin + "2016-17/q2/print/index.html", 200, "<p>print", "text/html; charset=utf-8"},
		{origin + "2016-17/q2/print/", 200, "<p>print", "text/html; charset=utf-8"},
		{origin + "2016-17/q2/print/?x=1#top", 200, "<p>print", "text/html; charset=utf-8"},
		{origin + "style.abc.css", 200, "p{}", "text/css; charset=utf-8"},
		{origin + "missing.png", 404, "not found", "text/plain"},
		{origin + "../secret", 404, "not found", "text/plain"},
		{"https://www.example.gov.uk/other/style.abc.css", 0, "", ""},
		{"https://cdn.example.com/echarts.js", 0, "", ""},
	} {
		status, body, ctype := answer(files, origin, c.address)
		if status != c.status || string(body) != c.body || ctype != c.ctype {
			t.Errorf("answer(%q) = %d, %q, %q; want %d, %q, %q", c.address, status, body, ctype, c.status, c.body, c.ctype)
		}
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", dir) // nothing to find on it
	env := func(v string) func(string) string {
		return func(name string) string {
			if name == EnvChrome {
				return v
			}
			return ""
		}
	}
	if _, err := Find(env(filepath.Join(dir, "nowhere"))); err == nil || !strings.Contains(err.Error(), EnvChrome) || !strings.Contains(err.Error(), "apt-get install chromium") {
		t.Errorf("Find with %s naming no file: %v; want an error that names it and says how to install Chromium", EnvChrome, err)
	}
	if _, err := Find(env("")); err == nil || !strings.Contains(err.Error(), "Chromium is missing") || !strings.Contains(err.Error(), EnvChrome) {
		t.Errorf("Find with no Chromium: %v; want an error that says how to install it or set %s", err, EnvChrome)
	}
	prog := filepath.Join(dir, "chromium")
	if err := os.WriteFile(prog, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(env("")); err != nil || got != prog {
		t.Errorf("Find with chromium on the PATH = %q, %v; want %s", got, err, prog)
	}
	if got, err := Find(env(prog)); err != nil || got != prog {
		t.Errorf("Find with %s=%s = %q, %v", EnvChrome, prog, got, err)
	}
	if _, err := Start(t.Context(), filepath.Join(dir, "nowhere")); err == nil {
		t.Errorf("Start with no such program: %v; want an error", err)
	}
}

// TestPrinted: only a PDF that headless Chromium printed, as Scorecard's
// are, may be replaced; a council's own PDF, or a page that Chrome with a
// window printed, may not.
func TestPrinted(t *testing.T) {
	ours := "%PDF-1.4\n1 0 obj\n<</Title (Report)\n/Creator (Mozilla/5.0 \\(X11; Linux x86_64\\) AppleWebKit/537.36 \\(KHTML, like Gecko\\) HeadlessChrome/156.0.0.0 Safari/537.36)\n/Producer (Skia/PDF m156)>>\nendobj\n"
	for _, c := range []struct {
		head string
		want bool
	}{
		{ours, true},
		{strings.Replace(ours, "HeadlessChrome/", "Chrome/", 1), false},      // printed from a browser window
		{strings.Replace(ours, "Skia/PDF m156", "Microsoft Word", 1), false}, // the council's own
		{strings.Replace(ours, "%PDF-1.4", "%!PS", 1), false},                // not a PDF
		{"", false},
	} {
		if got := Printed([]byte(c.head)); got != c.want {
			t.Errorf("Printed(%.60q...) = %v, want %v", c.head, got, c.want)
		}
	}
}
