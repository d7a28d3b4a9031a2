package threshold

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// DecryptJob is one ciphertext and the key of its identity: decoded
// (Ciphertext) or as bytes (Raw, decoded as Decrypt does, without the
// subgroup check that decryption's C1 re-derivation makes redundant).
type DecryptJob struct {
	Ciphertext *Ciphertext
	Raw        []byte // used when Ciphertext is nil
	Key        *IdentityKey
}

// DecryptResult is the outcome of one DecryptJob, at the job's position.
type DecryptResult struct {
	Plaintext []byte
	Err       error
}

// DecryptBatch decrypts every job on all cores (GOMAXPROCS workers), each
// exactly as Ciphertext.Decrypt (or Decrypt for raw jobs). It returns early with ctx's error if ctx ends; results
// of unfinished jobs then carry that error.
func DecryptBatch(ctx context.Context, jobs []DecryptJob) ([]DecryptResult, error) {
	out := make([]DecryptResult, len(jobs))
	Parallel(len(jobs), func(i int) {
		if err := ctx.Err(); err != nil {
			out[i].Err = err
			return
		}
		if jobs[i].Ciphertext == nil {
			out[i].Plaintext, out[i].Err = Decrypt(jobs[i].Raw, jobs[i].Key)
		} else {
			out[i].Plaintext, out[i].Err = jobs[i].Ciphertext.Decrypt(jobs[i].Key)
		}
	})
	return out, ctx.Err()
}

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
