package scoreapi

import (
	"encoding/json"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// openAPIDoc is the part of the served description the tests read.
type openAPIDoc struct {
	OpenAPI    string `json:"openapi"`
	Components struct {
		Schemas struct {
			Request struct {
				Properties struct {
					Rows struct {
						Items struct {
							Ref string `json:"$ref"`
						} `json:"items"`
					} `json:"rows"`
				} `json:"properties"`
			} `json:"Request"`
			Row schema `json:"Row"`
		} `json:"schemas"`
	} `json:"components"`
	Paths map[string]map[string]struct {
		Responses map[string]struct {
			Headers map[string]any `json:"headers"`
		} `json:"responses"`
	} `json:"paths"`
}

// getOpenAPI fetches /openapi.json, decodes it and checks that every
// $ref in it names a part of it.
func getOpenAPI(t *testing.T, s *Server) openAPIDoc {
	t.Helper()
	rec := call(t, s, http.MethodGet, "/openapi.json", testToken, "")
	if rec.Code != http.StatusOK {
		t.Fatalf("/openapi.json: %d (%s)", rec.Code, rec.Body)
	}
	if got := rec.Header().Get("X-Retain-Model"); got != s.Model().ID {
		t.Errorf("X-Retain-Model %q, want %q", got, s.Model().ID)
	}
	var whole any
	if err := json.Unmarshal(rec.Body.Bytes(), &whole); err != nil {
		t.Fatalf("/openapi.json is not JSON: %v", err)
	}
	checkRefs(t, whole, whole)
	var doc openAPIDoc
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// checkRefs fails for every "$ref" under v that does not resolve in doc.
func checkRefs(t *testing.T, doc, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		if ref, ok := v["$ref"].(string); ok {
			target := doc
			for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
				obj, _ := target.(map[string]any)
				if target = obj[part]; target == nil {
					t.Errorf("$ref %q names nothing", ref)
					break
				}
			}
		}
		for _, e := range v {
			checkRefs(t, doc, e)
		}
	case []any:
		for _, e := range v {
			checkRefs(t, doc, e)
		}
	}
}

// /openapi.json was a fixed document: rows were objects of any keys, so
// the unknown-column error's pointer to it led nowhere. Its Row schema
// lists the model's columns: required, typed, categorical ones with their
// levels, every one nullable; the id and label optional; nothing else.
func TestOpenAPIDescribesTheModel(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	doc := getOpenAPI(t, s)
	if doc.OpenAPI != "3.0.3" {
		t.Errorf("openapi %q, want 3.0.3", doc.OpenAPI)
	}
	if ref := doc.Components.Schemas.Request.Properties.Rows.Items.Ref; ref != "#/components/schemas/Row" {
		t.Errorf("rows' items are %q, want the Row schema", ref)
	}
	row := doc.Components.Schemas.Row
	if row.Type != "object" || row.AdditionalProperties == nil || *row.AdditionalProperties {
		t.Errorf("Row: type %q, additionalProperties %v; want a closed object", row.Type, row.AdditionalProperties)
	}
	if want := []string{"visits", "spend", "plan", "member"}; !slices.Equal(row.Required, want) {
		t.Errorf("Row requires %q, want %q", row.Required, want)
	}
	for name, want := range map[string]string{"visits": "number", "spend": "number", "plan": "string",
		"member": "boolean", "user_id": "", "churn": ""} {
		p := row.Properties[name]
		switch {
		case p == nil:
			t.Errorf("Row has no property %q", name)
		case p.Type != want:
			t.Errorf("Row.%s type %q, want %q", name, p.Type, want)
		case want != "" && !p.Nullable:
			t.Errorf("Row.%s is not nullable: the server takes null for it", name)
		}
	}
	if len(row.Properties) != 6 {
		t.Errorf("Row has %d properties, want the model's 4 columns, its id and its label", len(row.Properties))
	}
	plan := row.Properties["plan"]
	if plan == nil {
		t.FailNow()
	}
	if want := []string{"basic", "plus", "pro"}; !slices.Equal(plan.Levels, want) {
		t.Errorf("plan's levels %q, want %q", plan.Levels, want)
	}
	if want := `Categorical: one of "basic", "plus", "pro" (x-retain-levels). Any other value, or a number, ` +
		`is scored as no level, as null is, with a warning. null is scored as no level.`; plan.Description != want {
		t.Errorf("plan's description\n%q, want\n%q", plan.Description, want)
	}
	visits := &s.Model().Bundle.Pipeline.Columns[0]
	if want := "A number (whole numbers in training). Training range " + data.FormatStatistic(visits.Min) + " to " +
		data.FormatStatistic(visits.Max) + " (k-anonymous: the mean of the 10th to 19th smallest and largest " +
		"training values); a value beyond it is scored as the nearer bound, with a warning. null is imputed as " +
		data.FormatStatistic(visits.Fill) + "."; row.Properties["visits"].Description != want {
		t.Errorf("visits' description\n%q, want\n%q", row.Properties["visits"].Description, want)
	}
	responses := doc.Paths["/v1/predict"]["post"].Responses
	var codes []string
	for code := range responses {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	if want := []string{"200", "400", "401", "405", "408", "413", "415", "422", "503"}; !slices.Equal(codes, want) {
		t.Errorf("POST /v1/predict lists %q, want what the server answers, %q", codes, want)
	}
	if responses["503"].Headers["Retry-After"] == nil || responses["405"].Headers["Allow"] == nil {
		t.Errorf("the 503 has no Retry-After or the 405 no Allow: %+v", responses)
	}
}

// The catch-all level is no level a client sends: it is left out of the
// levels and named in the description. The description follows a
// reloaded model.
func TestOpenAPIFollowsTheModelServed(t *testing.T) {
	rare, rareModel := rareLevelModel(t)
	plan := getOpenAPI(t, rare).Components.Schemas.Row.Properties["plan"]
	if plan == nil || !slices.Equal(plan.Levels, []string{"basic", "plus", "pro"}) ||
		!strings.Contains(plan.Description, "scored as the catch-all level (other), which holds the levels rare in training") {
		t.Fatalf("plan with a catch-all level: %+v", plan)
	}
	s, model := newTestServer(t, Config{})
	if getOpenAPI(t, s).Components.Schemas.Row.Properties["region"] != nil {
		t.Fatal("the users model's rows have a region")
	}
	raw, err := os.ReadFile(rareModel)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(model, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	row := getOpenAPI(t, s).Components.Schemas.Row
	if want := []string{"visits", "plan", "region"}; !slices.Equal(row.Required, want) {
		t.Errorf("after the reload, Row requires %q, want %q", row.Required, want)
	}
}
