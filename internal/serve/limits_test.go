package serve

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// long is a timeout that a test never reaches, for the limits it does not
// test.
const long = time.Hour

// dial opens a raw connection to the server at base, whose reads and
// writes fail at the test's deadline.
func dial(t *testing.T, base string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(deadline(t))
	return conn
}

func send(t *testing.T, conn net.Conn, text string) {
	t.Helper()
	if _, err := io.WriteString(conn, text); err != nil {
		t.Fatal(err)
	}
}

// request is a GET of path on a connection kept alive.
func request(path, host string) string {
	return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n"
}

// readResponse reads one whole response from br.
func readResponse(t *testing.T, br *bufio.Reader) *http.Response {
	t.Helper()
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

// closedByServer reads from conn until the server closes it, and fails
// the test if the test's deadline comes first, or the server answers.
func closedByServer(t *testing.T, conn net.Conn, br *bufio.Reader, what string) {
	t.Helper()
	b, err := br.ReadByte()
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		t.Fatalf("%s: the server kept the connection open", what)
	case err == nil:
		rest, _ := br.Peek(br.Buffered())
		t.Fatalf("%s: the server sent %q, want the connection closed", what, string(b)+string(rest))
	}
}

// count counts the pool's connections in state st.
func (p *pool) count(st http.ConnState) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, info := range p.conns {
		if info.state == st {
			n++
		}
	}
	return n
}

// A client that sends half a request's headers is disconnected after
// ReadHeaderTimeout, though ReadTimeout is far off.
func TestReadHeaderTimeout(t *testing.T) {
	t.Parallel()
	r := startWith(t, copySite(t), Options{Limits: Limits{ReadHeaderTimeout: 50 * time.Millisecond, ReadTimeout: long, WriteTimeout: long, IdleTimeout: long}}, nil)
	conn := dial(t, r.url)
	send(t, conn, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
	closedByServer(t, conn, bufio.NewReader(conn), "half a header")
}

// A keep-alive connection is closed after IdleTimeout without a request.
func TestIdleTimeout(t *testing.T) {
	t.Parallel()
	r := startWith(t, copySite(t), Options{Limits: Limits{IdleTimeout: 50 * time.Millisecond, ReadHeaderTimeout: long, ReadTimeout: long, WriteTimeout: long}}, nil)
	conn := dial(t, r.url)
	br := bufio.NewReader(conn)
	send(t, conn, request("/favicon.svg", "127.0.0.1"))
	if resp := readResponse(t, br); resp.StatusCode != 200 || resp.Close {
		t.Fatalf("GET /favicon.svg: status %d, close %v; want 200 and the connection kept", resp.StatusCode, resp.Close)
	}
	closedByServer(t, conn, br, "an idle keep-alive connection")
}

// The live-reload stream outlives the read and write timeouts, which are
// for requests, and its keep-alive comments keep it going.
func TestStreamOutlivesTimeouts(t *testing.T) {
	t.Parallel()
	const short = 50 * time.Millisecond
	r := startWith(t, copySite(t), Options{Limits: Limits{ReadTimeout: short, WriteTimeout: short}}, func(s *Server) { s.keepAlive = short / 5 })
	events := listen(t, r.url)
	time.Sleep(5 * short) // several timeouts, and many keep-alive comments
	if err := r.Rebuild(); err != nil {
		t.Fatal(err)
	}
	nextReload(t, events)
}

// When MaxConns connections are busy, the next waits, unanswered, until
// one closes; then it is served, and so is the one after it.
func TestConnectionCap(t *testing.T) {
	t.Parallel()
	r := startWith(t, copySite(t), Options{Limits: Limits{MaxConns: 2, ReadHeaderTimeout: long, ReadTimeout: long, WriteTimeout: long, IdleTimeout: long}}, nil)
	p := r.conns.Load()

	// Two clients take both connections, each halfway through its headers.
	held := []net.Conn{dial(t, r.url), dial(t, r.url)}
	for _, c := range held {
		send(t, c, "GET /favicon.svg HTTP/1.1\r\nHost: 127.0.0.1\r\n")
	}
	waitFor(t, "the two connections", func() bool { return p.count(http.StateNew) == 2 })

	third, fourth := dial(t, r.url), dial(t, r.url)
	send(t, third, request("/favicon.svg", "127.0.0.1"))
	send(t, fourth, request("/", "localhost"))
	waitFor(t, "the third connection to wait", func() bool { return p.waiting.Load() == 1 })
	br3 := bufio.NewReader(third)
	third.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	if _, err := br3.Peek(1); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("the third connection was answered (%v) while two were open", err)
	}
	third.SetReadDeadline(deadline(t))

	// The first client finishes its request and leaves: the third is
	// served, and once it leaves too, the fourth.
	send(t, held[0], "Connection: close\r\n\r\n")
	if resp := readResponse(t, bufio.NewReader(held[0])); resp.StatusCode != 200 {
		t.Errorf("the first client's request: status %d", resp.StatusCode)
	}
	if resp := readResponse(t, br3); resp.StatusCode != 200 {
		t.Errorf("the third client's request: status %d", resp.StatusCode)
	}
	third.Close()
	if resp := readResponse(t, bufio.NewReader(fourth)); resp.StatusCode != 200 {
		t.Errorf("the fourth client's request: status %d", resp.StatusCode)
	}
}

// When MaxConns connections are open and some are idle, a new one closes
// the one idle longest instead of waiting for IdleTimeout.
func TestConnectionCapClosesIdle(t *testing.T) {
	t.Parallel()
	r := startWith(t, copySite(t), Options{Limits: Limits{MaxConns: 2, ReadHeaderTimeout: long, ReadTimeout: long, WriteTimeout: long, IdleTimeout: long}}, nil)
	p := r.conns.Load()

	var conns []net.Conn
	var readers []*bufio.Reader
	for i := range 2 {
		c := dial(t, r.url)
		br := bufio.NewReader(c)
		send(t, c, request("/favicon.svg", "127.0.0.1"))
		if resp := readResponse(t, br); resp.StatusCode != 200 {
			t.Fatalf("GET /favicon.svg: status %d", resp.StatusCode)
		}
		waitFor(t, "the connection to be idle", func() bool { return p.count(http.StateIdle) == i+1 })
		conns, readers = append(conns, c), append(readers, br)
	}

	third := dial(t, r.url)
	send(t, third, request("/", "127.0.0.1"))
	if resp := readResponse(t, bufio.NewReader(third)); resp.StatusCode != 200 {
		t.Errorf("the third connection: status %d", resp.StatusCode)
	}
	closedByServer(t, conns[0], readers[0], "the connection idle longest")
	send(t, conns[1], request("/favicon.svg", "127.0.0.1"))
	if resp := readResponse(t, readers[1]); resp.StatusCode != 200 {
		t.Errorf("the other idle connection: status %d", resp.StatusCode)
	}
}

// A live-reload stream beyond MaxStreams ends the oldest, and the others
// carry on.
func TestStreamCap(t *testing.T) {
	t.Parallel()
	r := startWith(t, copySite(t), Options{Limits: Limits{MaxStreams: 2}}, nil)
	first, second := listen(t, r.url), listen(t, r.url)
	third := listen(t, r.url)
	stop := timeout(t)
	for ended := false; !ended; {
		select {
		case _, ok := <-first:
			ended = !ok
		case <-stop:
			t.Fatal("the oldest stream did not end when a third began")
		}
	}
	if err := r.Rebuild(); err != nil {
		t.Fatal(err)
	}
	nextReload(t, second)
	nextReload(t, third)
}
