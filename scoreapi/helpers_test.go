package scoreapi

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// usersCSV writes a small per-user table (an id, two numbers, a category,
// a boolean and the label) and returns its path.
func usersCSV(t testing.TB, dir string, rows int, seed uint64) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 3))
	var b strings.Builder
	b.WriteString("user_id,visits,spend,plan,member,churn\n")
	plans := []string{"basic", "plus", "pro"}
	for i := range rows {
		visits, spend := rng.IntN(20), math.Round(rng.Float64()*2000)/10
		plan, member := plans[rng.IntN(3)], rng.IntN(2) == 1
		score := 1.5 - 0.25*float64(visits) + 0.01*spend
		if member {
			score--
		}
		churn := "no"
		if rng.Float64() < 1/(1+math.Exp(-score)) {
			churn = "yes"
		}
		fmt.Fprintf(&b, "u%04d,%d,%g,%s,%t,%s\n", i+1, visits, spend, plan, member, churn)
	}
	path := filepath.Join(dir, "users.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// trainModel trains a quick model on a users table and writes it to
// dir/name; seed varies the weights.
func trainModel(t testing.TB, dir, name string, seed uint64) string {
	t.Helper()
	e := trainOn(t, experiment.Source{Kind: "csv", Path: usersCSV(t, dir, 300, 7), Label: "churn"}, seed)
	return writeModel(t, e, filepath.Join(dir, name))
}

// trainOn trains the default network for 2 epochs on src.
func trainOn(t testing.TB, src experiment.Source, seed uint64) *experiment.Experiment {
	t.Helper()
	d, err := experiment.Load(src, func(p string) (io.ReadCloser, error) { return os.Open(p) })
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2
	cfg.Seed = seed
	e, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e
}

// writeModel writes e's model file (threshold 0.5) at path.
func writeModel(t testing.TB, e *experiment.Experiment, path string) string {
	t.Helper()
	b, err := e.Bundle(0.5)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Write(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

const testToken = "test-token-0123456789"

// newTestServer serves a fresh model with the test token (no polling).
func newTestServer(t testing.TB, cfg Config) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	model := trainModel(t, dir, "model.json", 1)
	if cfg.Token == nil && !cfg.Insecure {
		cfg.Token = []byte(testToken)
	}
	cfg.Poll = -1
	s, err := New(model, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, model
}

// call sends one request to the server's handler and returns the answer.
func call(t testing.TB, s *Server, method, path, token, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

// goodRow is a valid row of the users model.
const goodRow = `{"user_id":"u1","visits":3,"spend":12.5,"plan":"pro","member":true}`
