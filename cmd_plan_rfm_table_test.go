package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
)

// A per-user file with an order log's RFM columns (recency_days,
// frequency, monetary_total: a cohort exported as a table) is segmented
// by RFM cell by plan --data, as the Plan screen segments a run on such a
// table (experiment.PlanFor); plan gave it value levels before.
func TestPlanDataWithRFMColumnsSegmentsByRFMCell(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	var b strings.Builder
	b.WriteString("customer_id,recency_days,frequency,monetary_total,churn\n")
	for i := range 300 {
		recency, freq := rng.IntN(365), 1+rng.IntN(12)
		churn := "no"
		if rng.Float64() < float64(recency)/365 {
			churn = "yes"
		}
		fmt.Fprintf(&b, "c%04d,%d,%d,%.2f,%s\n", i+1, recency, freq, float64(freq)*(5+rng.Float64()*40), churn)
	}
	path := writeFile(t, "rfm_users.csv", b.String())
	model := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", path, "--label", "churn", "--epochs", "2", "--layers", "8",
		"--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", path, "--json"); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Plan struct {
			Kind string `json:"segment_kind"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Plan.Kind != "rfm" {
		t.Errorf("segment kind %q, want rfm", doc.Plan.Kind)
	}
}
