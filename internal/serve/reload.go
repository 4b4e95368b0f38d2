package serve

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// hub tells the connected browsers that the site was rebuilt.
type hub struct {
	mu   sync.Mutex
	max  int // streams at most; a new one beyond ends the oldest
	seq  uint64
	subs map[*sub]uint64 // each stream, and when it began
}

// sub is one stream's subscription.
type sub struct {
	reload chan struct{} // receives after each rebuild
	ended  chan struct{} // closed when a newer stream takes its place
}

func (h *hub) init(max int) {
	h.max = max
	h.subs = make(map[*sub]uint64)
}

// subscribe returns a subscription whose reload channel receives after
// each rebuild; a browser that has not yet taken one reload gets one, not
// several. When the hub already holds its maximum, the oldest
// subscription is ended to make room.
func (h *hub) subscribe() (*sub, func()) {
	sb := &sub{reload: make(chan struct{}, 1), ended: make(chan struct{})}
	h.mu.Lock()
	if h.max > 0 && len(h.subs) >= h.max {
		var oldest *sub
		var first uint64
		for o, seq := range h.subs {
			if oldest == nil || seq < first {
				oldest, first = o, seq
			}
		}
		delete(h.subs, oldest)
		close(oldest.ended)
	}
	h.seq++
	h.subs[sb] = h.seq
	h.mu.Unlock()
	return sb, func() {
		h.mu.Lock()
		delete(h.subs, sb)
		h.mu.Unlock()
	}
}

func (h *hub) broadcast() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for sb := range h.subs {
		select {
		case sb.reload <- struct{}{}:
		default:
		}
	}
}

// events streams Server-Sent Events to reload.js: first "hello" with the
// current build's id, then "reload" after every rebuild, failed or not. It
// ends when the browser leaves, the server stops, or more streams are
// open than the limit allows and this is the oldest (the browser then
// reconnects, and is told of any rebuild it missed by the id in "hello").
//
// The stream lasts as long as its page is open, so the server's write
// timeout, counted from the request, must not end it: each write has
// WriteTimeout of its own. (ReadTimeout ends with the reading of the
// request: http.Server lifts it before calling a handler.)
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	extend := func() { rc.SetWriteDeadline(time.Now().Add(s.limits.WriteTimeout)) }
	sb, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	defer extend() // for the end of the response

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	// Subscribed first, so that a rebuild after this id is read is not missed.
	id := s.current.Load().id
	extend()
	fmt.Fprintf(w, "retry: 1000\nevent: hello\ndata: %s\n\n", id)
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(s.keepAlive)
	defer tick.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case <-sb.ended:
			return
		case <-sb.reload:
			extend()
			_, err = fmt.Fprintf(w, "event: reload\ndata: %s\n\n", s.current.Load().id)
		case <-tick.C:
			extend()
			_, err = fmt.Fprint(w, ": still here\n\n")
		}
		if err != nil || rc.Flush() != nil {
			return
		}
	}
}

// reloadScript is reload.js for one build. It reloads the page when the
// site is rebuilt; and when its stream reconnects (the server restarted,
// or the connection dropped) to a build other than its page's.
func reloadScript(id string) []byte {
	return []byte(strings.Replace(reloadJS, "BUILD_ID", id, 1))
}

const reloadJS = `// Live reload for scorecard serve. It is never part of a built site.
(function () {
  "use strict";
  var build = "BUILD_ID"; // the build this page was served from
  function connect() {
    var events = new EventSource("` + eventsPath + `");
    events.addEventListener("hello", function (e) {
      if (e.data !== build) {
        location.reload();
      }
    });
    events.addEventListener("reload", function () {
      location.reload();
    });
    events.addEventListener("error", function () {
      // The browser retries a dropped stream by itself, but gives up on
      // one that failed to open; keep trying until serve is back.
      if (events.readyState === EventSource.CLOSED) {
        events.close();
        setTimeout(connect, 1000);
      }
    });
  }
  connect();
}());
`
