package serve

import (
	"context"
	"net"
	"net/http"
	"sync"
	"time"
)

// unused tracks the connections that have not yet sent a request. Browsers
// open them ahead of need, and http.Server.Shutdown counts one as idle only
// after five seconds, which would hold up every Ctrl-C.
type unused struct {
	mu    sync.Mutex
	conns map[net.Conn]bool
}

// track is an http.Server ConnState hook.
func (u *unused) track(c net.Conn, st http.ConnState) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.conns == nil {
		u.conns = make(map[net.Conn]bool)
	}
	if st == http.StateNew {
		u.conns[c] = true
	} else {
		delete(u.conns, c)
	}
}

func (u *unused) close() {
	u.mu.Lock()
	defer u.mu.Unlock()
	for c := range u.conns {
		c.Close()
		delete(u.conns, c)
	}
}

// shutdown stops srv: it stops listening, lets the requests in flight
// finish, and closes every other connection. What is still open after
// grace is closed regardless.
func shutdown(srv *http.Server, u *unused, grace time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- srv.Shutdown(ctx) }()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			if err != nil {
				srv.Close()
			}
			return
		case <-tick.C:
			u.close() // again, in case one was accepted just before Shutdown stopped listening
		}
	}
}
