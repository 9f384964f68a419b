package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/pseudonym"
)

// writtenIDUsers returns a 40-user table whose whole-number user_id column
// holds ids a float64 does not write back: zero-padded ones (0000001,
// 0000007, …) and 19-digit ones past 2^53 (2058466726881502778, …), with
// the ids in file order.
func writtenIDUsers() (table string, ids []string) {
	var b strings.Builder
	b.WriteString("user_id,visits,spend,churned\n")
	for i := range 40 {
		id := fmt.Sprintf("%07d", i*3+1)
		if i%2 == 1 {
			id = fmt.Sprint(uint64(2058466726881502778) + uint64(i)*7919)
		}
		ids = append(ids, id)
		fmt.Fprintf(&b, "%s,%d,%d.%02d,%d\n", id, i%9, 20+i*i%70, i%100, i%3%2)
	}
	return b.String(), ids
}

// TestAnomaliesIDsAsWritten: numeric ids were printed from their float64
// (0000067 as 67, 2058466726881502778 as 2058466726881502700). The text
// list, the JSON document and --export-features show every id as the file
// writes it, and --pseudonymise the pseudonym of that text.
func TestAnomaliesIDsAsWritten(t *testing.T) {
	table, ids := writtenIDUsers()
	users := writeFile(t, "users.csv", table)
	sorted := slices.Sorted(slices.Values(ids))

	if got := slices.Sorted(slices.Values(anomalyIDs(t, 40, "--data", users))); !slices.Equal(got, sorted) {
		t.Errorf("JSON ids %q, want the file's %q", got, sorted)
	}

	features := filepath.Join(t.TempDir(), "features.csv")
	c := newCLI(t)
	if code := c.run(context.Background(), "anomalies", "--data", users, "--top", "40", "--export-features", features); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	var listed []string
	lines := strings.Split(strings.TrimSpace(c.stdout.String()), "\n")
	if len(lines) != 41 || !strings.HasPrefix(lines[0], "rank  user") {
		t.Fatalf("want a header and 40 users:\n%s", c.stdout)
	}
	for _, line := range lines[1:] {
		listed = append(listed, strings.Fields(line)[1])
	}
	if slices.Sort(listed); !slices.Equal(listed, sorted) {
		t.Errorf("listed ids %q, want the file's %q", listed, sorted)
	}
	f, err := os.Open(features)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var exported []string
	for _, rec := range recs[1:] {
		exported = append(exported, rec[0])
	}
	if !slices.Equal(exported, ids) {
		t.Errorf("exported ids %q, want the file's in its order %q", exported, ids)
	}

	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	key, _ := pseudonym.New([]byte("first salt, long enough"))
	want := make([]string, len(ids))
	for i, id := range ids {
		want[i] = key.ID(id)
	}
	slices.Sort(want)
	got := slices.Sorted(slices.Values(anomalyIDs(t, 40, "--data", users, "--pseudonymise", "--salt-file", salt)))
	if !slices.Equal(got, want) {
		t.Errorf("pseudonymised ids %q, want the pseudonyms of the file's ids %q", got, want)
	}
}

// TestAnomaliesTiesByPseudonym: users of equal score (identical rows) were
// listed in file order, which beside their pseudonyms gives the ids back
// in a file sorted by id. With --pseudonymise they are listed by pseudonym,
// as the plan lists tied customers; without it, in file order as before.
func TestAnomaliesTiesByPseudonym(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,visits,spend,plan\n")
	var idle []string // the identical rows' ids, in file order
	for i := range 80 {
		id := fmt.Sprintf("U%03d", i)
		if i%4 == 0 {
			idle = append(idle, id)
			fmt.Fprintf(&b, "%s,0,0,basic\n", id)
			continue
		}
		fmt.Fprintf(&b, "%s,%d,%d,%s\n", id, (i*7)%31, (i*53)%500, []string{"basic", "plus", "pro"}[i%3])
	}
	users := writeFile(t, "users.csv", b.String())
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	key, _ := pseudonym.New([]byte("first salt, long enough"))
	byPseudonym := make([]string, len(idle))
	for i, id := range idle {
		byPseudonym[i] = key.ID(id)
	}
	inFileOrder := slices.Clone(byPseudonym)
	slices.Sort(byPseudonym)
	if slices.Equal(inFileOrder, byPseudonym) {
		t.Fatal("the pseudonyms in file order are sorted already: the test cannot tell the orders apart")
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{nil, idle},
		{[]string{"--pseudonymise", "--salt-file", salt}, byPseudonym},
	} {
		top := anomalyTop(t, 80, append([]string{"--data", users}, tc.args...)...)
		// The identical rows score alike: they are listed together, in the
		// order wanted.
		first := slices.IndexFunc(top, func(u anomalyTopUser) bool { return slices.Contains(tc.want, u.ID) })
		tied := top[first:min(first+len(tc.want), len(top))]
		for _, u := range tied {
			if u.Score != tied[0].Score {
				t.Fatalf("%q: %s scores %v, unlike %s (%v)", tc.args, u.ID, u.Score, tied[0].ID, tied[0].Score)
			}
		}
		if got := topIDs(tied); !slices.Equal(got, tc.want) {
			t.Errorf("%q: the tied users are listed as\n%q\nwant\n%q", tc.args, got, tc.want)
		}
	}
}

// anomalyTopUser is a user of the anomalies JSON document's list.
type anomalyTopUser struct {
	ID    string  `json:"id"`
	Score float64 `json:"score"`
}

// anomalyTop runs anomalies --json --top top with args and returns the
// users listed, which must be top.
func anomalyTop(t *testing.T, top int, args ...string) []anomalyTopUser {
	t.Helper()
	c := newCLI(t)
	args = append([]string{"anomalies", "--json", "--top", strconv.Itoa(top)}, args...)
	if code := c.run(context.Background(), args...); code != exitOK {
		t.Fatalf("anomalies: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Top []anomalyTopUser `json:"top"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil || len(doc.Top) != top {
		t.Fatalf("anomalies JSON: %v\n%s", err, c.stdout.String())
	}
	return doc.Top
}

// topIDs returns the ids of users.
func topIDs(users []anomalyTopUser) []string {
	out := make([]string, len(users))
	for i, u := range users {
		out[i] = u.ID
	}
	return out
}

// TestAnomaliesExportFeaturesByPseudonym: --export-features wrote its rows
// in file order beside the pseudonyms, which gives the ids back when the
// file is sorted by id. With --pseudonymise the rows are in pseudonym
// order, each with its own features (the row the export without pseudonyms
// writes for the same id); without it, in file order as before.
func TestAnomaliesExportFeaturesByPseudonym(t *testing.T) {
	table, ids := writtenIDUsers()
	users := writeFile(t, "users.csv", table)
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	key, _ := pseudonym.New([]byte("first salt, long enough"))
	plain := exportedFeatures(t, "--data", users)
	pseudo := exportedFeatures(t, "--data", users, "--pseudonymise", "--salt-file", salt)
	if len(plain) != len(ids) || len(pseudo) != len(ids) {
		t.Fatalf("%d and %d rows exported, want %d", len(plain), len(pseudo), len(ids))
	}
	features := map[string]string{} // by pseudonym, from the export in clear
	var inFileOrder []string
	for i, rec := range plain {
		if rec[0] != ids[i] {
			t.Fatalf("row %d without pseudonyms is %s, want the file's %s", i+1, rec[0], ids[i])
		}
		features[key.ID(rec[0])] = strings.Join(rec[1:], ",")
		inFileOrder = append(inFileOrder, key.ID(rec[0]))
	}
	want := slices.Sorted(slices.Values(inFileOrder))
	if slices.Equal(want, inFileOrder) {
		t.Fatal("the pseudonyms in file order are sorted already: the test cannot tell the orders apart")
	}
	var got []string
	for _, rec := range pseudo {
		got = append(got, rec[0])
		if f := strings.Join(rec[1:], ","); f != features[rec[0]] {
			t.Errorf("%s: features %s, want %s", rec[0], f, features[rec[0]])
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("pseudonymised rows in the order\n%q\nwant\n%q", got, want)
	}
}

// exportedFeatures runs anomalies --export-features with args and returns
// the records written, without the header.
func exportedFeatures(t *testing.T, args ...string) [][]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "features.csv")
	c := newCLI(t)
	if code := c.run(context.Background(), append([]string{"anomalies", "--export-features", out}, args...)...); code != exitOK {
		t.Fatalf("anomalies: exit %d, stderr %q", code, c.stderr.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[1:]
}

// TestAnomaliesNotesQuoteNoIdentifierCell: anomalies --pseudonymise printed
// the load notes before pseudonymising, so they quoted identifiers in
// clear: the ids that are not numbers ("X0", "X1", "X2") and an account
// column's cells written like decimal-comma numbers ("10,01", "10,02").
// They now quote pseudonyms, or no cell.
func TestAnomaliesNotesQuoteNoIdentifierCell(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,acct,visits,spend\n")
	for i := range 40 {
		id := fmt.Sprint(1000 + i)
		if i < 3 {
			id = fmt.Sprintf("X%d", i)
		}
		fmt.Fprintf(&b, "%s,\"10,%02d\",%d,%d\n", id, i+1, i%9, 20+i*i%70)
	}
	users := writeFile(t, "users.csv", b.String())
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	key, _ := pseudonym.New([]byte("first salt, long enough"))
	c := newCLI(t)
	if code := c.run(context.Background(), "anomalies", "--data", users, "--top", "3", "--pseudonymise", "--salt-file", salt); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	for _, want := range []string{
		fmt.Sprintf(`note: %s: column "acct" is not a feature: it looks like numbers written with a decimal comma, which only a semicolon-separated file reads as numbers: separate the fields with semicolons, or write the numbers with a decimal point`, users),
		fmt.Sprintf(`note: %s: column "user_id" is an identifier: read as text although 37 of its 40 values in the first rows are numbers: 3 are not (%q, %q, %q)`,
			users, key.ID("X0"), key.ID("X1"), key.ID("X2")),
	} {
		if !slices.Contains(strings.Split(c.stderr.String(), "\n"), want) {
			t.Errorf("stderr lacks\n%s\n%s", want, c.stderr)
		}
	}
	for _, cell := range []string{`"X0"`, "10,01", "10,02"} {
		if strings.Contains(c.stderr.String()+c.stdout.String(), cell) {
			t.Errorf("the output quotes %s", cell)
		}
	}
}
