package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/pseudonym"
)

// emailUsers is a 60-row table with an email column of four addresses,
// each on 15 rows, so that a model keeps each as a level: churn goes with
// the address (persons 0 and 1 churn but one row in seven).
func emailUsers() string {
	var b strings.Builder
	b.WriteString("user,email,spend,visits,plan,churn\n")
	for i := range 60 {
		churn := (i%4 < 2) != (i%7 == 0)
		fmt.Fprintf(&b, "u%02d,person%d@example.com,%d,%d,%s,%s\n", i, i%4, 10+3*i, (i*7)%23, []string{"basic", "pro"}[i%2],
			map[bool]string{false: "no", true: "yes"}[churn])
	}
	return b.String()
}

// personalSalt writes a salt file and returns it with its key.
func personalSalt(t *testing.T) (string, *pseudonym.Key) {
	t.Helper()
	key, err := pseudonym.New([]byte("first salt, long enough"))
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, "a.salt", "first salt, long enough\n"), key
}

// emailNote is the note that the email column's values are shown as
// pseudonyms.
const emailNote = `note: --pseudonymise: column "email" names people (written like e-mail addresses or phone numbers): its values are shown as pseudonyms`

// TestPredictPseudonymisesPersonalText: predict --pseudonymise showed the
// ids as pseudonyms but the e-mail addresses of a model column in clear:
// in every reason on it, and in the note on an address the model has no
// level for. Each is now the address's pseudonym (the unseen one scored
// as "(other)", as without pseudonyms), and stderr says so.
func TestPredictPseudonymisesPersonalText(t *testing.T) {
	model := trainSmallModel(t, writeFile(t, "users.csv", emailUsers()), "--epochs", "5")
	scoring := writeFile(t, "new.csv", "user,email,spend,visits,plan\n"+
		"n1,person0@example.com,40,3,basic\nn2,person3@example.com,90,12,pro\nn3,zed@example.com,60,7,pro\n")
	salt, key := personalSalt(t)
	run := func(extra ...string) *cli {
		c := newCLI(t)
		args := append([]string{"predict", "--model", model, "--data", scoring, "--explain", "4"}, extra...)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
		}
		return c
	}
	plain := run()
	if !strings.Contains(plain.stdout.String(), "email=person0@example.com") {
		t.Fatalf("without --pseudonymise no reason names the address:\n%s", plain.stdout)
	}
	c := run("--pseudonymise", "--salt-file", salt)
	if strings.Contains(c.stdout.String()+c.stderr.String(), "@") {
		t.Errorf("an address in clear:\n%s\n%s", c.stdout, c.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil || len(recs) != 4 {
		t.Fatalf("%d records, %v:\n%s", len(recs), err, c.stdout)
	}
	byID := map[string][]string{} // the lines are in pseudonym order
	for _, rec := range recs[1:] {
		byID[rec[0]] = rec
	}
	// zed@example.com is no level of email, which has no catch-all: its
	// reason reads "email (blank or unseen)", not "email=(other)"
	// (review 16, Medium 2).
	for i, want := range []string{"=" + key.ID("person0@example.com"), "=" + key.ID("person3@example.com"), " (blank or unseen)"} {
		rec := byID[key.ID(fmt.Sprintf("n%d", i+1))]
		if rec == nil {
			t.Fatalf("no line for n%d's pseudonym:\n%s", i+1, c.stdout)
		}
		reason := ""
		for _, r := range rec[3:] {
			if strings.HasPrefix(r, "email=") || strings.HasPrefix(r, "email (") {
				reason = r
			}
		}
		if !regexp.MustCompile(`^email` + regexp.QuoteMeta(want) + ` \([+-]\d\.\d{4}\)$`).MatchString(reason) {
			t.Errorf("row %d: the reason on email is %q, want the value %s", i+1, reason, want)
		}
	}
	unseen := fmt.Sprintf(`note: %s: column "email": 1 cell holds a level the model has no input for (unseen or rare in training), `+
		`scored as no level (all its inputs 0); the first is %q`, scoring, key.ID("zed@example.com"))
	lines := strings.Split(c.stderr.String(), "\n")
	for _, want := range []string{emailNote, unseen} {
		if !slices.Contains(lines, want) {
			t.Errorf("stderr lacks\n%s\n%s", want, c.stderr)
		}
	}
	if strings.Contains(c.stderr.String(), `column "plan" names people`) {
		t.Errorf("plan (basic, pro, pro) is said to name people:\n%s", c.stderr)
	}

	// The rule is read on the scored rows as on loaded data: three rows of
	// three plans are text whose every value is distinct.
	scoring = writeFile(t, "three.csv", "user,email,spend,visits,plan\n"+
		"n1,person0@example.com,40,3,basic\nn2,person3@example.com,90,12,pro\nn3,person1@example.com,60,7,gold\n")
	c = run("--pseudonymise", "--salt-file", salt)
	note := `note: --pseudonymise: column "plan" names people (every value is unique): its values are shown as pseudonyms`
	if !slices.Contains(strings.Split(c.stderr.String(), "\n"), note) {
		t.Errorf("stderr lacks\n%s\n%s", note, c.stderr)
	}
	for _, plan := range []string{"plan=" + key.ID("basic") + " (", "plan=" + key.ID("pro") + " (", "plan (blank or unseen) ("} {
		if !strings.Contains(c.stdout.String(), plan) {
			t.Errorf("no reason reads %s…:\n%s", plan, c.stdout)
		}
	}
}

// TestPlanPseudonymisesPersonalText: plan --pseudonymise with email as a
// lever showed the addresses in clear in the contacts file (lever moves
// and reasons), the Markdown report and the JSON document. Every move is
// now from one address's pseudonym to another's, and no output holds an
// address.
func TestPlanPseudonymisesPersonalText(t *testing.T) {
	model := trainSmallModel(t, writeFile(t, "users.csv", emailUsers()), "--epochs", "30")
	users := writeFile(t, "users.csv", emailUsers())
	salt, key := personalSalt(t)
	pseudonyms := map[string]bool{}
	for i := range 4 {
		pseudonyms[key.ID(fmt.Sprintf("person%d@example.com", i))] = true
	}
	dir := t.TempDir()
	contacts, report := filepath.Join(dir, "contacts.csv"), filepath.Join(dir, "plan.md")
	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", users, "--levers", "email", "--pseudonymise",
		"--salt-file", salt, "--contacts-out", contacts, "--out", report); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	j := newCLI(t)
	if code := j.run(context.Background(), "plan", "--model", model, "--data", users, "--levers", "email", "--pseudonymise",
		"--salt-file", salt, "--json"); code != exitOK {
		t.Fatalf("plan --json: exit %d, stderr %q", code, j.stderr.String())
	}
	list, err := os.ReadFile(contacts)
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"contacts": string(list), "report": string(md), "JSON": j.stdout.String(),
		"stderr": c.stderr.String() + j.stderr.String()} {
		if strings.Contains(out, "@") {
			t.Errorf("the %s hold an address in clear:\n%s", name, out)
		}
	}
	if !slices.Contains(strings.Split(c.stderr.String(), "\n"), emailNote) {
		t.Errorf("stderr lacks\n%s\n%s", emailNote, c.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(string(list))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	move := regexp.MustCompile(`^email (p_[0-9a-f]{20}) → (p_[0-9a-f]{20}): `)
	moves := 0
	for _, rec := range recs[1:] {
		if rec[6] == "" {
			continue
		}
		m := move.FindStringSubmatch(rec[6])
		if m == nil || !pseudonyms[m[1]] || !pseudonyms[m[2]] {
			t.Errorf("lever %q: want a move between the addresses' pseudonyms", rec[6])
			continue
		}
		moves++
	}
	if moves == 0 {
		t.Fatalf("no contact has a lever move: the test no longer tests what it says\n%s", list)
	}
}

// TestRecommendPseudonymisesPersonalText: recommend --pseudonymise listed
// the customers' pseudonyms in the order of their ids (C000, C001, …
// given out in that order), and an item column of e-mail addresses (the
// sellers of a marketplace) in clear. The customers are now in pseudonym
// order and the items are their addresses' pseudonyms.
func TestRecommendPseudonymisesPersonalText(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 5))
	var b strings.Builder
	b.WriteString("invoice,customer,date,seller,quantity,price\n")
	invoice := 1000
	for c := range 60 {
		for range 1 + rng.IntN(8) {
			invoice++
			day := rng.IntN(700)
			for range 1 + rng.IntN(3) {
				fmt.Fprintf(&b, "%d,C%03d,2023-%02d-%02d,seller%d@example.com,%d,3\n", invoice, c, 1+day/60%12, 1+day%28, rng.IntN(15), 1+rng.IntN(4))
			}
		}
	}
	log := writeFile(t, "orders.csv", b.String())
	salt, key := personalSalt(t)
	c := newCLI(t)
	if code := c.run(context.Background(), "recommend", "--log", log, "--item-column", "seller", "--pseudonymise", "--salt-file", salt); code != exitOK {
		t.Fatalf("recommend: exit %d, stderr %q", code, c.stderr.String())
	}
	if strings.Contains(c.stdout.String()+c.stderr.String(), "example.com") {
		t.Errorf("an address in clear:\n%s\n%s", c.stdout, c.stderr)
	}
	want := `note: --pseudonymise: column seller is written like e-mail addresses or phone numbers: its values are shown as pseudonyms`
	if !slices.Contains(strings.Split(c.stderr.String(), "\n"), want) {
		t.Errorf("stderr lacks\n%s\n%s", want, c.stderr)
	}
	sellers := map[string]bool{}
	for i := range 15 {
		sellers[key.ID(fmt.Sprintf("seller%d@example.com", i))] = true
	}
	recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	var customers []string
	for _, rec := range recs[1:] {
		if !sellers[rec[2]] {
			t.Errorf("item %q is no seller's pseudonym", rec[2])
		}
		if n := len(customers); n == 0 || customers[n-1] != rec[0] {
			customers = append(customers, rec[0])
		}
	}
	inIDOrder := make([]string, 60)
	for i := range inIDOrder {
		inIDOrder[i] = key.ID(fmt.Sprintf("C%03d", i))
	}
	sorted := slices.Sorted(slices.Values(inIDOrder))
	if slices.Equal(sorted, inIDOrder) {
		t.Fatal("the pseudonyms in id order are sorted already: the test cannot tell the orders apart")
	}
	if !slices.Equal(customers, sorted) {
		t.Errorf("customers listed as\n%q\nwant the pseudonyms sorted\n%q", customers, sorted)
	}
}
