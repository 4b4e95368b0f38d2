package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHostCheck(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "the preview") })
	h := allowHosts(ok, "Preview.Example:8080", "mybox")
	for host, want := range map[string]bool{
		"localhost:1313":               true,
		"localhost":                    true,
		"LocalHost.:1313":              true,
		"127.0.0.1:1313":               true,
		"127.0.0.1":                    true,
		"[::1]:1313":                   true,
		"[::1]":                        true,
		"192.168.1.20:1313":            true, // a browser sends an address only for a page at it
		"[fe80::1%25eth0]:1313":        true,
		"app.localhost:1313":           true,
		"preview.example":              true,
		"PREVIEW.example:1313":         true,
		"mybox:1313":                   true,
		"":                             true, // HTTP/1.0
		"evil.example":                 false,
		"evil.example:1313":            false,
		"localhost.evil.example:1313":  false,
		"127.0.0.1.nip.io:1313":        false,
		"mybox.evil.example":           false,
		"preview.example.evil.example": false,
		"[evil.example]:1313":          false,
		"0x7f000001:1313":              false,
	} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch {
		case want && (rec.Code != 200 || rec.Body.String() != "the preview"):
			t.Errorf("Host %q: status %d, want the preview", host, rec.Code)
		case !want && rec.Code != http.StatusMisdirectedRequest:
			t.Errorf("Host %q: status %d, want 421", host, rec.Code)
		case !want && rec.Body.String() == "the preview":
			t.Errorf("Host %q: the preview was served", host)
		}
	}

	req := httptest.NewRequest("GET", "/", nil)
	req.Host = "evil.example:1313"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	body := rec.Body.String()
	for _, want := range []string{"DNS rebinding", `"evil.example:1313"`, "-host evil.example"} {
		if !strings.Contains(body, want) {
			t.Errorf("the refusal lacks %q:\n%s", want, body)
		}
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("the refusal's Content-Type is %q", ct)
	}
	if strings.Contains(body, "mybox") || strings.Contains(body, "preview.example") {
		t.Errorf("the refusal lists the names the server answers to:\n%s", body)
	}
}

func TestListensOnNetwork(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:1313":    false,
		"[::1]:1313":        false,
		"0.0.0.0:1313":      true,
		"[::]:1313":         true,
		"192.168.1.20:1313": true,
	} {
		a, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := listensOnNetwork(a); got != want {
			t.Errorf("listensOnNetwork(%s) = %v, want %v", addr, got, want)
		}
	}
}

// The running server answers to localhost and 127.0.0.1 on its port, and
// refuses a page that reached it by another name.
func TestServesOnlyItsNames(t *testing.T) {
	t.Parallel()
	r := startWith(t, copySite(t), Options{Hosts: []string{"preview.example"}}, nil)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(r.url, "http://"))
	for host, want := range map[string]int{
		"localhost:" + port:       200,
		"127.0.0.1:" + port:       200,
		"preview.example:" + port: 200,
		"evil.example:" + port:    http.StatusMisdirectedRequest,
		"evil.example":            http.StatusMisdirectedRequest,
	} {
		for _, path := range []string{"/", eventsPath, "/missing"} {
			if got := getHost(t, r.url, path, host); got != want && !(want == 200 && path == "/missing" && got == 404) {
				t.Errorf("GET %s with Host %s: status %d, want %d", path, host, got, want)
			}
		}
	}
}

// getHost requests path from the server at base with the Host host, and
// returns the status.
func getHost(t *testing.T, base, path, host string) int {
	t.Helper()
	conn := dial(t, base)
	defer conn.Close()
	send(t, conn, "GET "+path+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode // the body is left: the event stream has no end
}
