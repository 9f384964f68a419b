package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
