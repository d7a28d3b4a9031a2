package threshold

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Parallel runs f(0) … f(n−1) on every core (GOMAXPROCS workers taking the
// next index as they finish) and returns when all have run. Curve
// operations per identity (shares, verification, combination, decryption)
// are independent, and a bundle has up to a thousand identities.
func Parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}
