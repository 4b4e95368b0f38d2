// Package parallel runs independent pieces of work on every processor.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls do(i) for every i in [0, n), on as many goroutines as there
// are processors, and returns when every call has. Callers keep results
// by index, so that what they make does not depend on scheduling.
func Each(n int, do func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
