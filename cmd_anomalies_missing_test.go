package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestAnomaliesJSONMissingCell lists every user of a table where one user's
// numeric cell is blank (as telco_churn's TotalCharges is for 11 users,
// `retain anomalies --data telco --json --top 2518`): the document is
// written, and that user's reason for the blank cell says missing with a
// null value instead of failing on NaN.
func TestAnomaliesJSONMissingCell(t *testing.T) {
	table := strings.Replace("id,a,b\n"+withoutLastColumn(rows(30)), "\nu7,5,1\n", "\nu7,,1\n", 1)
	if !strings.Contains(table, "\nu7,,1\n") {
		t.Fatalf("the blank cell was not planted:\n%s", table)
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "anomalies", "--data", writeFile(t, "blank.csv", table), "--json", "--top", "30"); code != 0 {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	var doc struct {
		Top []struct {
			ID      string                       `json:"id"`
			Reasons []map[string]json.RawMessage `json:"reasons"`
		} `json:"top"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, c.stdout)
	}
	found := false
	for _, u := range doc.Top {
		for _, r := range u.Reasons {
			if string(r["column"]) != `"a"` || u.ID != "u7" {
				continue
			}
			found = true
			if string(r["missing"]) != "true" || string(r["value"]) != "null" {
				t.Errorf("u7's reason for the blank cell: missing %s, value %s", r["missing"], r["value"])
			}
		}
	}
	if !found {
		t.Errorf("u7 has no reason for its blank cell a:\n%s", c.stdout)
	}
}

// withoutLastColumn drops each line's last comma-separated cell.
func withoutLastColumn(lines string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(lines), "\n") {
		b.WriteString(line[:strings.LastIndex(line, ",")] + "\n")
	}
	return b.String()
}
