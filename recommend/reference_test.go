package recommend

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/internal/shareddata"
)

// retailPath is the Online Retail log under ../shared/datasets (from the
// module root), seen from this package's directory.
var retailPath = filepath.Join("..", "..", "shared", "datasets", "online_retail", "online_retail.parquet")

var (
	retailOnce sync.Once
	retailLog  *Log
	retailErr  error
)

// onlineRetail reads the shared Online Retail log once, skipping the test
// when the shared data sets are absent.
func onlineRetail(t testing.TB) *Log {
	t.Helper()
	shareddata.Need(t, retailPath)
	retailOnce.Do(func() {
		f, err := os.Open(retailPath)
		if err != nil {
			retailErr = err
			return
		}
		defer f.Close()
		ol, err := data.ReadOrderLog(f, retailPath, data.LogOptions{Descriptions: true})
		if err != nil {
			retailErr = err
			return
		}
		retailLog, retailErr = FromOrderLog(ol)
	})
	if retailErr != nil {
		t.Fatal(retailErr)
	}
	return retailLog
}

// referenceCutoff is the cutoff of the reference table in SOURCE.md.
var referenceCutoff = Day(time.Date(2011, 11, 9, 0, 0, 0, 0, time.UTC))

// TestBaselinesMatchReference checks the product's baselines against
// pandas on the same file (cutoff 2011-11-09, horizon 30 days) within
// 0.002. SOURCE.md keeps the items a customer cancelled or returned in
// full, which FromOrderLog leaves out: one of its 1,388 customers bought
// in the horizon only such items, so 1,387 are evaluated here.
//
// TopPop, and P-TopFreq and GP-TopFreq with their last ties by item id
// (PTopFreq with no popularity), are the table in
// ../shared/datasets/online_retail/SOURCE.md. The product's P-TopFreq and
// GP-TopFreq break those ties by the item's invoices in TopPop's window:
// testdata/ptopfreq.py (pandas 1.5.3, on a CSV dump of the Parquet file)
// gives P-TopFreq 0.8469, 0.3473, 0.3612 and GP-TopFreq 0.8484, 0.3477,
// 0.3615 on 1,385 customers (it nets returns a little differently).
func TestBaselinesMatchReference(t *testing.T) {
	// As a run reads it: returns dated on or after the cutoff leave the
	// history alone.
	l := onlineRetail(t).AsOf(referenceCutoff)
	truth := l.TruthAt(referenceCutoff, 30)
	if len(truth.Customers) != 1387 {
		t.Errorf("%d evaluated customers, want SOURCE.md's 1,388 less the one who bought only what they returned", len(truth.Customers))
	}
	names, lists := l.BaselineLists(truth.Customers, referenceCutoff, 30, 10)
	// SOURCE.md's rule: ties after the latest invoice by item id.
	pop := l.TopPop(referenceCutoff, 30, 10)
	own, both := make([][]int32, len(truth.Customers)), make([][]int32, len(truth.Customers))
	for i, c := range truth.Customers {
		own[i] = l.PTopFreq(c, referenceCutoff, nil, 10)
		both[i] = GPTopFreq(own[i], pop, 10)
	}
	names = append(names, "P-TopFreq, SOURCE.md", "GP-TopFreq, SOURCE.md")
	lists = append(lists, own, both)
	want := map[string][3]float64{ // hit@10, recall@10, NDCG@10
		TopPopName:              {0.646, 0.139, 0.141}, // SOURCE.md
		PTopFreqName:            {0.8469, 0.3473, 0.3612},
		GPTopFreqName:           {0.8484, 0.3477, 0.3615},
		"P-TopFreq, SOURCE.md":  {0.803, 0.318, 0.326},
		"GP-TopFreq, SOURCE.md": {0.805, 0.319, 0.326},
	}
	for i, name := range names {
		m := Measure(name, lists[i], truth.Bought, truth.Catalogue).AtK(10)
		w := want[name]
		t.Logf("%-21s hit@10 %.4f recall@10 %.4f NDCG@10 %.4f coverage %.4f", name, m.Hit, m.Recall, m.NDCG, m.Coverage)
		for j, got := range []float64{m.Hit, m.Recall, m.NDCG} {
			if d := got - w[j]; d > 0.002 || d < -0.002 {
				t.Errorf("%s: figure %d = %.4f, pandas %.4f", name, j, got, w[j])
			}
		}
	}
}
