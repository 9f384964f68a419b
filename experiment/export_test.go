package experiment

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// allRows returns 0, 1, …, n-1.
func allRows(n int) []int {
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	return rows
}

// TestWriteScoresCSVMatchesTheNetworkAndTheExplainer writes a few rows
// with reasons and checks every cell against the network and the explainer
// called directly.
func TestWriteScoresCSVMatchesTheNetworkAndTheExplainer(t *testing.T) {
	e := untrained(t, 400)
	s, err := e.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	rows := []int{7, 0, 399, 123} // any order: the Users screen's sorted list
	opts := e.ExportOptions(3, 0.5)
	var out bytes.Buffer
	if err := WriteScoresCSV(context.Background(), &out, e.ExportRows(s, rows), opts); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := "user_id,probability_purchases_next_30d_yes,predicted_purchases_next_30d,reason_1,reason_2,reason_3"
	if got := strings.Join(recs[0], ","); got != header {
		t.Errorf("header\n%s\nwant\n%s", got, header)
	}
	if len(recs) != len(rows)+1 {
		t.Fatalf("%d lines, want %d", len(recs), len(rows)+1)
	}
	x := e.Explainer()
	reason := regexp.MustCompile(`^[^=≥≤]+[=≥≤]\S+ \([+-]\d\.\d{4}\)$`)
	for i, r := range rows {
		rec := recs[i+1]
		in, err := e.Row(r)
		if err != nil {
			t.Fatal(err)
		}
		p := e.Net.Predict(in)[0]
		if rec[0] != e.Data.Table.IDs()[r] {
			t.Errorf("line %d: id %q, want %q", i+2, rec[0], e.Data.Table.IDs()[r])
		}
		got, _ := strconv.ParseFloat(rec[1], 64)
		if math.Abs(got-p) > 5e-7 || len(rec[1]) != len("0.123456") {
			t.Errorf("line %d: probability %q, the network gives %v", i+2, rec[1], p)
		}
		want := map[bool]string{true: "yes", false: "no"}[s.Probabilities[r] >= 0.5]
		if rec[2] != want {
			t.Errorf("line %d: predicted %q at probability %v, want %q", i+2, rec[2], s.Probabilities[r], want)
		}
		// The Users screen's explanation of the row, its reasons marked from
		// the table's own values, as the export marks them.
		ex, err := e.ExplainRow(x, r)
		if err != nil {
			t.Fatal(err)
		}
		for k := range 3 {
			r := ex.Reasons[k]
			op := map[int8]string{0: "=", 1: "≥", -1: "≤"}[r.Beyond] // a value clipped to its bound
			want := fmt.Sprintf("%s%s%s (%+.4f)", r.Column, op, r.Value, r.Attribution)
			if rec[3+k] != want || !reason.MatchString(rec[3+k]) {
				t.Errorf("line %d reason %d: %q, want %q", i+2, k+1, rec[3+k], want)
			}
		}
	}
}

func TestWriteScoresCSVPadsMissingReasonsAndNamesRows(t *testing.T) {
	e := untrained(t, 60)
	s, err := e.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	s.IDs = nil // a table without an id column
	opts := e.ExportOptions(len(e.Pipeline.Columns)+2, 0.5)
	opts.IDName = ""
	var out bytes.Buffer
	if err := WriteScoresCSV(context.Background(), &out, e.ExportRows(s, []int{4}), opts); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if recs[0][0] != "row" || recs[1][0] != "5" {
		t.Errorf("id column %q, first id %q; want \"row\" and the 1-based row 5", recs[0][0], recs[1][0])
	}
	n := len(e.Pipeline.Columns)
	if recs[1][3+n-1] == "" || recs[1][3+n] != "" || recs[1][3+n+1] != "" {
		t.Errorf("reasons %q: want %d filled cells then 2 empty ones", recs[1][3:], n)
	}
}

// TestWriteScoresCSVStreamsReportsProgressAndStops writes more rows than
// one block: lines reach the writer before the last block is computed,
// progress counts blocks, and a cancel stops at a block boundary.
func TestWriteScoresCSVStreamsReportsProgressAndStops(t *testing.T) {
	e := untrained(t, 2*ExportBlock+10)
	s, err := e.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	rows := allRows(e.Data.Table.Rows)
	var out bytes.Buffer
	var calls [][2]int
	var seen []int // bytes written when each progress call came
	opts := e.ExportOptions(0, 0.5)
	opts.Progress = func(done, total int) {
		calls = append(calls, [2]int{done, total})
		seen = append(seen, out.Len())
	}
	if err := WriteScoresCSV(context.Background(), &out, e.ExportRows(s, rows), opts); err != nil {
		t.Fatal(err)
	}
	n := len(rows)
	if want := [][2]int{{ExportBlock, n}, {2 * ExportBlock, n}, {n, n}}; fmt.Sprint(calls) != fmt.Sprint(want) {
		t.Errorf("progress calls %v, want %v", calls, want)
	}
	if lines := strings.Count(out.String()[:seen[0]], "\n"); lines != ExportBlock+1 {
		t.Errorf("%d lines written at the first progress call, want the header and one block (%d)", lines, ExportBlock+1)
	}
	if lines := strings.Count(out.String(), "\n"); lines != n+1 {
		t.Errorf("%d lines in all, want %d", lines, n+1)
	}

	ctx, cancel := context.WithCancel(context.Background())
	out.Reset()
	opts.Progress = func(done, total int) { cancel() }
	err = WriteScoresCSV(ctx, &out, e.ExportRows(s, rows), opts)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled export returned %v, want context.Canceled", err)
	}
	if lines := strings.Count(out.String(), "\n"); lines != ExportBlock+1 {
		t.Errorf("cancelled after the first block: %d lines, want %d", lines, ExportBlock+1)
	}
}

// failingRows fails at the rows in bad.
type failingRows struct {
	n   int
	bad map[int]bool
}

func (f failingRows) Len() int { return f.n }

func (f failingRows) Row(i int, input bool) (ScoreRow, error) {
	if f.bad[i] {
		return ScoreRow{}, fmt.Errorf("row %d is broken", i+1)
	}
	return ScoreRow{ID: strconv.Itoa(i + 1), Row: i + 1, Probability: 0.5, Input: []float64{0}}, nil
}

// TestWriteScoresCSVReportsTheFirstFailingRow fails two rows of one block,
// explained in parallel: the earlier one is reported whatever the order
// the workers finish in, and nothing of the failing block is written.
func TestWriteScoresCSVReportsTheFirstFailingRow(t *testing.T) {
	x := overflowingExplainer(t)
	var out bytes.Buffer
	rows := failingRows{n: ExportBlock + 100, bad: map[int]bool{ExportBlock + 60: true, ExportBlock + 7: true}}
	opts := ExportOptions{IDName: "id", Label: BundleLabel{Name: "churn", Positive: "yes", Negative: "no"},
		Threshold: 0.5, Reasons: 1, Explainer: &Explainer{Net: x.Net, Pipeline: x.Pipeline, Baseline: []float64{0}}}
	err := WriteScoresCSV(context.Background(), &out, rows, opts)
	if want := fmt.Sprintf("row %d is broken", ExportBlock+8); err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if lines := strings.Count(out.String(), "\n"); lines != ExportBlock+1 {
		t.Errorf("%d lines written, want the header and the first block (%d)", lines, ExportBlock+1)
	}
}

// overflowingExplainer explains a one-column network of two equal relu
// units whose output weights ±1e308 cancel: the probability at input 0.01
// is a finite σ(0) = 0.5, but its gradient overflows to ±Inf, and the exact
// integration of its one linear piece (engine's piecewise path) sums the two
// units' overflowed terms, +Inf and -Inf, to NaN.
func overflowingExplainer(t *testing.T) *Explainer {
	t.Helper()
	arch := engine.Architecture{Inputs: 1, Hidden: []engine.LayerSpec{{Units: 2, Activation: engine.ReLU}}, Outputs: 1, Loss: engine.BCE}
	net, err := engine.FromParams(arch, []float64{10, 10, 0, 0, 1e308, -1e308, 0})
	if err != nil {
		t.Fatal(err)
	}
	pipe := &data.Pipeline{Columns: []data.PipelineColumn{{Name: "visits", Kind: data.Numeric, Scale: 1, First: 0, Width: 1}}}
	return &Explainer{Net: net, Pipeline: pipe, Baseline: []float64{0}}
}

func TestWriteScoresCSVRefusesNonFiniteReasons(t *testing.T) {
	x := overflowingExplainer(t)
	if p := x.Predict([]float64{0.01}); p != 0.5 {
		t.Fatalf("the network gives %v, want a finite 0.5", p)
	}
	s := &Scored{IDs: []string{"u1", "u2"}, Probabilities: []float64{0.5, 0.5}}
	s.X = denseRows(t, [][]float64{{0}, {0.01}})
	opts := ExportOptions{Label: BundleLabel{Name: "churn", Positive: "yes", Negative: "no"}, Threshold: 0.5,
		Reasons: 1, Explainer: x, Model: "m.json", Data: "users.csv"}
	err := WriteScoresCSV(context.Background(), &bytes.Buffer{}, s, opts)
	want := `model file m.json gives row 2 (id u2) of users.csv a reason for column "visits" of NaN: ` +
		"its numbers are too extreme to score with"
	if err == nil || err.Error() != want || !errors.Is(err, ErrBundle) {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestWriteScoresCSVRefusals(t *testing.T) {
	s := &Scored{IDs: []string{"u1"}, Probabilities: []float64{0.5}}
	for _, tc := range []struct {
		opts ExportOptions
		want string
	}{
		{ExportOptions{Reasons: -1}, "-1 reasons: want a number ≥ 0"},
		{ExportOptions{Reasons: 2}, "reasons need an explainer"},
		{ExportOptions{Reasons: 1, Explainer: &Explainer{}}, "the scored rows kept no inputs to explain"},
	} {
		err := WriteScoresCSV(context.Background(), &bytes.Buffer{}, s, tc.opts)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%+v: got %v, want %s", tc.opts, err, tc.want)
		}
	}
}

// denseRows builds a matrix from rows.
func denseRows(t *testing.T, rows [][]float64) *mat.Dense {
	t.Helper()
	m := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, r := range rows {
		m.SetRow(i, r)
	}
	return m
}

// TestWriteScoresCSVInOrder: with Order the lines list rows 2, 0, 1
// (IDOrder of ids c, a, b … sorted a, b, c is rows 1, 2, 0), each line with
// its own row's id, probability and band, Bands being indexed by row.
func TestWriteScoresCSVInOrder(t *testing.T) {
	order := IDOrder([]string{"c", "a", "b"})
	if !slices.Equal(order, []int{1, 2, 0}) {
		t.Fatalf("IDOrder(c, a, b) = %v, want [1 2 0]", order)
	}
	rows := failingRows{n: 3}
	opts := ExportOptions{IDName: "id", Label: BundleLabel{Name: "churn", Positive: "yes", Negative: "no"},
		Threshold: 0.5, Bands: []string{"top 1", "rest", "rest!"}, Order: []int{2, 0, 1}}
	var out bytes.Buffer
	if err := WriteScoresCSV(context.Background(), &out, rows, opts); err != nil {
		t.Fatal(err)
	}
	want := "id,probability_churn_yes,predicted_churn,band\n3,0.500000,yes,rest!\n1,0.500000,yes,top 1\n2,0.500000,yes,rest\n"
	if out.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", out.String(), want)
	}
	opts.Order = []int{0, 1}
	if err := WriteScoresCSV(context.Background(), &out, rows, opts); err == nil || err.Error() != "an order of 2 rows for 3 rows" {
		t.Errorf("a short order: %v", err)
	}
}
