package pseudonym

import (
	"errors"
	"strings"
	"testing"
)

// TestID checks a pseudonym against HMAC-SHA256 computed independently:
//
//	python3 -c 'import hmac,hashlib; print(hmac.new(b"0123456789abcdef", b"7590-VHVEG", hashlib.sha256).hexdigest()[:20])'
func TestID(t *testing.T) {
	k, err := New([]byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := k.ID("7590-VHVEG"), "p_"+wantHex; got != want {
		t.Errorf("ID = %q, want %q", got, want)
	}
}

func TestStableUnderOneSaltDifferentUnderAnother(t *testing.T) {
	a, _ := New([]byte("salt number one, long enough"))
	a2, _ := New([]byte("salt number one, long enough"))
	b, _ := New([]byte("salt number two, long enough"))
	ids := []string{"1", "2", "customer-42", ""}
	pa, pa2, pb := a.IDs(ids), a2.IDs(ids), b.IDs(ids)
	seen := map[string]bool{}
	for i := range ids {
		if pa[i] != pa2[i] {
			t.Errorf("%q: %q and %q under the same salt", ids[i], pa[i], pa2[i])
		}
		if pa[i] == pb[i] {
			t.Errorf("%q: %q under both salts", ids[i], pa[i])
		}
		if !strings.HasPrefix(pa[i], Prefix) || len(pa[i]) != len(Prefix)+2*HashBytes {
			t.Errorf("%q: malformed pseudonym %q", ids[i], pa[i])
		}
		if seen[pa[i]] {
			t.Errorf("%q: pseudonym %q repeats", ids[i], pa[i])
		}
		seen[pa[i]] = true
	}
}

func TestNilKeyIsIdentity(t *testing.T) {
	var k *Key
	ids := []string{"a", "b"}
	if k.ID("a") != "a" || &k.IDs(ids)[0] != &ids[0] || k.Enabled() {
		t.Error("a nil key changed ids")
	}
}

func TestReadSalt(t *testing.T) {
	k, err := Read(strings.NewReader("  0123456789abcdef\n"), "salt.txt")
	if err != nil || k.ID("7590-VHVEG") != "p_"+wantHex {
		t.Errorf("trimmed salt: %v, %v", k, err)
	}
	_, err = Read(strings.NewReader("short\n"), "salt.txt")
	want := "salt file salt.txt: bad salt: 5 bytes, want at least 16 (for example: head -c 32 /dev/urandom | base64 > salt.txt)"
	if !errors.Is(err, ErrSalt) || err.Error() != want {
		t.Errorf("short salt: %v\nwant %s", err, want)
	}
	if _, err := Read(strings.NewReader(strings.Repeat("x", 1<<17)), "big"); !errors.Is(err, ErrSalt) {
		t.Errorf("huge salt file: %v", err)
	}
}

// wantHex is HMAC-SHA256(b"0123456789abcdef", b"7590-VHVEG")[:10] in hex,
// from Python's hmac module (command above TestID).
const wantHex = "cc943f133b79991b262f"

// TestOneCustomerOnePseudonym: predict trimmed a padded id cell but the API
// did not, and "15600587.0" (a float id column) had a pseudonym of its own
// in predict and the API although order logs read it as 15600587. Each
// spelling of one customer has one pseudonym; other ids stay apart.
func TestOneCustomerOnePseudonym(t *testing.T) {
	k, err := New([]byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	want := k.ID("15600587")
	for _, id := range []string{" 15600587", "15600587 ", "\t15600587\u00a0", "15600587.0", "15600587.000", " 15600587.0 "} {
		if got := k.ID(id); got != want {
			t.Errorf("ID(%q) = %s, want ID(\"15600587\") = %s", id, got, want)
		}
	}
	for id, canon := range map[string]string{
		"15600587.5": "15600587.5", "15600587.": "15600587.", ".0": ".0", "1.56e7": "1.56e7",
		"A1.0": "A1.0", "1.0.0": "1.0.0", "-1.0": "-1.0", "0.0": "0", "u0001": "u0001", "": "",
	} {
		if got := Canonical(id); got != canon {
			t.Errorf("Canonical(%q) = %q, want %q", id, got, canon)
		}
	}
	if k.ID("15600587.5") == want {
		t.Error("15600587.5 has 15600587's pseudonym")
	}
}
