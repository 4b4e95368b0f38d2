package serve

import (
	"context"
	"net/http"
	"time"
)

// shutdown stops srv: it stops listening, lets the requests in flight
// finish, and closes every other connection. What is still open after
// grace is closed regardless.
func shutdown(srv *http.Server, p *pool, grace time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- srv.Shutdown(ctx) }()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	p.closeNew()
	for {
		select {
		case err := <-done:
			if err != nil {
				srv.Close()
			}
			return
		case <-tick.C:
			p.closeNew() // again, in case one was accepted just before Shutdown stopped listening
		}
	}
}
