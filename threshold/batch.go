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
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				if err := ctx.Err(); err != nil {
					out[i].Err = err
					continue
				}
				if jobs[i].Ciphertext == nil {
					out[i].Plaintext, out[i].Err = Decrypt(jobs[i].Raw, jobs[i].Key)
				} else {
					out[i].Plaintext, out[i].Err = jobs[i].Ciphertext.Decrypt(jobs[i].Key)
				}
			}
		})
	}
	wg.Wait()
	return out, ctx.Err()
}
