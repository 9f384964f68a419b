package scoreapi

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// rareLevelModel serves a model whose "plan" column has a catch-all level
// (its rare "gold" folds into it) and whose "region" column has none; it
// returns the server and the model file.
func rareLevelModel(t *testing.T) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("user_id,visits,plan,region,churn\n")
	plans := []string{"basic", "plus", "pro"}
	for i := range 300 {
		plan := plans[i%3]
		if i%100 == 0 {
			plan = "gold"
		}
		churn := []string{"no", "yes"}[(i/7+i)%2]
		fmt.Fprintf(&b, "u%d,%d,%s,%s,%s\n", i, (i*7)%40, plan, []string{"north", "south"}[i%2], churn)
	}
	path := filepath.Join(dir, "users.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	e := trainOn(t, experiment.Source{Kind: "csv", Path: path, Label: "churn"}, 1)
	model := writeModel(t, e, filepath.Join(dir, "model.json"))
	s, err := New(model, Config{Token: []byte(testToken), Poll: -1})
	if err != nil {
		t.Fatal(err)
	}
	return s, model
}

// predictOK posts body and decodes a 200's predictions.
func predictOK(t *testing.T, s *Server, body string) []Prediction {
	t.Helper()
	rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var resp Response
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	return resp.Predictions
}

// An unknown level, a number in a categorical column and a value beyond
// the training range were scored silently. They are still scored, as the
// model does by design (the catch-all level, no level, the range's bound),
// and the row's warnings say so; the other rows carry none.
func TestRowsSayWhatWasScoredOtherThanSent(t *testing.T) {
	s, _ := rareLevelModel(t)
	p := s.Model().Bundle.Pipeline
	visits := &p.Columns[s.Model().columns["visits"]]
	plan := &p.Columns[s.Model().columns["plan"]]
	if !visits.Clip || !plan.Other || p.Columns[s.Model().columns["region"]].Other {
		t.Fatalf("the fixture's model: visits clip %v, plan other %v, region %+v", visits.Clip, plan.Other,
			p.Columns[s.Model().columns["region"]])
	}
	other, top, bottom := plan.Levels[len(plan.Levels)-1], data.FormatStatistic(visits.Max), data.FormatStatistic(visits.Min)
	body := `{"rows":[
		{"visits":3,"plan":"pro","region":"north"},
		{"visits":3,"plan":"Zzz","region":"north"},
		{"visits":3,"plan":5,"region":"east"},
		{"visits":1e308,"plan":"pro","region":"north"},
		{"visits":-5,"plan":"pro","region":"north"},
		{"visits":3,"plan":"` + other + `","region":"north"},
		{"visits":` + strconv.FormatFloat(visits.Max, 'g', -1, 64) + `,"plan":"pro","region":"north"},
		{"visits":null,"plan":null,"region":"NA"}]}`
	got := predictOK(t, s, body)
	want := [][]Warning{
		nil,
		{{Column: "plan", Kind: "unknown_level", Message: `unknown level "Zzz", scored as (other)`}},
		{{Column: "plan", Kind: "unknown_level", Message: `the number 5 is not a level, scored as (other)`},
			{Column: "region", Kind: "unknown_level", Message: `unknown level "east", scored as no level (as null is)`}},
		{{Column: "visits", Kind: "clipped", Message: "value 1e308 above the range the model keeps (its ends are means of the 10th–19th most extreme training values, for privacy), scored as " + top}},
		{{Column: "visits", Kind: "clipped", Message: "value -5 below the range the model keeps (its ends are means of the 10th–19th most extreme training values, for privacy), scored as " + bottom}},
		nil, nil, nil,
	}
	for i := range want {
		if fmt.Sprint(got[i].Warnings) != fmt.Sprint(want[i]) {
			t.Errorf("rows[%d] warnings\n%+v, want\n%+v", i, got[i].Warnings, want[i])
		}
	}
	// What the warnings say they were scored as, they were.
	for _, pair := range [][2]int{{1, 5}, {3, 6}} {
		if a, b := got[pair[0]].Probability, got[pair[1]].Probability; math.Abs(a-b) > 1e-15 {
			t.Errorf("rows[%d] scored %v, rows[%d] (what it was scored as) %v", pair[0], a, pair[1], b)
		}
	}
	// A row without warnings has no "warnings" key.
	rec := call(t, s, http.MethodPost, "/v1/predict", testToken, `{"rows":[{"visits":3,"plan":"pro","region":"north"}]}`)
	if strings.Contains(rec.Body.String(), "warnings") {
		t.Errorf("a clean row's answer mentions warnings: %s", rec.Body)
	}
}
