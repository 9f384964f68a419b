package experiment

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// smallModelFile trains a 3-unit network for one epoch on a small table
// with a numeric, a categorical and a boolean column, and returns its
// model file: a seed small enough for the fuzzer to mutate usefully.
func smallModelFile(f *testing.F) []byte {
	f.Helper()
	var sb strings.Builder
	sb.WriteString("id,visits,plan,member,churn\n")
	plans := []string{"basic", "plus", "pro"}
	for i := range 60 {
		churn := "no"
		if (i*7)%5 < 2 {
			churn = "yes"
		}
		member := "yes"
		if i%3 == 0 {
			member = "no"
		}
		sb.WriteString("u" + strconv.Itoa(i) + "," + strconv.Itoa(i%13) + "," + plans[i%3] + "," + member + "," + churn + "\n")
	}
	path := filepath.Join(f.TempDir(), "small.csv")
	if err := os.WriteFile(path, []byte(sb.String()), 0o600); err != nil {
		f.Fatal(err)
	}
	d, err := Load(Source{Kind: "csv", Path: path, Label: "churn"}, fileOpener)
	if err != nil {
		f.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Hidden = []engine.LayerSpec{{Units: 3, Activation: engine.ReLU}}
	cfg.Train.Epochs = 1
	e, err := New(d, cfg)
	if err != nil {
		f.Fatal(err)
	}
	if err := e.Trainer.Run(f.Context()); err != nil {
		f.Fatal(err)
	}
	b, err := e.Bundle(0.5)
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzReadBundle checks that ReadBundle never panics, refuses only with a
// *BundleError, and that a bundle it accepts either scores a row to a
// finite probability or refuses to score it.
func FuzzReadBundle(f *testing.F) {
	good := smallModelFile(f)
	f.Add(good)
	var compact bytes.Buffer
	if err := json.Compact(&compact, good); err != nil {
		f.Fatal(err)
	}
	f.Add(compact.Bytes())
	// Finite but extreme numbers, the cases.
	s := string(good)
	f.Add([]byte(strings.Replace(s, `"scale": `, `"scale": 5e-324, "center": 1e308, "x": `, 1)))
	f.Add([]byte(strings.Replace(s, `"weights": [`, `"weights": [1e308, -1e308, `, 1)))
	f.Add([]byte(strings.Replace(s, `"scale": `, `"scale": -`, 1)))
	f.Fuzz(func(t *testing.T, raw []byte) {
		b, err := ReadBundle(bytes.NewReader(raw), "fuzz.json")
		if err != nil {
			var be *BundleError
			if !errors.As(err, &be) || be.File != "fuzz.json" {
				t.Fatalf("refused without a *BundleError naming the file: %v", err)
			}
			return
		}
		scored, err := b.ScoreCSV(bytes.NewReader(rowFor(t, b.Pipeline)), "row.csv")
		if err != nil {
			return // refusing to score is allowed; panicking or NaN is not
		}
		for i, p := range scored.Probabilities {
			if math.IsNaN(p) || math.IsInf(p, 0) || p < 0 || p > 1 {
				t.Fatalf("accepted bundle scores row %d as %v", i+1, p)
			}
		}
		if len(scored.Probabilities) != 1 {
			t.Fatalf("one row scored as %d", len(scored.Probabilities))
		}
		// Explanations must not panic either (NaN attributions are
		// predict's to refuse); keep them to small networks for speed.
		if b.Net.Architecture.ParamCount() <= 4096 {
			x, err := b.Explainer(scored.X.RawRowView(0))
			if err != nil {
				return
			}
			_, _ = x.Explain(scored.X.RawRowView(0))
		}
	})
}

// rowFor writes a one-row CSV with every column the pipeline needs: 1 for
// numbers, the last level of categorical and boolean columns.
func rowFor(t *testing.T, p *data.Pipeline) []byte {
	var header, row []string
	seen := map[string]bool{}
	for _, c := range p.Columns {
		if seen[c.Name] {
			continue
		}
		seen[c.Name] = true
		v := "1"
		if c.Kind == data.Categorical && len(c.Levels) > 0 {
			v = c.Levels[len(c.Levels)-1]
		}
		header, row = append(header, c.Name), append(row, v)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll([][]string{header, row}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
