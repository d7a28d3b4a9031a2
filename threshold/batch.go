package threshold

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// DecryptJob is one ciphertext and the key of its identity. Ciphertexts
// are parsed (and subgroup-checked) when they are admitted, long before
// their keys exist, so jobs carry them decoded.
type DecryptJob struct {
	Ciphertext *Ciphertext
	Key        *IdentityKey
}

// DecryptResult is the outcome of one DecryptJob, at the job's position.
type DecryptResult struct {
	Plaintext []byte
	Err       error
}

// DecryptBatch decrypts every job on all cores (GOMAXPROCS workers), each
// exactly as Ciphertext.Decrypt. It returns early with ctx's error if ctx ends; results
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
				out[i].Plaintext, out[i].Err = jobs[i].Ciphertext.Decrypt(jobs[i].Key)
			}
		})
	}
	wg.Wait()
	return out, ctx.Err()
}
