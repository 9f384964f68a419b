package scoreapi

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// TestDateColumnsTakeDates: a model with a date column refused the date
// every client sends ("expected a number or null, got the string
// \"2023-12-28\""), so no row of it could be scored. A date column takes a
// date as a string, scores it as the table scores the same cell, and
// refuses a number or a string that is no date, naming the row and column.
func TestDateColumnsTakeDates(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("user_id,signup,visits,churn\n")
	day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 300 {
		churn := []string{"no", "yes"}[(i/7+i)%2]
		fmt.Fprintf(&b, "u%d,%s,%d,%s\n", i, day.AddDate(0, 0, i).Format(time.DateOnly), i%11, churn)
	}
	path := filepath.Join(dir, "users.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	e := trainOn(t, experiment.Source{Kind: "csv", Path: path, Label: "churn"}, 1)
	if !e.Pipeline.Columns[0].Date {
		t.Fatalf("signup is not a date column: %+v", e.Pipeline.Columns[0])
	}
	model := writeModel(t, e, filepath.Join(dir, "model.json"))
	s, err := New(model, Config{Token: []byte(testToken), Poll: -1})
	if err != nil {
		t.Fatal(err)
	}
	rec := call(t, s, "POST", "/v1/predict", testToken, `{"rows":[{"signup":"2023-06-30","visits":4}]}`)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var got struct {
		Predictions []struct{ Probability float64 }
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || len(got.Predictions) != 1 {
		t.Fatalf("answer %s (%v)", rec.Body, err)
	}
	// Row 180 of the table is 2023-06-30 (day 180 after 2023-01-01) with
	// 180 % 11 = 4 visits: the same cells.
	scored, err := e.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := scored.Probabilities[180]; math.Abs(got.Predictions[0].Probability-want) > 1e-12 {
		t.Errorf("API %v, the table's own scoring %v", got.Predictions[0].Probability, want)
	}
	if p := getOpenAPI(t, s).Components.Schemas.Row.Properties["signup"]; p == nil || p.Type != "string" || p.Format != "date" {
		t.Errorf("the date column's schema %+v, want a string of format date", p)
	}
	// A date beyond the training range is scored as its bound, and the
	// row says so.
	signup := &s.Model().Bundle.Pipeline.Columns[0]
	preds := predictOK(t, s, `{"rows":[{"signup":"2030-01-01","visits":4},{"signup":"2000-01-01","visits":4}]}`)
	for i, want := range []string{
		"date 2030-01-01 after the range the model keeps (its ends are means of the 10th–19th most extreme training values, for privacy), scored as " + data.FormatDay(signup.Max),
		"date 2000-01-01 before the range the model keeps (its ends are means of the 10th–19th most extreme training values, for privacy), scored as " + data.FormatDay(signup.Min),
	} {
		if w := preds[i].Warnings; len(w) != 1 || w[0] != (Warning{Column: "signup", Kind: "clipped", Message: want}) {
			t.Errorf("rows[%d] warnings %+v, want %q", i, w, want)
		}
	}
	// A date that is no calendar date is scored as null is, as retain
	// predict reads it, and the row says so in the words of predict's note
	// for the cell (a missing cell, then Pipeline.FillText).
	preds = predictOK(t, s, `{"rows":[{"signup":"2023-02-30","visits":4},{"signup":null,"visits":4},{"signup":" 0000-00-00 ","visits":4},{"signup":"NA","visits":4}]}`)
	fill := s.Model().Bundle.Pipeline.FillText(0)
	for i, want := range []string{
		`"2023-02-30" is no calendar date, read as a missing cell: ` + fill,
		"",
		`"0000-00-00" is no calendar date, read as a missing cell: ` + fill,
		"",
	} {
		w := preds[i].Warnings
		if want == "" && len(w) != 0 || want != "" && (len(w) != 1 || w[0] != (Warning{Column: "signup", Kind: "invalid_date", Message: want})) {
			t.Errorf("rows[%d] warnings %+v, want %q", i, w, want)
		}
		if preds[i].Probability != preds[1].Probability {
			t.Errorf("rows[%d] probability %v, null's %v", i, preds[i].Probability, preds[1].Probability)
		}
	}
	// What retain predict's note says of a missing signup of this model
	// (the mean of the clipped training days).
	if want := "filled with the training mean 2023-05-28; no was-missing input (the training rows had no missing cell here)"; fill != want {
		t.Errorf("fill text %q, want %q", fill, want)
	}
	for body, want := range map[string]string{
		`{"rows":[{"signup":19538,"visits":4}]}`:  `rows[0]: column "signup": expected a date as a string (YYYY-MM-DD) or null, got the number 19538`,
		`{"rows":[{"signup":"soon","visits":4}]}`: `rows[0]: column "signup": expected a date (YYYY-MM-DD), got "soon"`,
	} {
		rec := call(t, s, "POST", "/v1/predict", testToken, body)
		var answer struct {
			Error struct{ Message, Column string }
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil || rec.Code != 400 ||
			answer.Error.Message != want || answer.Error.Column != "signup" {
			t.Errorf("%s: %d %s, want 400 with %q", body, rec.Code, rec.Body, want)
		}
	}
}
