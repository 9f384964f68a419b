package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// plan --json gives the break-even probability and the best plan at half
// and double the success rate (review 27, finding 3), and the report says
// both under the headline. With cost 10, value 100 and success 0.2, a
// contact to prevent churn pays where P > 10 ÷ (0.2 × 100) = 0.5; at
// success 0.1 where P > 1, never; at 0.4 where P > 0.25, for a net value
// of Σ (0.4 × P × 100 − 10) over those customers, summed here from
// predict's probabilities of the same customers.
func TestPlanGivesBreakEvenAndSensitivity(t *testing.T) {
	users := writeFile(t, "users.csv", strings.Join(usersLinesVisitsHeld(t, 300, 2, 15), "\n")+"\n")
	model := t.TempDir() + "/model.json"
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--label", "churn", "--epochs", "3", "--layers", "8",
		"--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	scores := t.TempDir() + "/scores.csv"
	if code := newCLI(t).run(context.Background(), "predict", "--model", model, "--data", users, "--out", scores); code != exitOK {
		t.Fatal("predict failed")
	}
	f, err := os.Open(scores)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for j, h := range rows[0] {
		if strings.HasPrefix(h, "probability") {
			col = j
		}
	}
	n, net := 0, 0.0
	for _, r := range rows[1:] {
		p, err := strconv.ParseFloat(r[col], 64)
		if err != nil {
			t.Fatal(err)
		}
		if p > 0.25 {
			n, net = n+1, net+0.4*p*100-10
		}
	}
	if n == 0 || n == len(rows)-1 {
		t.Fatalf("%d of %d customers above 0.25: the test tells nothing", n, len(rows)-1)
	}
	args := []string{"plan", "--model", model, "--data", users, "--target", "prevent", "--cost", "10", "--value", "100", "--success", "0.2"}
	c = newCLI(t)
	if code := c.run(context.Background(), append(args, "--json")...); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Plan struct {
			BreakEven struct {
				P     *float64 `json:"probability"`
				Above bool     `json:"pays_above"`
				Stake float64  `json:"value_at_stake"`
			} `json:"break_even"`
			Sensitivity []struct {
				Success float64 `json:"success_rate"`
				Best    struct {
					Contacted int     `json:"contacted"`
					Net       float64 `json:"net_value"`
				} `json:"best"`
			} `json:"success_sensitivity"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	be, sens := doc.Plan.BreakEven, doc.Plan.Sensitivity
	if be.P == nil || math.Abs(*be.P-0.5) > 1e-12 || !be.Above || be.Stake != 50 {
		t.Errorf("break-even %+v, want P 0.5, above, stake 50", be)
	}
	if len(sens) != 2 || sens[0].Success != 0.1 || sens[0].Best.Contacted != 0 || sens[1].Success != 0.4 ||
		sens[1].Best.Contacted != n || math.Abs(sens[1].Best.Net-net) > 1e-6*math.Abs(net) {
		t.Errorf("sensitivity %+v, want none at 0.1 and %d, net %.4f at 0.4", sens, n, net)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), args...); code != exitOK {
		t.Fatalf("plan: exit %d", code)
	}
	for _, want := range []string{"Break-even: a contact pays for itself where P(churn = yes) > 0.500 (cost ÷ (success × value) = 10.00 ÷ (20 % × 100)). ",
		"Had the success rate been half, 10 %: contact no one; double, 40 %: contact " + strconv.Itoa(n) + " ("} {
		if !strings.Contains(c.stdout.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, c.stdout.String()[:min(1500, c.stdout.Len())])
		}
	}
}
