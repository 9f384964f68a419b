package main

import (
	"context"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

func TestParseMemoryFiles(t *testing.T) {
	meminfo := "MemTotal:       24683548 kB\nMemFree:         1000 kB\nMemAvailable:   24347560 kB\n"
	if v, ok := parseMeminfoKB(strings.NewReader(meminfo), "MemAvailable"); !ok || v != 24347560*1024 {
		t.Errorf("MemAvailable: %d %v", v, ok)
	}
	if _, ok := parseMeminfoKB(strings.NewReader("MemTotal: 5 kB\n"), "MemAvailable"); ok {
		t.Error("a missing field was found")
	}
	if _, ok := parseMeminfoKB(strings.NewReader("MemAvailable: lots\n"), "MemAvailable"); ok {
		t.Error("a malformed field was read")
	}
	for s, want := range map[string]uint64{"536870912\n": 536870912, "max\n": 0, "9223372036854771712\n": 0, "": 0} {
		v, ok := parseLimit(s)
		if v != want || ok != (want != 0) {
			t.Errorf("parseLimit(%q) = %d, %v; want %d", s, v, ok, want)
		}
	}
}

// TestSizeFlagsBeyondTheMemoryAreRefused runs with 1 GiB available: each
// request used to crash the runtime with "fatal error: out of memory".
func TestSizeFlagsBeyondTheMemoryAreRefused(t *testing.T) {
	csvPath := usersCSV(t, 200)
	model := trainModel(t, csvPath)
	// Cross-validation counts a network per fold trained at once, which
	// depends on the CPUs.
	d, err := experiment.Load(experiment.Source{Kind: "builtin", Users: 100}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Hidden = []engine.LayerSpec{{Units: 2_000_000, Activation: engine.ReLU}}
	network, _ := experiment.TrainingMemory(d, cfg, 2)
	cvNeed := data.Bytes(network)
	// The built-in shop's load note comes before the refusal.
	builtinNote := "note: built-in shop: column \"user_id\" is not a feature: an identifier\n"
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"train", "--layers", "1000000000"},
			builtinNote + "retain: --layers 1000000000: the network needs about 24 TiB of memory (this machine has 1 GiB available)\n"},
		{[]string{"train", "--layers", "64,1000000"},
			builtinNote + "retain: --layers 64,1000000: the network needs about 27 GiB of memory (this machine has 1 GiB available)\n"},
		{[]string{"eval", "--cv", "2", "--layers", "2000000", "--builtin-users", "100"},
			builtinNote + "retain: --layers 2000000: the network needs about " + cvNeed + " of memory (this machine has 1 GiB available)\n"},
		{[]string{"train", "--builtin-users", "50000000"},
			"retain: --builtin-users 50000000: the data needs about 15 GiB of memory (this machine has 1 GiB available)\n"},
	}
	for _, tc := range cases {
		c := newCLI(t)
		c.app.availableMemory = func() uint64 { return 1 << 30 }
		if code := c.run(context.Background(), tc.args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", tc.args, code, c.stderr.String())
		}
		if got := c.stderr.String(); got != tc.want {
			t.Errorf("%v:\nstderr %q\nwant   %q", tc.args, got, tc.want)
		}
	}
	// --explain is capped at the model's 3 input columns, so explaining
	// needs more memory than there is only on a very small machine.
	c := newCLI(t)
	c.app.availableMemory = func() uint64 { return 1 << 10 }
	explain := []string{"predict", "--model", model, "--data", csvPath, "--explain", "3"}
	if code := c.run(context.Background(), explain...); code != exitUsage ||
		!strings.HasPrefix(c.stderr.String(), "retain: --explain 3: explaining 200 rows needs about ") ||
		!strings.HasSuffix(c.stderr.String(), " of memory (this machine has "+data.Bytes(1<<10)+" available)\n") {
		t.Errorf("%v under 1 KiB: exit %d, stderr %q; want 2 and the memory refusal", explain, code, c.stderr.String())
	}
	// What fits is not refused.
	c = newCLI(t)
	c.app.availableMemory = func() uint64 { return 64 << 20 }
	if code := c.run(context.Background(), "train", "--builtin-users", "300", "--epochs", "1", "--layers", "8"); code != exitOK {
		t.Errorf("a small run under 64 MiB: exit %d, stderr %q", code, c.stderr.String())
	}
}
