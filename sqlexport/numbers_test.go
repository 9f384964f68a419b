package sqlexport

import (
	"bytes"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// codesShop writes n users with a region read as codes (--categorical:
// 0, 10, 20 or 30, the code 0 included, which SQLite's cast makes of any
// text) and a discount flag of 10 or blank.
func codesShop(t *testing.T, n int) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(11, 3))
	var buf bytes.Buffer
	buf.WriteString("user_id,spend,discount,region,churn\n")
	for i := range n {
		discount := ""
		if rng.IntN(10) < 4 {
			discount = "10"
		}
		region := []string{"0", "10", "20", "30"}[rng.IntN(4)]
		churn := "no"
		if (discount == "10") != (rng.IntN(5) == 0) || region == "30" && rng.IntN(2) == 0 {
			churn = "yes"
		}
		fmt.Fprintf(&buf, "u%03d,%d,%s,%s,%s\n", i, rng.IntN(200), discount, region, churn)
	}
	path := filepath.Join(t.TempDir(), "codes.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// trainCodes trains on codesShop with region read as codes.
func trainCodes(t *testing.T) *experiment.Bundle {
	t.Helper()
	path := codesShop(t, 300)
	return train(t, experiment.Source{Kind: "csv", Path: path, Label: "churn", Categorical: []string{"region"}}, func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 4, Activation: engine.ReLU}}
	})
}

// A flag whose value is the number 10 and a column of codes take the same
// numbers written otherwise ("10.0", "+10", "1e1", " 10 "), in SQL as in
// retain predict; the other cells are the usual ones (a blank, NA, an
// unseen code).
func checkNumbersWrittenOtherwise(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	b := trainCodes(t)
	recs := [][]string{{"user_id", "spend", "discount", "region"},
		{"a", "50", "10", "10"},
		{"b", "50", "10.0", "10.0"},
		{"c", "50", "+10", "+20"},
		{"e", "50", "1e1", "1e1"},
		{"f", "50", " 10 ", " 0.0 "},
		{"g", "50", "1.0E+1", "3e1"},
		{"h", "50", "", "NA"},
		{"i", "50", "NA", "40"},
	}
	checkRecords(t, b, open, "new.csv", recs, Options{Dialect: d})
}

func TestSQLiteMatchesPredictOnNumbersWrittenOtherwise(t *testing.T) {
	checkNumbersWrittenOtherwise(t, openSQLite, SQLite)
}
