package scoreapi

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// A flag whose value is the number 10 (a column of 10 and blanks) takes
// the same number written otherwise, as a JSON number (10.0, 1e1) or a
// string ("10.0", "+10"), and scores it as the table scores the cell
// "10", as its OpenAPI description says; another number is refused,
// naming the flag's value.
func TestFlagOfANumberTakesItWrittenOtherwise(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(4, 8))
	var b strings.Builder
	b.WriteString("user_id,visits,discount,churn\n")
	for i := range 300 {
		discount := ""
		if rng.IntN(10) < 4 {
			discount = "10"
		}
		churn := "no"
		if (discount == "") != (rng.IntN(5) == 0) {
			churn = "yes"
		}
		fmt.Fprintf(&b, "u%03d,%d,%s,%s\n", i, rng.IntN(20), discount, churn)
	}
	path := filepath.Join(dir, "flags.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	e := trainOn(t, experiment.Source{Kind: "csv", Path: path, Label: "churn"}, 1)
	bundle, err := e.Bundle(0.5)
	if err != nil {
		t.Fatal(err)
	}
	if pc := bundle.Pipeline.Columns[1]; pc.Name != "discount" || !pc.Presence() || pc.Levels[1] != "10" {
		t.Fatalf("discount: %+v, want the flag 10", pc)
	}
	s, err := New(writeModel(t, e, filepath.Join(dir, "model.json")), Config{Token: []byte(testToken), Poll: -1})
	if err != nil {
		t.Fatal(err)
	}
	want, err := bundle.ScoreCSV(strings.NewReader("user_id,visits,discount\nx,3,10\n"), "one.csv")
	if err != nil {
		t.Fatal(err)
	}
	preds := predictOK(t, s, `{"rows":[{"visits":3,"discount":10},{"visits":3,"discount":10.0},{"visits":3,"discount":1e1},`+
		`{"visits":3,"discount":"10.0"},{"visits":3,"discount":"+10"}]}`)
	for i, p := range preds {
		if math.Abs(p.Probability-want.Probabilities[0]) > 1e-12 || len(p.Warnings) != 0 {
			t.Errorf("rows[%d]: probability %v (table %v), warnings %+v", i, p.Probability, want.Probabilities[0], p.Warnings)
		}
	}
	desc := `Boolean read from a column of "10" or blank: true, or the string "10" or the number 10 in any form (10.0 is 10), ` +
		`for present; false, null or a blank string for blank; the usual spellings (no/yes, 0/1, …) are read too.`
	if p := getOpenAPI(t, s).Components.Schemas.Row.Properties["discount"]; p == nil || p.Description != desc {
		t.Errorf("the flag's schema %+v, want the description %q", p, desc)
	}
	rec := call(t, s, "POST", "/v1/predict", testToken, `{"rows":[{"visits":3,"discount":10.5}]}`)
	var answer struct {
		Error struct{ Message, Column string }
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil || rec.Code != 400 ||
		answer.Error.Message != `rows[0]: column "discount": expected "10" or a blank, got "10.5"` {
		t.Errorf("discount 10.5: %d %s", rec.Code, rec.Body)
	}
}
