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
	subs map[chan struct{}]bool
}

func (h *hub) init() { h.subs = make(map[chan struct{}]bool) }

// subscribe returns a channel that receives after each rebuild; a browser
// that has not yet taken one reload gets one, not several.
func (h *hub) subscribe() (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	h.mu.Lock()
	h.subs[ch] = true
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs, ch)
		h.mu.Unlock()
	}
}

func (h *hub) broadcast() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// keepAlive is how often an idle event stream sends a comment, so that
// a dropped connection is noticed.
const keepAlive = 30 * time.Second

// events streams Server-Sent Events to reload.js: first "hello" with the
// current build's id, then "reload" after every rebuild, failed or not. It
// ends when the browser leaves or the server stops.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	ch, unsubscribe := s.hub.subscribe()
	defer unsubscribe()

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	// Subscribed first, so that a rebuild after this id is read is not missed.
	id := s.current.Load().id
	fmt.Fprintf(w, "retry: 1000\nevent: hello\ndata: %s\n\n", id)
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case <-ch:
			_, err = fmt.Fprintf(w, "event: reload\ndata: %s\n\n", s.current.Load().id)
		case <-tick.C:
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
