package threshold

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"
)

func TestDecryptBatch(t *testing.T) {
	rng := seeded(37)
	d, _ := TrustedDeal(rng, 3, 2)
	c, _ := d.Committee()
	var jobs []DecryptJob
	var msgs [][]byte
	for i := range 24 {
		id := BidIdentity(9, uint64(i)).Point()
		msg := []byte(fmt.Sprintf("message %d", i))
		ct, err := Encrypt(rng, msg, d.EonKey, id)
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, DecryptJob{Ciphertext: ct, Key: combineAll(t, c, d, id)})
		msgs = append(msgs, msg)
	}
	jobs[5].Ciphertext.c3[3] ^= 1 // mauled
	jobs[9].Key = jobs[10].Key    // wrong key
	for i := 12; i < 24; i += 2 { // half as raw bytes, as nodes decrypt committed envelopes
		jobs[i] = DecryptJob{Raw: jobs[i].Ciphertext.Bytes(), Key: jobs[i].Key}
	}
	jobs[14].Raw[len(jobs[14].Raw)-1] ^= 1 // mauled raw
	res, err := DecryptBatch(context.Background(), jobs)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		switch i {
		case 5:
			if !errors.Is(r.Err, ErrDecrypt) {
				t.Errorf("job 5: %v", r.Err)
			}
		case 9, 14:
			if !errors.Is(r.Err, ErrDecrypt) {
				t.Errorf("job %d: %v", i, r.Err)
			}
		default:
			if r.Err != nil || !bytes.Equal(r.Plaintext, msgs[i]) {
				t.Errorf("job %d: %q, %v", i, r.Plaintext, r.Err)
			}
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err = DecryptBatch(ctx, jobs)
	if !errors.Is(err, context.Canceled) || !errors.Is(res[0].Err, context.Canceled) {
		t.Fatalf("cancelled: %v, %v", err, res[0].Err)
	}
}
