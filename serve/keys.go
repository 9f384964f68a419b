package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// HostKey returns the server's host key stored at path, creating an Ed25519
// key there (and its directory, private to the user) on first use, so
// clients see the same host key across restarts. created reports a new key.
func HostKey(path string) (signer gossh.Signer, created bool, err error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		raw, err = createHostKey(path)
		created = err == nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("host key: %w", err)
	}
	signer, err = gossh.ParsePrivateKey(raw)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, created, nil
}

// createHostKey writes a new OpenSSH-format Ed25519 private key to path
// with mode 0600. The key goes to a temporary file renamed into place, and
// the rename never replaces a key another process wrote meanwhile.
func createHostKey(path string) ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "retain host key")
	if err != nil {
		return nil, err
	}
	raw := pem.EncodeToMemory(block)
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dir, ".host-key-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(raw); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	// Link fails if path exists, unlike Rename: a concurrent first start
	// keeps whichever key landed first.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return os.ReadFile(path)
		}
		return nil, err
	}
	return raw, nil
}

// AuthorizedKeys reads an OpenSSH authorized_keys file. Blank lines and
// comments are skipped; any other line that is not a public key is an error
// naming the file and line. Options such as from="…" are not supported and
// are refused rather than silently ignored.
func AuthorizedKeys(path string) ([]gossh.PublicKey, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	var keys []gossh.PublicKey
	for i, line := range bytes.Split(raw, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, opts, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key: %w", path, i+1, err)
		}
		if len(opts) > 0 {
			return nil, fmt.Errorf("%s:%d: key options (%s) are not supported", path, i+1, opts[0])
		}
		keys = append(keys, key)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("%s holds no public key: nobody could log in", path)
	}
	return keys, nil
}

// keyAllowed reports whether key is one of keys.
func keyAllowed(keys []gossh.PublicKey, key gossh.PublicKey) bool {
	m := key.Marshal()
	for _, k := range keys {
		if bytes.Equal(k.Marshal(), m) {
			return true
		}
	}
	return false
}
