package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
)

// One action per customer, the same in the report and in the contact
// list: on the built-in shop with a budget of 30 % (600 of 2,000
// customers, so most segment × P level cells are contacted in part), each
// cell of the JSON's actions counts as contacted the lines of
// --contacts-out in its segment and P level (counted here from the
// file), words their action as every one of those lines does, and has an
// action for the customers left out exactly when some are. The report
// used to pick the action by P level ("no extra spend" for a low cell
// whose customers the list contacted).
func TestPlanActionsAreTheContactList(t *testing.T) {
	model := shopModel(t)
	out := filepath.Join(t.TempDir(), "contacts.csv")
	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--budget", "30%", "--cost", "2", "--value", "avg_order_value",
		"--success", "0.25", "--json", "--contacts-out", out); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	type group struct {
		Segment   string  `json:"segment"`
		Level     string  `json:"p_level"`
		Customers int     `json:"customers"`
		Contacted int     `json:"contacted"`
		Contact   *string `json:"action_contacted"`
		Others    *string `json:"action_not_contacted"`
	}
	var doc struct {
		Plan struct {
			Best struct {
				Contacted int `json:"contacted"`
			} `json:"best"`
			Segments []group `json:"segments"`
			Actions  []group `json:"actions"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	recs := readCSVFile(t, out)[1:]
	if len(recs) != 600 || doc.Plan.Best.Contacted != 600 {
		t.Fatalf("%d lines, %d contacted: want the budget's 600", len(recs), doc.Plan.Best.Contacted)
	}
	type key struct{ segment, level string }
	listed, bySegment := map[key]int{}, map[string]int{}
	action := map[key]string{}
	for _, r := range recs {
		k := key{r[3], r[4]}
		listed[k]++
		bySegment[r[3]]++
		if a, ok := action[k]; ok && a != r[5] {
			t.Errorf("cell %v: the list has actions %q and %q", k, a, r[5])
		}
		action[k] = r[5]
	}
	check := func(g group, contacted int, wantAction string) {
		t.Helper()
		switch {
		case g.Contacted != contacted:
			t.Errorf("%s/%s: %d contacted, the list has %d", g.Segment, g.Level, g.Contacted, contacted)
		case (g.Contact != nil) != (contacted > 0) || g.Contact != nil && wantAction != "" && *g.Contact != wantAction:
			t.Errorf("%s/%s: action if contacted %v, the list's %q", g.Segment, g.Level, g.Contact, wantAction)
		case (g.Others != nil) != (g.Customers > contacted):
			t.Errorf("%s/%s: %d of %d contacted, action if not %v", g.Segment, g.Level, contacted, g.Customers, g.Others)
		case g.Contact != nil && g.Others != nil && *g.Contact == *g.Others:
			t.Errorf("%s/%s: one wording for both sides, %q", g.Segment, g.Level, *g.Contact)
		}
	}
	partly := 0
	for _, g := range doc.Plan.Actions {
		k := key{g.Segment, g.Level}
		check(g, listed[k], action[k])
		if listed[k] > 0 && listed[k] < g.Customers {
			partly++
		}
	}
	for _, g := range doc.Plan.Segments {
		check(g, bySegment[g.Segment], "")
	}
	if partly == 0 {
		t.Error("no cell is contacted in part: the case tests nothing of the rule")
	}
}
