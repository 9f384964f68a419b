package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/pseudonym"
)

// readCSVFile reads a whole CSV file.
func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(mustRead(t, path))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// planContacts runs plan with args and --contacts-out into a new file and
// returns the plan's JSON document (args must hold --json), the list's
// lines without the header and the CLI.
func planContacts(t *testing.T, args ...string) (planContactsDoc, [][]string, *cli) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "contacts.csv")
	c := newCLI(t)
	if code := c.run(context.Background(), append(append([]string{"plan"}, args...), "--contacts-out", out)...); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc planContactsDoc
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := "Wrote the " + strconv.Itoa(doc.Plan.Best.Contacted) + " customers the plan contacts to " + out + "\n"
	if !strings.HasSuffix(c.stderr.String(), want) {
		t.Errorf("stderr %q does not end with %q", c.stderr.String(), want)
	}
	recs := readCSVFile(t, out)
	if got := strings.Join(recs[0], ","); got != "id,probability_churn_yes,band,segment,p_level,action,lever,value,expected_gain,reason_1,reason_2,reason_3" {
		t.Errorf("header %q", got)
	}
	return doc, recs[1:], c
}

// planContactsDoc is what the tests read of plan --json.
type planContactsDoc struct {
	Plan struct {
		Best struct {
			Contacted int `json:"contacted"`
		} `json:"best"`
		Contacts []struct {
			ID      string `json:"id"`
			Segment string `json:"segment"`
			Level   string `json:"p_level"`
			Action  string `json:"action"`
			Lever   *struct {
				Column string `json:"column"`
			} `json:"lever"`
		} `json:"contacts"`
	} `json:"plan"`
}

// --contacts-out writes every customer the plan contacts, in its order:
// by P × value with --value spend, here checked against predict's
// probabilities and the file's spend. Every contacted customer is worth at
// least the next and at least every customer left out (to the 6 decimals
// of the list's probabilities), and the first lines are the report's
// contacts. The plan on stdout is the one written without the flag.
func TestPlanContactsOutWritesEveryContactInOrder(t *testing.T) {
	users := usersCSV(t, 300)
	model := trainModel(t, users)
	args := []string{"--model", model, "--data", users, "--value", "spend", "--cost", "5", "--success", "0.2", "--levers", "visits", "--json"}
	doc, recs, c := planContacts(t, args...)
	n := doc.Plan.Best.Contacted
	if n <= len(doc.Plan.Contacts) || n >= 300 || len(recs) != n {
		t.Fatalf("%d lines for %d contacted of 300, %d listed in the report: want more than the report lists, not everyone",
			len(recs), n, len(doc.Plan.Contacts))
	}
	plain := newCLI(t)
	if code := plain.run(context.Background(), append([]string{"plan"}, args...)...); code != exitOK || plain.stdout.String() != c.stdout.String() {
		t.Errorf("exit %d: the plan on stdout changed with --contacts-out", code)
	}
	prob, probText := map[string]float64{}, map[string]string{}
	predicted := newCLI(t)
	if code := predicted.run(context.Background(), "predict", "--model", model, "--data", users); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, predicted.stderr.String())
	}
	scores, err := csv.NewReader(strings.NewReader(predicted.stdout.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range scores[1:] {
		prob[r[0]], _ = strconv.ParseFloat(r[1], 64)
		probText[r[0]] = r[1]
	}
	spend := map[string]float64{}
	for _, r := range readCSVFile(t, users)[1:] {
		spend[r[0]], _ = strconv.ParseFloat(r[2], 64)
	}
	const tol = 1e-6 * 200 // 6 decimals of P, spend up to 200
	seen := map[string]bool{}
	for k, r := range recs {
		if seen[r[0]] {
			t.Fatalf("customer %s listed twice", r[0])
		}
		seen[r[0]] = true
		// The same column as predict's, written the same: 6 decimals.
		if r[1] != probText[r[0]] {
			t.Errorf("line %d: P %s, predict writes %s", k+1, r[1], probText[r[0]])
		}
		if k > 0 {
			prev := recs[k-1][0]
			if prob[prev]*spend[prev] < prob[r[0]]*spend[r[0]]-tol {
				t.Errorf("line %d: %s (P × value %.3f) after %s (%.3f)", k+1, r[0], prob[r[0]]*spend[r[0]], prev, prob[prev]*spend[prev])
			}
		}
	}
	last := recs[n-1][0]
	for id, p := range prob {
		if !seen[id] && p*spend[id] > prob[last]*spend[last]+tol {
			t.Errorf("customer %s (P × value %.3f) is left out, the last contact %s has %.3f", id, p*spend[id], last, prob[last]*spend[last])
		}
	}
	for k, ct := range doc.Plan.Contacts {
		r := recs[k]
		if r[0] != ct.ID || r[3] != ct.Segment || r[4] != ct.Level || r[5] != ct.Action || (ct.Lever != nil) != strings.HasPrefix(r[6], "visits ") {
			t.Errorf("line %d: %q, the report's contact %+v", k+1, r, ct)
		}
	}
}

// --contacts-out may not replace a file plan reads, nor its own --out;
// "-" is stdout only when the plan goes to a file. Each refusal comes
// before anything is read: exit 2, one sentence, nothing written.
func TestPlanContactsOutRefusals(t *testing.T) {
	users := usersCSV(t, 120)
	model := trainModel(t, users)
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	plan := filepath.Join(t.TempDir(), "plan.md")
	before := mustRead(t, users)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--contacts-out", users}, "retain: --contacts-out " + users + " would replace the --data file it reads\n"},
		{[]string{"--contacts-out", model}, "retain: --contacts-out " + model + " would replace the --model file it reads\n"},
		{[]string{"--pseudonymise", "--salt-file", salt, "--contacts-out", salt},
			"retain: --contacts-out " + salt + " would replace the --salt-file file it reads\n"},
		{[]string{"--contacts-out", "-"},
			"retain: --contacts-out -: the plan goes to stdout; give a file name, or write the plan to a file with --out\n"},
		{[]string{"--out", "-", "--contacts-out", "-"},
			"retain: --contacts-out -: the plan goes to stdout; give a file name, or write the plan to a file with --out\n"},
		{[]string{"--out", plan, "--contacts-out", filepath.Join(filepath.Dir(plan), ".", "plan.md")},
			"retain: --contacts-out " + filepath.Join(filepath.Dir(plan), ".", "plan.md") + " is the --out file too: give the list a file of its own\n"},
		{[]string{"--contacts-out", filepath.Join(filepath.Dir(plan), "missing", "c.csv")},
			"retain: --contacts-out " + filepath.Join(filepath.Dir(plan), "missing", "c.csv") + ": directory " +
				filepath.Join(filepath.Dir(plan), "missing") + " does not exist\n"},
	} {
		mustRefuse(t, append([]string{"plan", "--model", model, "--data", users}, tc.args...), tc.want)
	}
	if mustRead(t, users) != before {
		t.Error("a refused --contacts-out changed the data")
	}
	if _, err := os.Stat(plan); err == nil {
		t.Error("a refused plan wrote its --out")
	}
}

// With --out FILE, --contacts-out - writes the list to stdout: the same
// bytes as the file it writes otherwise, and the plan goes to its file.
func TestPlanContactsOutDashIsStdout(t *testing.T) {
	users := usersCSV(t, 120)
	model := trainModel(t, users)
	dir := t.TempDir()
	file, plan := filepath.Join(dir, "contacts.csv"), filepath.Join(dir, "plan.md")
	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", users, "--contacts-out", file); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	md := c.stdout.String()
	c = newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", users, "--out", plan, "--contacts-out", "-"); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	if c.stdout.String() != mustRead(t, file) || mustRead(t, plan) != md {
		t.Errorf("stdout %q\nwant the file's %q; the plan file equal to the plan printed: %v",
			c.stdout.String(), mustRead(t, file), mustRead(t, plan) == md)
	}
	n := len(readCSVFile(t, file)) - 1
	if want := "Wrote the " + strconv.Itoa(n) + " customers the plan contacts to stdout\n"; !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", c.stderr.String(), want)
	}
}

// With --pseudonymise the list names every customer by its pseudonym, in
// the order of the plain list except among customers who score alike
// (to the six decimals written here), who are in the order of their
// pseudonyms rather than the file's; no plain id appears in it.
func TestPlanContactsOutPseudonymises(t *testing.T) {
	users := usersCSV(t, 200)
	model := trainModel(t, users)
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	key, err := pseudonym.New([]byte("first salt, long enough"))
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"--model", model, "--data", users, "--levers", "visits", "--json"}
	_, plain, _ := planContacts(t, args...)
	doc, hidden, _ := planContacts(t, append(args, "--pseudonymise", "--salt-file", salt)...)
	if len(hidden) != len(plain) || len(plain) == 0 {
		t.Fatalf("%d and %d lines", len(hidden), len(plain))
	}
	ids := func(recs [][]string) []string {
		var out []string
		for _, r := range recs {
			out = append(out, r[0])
		}
		return out
	}
	// The plain list's pseudonyms, customers who score alike put in the
	// order of their pseudonyms.
	want := key.IDs(ids(plain))
	for start := 0; start < len(plain); {
		end := start + 1
		for end < len(plain) && plain[end][1] == plain[start][1] {
			end++
		}
		slices.Sort(want[start:end])
		start = end
	}
	if got := ids(hidden); !slices.Equal(got, want) {
		t.Errorf("ids %v\nwant the plain list's pseudonyms, those who score alike in their order, %v", got, want)
	}
	plainOf := map[string][]string{}
	for _, r := range plain {
		plainOf[key.ID(r[0])] = r
	}
	ties := 0
	for k, r := range hidden {
		if !strings.HasPrefix(r[0], pseudonym.Prefix) || plainOf[r[0]] == nil || !slices.Equal(r[1:], plainOf[r[0]][1:]) {
			t.Errorf("line %d: %q, plain %q", k+1, r, plainOf[r[0]])
		}
		if strings.Contains(strings.Join(r, ","), "u0") {
			t.Errorf("line %d shows a plain id: %q", k+1, r)
		}
		if k > 0 && r[1] == hidden[k-1][1] {
			ties++
		}
	}
	if ties == 0 {
		t.Error("no two customers score alike: the order of ties is not tested")
	}
	if doc.Plan.Contacts[0].ID != hidden[0][0] {
		t.Errorf("the report's first contact %q, the list's %q", doc.Plan.Contacts[0].ID, hidden[0][0])
	}
}

// The closing line counts the customers written, and a plan that contacts
// no one writes the header alone and says so.
func TestPlanContactsOutClosingLine(t *testing.T) {
	for n, want := range map[int]string{
		0:    "Wrote the header only to c.csv: the plan contacts no one",
		1:    "Wrote the 1 customer the plan contacts to c.csv",
		1318: "Wrote the 1,318 customers the plan contacts to c.csv",
	} {
		if got := contactsWritten(n, "c.csv"); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
	users := usersCSV(t, 120)
	model := trainModel(t, users)
	out := filepath.Join(t.TempDir(), "none.csv")
	c := newCLI(t)
	// A budget of 1 pays for no contact at a cost of 5.
	if code := c.run(context.Background(), "plan", "--model", model, "--data", users, "--budget", "1", "--cost", "5",
		"--contacts-out", out); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	if recs := readCSVFile(t, out); len(recs) != 1 || !strings.HasSuffix(c.stderr.String(), contactsWritten(0, out)+"\n") {
		t.Errorf("%d lines, stderr %q", len(recs), c.stderr.String())
	}
}

// --contacts-out writes the values in its reasons in plain decimals, as a
// CRM or a spreadsheet reads them: a spend of 18,842.58 reads
// "spend=18843", not "spend=1.884e+04" (four significant digits, and a
// value of four whole digits or more rounded to a whole number; the wants
// are the file's spends rounded with math.Round, no spend ending in .50).
func TestPlanContactsOutWritesPlainNumbers(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 12))
	var b strings.Builder
	b.WriteString("user_id,visits,spend,churn\n")
	spend := map[string]float64{}
	for i := range 300 {
		visits := rng.IntN(20)
		cents := rng.IntN(2_000_000)
		if cents%100 == 50 {
			cents++
		}
		s := float64(cents) / 100
		churn := "no"
		if rng.Float64() < 1/(1+math.Exp(-(1.5-0.25*float64(visits)+0.0001*s))) {
			churn = "yes"
		}
		id := fmt.Sprintf("u%04d", i+1)
		spend[id] = s
		fmt.Fprintf(&b, "%s,%d,%.2f,%s\n", id, visits, s, churn)
	}
	users := writeFile(t, "users.csv", b.String())
	model := trainModel(t, users)
	_, recs, _ := planContacts(t, "--model", model, "--data", users, "--value", "spend", "--json")
	exponent := regexp.MustCompile(`\de[+-]\d`)
	checked := 0
	for k, r := range recs {
		for _, cell := range r[7:] {
			if exponent.MatchString(cell) {
				t.Errorf("line %d: reason %q has an exponent", k+1, cell)
			}
			v, ok := strings.CutPrefix(cell, "spend=")
			if !ok || spend[r[0]] < 10000 {
				continue
			}
			v, _, _ = strings.Cut(v, " (")
			if want := strconv.FormatFloat(math.Round(spend[r[0]]), 'f', 0, 64); v != want {
				t.Errorf("line %d: %s's spend %.2f written %q, want %q", k+1, r[0], spend[r[0]], v, want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatalf("no reason names a spend of 10,000 or more in %d lines", len(recs))
	}
}

// The contact list carries each customer's value and the expected gain of
// contacting them (review 33, 8), so it can be audited without the
// report: on the built-in shop, whose label a plan encourages, each line's
// expected_gain is success × (1 − P) × value − cost from the line's own
// probability and value (0.25 × (1 − P) × v − 2), and the gains add up
// to the report's net value.
func TestPlanContactsCarryValueAndGain(t *testing.T) {
	model := shopModel(t)
	out := filepath.Join(t.TempDir(), "contacts.csv")
	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--cost", "2", "--value", "avg_order_value",
		"--success", "0.25", "--json", "--contacts-out", out); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Plan struct {
			Target string `json:"target"`
			Best   struct {
				Contacted int     `json:"contacted"`
				Net       float64 `json:"net_value"`
			} `json:"best"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	recs := readCSVFile(t, out)
	head := recs[0]
	if head[7] != "value" || head[8] != "expected_gain" || doc.Plan.Target != "encourage" {
		t.Fatalf("header %q, target %s", head, doc.Plan.Target)
	}
	sum := 0.0
	for _, r := range recs[1:] {
		p, errP := strconv.ParseFloat(r[1], 64)
		v, errV := strconv.ParseFloat(r[7], 64)
		g, errG := strconv.ParseFloat(r[8], 64)
		if errP != nil || errV != nil || errG != nil {
			t.Fatalf("line %q: %v %v %v", r, errP, errV, errG)
		}
		// P has 6 decimals: the gain is known to 0.25 × 5e-7 × v.
		if want := 0.25*(1-p)*v - 2; math.Abs(g-want) > 1e-6*(v+1) {
			t.Errorf("%s: expected gain %g, want 0.25 × (1 − %g) × %g − 2 = %g", r[0], g, p, v, want)
		}
		sum += g
	}
	if len(recs)-1 != doc.Plan.Best.Contacted || math.Abs(sum-doc.Plan.Best.Net) > 1e-3 {
		t.Errorf("%d lines adding up to %g; the plan contacts %d for a net value of %g", len(recs)-1, sum,
			doc.Plan.Best.Contacted, doc.Plan.Best.Net)
	}
}
