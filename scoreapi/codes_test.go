package scoreapi

import (
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// A model trained with visits read as codes (--categorical) takes a code
// as a JSON number and scores 3 and 3.0 as the table scores the cell "3",
// without an unknown-level warning for 3.0; a code never seen is warned.
func TestCodesTakeNumbers(t *testing.T) {
	dir := t.TempDir()
	src := experiment.Source{Kind: "csv", Path: usersCSV(t, dir, 300, 7), Label: "churn", Categorical: []string{"visits"}}
	e := trainOn(t, src, 1)
	model := writeModel(t, e, filepath.Join(dir, "model.json"))
	s, err := New(model, Config{Token: []byte(testToken), Poll: -1})
	if err != nil {
		t.Fatal(err)
	}
	rec := call(t, s, "POST", "/v1/predict", testToken,
		`{"rows":[{"visits":3,"spend":50,"plan":"basic","member":true},{"visits":3.0,"spend":50,"plan":"basic","member":true},{"visits":77,"spend":50,"plan":"basic","member":true}]}`)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var got struct {
		Predictions []struct {
			Probability float64
			Warnings    []struct{ Column, Kind, Message string }
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || len(got.Predictions) != 3 {
		t.Fatalf("answer %s (%v)", rec.Body, err)
	}
	b, err := e.Bundle(0.5)
	if err != nil {
		t.Fatal(err)
	}
	want, err := b.ScoreCSV(strings.NewReader("user_id,visits,spend,plan,member\nx,3,50,basic,true\n"), "one.csv")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		p := got.Predictions[i]
		if math.Abs(p.Probability-want.Probabilities[0]) > 1e-12 || len(p.Warnings) != 0 {
			t.Errorf("row %d: probability %v (table %v), warnings %+v", i, p.Probability, want.Probabilities[0], p.Warnings)
		}
	}
	w := got.Predictions[2].Warnings
	if len(w) != 1 || w[0].Kind != "unknown_level" || w[0].Message != "the number 77 is not a level, scored as (other)" {
		t.Errorf("visits 77: warnings %+v", w)
	}
}
