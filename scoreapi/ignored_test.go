package scoreapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestRowsMayCarryTheColumnsTheModelIgnores: a row with every column of
// the training data — a second identifier (CustomerId), a constant
// (country) and a column left out with --exclude (notes) besides the id,
// the inputs and the label — is scored like the row without them, and a
// misspelt column is still refused by name.
func TestRowsMayCarryTheColumnsTheModelIgnores(t *testing.T) {
	dir := t.TempDir()
	raw, err := os.ReadFile(usersCSV(t, dir, 300, 7))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	lines[0] += ",CustomerId,country,notes"
	for i := 1; i < len(lines); i++ {
		lines[i] += fmt.Sprintf(",%d,NL,n%d", 15600000+7*i, i%3)
	}
	path := filepath.Join(dir, "wide.csv")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	e := trainOn(t, experiment.Source{Kind: "csv", Path: path, Label: "churn", Exclude: []string{"notes"}}, 1)
	if got, want := e.Pipeline.Ignored, []string{"CustomerId", "country", "notes"}; !slices.Equal(got, want) || e.Pipeline.IDName != "user_id" {
		t.Fatalf("ignored %q (id %q), want %q (id user_id)", got, e.Pipeline.IDName, want)
	}
	model := writeModel(t, e, filepath.Join(dir, "model.json"))
	s, err := New(model, Config{Token: []byte(testToken), Poll: -1})
	if err != nil {
		t.Fatal(err)
	}
	inputs := `"user_id":"u1","visits":3,"spend":12.5,"plan":"pro","member":true`
	probability := func(body string) float64 {
		t.Helper()
		rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d for %s: %s", rec.Code, body, rec.Body)
		}
		var resp struct {
			Predictions []struct {
				Probability float64 `json:"probability"`
			} `json:"predictions"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Predictions) != 1 {
			t.Fatalf("answer %s: %v", rec.Body, err)
		}
		return resp.Predictions[0].Probability
	}
	bare := probability(`{"rows":[{` + inputs + `}]}`)
	wide := probability(`{"rows":[{"CustomerId":15600007,"country":"NL","notes":"n1",` + inputs + `,"churn":"no"}]}`)
	if wide != bare {
		t.Errorf("the row with the ignored columns scored %v, without them %v", wide, bare)
	}
	rec := call(t, s, http.MethodPost, "/v1/predict", testToken, `{"rows":[{"contry":"NL",`+inputs+`}]}`)
	if e := apiErr(t, rec.Body.Bytes()); rec.Code != http.StatusBadRequest || e.Column != "contry" {
		t.Errorf("a misspelt column: status %d, column %q", rec.Code, e.Column)
	}
}
