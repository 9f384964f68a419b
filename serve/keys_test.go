package serve

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

func TestHostKeyIsCreatedOnceAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "retain", "host_key")
	first, created, err := HostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if !created {
		t.Error("first call did not report a new key")
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", st.Mode().Perm())
	}
	if dir, _ := os.Stat(filepath.Dir(path)); dir.Mode().Perm() != 0o700 {
		t.Errorf("key directory mode %v, want 0700", dir.Mode().Perm())
	}
	second, created, err := HostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if created {
		t.Error("second call created a new key")
	}
	if !bytes.Equal(first.PublicKey().Marshal(), second.PublicKey().Marshal()) {
		t.Error("the host key changed between starts")
	}
	if first.PublicKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("key type %s, want ed25519", first.PublicKey().Type())
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left beside the key: %v", entries)
	}
}

func TestHostKeyRejectsGarbage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "host_key")
	os.WriteFile(path, []byte("not a key\n"), 0o600)
	_, _, err := HostKey(path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("error %v, want one naming %s", err, path)
	}
}

func TestAuthorizedKeys(t *testing.T) {
	a, b := newSigner(t), newSigner(t)
	line := func(s gossh.Signer) string {
		return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey())))
	}
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}

	good := write("good", "# team\n\n"+line(a)+" alice@laptop\n  "+line(b)+"\n")
	keys, err := AuthorizedKeys(good)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 2 || !keyAllowed(keys, a.PublicKey()) || !keyAllowed(keys, b.PublicKey()) {
		t.Errorf("read %d keys, want alice's and bob's", len(keys))
	}
	if keyAllowed(keys, newSigner(t).PublicKey()) {
		t.Error("a stranger's key is allowed")
	}

	// The messages start with the file, not the package: "serve: " no
	// longer comes first. The parser's own words end the first one.
	cases := []struct{ name, content, want string }{
		{"bad", line(a) + "\nssh-ed25519 AAAAnotbase64!!\n", ":2: not a public key: "},
		{"options", `from="10.0.0.1" ` + line(a) + "\n", `:1: key options (from="10.0.0.1") are not supported`},
		{"empty", "# nobody yet\n", " holds no public key: nobody could log in"},
	}
	for _, c := range cases {
		path := write(c.name, c.content)
		_, err := AuthorizedKeys(path)
		want := path + c.want
		if c.name == "bad" {
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("%s: error %v, want it to start %q", c.name, err, want)
			}
		} else if err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %q", c.name, err, want)
		}
	}
	if _, err := AuthorizedKeys(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing file gave no error")
	}
}

func TestNewRefusesUnsafeConfigurations(t *testing.T) {
	host := newSigner(t)
	key := []gossh.PublicKey{newSigner(t).PublicKey()}
	cases := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no auth", Config{HostKey: host, App: nilApp}, "refusing to start without authorized keys"},
		{"both", Config{HostKey: host, App: nilApp, AuthorizedKeys: key, InsecureNoAuth: true}, "contradict"},
		{"no host key", Config{App: nilApp, AuthorizedKeys: key}, "no host key"},
		{"negative", Config{HostKey: host, App: nilApp, AuthorizedKeys: key, MaxSessions: -1}, "must not be negative"},
	}
	for _, c := range cases {
		_, err := New(c.cfg)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

// nilApp is an application factory for configurations never served.
func nilApp(SessionInfo) tea.Model { return nil }
