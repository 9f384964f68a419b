package scoreapi

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
)

// readBundle reads a model file as predict does.
func readBundle(t *testing.T, path string) *experiment.Bundle {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := experiment.ReadBundle(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The API's answers for every row of a CSV are predict's: the reference is
// Bundle.ScoreCSV (what `retain predict --data` runs) on the same file,
// and the reasons are WriteScoresCSV's text for --explain.
func TestPredictMatchesPredict(t *testing.T) {
	s, model := newTestServer(t, Config{})
	csvPath := filepath.Join(filepath.Dir(model), "users.csv")
	raw, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	b := readBundle(t, model)
	want, err := b.ScoreCSV(bytes.NewReader(raw), csvPath)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := RowsFromCSV(bytes.NewReader(raw), b.Pipeline)
	if err != nil {
		t.Fatal(err)
	}
	body, err := json.Marshal(Request{Rows: rows, Explain: 2})
	if err != nil {
		t.Fatal(err)
	}
	rec := call(t, s, http.MethodPost, "/v1/predict", testToken, string(body))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var got Response
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Predictions) != want.Len() || got.Model != s.Model().ID || got.Label != "churn" || got.Positive != "yes" {
		t.Fatalf("%d predictions by %s of %s=%s; want %d by %s of churn=yes", len(got.Predictions), got.Model,
			got.Label, got.Positive, want.Len(), s.Model().ID)
	}
	x, err := b.Explainer(nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range got.Predictions {
		if p.ID != want.IDs[i] || p.Probability != want.Probabilities[i] || p.Decision != want.Predicted[i] {
			t.Fatalf("row %d: %s %v %s, predict %s %v %s", i, p.ID, p.Probability, p.Decision, want.IDs[i],
				want.Probabilities[i], want.Predicted[i])
		}
		ex, err := x.Explain(want.X.RawRowView(i))
		if err != nil {
			t.Fatal(err)
		}
		// predict marks "≥ bound" from the cells it read beyond the range.
		sr, err := want.Row(i, true)
		if err != nil {
			t.Fatal(err)
		}
		x.SetOwn(ex.Reasons, sr.Own)
		if len(p.Reasons) != 2 {
			t.Fatalf("row %d: %d reasons, want 2", i, len(p.Reasons))
		}
		for k, r := range p.Reasons {
			if r.Text != experiment.FormatReason(ex.Reasons[k]) || math.Abs(r.Attribution-ex.Reasons[k].Attribution) > 0 {
				t.Errorf("row %d reason %d: %q, predict %q", i, k+1, r.Text, experiment.FormatReason(ex.Reasons[k]))
			}
		}
	}
}

// null is a missing value, imputed as a blank CSV cell is; an unseen
// category counts as none of the known ones, as in a CSV.
func TestNullAndUnseenLikeBlankCells(t *testing.T) {
	s, model := newTestServer(t, Config{})
	b := readBundle(t, model)
	csv := "user_id,visits,spend,plan,member\nu1,,12.5,platinum,\n"
	want, err := b.ScoreCSV(bytes.NewReader([]byte(csv)), "inline")
	if err != nil {
		t.Fatal(err)
	}
	rec := call(t, s, http.MethodPost, "/v1/predict", testToken,
		`{"rows":[{"user_id":"u1","visits":null,"spend":12.5,"plan":"platinum","member":null}]}`)
	var got Response
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if got.Predictions[0].Probability != want.Probabilities[0] {
		t.Errorf("probability %v, predict %v", got.Predictions[0].Probability, want.Probabilities[0])
	}
}

// BenchmarkPredictOneRow measures one single-row request through the
// handler (no network): decoding, preparing, scoring and encoding.
func BenchmarkPredictOneRow(b *testing.B) {
	s, _ := newTestServer(b, Config{})
	body := `{"rows":[` + goodRow + `]}`
	b.ReportAllocs()
	for b.Loop() {
		if rec := call(b, s, http.MethodPost, "/v1/predict", testToken, body); rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

// BenchmarkLoopbackOneRow measures single-row requests over a real
// loopback connection, one at a time (closed loop).
func BenchmarkLoopbackOneRow(b *testing.B) {
	s, _ := newTestServer(b, Config{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() { cancel(); <-done }()
	l := Load{URL: "http://" + ln.Addr().String() + "/v1/predict", Token: testToken,
		Body: []byte(`{"rows":[` + goodRow + `]}`), Workers: 1, Count: b.N, Timeout: time.Minute}
	b.ResetTimer()
	if r := l.Run(ctx, &http.Client{}); r.OK != b.N {
		b.Fatalf("%v", r)
	}
}

// TestNullCellsExplained asks for the reasons of a row whose numeric and
// boolean cells are null: the answer is JSON (no NaN reaches the encoder),
// with a finite attribution for each of the model's four columns.
func TestNullCellsExplained(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	rec := call(t, s, http.MethodPost, "/v1/predict", testToken,
		`{"rows":[{"user_id":"u1","visits":null,"spend":12.5,"plan":"platinum","member":null}],"explain":4}`)
	var got struct {
		Predictions []struct {
			Reasons []map[string]json.RawMessage `json:"reasons"`
		} `json:"predictions"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if len(got.Predictions) != 1 || len(got.Predictions[0].Reasons) != 4 {
		t.Fatalf("want one prediction with 4 reasons: %s", rec.Body)
	}
	for _, r := range got.Predictions[0].Reasons {
		var a float64
		if err := json.Unmarshal(r["attribution"], &a); err != nil {
			t.Errorf("reason %s: attribution %s: %v", r["column"], r["attribution"], err)
		}
	}
}
