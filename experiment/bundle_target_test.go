package experiment

import (
	"bytes"
	"strings"
	"testing"
)

func TestBundleTargetRoundTripAndOlderFiles(t *testing.T) {
	raw := textbookBundle(t) // label purchases_next_30d = yes, saved without a target
	if strings.Contains(string(raw), `"target"`) {
		t.Fatal("a model saved without a target writes one")
	}
	old, err := ReadBundle(bytes.NewReader(raw), "old.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := old.Outcome(); got.String() != `encourage "purchases_next_30d = yes"` || !got.Guessed {
		t.Errorf("older file: target %s (guessed %v), want the guess from the label's name", got, got.Guessed)
	}
	tgt, err := ParseTarget("prevent", old.Pipeline.Label)
	if err != nil {
		t.Fatal(err)
	}
	old.SetTarget(tgt)
	saved := encodeBundle(t, old)
	if !strings.Contains(string(saved), `"target": {`+"\n"+`  "direction": "prevent",`+"\n"+`  "class": "no"`) {
		t.Errorf("the target is not written as documented:\n%s", saved[bytes.Index(saved, []byte(`"target"`)):])
	}
	back, err := ReadBundle(bytes.NewReader(saved), "new.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Outcome(); got != tgt {
		t.Errorf("read back %s (on positive %v, guessed %v), want %s", got, got.OnPositive, got.Guessed, tgt)
	}
}

func TestReadBundleRefusesABadTarget(t *testing.T) {
	good := textbookBundle(t)
	for _, c := range []struct{ target, want string }{
		{`{"direction": "retain", "class": "yes"}`,
			`model file m.json: target direction "retain": want "prevent" or "encourage"`},
		{`{"direction": "prevent", "class": "maybe"}`,
			`model file m.json: target class "maybe" is not a class of the label "purchases_next_30d" (yes/no)`},
	} {
		raw := bytes.Replace(good, []byte(`"format":`), []byte(`"target": `+c.target+`, "format":`), 1)
		if _, err := ReadBundle(bytes.NewReader(raw), "m.json"); err == nil || err.Error() != c.want {
			t.Errorf("target %s: got %v, want %q", c.target, err, c.want)
		}
	}
}
