package threshold

import (
	"bytes"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// seeded returns a deterministic randomness source for reproducible tests.
func seeded(seed uint64) *mrand.ChaCha8 {
	var s [32]byte
	s[0] = byte(seed)
	s[1] = byte(seed >> 8)
	return mrand.NewChaCha8(s)
}

// vectorCommittee builds the 2-of-3 committee of shutter-vectors.json.
func vectorCommittee(t *testing.T, vf *vectorFile) (*Committee, []*SecretKeyShare) {
	t.Helper()
	pk, err := ParseEonPublicKey(unhex(t, vf.EonPublicKey))
	if err != nil {
		t.Fatal(err)
	}
	var pubs []*PublicKeyShare
	var secrets []*SecretKeyShare
	for i, k := range vf.Keypers {
		if k.Index != i || k.X != i+1 {
			t.Fatalf("keyper %d: index %d x %d", i, k.Index, k.X)
		}
		sk, err := ParseSecretKeyShare(unhex(t, k.EonSecretKeyShare))
		if err != nil {
			t.Fatal(err)
		}
		pub, err := ParsePublicKeyShare(unhex(t, k.EonPublicKeyShare))
		if err != nil {
			t.Fatal(err)
		}
		if !sk.PublicKeyShare().Equal(pub) {
			t.Fatalf("keyper %d: s_i·G2 differs from the vector's public share", i+1)
		}
		secrets = append(secrets, sk)
		pubs = append(pubs, pub)
	}
	c, err := NewCommittee(pk, pubs, vf.Threshold)
	if err != nil {
		t.Fatal(err)
	}
	return c, secrets
}

func TestShutterVectorShares(t *testing.T) {
	var vf vectorFile
	readJSON(t, vectorsFile, &vf)
	c, secrets := vectorCommittee(t, &vf)

	eonSecret, err := ParseSecretKeyShare(unhex(t, vf.EonSecretKey))
	if err != nil {
		t.Fatal(err)
	}
	if got := hexutil.Encode(eonSecret.PublicKeyShare().Bytes()); got != vf.EonPublicKey {
		t.Fatalf("s·G2 = %s, want the eon key", got)
	}
	for _, ident := range vf.Identities {
		t.Run(ident.Label, func(t *testing.T) {
			id := NewIdentityPoint(unhex(t, ident.IdentityPreimage))
			if ident.IdentityPrefix != "" && len(unhex(t, ident.IdentityPreimage)) == 32 {
				got := TxIdentity([32]byte(unhex(t, ident.IdentityPrefix)), common.HexToAddress(ident.Sender))
				if got.String() != ident.IdentityPreimage {
					t.Errorf("TxIdentity = %s, want %s", got, ident.IdentityPreimage)
				}
			}
			var verified []VerifiedShare
			for i, sk := range secrets {
				share := sk.Release(id)
				if got := share.String(); got != ident.EpochSecretKeyShares[i] {
					t.Fatalf("keyper %d share = %s, want %s", i+1, got, ident.EpochSecretKeyShares[i])
				}
				v, err := c.VerifyShare(i+1, id, share)
				if err != nil {
					t.Fatalf("keyper %d: %v", i+1, err)
				}
				verified = append(verified, v)
				// Checked as another keyper's share, it fails.
				if _, err := c.VerifyShare((i+1)%3+1, id, share); !errors.Is(err, ErrBadShare) {
					t.Fatalf("keyper %d's share as keyper %d's: %v", i+1, (i+1)%3+1, err)
				}
			}
			// Lagrange coefficients for the vector's set (0-based → 1-based).
			xs := []int{ident.CombinedFromKeypers[0] + 1, ident.CombinedFromKeypers[1] + 1}
			for i, l := range LagrangeAtZero(xs) {
				b := l.Bytes()
				if got := hexutil.Encode(b[:]); got != ident.LagrangeCoefficients[i] {
					t.Fatalf("λ_%d = %s, want %s", xs[i], got, ident.LagrangeCoefficients[i])
				}
			}
			// Every pair of the three shares combines to the vector's key.
			for _, pair := range [][2]int{{0, 1}, {0, 2}, {1, 2}, {2, 0}} {
				key, err := c.Combine([]VerifiedShare{verified[pair[0]], verified[pair[1]]})
				if err != nil {
					t.Fatal(err)
				}
				if got := key.String(); got != ident.EpochSecretKey {
					t.Fatalf("combined %v = %s, want %s", pair, got, ident.EpochSecretKey)
				}
			}
			key, err := ParseIdentityKey(unhex(t, ident.EpochSecretKey))
			if err != nil {
				t.Fatal(err)
			}
			if err := VerifyKey(c.EonKey(), id, key); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestCommitteeThresholds(t *testing.T) {
	for _, tc := range []struct{ n, t int }{{1, 1}, {3, 2}, {4, 3}, {7, 4}, {7, 5}, {10, 7}, {21, 11}} {
		t.Run(fmt.Sprintf("%d-of-%d", tc.t, tc.n), func(t *testing.T) {
			rng := seeded(uint64(tc.n*100 + tc.t))
			d, err := TrustedDeal(rng, tc.n, tc.t)
			if err != nil {
				t.Fatal(err)
			}
			c, err := d.Committee()
			if err != nil {
				t.Fatal(err)
			}
			id := TxIdentity([32]byte{byte(tc.n)}, common.Address{byte(tc.t)}).Point()
			msg := []byte("transfer 1 ether to bob")
			ct, err := Encrypt(rng, msg, d.EonKey, id)
			if err != nil {
				t.Fatal(err)
			}
			shares := make([]VerifiedShare, tc.n)
			for i, sk := range d.Shares {
				if shares[i], err = c.VerifyShare(i+1, id, sk.Release(id)); err != nil {
					t.Fatal(err)
				}
			}
			for trial := range 5 {
				perm := mrand.New(rng).Perm(tc.n)
				subset := make([]VerifiedShare, tc.t)
				for i := range subset {
					subset[i] = shares[perm[i]]
				}
				key, err := c.Combine(subset)
				if err != nil {
					t.Fatal(err)
				}
				if err := VerifyKey(d.EonKey, id, key); err != nil {
					t.Fatalf("trial %d: %v", trial, err)
				}
				m, err := Decrypt(ct.Bytes(), key)
				if err != nil || !bytes.Equal(m, msg) {
					t.Fatalf("trial %d: decrypt = %q, %v", trial, m, err)
				}
				if _, err := c.Combine(subset[:tc.t-1]); !errors.Is(err, ErrTooFewShares) {
					t.Fatalf("t-1 shares: %v, want ErrTooFewShares", err)
				}
				// t−1 distinct shares padded with a duplicate are still too few.
				if tc.t > 1 {
					dup := append(append([]VerifiedShare(nil), subset[:tc.t-1]...), subset[0])
					if _, err := c.Combine(dup); !errors.Is(err, ErrTooFewShares) {
						t.Fatalf("t-1 shares and a duplicate: %v, want ErrTooFewShares", err)
					}
				}
			}
			// All n shares: the t lowest indices are used, same key.
			all, err := c.Combine(shares)
			if err != nil {
				t.Fatal(err)
			}
			if err := VerifyKey(d.EonKey, id, all); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestTooFewSharesDoNotDecrypt interpolates from t−1 shares by hand, as a
// coalition below the threshold would, and checks the result is no key.
func TestTooFewSharesDoNotDecrypt(t *testing.T) {
	rng := seeded(7)
	d, err := TrustedDeal(rng, 7, 5)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := d.Committee()
	id := BidIdentity(1, 42).Point()
	ct, err := Encrypt(rng, []byte("bid"), d.EonKey, id)
	if err != nil {
		t.Fatal(err)
	}
	var shares []VerifiedShare
	for i := range 4 {
		v, err := c.VerifyShare(i+1, id, d.Shares[i].Release(id))
		if err != nil {
			t.Fatal(err)
		}
		shares = append(shares, v)
	}
	small, err := NewCommittee(d.EonKey, d.PublicShares, 4)
	if err != nil {
		t.Fatal(err)
	}
	for i := range shares {
		shares[i].committee = small
	}
	key, err := small.Combine(shares)
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyKey(d.EonKey, id, key); !errors.Is(err, ErrBadKey) {
		t.Fatalf("key from t−1 shares verified: %v", err)
	}
	if _, err := Decrypt(ct.Bytes(), key); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("key from t−1 shares: %v, want ErrDecrypt", err)
	}
}

func TestVerifySharesNamesCulprits(t *testing.T) {
	rng := seeded(11)
	d, err := TrustedDeal(rng, 7, 5)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := d.Committee()
	ids := make([]*IdentityPoint, 20)
	for i := range ids {
		ids[i] = TxIdentity([32]byte{byte(i)}, common.Address{1}).Point()
	}
	type bad struct{ keyper, id int }
	for _, tc := range []struct {
		name string
		bad  []bad
	}{
		{"all good", nil},
		{"one bad share", []bad{{3, 7}}},
		{"two keypers bad", []bad{{1, 0}, {6, 19}}},
		{"one keyper all bad", func() (b []bad) {
			for i := range ids {
				b = append(b, bad{5, i})
			}
			return
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			isBad := map[bad]bool{}
			for _, b := range tc.bad {
				isBad[b] = true
			}
			var claims []ShareClaim
			for k := 1; k <= 7; k++ {
				for i, id := range ids {
					share := d.Shares[k-1].Release(id)
					if isBad[bad{k, i}] {
						// A valid share, but for another identity.
						share = d.Shares[k-1].Release(ids[(i+1)%len(ids)])
					}
					claims = append(claims, ShareClaim{Keyper: k, Identity: id, Share: share})
				}
			}
			verified, faults, err := c.VerifyShares(rng, claims)
			if err != nil {
				t.Fatal(err)
			}
			if len(faults) != len(tc.bad) || len(verified) != len(claims)-len(tc.bad) {
				t.Fatalf("%d verified, %d faults; want %d faults: %v", len(verified), len(faults), len(tc.bad), faults)
			}
			for _, f := range faults {
				i := slicesIndex(ids, f.Identity)
				if !isBad[bad{f.Keyper, i}] || !errors.Is(f, ErrBadShare) {
					t.Fatalf("fault %v names an honest share", f)
				}
			}
		})
	}
	t.Run("bad claims", func(t *testing.T) {
		share := d.Shares[0].Release(ids[0])
		_, faults, err := c.VerifyShares(rng, []ShareClaim{
			{Keyper: 0, Identity: ids[0], Share: share},
			{Keyper: 8, Identity: ids[0], Share: share},
			{Keyper: 1, Identity: ids[0]},
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(faults) != 3 || !errors.Is(faults[0], ErrKeyperIndex) || !errors.Is(faults[1], ErrKeyperIndex) || !errors.Is(faults[2], ErrBadShare) {
			t.Fatalf("faults = %v", faults)
		}
	})
}

func slicesIndex(ids []*IdentityPoint, preimage []byte) int {
	for i, id := range ids {
		if bytes.Equal(id.preimage, preimage) {
			return i
		}
	}
	return -1
}

func TestCombineRejects(t *testing.T) {
	rng := seeded(13)
	d, _ := TrustedDeal(rng, 4, 3)
	c, _ := d.Committee()
	other, _ := d.Committee()
	a, b := BidIdentity(1, 1).Point(), BidIdentity(1, 2).Point()
	va1, _ := c.VerifyShare(1, a, d.Shares[0].Release(a))
	va2, _ := c.VerifyShare(2, a, d.Shares[1].Release(a))
	vb3, _ := c.VerifyShare(3, b, d.Shares[2].Release(b))
	vo3, _ := other.VerifyShare(3, a, d.Shares[2].Release(a))
	for _, tc := range []struct {
		name   string
		shares []VerifiedShare
		want   error
	}{
		{"none", nil, ErrTooFewShares},
		{"mixed identities", []VerifiedShare{va1, va2, vb3}, ErrMixedIdentity},
		{"another committee", []VerifiedShare{va1, va2, vo3}, ErrBadShare},
		{"zero value", []VerifiedShare{va1, va2, {}}, ErrBadShare},
	} {
		if _, err := c.Combine(tc.shares); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	if _, err := NewCommittee(d.EonKey, d.PublicShares, 5); !errors.Is(err, ErrThreshold) {
		t.Errorf("t > n: %v", err)
	}
	if _, err := TrustedDeal(rng, 3, 0); !errors.Is(err, ErrThreshold) {
		t.Errorf("t = 0: %v", err)
	}
	if _, err := c.VerifyShare(5, a, d.Shares[0].Release(a)); !errors.Is(err, ErrKeyperIndex) {
		t.Errorf("keyper 5 of 4: %v", err)
	}
}

func TestVerifyKeysBatch(t *testing.T) {
	rng := seeded(17)
	d, _ := TrustedDeal(rng, 3, 2)
	c, _ := d.Committee()
	var claims []KeyClaim
	for i := range 30 {
		id := BidIdentity(5, uint64(i)).Point()
		v1, _ := c.VerifyShare(1, id, d.Shares[0].Release(id))
		v2, _ := c.VerifyShare(2, id, d.Shares[1].Release(id))
		key, err := c.Combine([]VerifiedShare{v1, v2})
		if err != nil {
			t.Fatal(err)
		}
		claims = append(claims, KeyClaim{Identity: id, Key: key})
	}
	if bad, err := VerifyKeys(rng, d.EonKey, claims); err != nil || len(bad) != 0 {
		t.Fatalf("honest keys: bad %v, err %v", bad, err)
	}
	claims[4].Key, claims[20].Key = claims[20].Key, claims[4].Key
	if bad, err := VerifyKeys(rng, d.EonKey, claims); err != nil || fmt.Sprint(bad) != "[4 20]" {
		t.Fatalf("swapped keys: bad %v, err %v", bad, err)
	}
}

func TestSecretShareNeverPrints(t *testing.T) {
	d, _ := TrustedDeal(seeded(19), 3, 2)
	sk := d.Shares[0]
	b := sk.Bytes()
	// The secret in every representation it could leak in: big-endian hex,
	// decimal, and the Montgomery-form limbs held in memory.
	var s fr.Element
	s.SetBytes(b[:])
	leaks := []string{fmt.Sprintf("%x", b[:]), s.String()}
	for _, limb := range sk.s {
		leaks = append(leaks, fmt.Sprint(limb), fmt.Sprintf("%x", limb))
	}
	for _, f := range []string{"%v", "%+v", "%#v", "%s", "%x", "%X", "%d", "%q"} {
		for _, v := range []any{sk, *sk, struct{ K *SecretKeyShare }{sk}, struct{ K SecretKeyShare }{*sk}, []*SecretKeyShare{sk}} {
			out := fmt.Sprintf(f, v)
			if !strings.Contains(out, "redacted") {
				t.Fatalf("%s of %T prints %s", f, v, out)
			}
			for _, l := range leaks {
				if strings.Contains(strings.ToLower(out), l) {
					t.Fatalf("%s of %T prints the secret: %s", f, v, out)
				}
			}
		}
	}
	clone := *sk
	if !sk.Equal(&clone) || sk.Equal(d.Shares[1]) {
		t.Fatal("Equal")
	}
	sk.Zero()
	if sk.Equal(&clone) {
		t.Fatal("Zero left the share in place")
	}
}

func TestBidIdentity(t *testing.T) {
	// The spec's preimage, spelled out byte by byte.
	pre := append([]byte("veil/bid/v1"), 0, 0, 0, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 0x2a)
	want := common.BytesToHash(keccak(pre))
	if got := BidIdentity(0x0102, 42); common.Hash(got) != want {
		t.Fatalf("BidIdentity = %s, want %s", got, want)
	}
	if BidIdentity(1, 2) == BidIdentity(2, 1) || BidIdentity(1, 2) == BidIdentity(1, 3) {
		t.Fatal("bid identities collide")
	}
}

func TestSigningIdentity(t *testing.T) {
	// Protocol §9's preimage, spelled out byte by byte.
	m := [32]byte{0xaa, 31: 0xbb}
	pre := append([]byte("veil/sign/v1"), 0, 0, 0, 0, 0, 0, 0x05, 0x39, 0, 0, 0, 0, 0, 0, 0, 0x07)
	want := common.BytesToHash(keccak(append(pre, m[:]...)))
	if got := SigningIdentity(1337, 7, m); common.Hash(got) != want {
		t.Fatalf("SigningIdentity = %s, want %s", got, want)
	}
	if SigningIdentity(1337, 7, m) == SigningIdentity(1337, 8, m) || SigningIdentity(1, 2, m) == SigningIdentity(2, 1, m) {
		t.Fatal("signing identities collide")
	}
}

// TestEIP2537: the uncompressed encoding L1 takes: each coordinate padded
// to 64 bytes, a G2 coordinate as c0 ‖ c1 (the compressed form, like
// Zcash's, puts c1 first), infinity as zeros.
func TestEIP2537(t *testing.T) {
	d, _ := TrustedDeal(seeded(61), 3, 2)
	key, err := d.Key(BidIdentity(1, 1).Point())
	if err != nil {
		t.Fatal(err)
	}
	g1, g2 := key.EIP2537(), d.EonKey.EIP2537()
	if len(g1) != EIP2537G1Size || len(g2) != EIP2537G2Size {
		t.Fatalf("sizes %d, %d", len(g1), len(g2))
	}
	for _, pad := range [][]byte{g1[0:16], g1[64:80], g2[0:16], g2[64:80], g2[128:144], g2[192:208]} {
		if !bytes.Equal(pad, make([]byte, 16)) {
			t.Fatal("a coordinate is not padded with 16 zero bytes")
		}
	}
	comp := key.Bytes()
	comp[0] &^= 0xe0 // the flag bits
	if !bytes.Equal(g1[16:64], comp) {
		t.Fatal("G1 x is not the compressed form's")
	}
	pk := d.EonKey.Bytes()
	pk[0] &^= 0xe0
	if !bytes.Equal(g2[80:128], pk[:48]) || !bytes.Equal(g2[16:64], pk[48:]) {
		t.Fatal("G2 x is not c0 ‖ c1 of the compressed form's c1 ‖ c0")
	}
	var inf IdentityKey
	if !bytes.Equal(inf.EIP2537(), make([]byte, EIP2537G1Size)) {
		t.Fatal("infinity is not all zeros")
	}
}

func TestCombineClaims(t *testing.T) {
	rng := seeded(59)
	d, _ := TrustedDeal(rng, 5, 3)
	c, _ := d.Committee()
	id, other := BidIdentity(2, 2).Point(), BidIdentity(2, 3).Point()
	claims := []ShareClaim{
		{Keyper: 1, Identity: id, Share: d.Shares[0].Release(id)},
		{Keyper: 2, Identity: id, Share: d.Shares[1].Release(other)}, // bad
		{Keyper: 3, Identity: id, Share: d.Shares[2].Release(id)},
		{Keyper: 4, Identity: id, Share: d.Shares[3].Release(id)},
	}
	key, faults, err := c.CombineClaims(rng, claims)
	if err != nil || len(faults) != 1 || faults[0].Keyper != 2 {
		t.Fatalf("key %v, faults %v, err %v", key, faults, err)
	}
	if err := VerifyKey(d.EonKey, id, key); err != nil {
		t.Fatal(err)
	}
	if _, faults, err := c.CombineClaims(rng, claims[:3]); !errors.Is(err, ErrTooFewShares) || len(faults) != 1 {
		t.Fatalf("two good shares of three: faults %v, err %v", faults, err)
	}
}
