package sqlexport

import (
	"bytes"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// presenceShop writes n users whose promo is "Y" (most of them, so that
// the mode of the flag is present) or blank, and whose discount is 10 or
// blank: two presence flags (data.Column.Presence), one of text and one of
// numbers.
func presenceShop(t *testing.T, n int) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(5, 9))
	var buf bytes.Buffer
	buf.WriteString("user_id,spend,promo,discount,churn\n")
	for i := range n {
		promo, discount := "", ""
		if rng.IntN(10) < 7 {
			promo = "Y"
		}
		if rng.IntN(10) < 3 {
			discount = "10"
		}
		churn := "no"
		if (promo == "Y") != (rng.IntN(5) == 0) {
			churn = "yes"
		}
		fmt.Fprintf(&buf, "u%03d,%d,%s,%s,%s\n", i, rng.IntN(200), promo, discount, churn)
	}
	path := filepath.Join(t.TempDir(), "promo.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSQLiteMatchesPredictOnPresenceFlags(t *testing.T) {
	checkPresenceFlags(t, openSQLite, SQLite)
}

// checkPresenceFlags trains on presenceShop and compares the SELECT in d
// with retain predict on new rows whose flags are the value (in another
// case too), blank, NULL, "NA" and "N" (read as no): each a blank but the
// value, which is present, and the discount 10 written 10.0, 1e1 or +10.
func checkPresenceFlags(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	path := presenceShop(t, 300)
	b := train(t, experiment.Source{Kind: "csv", Path: path, Label: "churn"}, func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 4, Activation: engine.ReLU}}
		c.Pipeline = data.PipelineOptions{MissingIndicators: true}
	})
	flags := 0
	for _, pc := range b.Pipeline.Columns {
		if pc.Presence() {
			flags++
			// The blank is the absent state (0), though most rows are "Y".
			if pc.Fill != 0 || pc.Indicator || pc.Width != 1 {
				t.Errorf("column %q: fill %v, indicator %v, width %d; want 0, false, 1", pc.Name, pc.Fill, pc.Indicator, pc.Width)
			}
		}
	}
	if flags != 2 {
		t.Fatalf("%d presence flags in the pipeline, want 2: %+v", flags, b.Pipeline.Columns)
	}
	recs := readCSV(t, path)
	recs = append(recs,
		[]string{"n1", "50", "y", "10", "no"},
		[]string{"n2", "50", "NA", "", "no"},
		[]string{"n3", "50", "N", "NA", "no"},
		[]string{"n4", "50", " Y ", " 10 ", "no"},
		[]string{"n5", "50", "Y", "10.0", "no"},
		[]string{"n6", "50", "", "1e1", "yes"},
		[]string{"n7", "50", "y", "+10", "yes"},
	)
	checkRecords(t, b, open, path, recs, Options{Dialect: d})
}
