// Package pseudonym replaces customer ids with keyed hashes, so that
// outputs can be shared without the ids they were made from: the same id
// gives the same pseudonym under one salt (outputs of different commands
// still join), a different one under another salt, and without the salt
// nobody can tell which id a pseudonym stands for (HMAC-SHA256, not a plain
// hash that a list of candidate ids would reverse).
//
// Every command that writes ids (predict, anomalies, recommend, plan,
// cohorts, the HTTP API, the terminal UI and its exports, serve) takes
// --pseudonymise --salt-file FILE and uses one *Key from here.
package pseudonym

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/retainlab/retain/data"
)

// Prefix starts every pseudonym, so a pseudonymised id is never mistaken
// for a real one.
const Prefix = "p_"

// HashBytes is how many bytes of the HMAC a pseudonym keeps (hex-encoded:
// twice as many characters after Prefix). 80 bits make a collision among a
// billion customers unlikely (about 1 in 2.4 million).
const HashBytes = 10

// MinSaltBytes is the shortest salt New accepts: a shorter one could be
// guessed by trying them all.
const MinSaltBytes = 16

// maxSaltBytes bounds what Read reads from a salt file.
const maxSaltBytes = 1 << 16

// ErrSalt is matched (errors.Is) by every refusal of a salt. Like every
// error this package returns, its text has no "pseudonym: " prefix: it
// reaches the user as it is.
var ErrSalt = errors.New("bad salt")

// Key pseudonymises ids with one salt. A nil *Key leaves ids as they are,
// so callers pass ids through it whether or not pseudonymising was asked
// for. A Key may be used by many goroutines at once.
type Key struct {
	salt []byte
}

// New returns a Key for salt, which must hold at least MinSaltBytes bytes.
func New(salt []byte) (*Key, error) {
	if len(salt) < MinSaltBytes {
		return nil, fmt.Errorf("%w: %d bytes, want at least %d (for example: head -c 32 /dev/urandom | base64 > salt.txt)",
			ErrSalt, len(salt), MinSaltBytes)
	}
	return &Key{salt: bytes.Clone(salt)}, nil
}

// Read reads a salt file (name is used in errors): its bytes without
// surrounding white space, at least MinSaltBytes of them.
func Read(r io.Reader, name string) (*Key, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxSaltBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading salt file %s: %w", name, err)
	}
	if len(raw) > maxSaltBytes {
		return nil, fmt.Errorf("%w: salt file %s is larger than %d KiB", ErrSalt, name, maxSaltBytes>>10)
	}
	k, err := New(bytes.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("salt file %s: %w", name, err)
	}
	return k, nil
}

// ID returns id's pseudonym: Prefix followed by the first HashBytes bytes
// of HMAC-SHA256(salt, Canonical(id)) in lower-case hex, so that " 17850",
// "17850" and "17850.0" are one customer with one pseudonym, wherever the
// id came from (a CSV cell, an order log, a JSON number or string sent to
// the API). A nil Key returns id as it is.
func (k *Key) ID(id string) string {
	if k == nil {
		return id
	}
	m := hmac.New(sha256.New, k.salt)
	m.Write([]byte(Canonical(id)))
	sum := m.Sum(nil)
	return Prefix + hex.EncodeToString(sum[:HashBytes])
}

// Canonical returns id as the customer it names: without surrounding white
// space (as every cell retain reads), and a whole number written with a
// decimal part of zeros ("17850.0", as pandas writes a column of float ids)
// without that part, by the rule order logs read customer ids with
// (data.WholeIDLen). Any other id is returned as it is ("17850.5",
// "1.785e4", "A-17850.0").
func Canonical(id string) string {
	id = strings.TrimSpace(id)
	return id[:data.WholeIDLen(id)]
}

// IDs returns the pseudonyms of ids in a new slice (ids itself for a nil
// Key).
func (k *Key) IDs(ids []string) []string {
	if k == nil {
		return ids
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = k.ID(id)
	}
	return out
}

// Enabled reports whether k pseudonymises (k is not nil).
func (k *Key) Enabled() bool { return k != nil }
