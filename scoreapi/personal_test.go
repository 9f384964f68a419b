package scoreapi

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
)

// emailModel trains a model on a table whose email column holds four
// addresses, each on 75 rows, so that each is a level of the model.
func emailModel(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(11, 3))
	var b strings.Builder
	b.WriteString("user_id,email,visits,spend,plan,churn\n")
	for i := range 300 {
		visits, spend := rng.IntN(20), math.Round(rng.Float64()*2000)/10
		churn := "no"
		if rng.Float64() < 1/(1+math.Exp(-(1.5-0.25*float64(visits)+float64(i%4)/2))) {
			churn = "yes"
		}
		fmt.Fprintf(&b, "u%04d,person%d@example.com,%d,%g,%s,%s\n", i+1, i%4, visits, spend, []string{"basic", "pro"}[i%2], churn)
	}
	path := filepath.Join(dir, "users.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	e := trainOn(t, experiment.Source{Kind: "csv", Path: path, Label: "churn"}, 1)
	return writeModel(t, e, filepath.Join(dir, "model.json"))
}

// TestPseudonymisedPersonalValues: with a Pseudonym, the answers showed
// only the ids as pseudonyms; the e-mail addresses of a column that names
// people (its levels are addresses) were in clear in the reasons, in the
// warning about an address the model has no level for and in the OpenAPI
// description's levels, and an address sent in another column in its
// warning or error. Each is now its pseudonym, or not listed.
func TestPseudonymisedPersonalValues(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	model := emailModel(t)
	s, err := New(model, Config{Token: []byte(testToken), Poll: -1, Pseudonym: key})
	if err != nil {
		t.Fatal(err)
	}
	body := `{"explain":4,"rows":[
		{"user_id":"u1","email":"person1@example.com","visits":3,"spend":12.5,"plan":"pro"},
		{"user_id":"u2","email":"zed@example.com","visits":3,"spend":12.5,"plan":"carl@example.com"}]}`
	rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if strings.Contains(rec.Body.String(), "@") {
		t.Errorf("the answer holds an address in clear:\n%s", rec.Body)
	}
	var resp Response
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	// zed@example.com is no level of email, which has no catch-all: it
	// reads "(blank or unseen)", not "(other)" (review 16, Medium 2).
	for i, want := range []string{key.ID("person1@example.com"), experiment.NoLevel} {
		found := false
		for _, r := range resp.Predictions[i].Reasons {
			if r.Column == "email" {
				found = true
				text := experiment.FormatReason(experiment.Reason{Column: "email", Value: want, Attribution: r.Attribution, NoLevel: i == 1})
				if r.Value != want || r.Text != text {
					t.Errorf("row %d: reason %+v, want the value %s", i, r, want)
				}
			}
		}
		if !found {
			t.Errorf("row %d: no reason on email in %+v", i, resp.Predictions[i].Reasons)
		}
	}
	wantWarnings := []Warning{
		{Column: "email", Kind: "unknown_level", Message: fmt.Sprintf("unknown level %q, scored as no level (as null is)", key.ID("zed@example.com"))},
		{Column: "plan", Kind: "unknown_level", Message: fmt.Sprintf("unknown level %q, scored as no level (as null is)", key.ID("carl@example.com"))},
	}
	if got := resp.Predictions[1].Warnings; fmt.Sprint(got) != fmt.Sprint(wantWarnings) {
		t.Errorf("warnings\n%+v\nwant\n%+v", got, wantWarnings)
	}

	bad := `{"rows":[{"email":"person1@example.com","visits":3,"spend":"ann@example.com","plan":"pro"}]}`
	rec = call(t, s, http.MethodPost, "/v1/predict", testToken, bad)
	want := fmt.Sprintf(`rows[0]: column "spend": expected a JSON number or null, got the string %q`, key.ID("ann@example.com"))
	if msg := apiErr(t, rec.Body.Bytes()).Message; rec.Code != http.StatusBadRequest || msg != want {
		t.Errorf("status %d, message %q; want 400, %q", rec.Code, msg, want)
	}
	// An id sent in the wrong field is not echoed either (review36 #6).
	bad = `{"rows":[{"email":"person1@example.com","visits":3,"spend":"7590-VHVEG","plan":"pro"}]}`
	rec = call(t, s, http.MethodPost, "/v1/predict", testToken, bad)
	want = fmt.Sprintf(`rows[0]: column "spend": expected a JSON number or null, got the string %q`, key.ID("7590-VHVEG"))
	if msg := apiErr(t, rec.Body.Bytes()).Message; rec.Code != http.StatusBadRequest || msg != want {
		t.Errorf("status %d, message %q; want 400, %q", rec.Code, msg, want)
	}

	rec = call(t, s, http.MethodGet, "/openapi.json", testToken, "")
	if strings.Contains(rec.Body.String(), "@") {
		t.Errorf("the OpenAPI description lists addresses")
	}
	email := rowProperty(t, rec.Body.Bytes(), "email")
	wantEmail := "Categorical: text that names people, such as e-mail addresses or phone numbers; its levels are not listed, " +
		"as the service pseudonymises. A value that is none of them, or a number, is scored as no level, as null is, " +
		"with a warning. null is scored as no level."
	if email.Description != wantEmail || email.Levels != nil {
		t.Errorf("email's schema %+v,\nwant the description %q and no levels", email, wantEmail)
	}
	if plan := rowProperty(t, rec.Body.Bytes(), "plan"); fmt.Sprint(plan.Levels) != "[basic pro]" {
		t.Errorf("plan's levels %q", plan.Levels)
	}

	// Without pseudonyms the addresses are levels, listed.
	plain, err := New(model, Config{Token: []byte(testToken), Poll: -1})
	if err != nil {
		t.Fatal(err)
	}
	rec = call(t, plain, http.MethodGet, "/openapi.json", testToken, "")
	if levels := rowProperty(t, rec.Body.Bytes(), "email").Levels; len(levels) != 4 || levels[1] != "person1@example.com" {
		t.Errorf("email's levels in clear: %q", levels)
	}
}

// rowProperty returns the schema of a column of the OpenAPI description's
// Row.
func rowProperty(t *testing.T, doc []byte, column string) schema {
	t.Helper()
	var d struct {
		Components struct {
			Schemas struct {
				Row struct {
					Properties map[string]schema `json:"properties"`
				} `json:"Row"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		t.Fatal(err)
	}
	return d.Components.Schemas.Row.Properties[column]
}
