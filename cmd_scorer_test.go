package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// scorerLog is a log of 200 customers from 2024-01-01 (day 0): customer i
// first orders on day i%40, then every 7 + i%23 days up to day
// 40 + 13i%110, so that some keep buying to the end and others stop.
func scorerLog() string {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for i := range 200 {
		stop := 40 + (i*13)%110
		for d := i % 40; d <= stop; d += 7 + i%23 {
			fmt.Fprintf(&b, "c%03d,%s,%d\n", i, dayDate(d), 10+i%17)
		}
	}
	return b.String()
}

// dayDate is day d after 2024-01-01 as YYYY-MM-DD.
func dayDate(d int) string {
	return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d).Format(time.DateOnly)
}

// trainScorerModel trains a 30-day model on scorerLog at 2024-03-31.
func trainScorerModel(t *testing.T) (log, model string) {
	t.Helper()
	log = writeFile(t, "orders.csv", scorerLog())
	model = filepath.Join(t.TempDir(), "m.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", log, "--cutoff", "2024-03-31", "--horizon", "30d",
		"--epochs", "2", "-o", model); code != exitOK {
		t.Fatalf("train: exit %d; stderr %q", code, c.stderr.String())
	}
	return log, model
}

// bgnbdPAny fits BG/NBD on log up to cutoff as package experiment does
// for the backtest and eval, and returns each customer's P(any order in
// horizonDays) by id.
func bgnbdPAny(t *testing.T, log, cutoff string, horizonDays int) map[string]float64 {
	t.Helper()
	f, err := os.Open(log)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := data.ReadOrderLog(f, log, data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cut, err := time.Parse(time.DateOnly, cutoff)
	if err != nil {
		t.Fatal(err)
	}
	tab, _, err := data.BuildCohort(l, cut, horizonDays)
	if err != nil {
		t.Fatal(err)
	}
	bg, err := experiment.BGNBDBaseline(l, tab, cut, horizonDays)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for i, id := range tab.IDs() {
		out[id] = bg.PAny[i]
	}
	return out
}

// TestPredictScorerBGNBD: predict --log --scorer bgnbd writes BG/NBD's
// P(any order in the model's horizon), fitted on the log up to the cutoff
// (the formula is checked in experiment's TestScoreCurrentBGNBD), not the
// network's; it refuses --explain, a scorer it does not know, and bgnbd
// without --log.
func TestPredictScorerBGNBD(t *testing.T) {
	log, model := trainScorerModel(t)
	want := bgnbdPAny(t, log, "2024-04-30", 30)
	c := newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--log", log, "--cutoff", "2024-04-30", "--scorer", "bgnbd"); code != exitOK {
		t.Fatalf("predict: exit %d; stderr %q", code, c.stderr.String())
	}
	if !strings.Contains(c.stderr.String(), "note: scored by BG/NBD (--scorer bgnbd): P(at least one order within 30 days after 2024-04-30)") {
		t.Errorf("stderr does not say BG/NBD scored: %q", c.stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(c.stdout.String()), "\n")
	if len(lines)-1 != len(want) {
		t.Fatalf("%d rows, want %d", len(lines)-1, len(want))
	}
	for _, line := range lines[1:] {
		f := strings.Split(line, ",")
		p, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := want[f[0]]; !ok || math.Abs(p-w) > 5e-7 {
			t.Errorf("%s: %v, want BG/NBD's %.6f", f[0], p, w)
		}
	}
	for _, args := range [][]string{
		{"--log", log, "--scorer", "bgnbd", "--explain", "2"},
		{"--log", log, "--scorer", "pareto"},
		{"--data", log, "--scorer", "bgnbd"},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), append([]string{"predict", "--model", model}, args...)...); code != exitUsage {
			t.Errorf("predict %v: exit %d, want %d; stderr %q", args, code, exitUsage, c.stderr.String())
		}
	}
}

// TestPlanScorerBGNBD: plan --log --scorer bgnbd --target prevent ranks
// and counts on 1 − BG/NBD's P(any order); it says BG/NBD scored, shows
// no drivers, levers, reasons or network validation figures, and says
// they are not available.
func TestPlanScorerBGNBD(t *testing.T) {
	log, model := trainScorerModel(t)
	want := bgnbdPAny(t, log, "2024-04-30", 30)
	contacts := filepath.Join(t.TempDir(), "contacts.csv")
	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--log", log, "--cutoff", "2024-04-30", "--scorer", "bgnbd",
		"--target", "prevent", "--levers", "frequency", "--contacts-out", contacts); code != exitOK {
		t.Fatalf("plan: exit %d; stderr %q", code, c.stderr.String())
	}
	md := c.stdout.String()
	for _, s := range []string{"**Scored by BG/NBD.**", "Levers: not available under --scorer bgnbd",
		"The model file's validation figures are the network's, not BG/NBD's"} {
		if !strings.Contains(md, s) {
			t.Errorf("plan lacks %q:\n%s", s, md)
		}
	}
	for _, s := range []string{"## Main drivers", "Measured on its"} {
		if strings.Contains(md, s) {
			t.Errorf("plan under bgnbd shows the network's %q", s)
		}
	}
	if !strings.Contains(c.stderr.String(), "note: levers (frequency) are not available under --scorer bgnbd") {
		t.Errorf("stderr does not say the levers are left out: %q", c.stderr.String())
	}
	recs := readCSVFile(t, contacts)
	if len(recs) < 2 {
		t.Fatalf("no contacts: %v", recs)
	}
	for _, r := range recs[1:] {
		p, err := strconv.ParseFloat(r[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		if w := 1 - want[r[0]]; math.Abs(p-w) > 5e-7 {
			t.Errorf("%s: P(no order) %v, want 1 − BG/NBD's P(any) = %.6f", r[0], p, w)
		}
		if lever, reasons := r[6], strings.Join(r[9:], ""); lever != "" || reasons != "" {
			t.Errorf("%s: lever %q, reasons %q under bgnbd", r[0], lever, reasons)
		}
	}
}

// TestScorerBGNBDNotFitted: on a history where BG/NBD cannot be fitted (no
// repeat purchase up to the cutoff), --scorer bgnbd is refused with exit 2
// and the reason, and points to the network.
func TestScorerBGNBDNotFitted(t *testing.T) {
	path := writeFile(t, "x0.csv", noRepeatLog())
	model := filepath.Join(t.TempDir(), "x0.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", path, "--cutoff", "2024-04-15", "--horizon", "40d", "--epochs", "2", "-o", model); code != exitOK {
		t.Fatalf("train: exit %d; stderr %q", code, c.stderr.String())
	}
	for _, cmd := range []string{"predict", "plan"} {
		c = newCLI(t)
		if code := c.run(context.Background(), cmd, "--model", model, "--log", path, "--cutoff", "2024-04-15", "--scorer", "bgnbd"); code != exitUsage {
			t.Fatalf("%s: exit %d, want %d; stderr %q", cmd, code, exitUsage, c.stderr.String())
		}
		if s := c.stderr.String(); !strings.Contains(s, "--scorer bgnbd: BG/NBD baseline: "+path+" up to 2024-04-15: no customer bought again") ||
			!strings.Contains(s, "score with the network (--scorer network)") {
			t.Errorf("%s: stderr %q lacks the reason", cmd, s)
		}
	}
}
