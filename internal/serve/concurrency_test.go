package serve

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Requests during rebuilds always get one whole build: every page is
// complete and carries the reload script, whichever build it came from.
func TestRequestsDuringRebuilds(t *testing.T) {
	t.Parallel()
	dir := copySite(t)
	r := start(t, dir)
	for range 2 {
		listen(t, r.url) // browsers waiting for reloads, as the hub broadcasts
	}
	paths := []string{"/", themePage, "/measures/bbh-5/", "/favicon.svg", "/missing/"}
	wantStatus := map[string]int{"/missing/": 404}

	const (
		clients  = 8
		rebuilds = 3
	)
	stop := make(chan struct{})
	// The clients stop at the test's deadline, in case the rebuilds hang.
	var wg sync.WaitGroup
	var mu sync.Mutex
	requests := 0
	for c := range clients {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if expired(t) {
					return
				}
				path := paths[(c+i)%len(paths)]
				got := get(t, r.url+path)
				want := wantStatus[path]
				if want == 0 {
					want = 200
				}
				if got.status != want {
					t.Errorf("GET %s: status %d, want %d", path, got.status, want)
					return
				}
				if path != "/favicon.svg" && (!strings.Contains(got.body, reloadTag) || !strings.HasSuffix(strings.TrimSpace(got.body), "</html>")) {
					t.Errorf("GET %s: not a whole page with the reload script (%d bytes)", path, len(got.body))
					return
				}
				mu.Lock()
				requests++
				mu.Unlock()
			}
		})
	}
	file := filepath.Join(dir, themeFile)
	for i := range rebuilds {
		appendFile(t, file, fmt.Sprintf("\nSentence %d of the concurrency test.\n", i))
		if err := r.Rebuild(themeFile); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	if !strings.Contains(get(t, r.url+themePage).body, fmt.Sprintf("Sentence %d of the concurrency test.", rebuilds-1)) {
		t.Errorf("the last rebuild is not served")
	}
	t.Logf("%d requests during %d rebuilds", requests, rebuilds)
}
