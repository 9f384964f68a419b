package anomaly

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// python is the interpreter testdata/anomaly/isoforest.py runs under
// (Debian's, with python3-sklearn 1.2.1 and python3-pandas).
const python = "/usr/bin/python3"

// TestAveragePrecisionBeatsIsolationForest exports the features the network
// saw on the built-in shop (5,000 users, 1 % planted), scores them with
// scikit-learn's IsolationForest through testdata/anomaly/isoforest.py and
// checks that the network's average precision is at least the forest's.
func TestAveragePrecisionBeatsIsolationForest(t *testing.T) {
	if err := exec.Command(python, "-c", "import sklearn, pandas").Run(); err != nil {
		t.Skipf("%s cannot import sklearn and pandas (%v): install python3-sklearn and python3-pandas to compare with IsolationForest", python, err)
	}
	res := scoreShop(t, 5000, 0)
	path := filepath.Join(t.TempDir(), "features.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := res.WriteFeatures(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "../testdata/anomaly/isoforest.py", path, "abuser", "abuser_archetype").Output()
	if err != nil {
		t.Fatalf("isoforest.py: %v", err)
	}
	var ref struct {
		Rows             int     `json:"rows"`
		Positives        int     `json:"positives"`
		AveragePrecision float64 `json:"average_precision"`
	}
	if err := json.Unmarshal(out, &ref); err != nil {
		t.Fatalf("isoforest.py printed %q: %v", out, err)
	}
	ev := res.Evaluation
	if ref.Rows != 5000 || ref.Positives != ev.Positives {
		t.Fatalf("the reference saw %d rows and %d abusers, we %d and %d", ref.Rows, ref.Positives, 5000, ev.Positives)
	}
	t.Logf("average precision: autoencoder %.3f, IsolationForest %.3f, baseline %.3f",
		ev.Network.AveragePrecision, ref.AveragePrecision, ev.Baseline.AveragePrecision)
	if ev.Network.AveragePrecision < ref.AveragePrecision {
		t.Errorf("average precision %.3f below IsolationForest's %.3f", ev.Network.AveragePrecision, ref.AveragePrecision)
	}
}
