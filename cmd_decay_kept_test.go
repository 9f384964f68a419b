package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestTrainSaysWhichNetworkItKept: the decay check trains a second network
// after the first and prints how that one ended; those lines name the
// check's run, so the last "kept the weights of epoch" on stderr is not
// read as the saved model's, and a last line says which network and epoch
// the saved model is. The expected epoch and network come from train's own
// --json (best_epoch, epochs, decay_check), not from stderr.
func TestTrainSaysWhichNetworkItKept(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--builtin-users", "3000", "--early-stop", "3", "--json"); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	var res struct {
		Epochs     int `json:"epochs"`
		BestEpoch  int `json:"best_epoch"`
		DecayCheck struct {
			Prior    float64 `json:"prior"`
			AltPrior float64 `json:"alt_prior"`
			Switched bool    `json:"switched"`
		} `json:"decay_check"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.BestEpoch == 0 || res.DecayCheck.Prior == 0 {
		t.Fatalf("the test needs a run that stops early and checks the decay: %s", c.stdout)
	}
	stderr := c.stderr.String()
	_, check, ok := strings.Cut(stderr, "Checking the decay")
	if !ok {
		t.Fatalf("no decay check on stderr:\n%s", stderr)
	}
	for l := range strings.SplitSeq(check, "\n") {
		if strings.HasPrefix(l, "Stopped early") || strings.HasPrefix(l, "Kept the weights") {
			t.Errorf("the decay check's run ends with %q, which reads as the saved model's", l)
		}
	}
	prior := res.DecayCheck.Prior
	if res.DecayCheck.Switched {
		prior = res.DecayCheck.AltPrior
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	want := fmt.Sprintf("Kept model: the %g / rows network, with the weights of epoch %d of %d.", prior, res.BestEpoch, res.Epochs)
	if got := lines[len(lines)-1]; got != want {
		t.Errorf("stderr ends with\n%q\nwant\n%q\nstderr:\n%s", got, want, stderr)
	}
}
