// Package threshold is Veil's threshold identity-based encryption: Shutter's
// shcrypto scheme (BLS12-381, ciphertext version 0x03), byte-compatible with
// Shutter's Go and JS implementations, with stricter decoding.
//
// Everything a wallet, builder or keyper needs lives here: eon keys and their
// shares, identity key shares (what keypers release), verification of shares
// one at a time or in batches, Lagrange combination, Encrypt and Decrypt, and
// the identities Veil derives for transactions and sealed bids.
//
// # Keyper indices
//
// Keypers are numbered from 1 in every Veil API and file. Keyper i holds
// f(i) of the eon polynomial f, the same point Shutter calls keyper i−1.
//
// # Strictness
//
// Every decoder rejects, with a [*DecodeError] wrapping one of the Err*
// sentinels, what Shutter's Go code lets through by accident: wrong lengths,
// uncompressed or badly flagged points, coordinates ≥ p, points off the curve
// or outside the prime-order subgroup, the point at infinity as a key,
// ciphertexts without a C3 block, and padding whose bytes are not all equal
// to its length. Everything Shutter's own Encrypt produces is accepted.
//
// # Constant time
//
// Scalar multiplications, pairings and hash-to-curve come from gnark-crypto,
// which does not promise constant time; neither does the fixed-base table this
// package uses for r·G2. Operations on secrets (a keyper's share, a sender's
// sigma) may therefore leak timing to a co-located attacker. Comparisons of
// secret bytes use crypto/subtle. Secret shares never print: their String,
// GoString and Format methods write a redacted placeholder.
package threshold
