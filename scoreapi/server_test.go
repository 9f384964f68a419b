package scoreapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

func TestNewRefusesNoAuth(t *testing.T) {
	model := trainModel(t, t.TempDir(), "model.json", 1)
	if _, err := New(model, Config{}); !errors.Is(err, ErrNoAuth) {
		t.Fatalf("New without token or Insecure: %v, want ErrNoAuth", err)
	}
}

func TestAuth(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	body := `{"rows":[` + goodRow + `]}`
	for _, c := range []struct {
		name, path, token string
		want              int
	}{
		{"no token", "/v1/predict", "", http.StatusUnauthorized},
		{"wrong token", "/v1/predict", "test-token-0123456780", http.StatusUnauthorized},
		{"prefix of the token", "/v1/predict", "test-token", http.StatusUnauthorized},
		{"the token and more", "/v1/predict", testToken + "0", http.StatusUnauthorized},
		{"right token", "/v1/predict", testToken, http.StatusOK},
		{"metrics without token", "/metrics", "", http.StatusUnauthorized},
		{"openapi without token", "/openapi.json", "", http.StatusUnauthorized},
	} {
		method := http.MethodPost
		if c.path != "/v1/predict" {
			method = http.MethodGet
		}
		rec := call(t, s, method, c.path, c.token, body)
		if rec.Code != c.want {
			t.Errorf("%s: status %d, want %d (%s)", c.name, rec.Code, c.want, rec.Body)
		}
		if rec.Header().Get("X-Retain-Auth") != "" {
			t.Errorf("%s: X-Retain-Auth %q with auth on", c.name, rec.Header().Get("X-Retain-Auth"))
		}
	}
	// Health checks need no token.
	if rec := call(t, s, http.MethodGet, "/healthz", "", ""); rec.Code != http.StatusOK {
		t.Errorf("/healthz without token: %d", rec.Code)
	}
	// The scheme is case-insensitive (RFC 7235).
	req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	req.Header.Set("Authorization", "bearer "+testToken)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Errorf("lower-case bearer: %d", rec.Code)
	}
}

func TestInsecureSaysSoOnEveryResponse(t *testing.T) {
	s, _ := newTestServer(t, Config{Insecure: true})
	for _, c := range []struct{ method, path, body string }{
		{http.MethodPost, "/v1/predict", `{"rows":[` + goodRow + `]}`},
		{http.MethodPost, "/v1/predict", `nope`},
		{http.MethodGet, "/healthz", ""},
		{http.MethodGet, "/metrics", ""},
		{http.MethodGet, "/nowhere", ""},
		// Redirects the mux writes itself (review36 #6).
		{http.MethodPost, "/v1//predict", ""},
		{http.MethodPost, "/v1/predict/../predict", ""},
	} {
		rec := call(t, s, c.method, c.path, "", c.body)
		if got := rec.Header().Get("X-Retain-Auth"); got != "disabled" {
			t.Errorf("%s %s: X-Retain-Auth %q, want disabled", c.method, c.path, got)
		}
	}
}

// apiErr decodes an error answer.
func apiErr(t *testing.T, body []byte) apiError {
	t.Helper()
	var e struct {
		Error apiError `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("error body %q is not JSON: %v", body, err)
	}
	return e.Error
}

func TestBadRequestsNameRowAndColumn(t *testing.T) {
	s, _ := newTestServer(t, Config{MaxRows: 3})
	row := func(fields string) string { return `{"user_id":"u1",` + fields + `}` }
	ok := `"visits":3,"spend":12.5,"plan":"pro","member":true`
	cases := []struct {
		name, body string
		status     int
		row        int // -1: none
		column     string
		message    string
	}{
		{"not JSON", `hello`, 400, -1, "", `not JSON at byte 1: invalid character 'h' looking for beginning of value`},
		{"empty body", ``, 400, -1, "", `empty body: want a JSON object`},
		{"cut short", `{"rows":[`, 400, -1, "", `the body ends in the middle of its JSON`},
		{"two values", `{"rows":[` + row(ok) + `]} {}`, 400, -1, "", `the body holds more than one JSON value`},
		// {"rows":[]} is 11 bytes, then a space: the 't' is the 13th.
		{"text after", `{"rows":[]} trailing`, 400, -1, "", `unexpected text after the JSON object at byte 13`},
		{"unknown field", `{"rows":[` + row(ok) + `],"explian":2}`, 400, -1, "", `unknown field "explian": a request holds only "rows", "explain" and "recommend"`},
		// encoding/json would keep the last of each silently.
		{"explain twice", `{"rows":[` + row(ok) + `],"explain":1,"explain":5}`, 400, -1, "", `"explain" given twice`},
		{"escaped key twice", `{"rows":[` + row(ok) + `],"\u0065xplain":1,"explain":1}`, 400, -1, "", `"explain" given twice`},
		{"rows twice", `{"rows":[` + row(ok) + `],"Rows":[]}`, 400, -1, "", `"rows" given twice`},
		{"unknown field before a key twice", `{"explain":1,"explain":1,"explian":2}`, 400, -1, "", `unknown field "explian": a request holds only "rows", "explain" and "recommend"`},
		{"no rows", `{}`, 400, -1, "", `no "rows": want {"rows": [{column: value, …}, …]}`},
		{"empty rows", `{"rows":[]}`, 400, -1, "", `"rows" is empty: nothing to score`},
		{"rows not an array", `{"rows":{}}`, 400, -1, "", `rows: got a JSON object, want an array of objects`},
		{"row not an object", `{"rows":[` + row(ok) + `,1]}`, 400, 1, "", `rows[1]: got a JSON number, want an object of column values`},
		{"row an array", `{"rows":[[]]}`, 400, 0, "", `rows[0]: got a JSON array, want an object of column values`},
		{"null row", `{"rows":[` + row(ok) + `,null]}`, 400, 1, "", `rows[1]: null: want an object of column values`},
		{"negative explain", `{"rows":[` + row(ok) + `],"explain":-1}`, 400, -1, "", `"explain" is -1: want a number of reasons ≥ 0`},
		{"too many reasons", `{"rows":[` + row(ok) + `],"explain":5}`, 400, -1, "", `"explain" is 5: the model has 4 columns`},
		{"too many rows", `{"rows":[{},{},{},{}]}`, 413, -1, "", `4 rows: at most 3 per request (--max-rows)`},
		{"unknown column", `{"rows":[` + row(ok) + `,` + row(ok+`,"zip":1,"age":2`) + `]}`, 400, 1, "age",
			`rows[1]: column "age": not a column of the model (GET /openapi.json lists the model's columns)`},
		{"column twice", `{"rows":[` + row(`"visits":3,"spend":0,"plan":"pro","spend":18.2,"member":true`) + `]}`, 400, 0, "spend",
			`rows[0]: column "spend": given twice`},
		{"missing column", `{"rows":[` + row(`"visits":3,"plan":"pro","member":true`) + `]}`, 400, 0, "spend",
			`rows[0]: column "spend": missing: the model takes this column (send null for an unknown value)`},
		{"missing columns", `{"rows":[` + row(`"visits":3,"plan":"pro"`) + `]}`, 400, 0, "spend",
			`rows[0]: column "spend": missing: the model takes this column (send null for an unknown value); the row lacks "member" too`},
		{"no column of the model", `{"rows":[{"Visits":3}]}`, 400, 0, "Visits",
			`rows[0]: column "Visits": not a column of the model (GET /openapi.json lists the model's columns)`},
		{"only the id", `{"rows":[{"user_id":"u1"}]}`, 400, 0, "visits",
			`rows[0]: column "visits": missing: the model takes this column (send null for an unknown value); ` +
				`the row lacks "spend", "plan" and "member" too: none of the model's 4 columns (is it the model for these rows?)`},
		{"string for a number", `{"rows":[` + row(`"visits":"3","spend":1,"plan":"pro","member":true`) + `]}`, 400, 0, "visits",
			`rows[0]: column "visits": expected a JSON number or null, got the string "3" (send it without the quotes)`},
		{"word for a number", `{"rows":[` + row(`"visits":"many","spend":1,"plan":"pro","member":true`) + `]}`, 400, 0, "visits",
			`rows[0]: column "visits": expected a JSON number or null, got the string "many"`},
		{"number too large", `{"rows":[` + row(`"visits":1e999,"spend":1,"plan":"pro","member":true`) + `]}`, 400, 0, "visits",
			`rows[0]: column "visits": expected a finite number, got "1e999"`},
		{"bool for a number", `{"rows":[` + row(`"visits":true,"spend":1,"plan":"pro","member":true`) + `]}`, 400, 0, "visits",
			`rows[0]: column "visits": expected a JSON number or null, got true`},
		{"array for a category", `{"rows":[` + row(`"visits":1,"spend":1,"plan":["pro"],"member":true`) + `]}`, 400, 0, "plan",
			`rows[0]: column "plan": expected a string or null, got an array`},
		{"bad boolean", `{"rows":[` + row(`"visits":1,"spend":1,"plan":"pro","member":"maybe"`) + `]}`, 400, 0, "member",
			`rows[0]: column "member": expected "false" or "true", got "maybe"`},
		{"too many keys", `{"rows":[` + row(ok) + `,` + row(ok+`,"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8`) + `]}`, 400, 1, "",
			`rows[1]: more than 12 keys: the model's rows have 4 columns, an id and a label (GET /openapi.json lists the model's columns)`},
		{"typos are named", `{"rows":[` + row(ok+`,"b":2,"a":1`) + `]}`, 400, 0, "a",
			`rows[0]: column "a": not a column of the model (GET /openapi.json lists the model's columns)`},
		{"object id", `{"rows":[{"user_id":{},` + ok + `}]}`, 400, 0, "user_id",
			`rows[0]: column "user_id": the id must be a string or a number, got an object`},
		{"recommendations", `{"rows":[` + row(ok) + `],"recommend":5}`, 400, -1, "", ""},
	}
	for _, c := range cases {
		rec := call(t, s, http.MethodPost, "/v1/predict", testToken, c.body)
		if rec.Code != c.status {
			t.Errorf("%s: status %d, want %d (%s)", c.name, rec.Code, c.status, rec.Body)
			continue
		}
		e := apiErr(t, rec.Body.Bytes())
		if c.message != "" && e.Message != c.message {
			t.Errorf("%s: message\n %q, want\n %q", c.name, e.Message, c.message)
		}
		if (e.Row == nil) != (c.row < 0) || (e.Row != nil && *e.Row != c.row) || e.Column != c.column {
			t.Errorf("%s: row %v column %q, want row %d column %q", c.name, e.Row, e.Column, c.row, c.column)
		}
	}
}

func TestBodyLargerThanMaxIs413(t *testing.T) {
	s, _ := newTestServer(t, Config{MaxBody: 100})
	body := `{"rows":[` + goodRow + `,` + goodRow + `]}`
	rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("a %d-byte body with --max-body 100: %d (%s)", len(body), rec.Code, rec.Body)
	}
	if e := apiErr(t, rec.Body.Bytes()); e.Message != "the body is larger than 100 bytes (--max-body)" {
		t.Errorf("message %q", e.Message)
	}
}

// TestDeclaredLengthAboveMaxIs413: a Content-Length above --max-body is
// refused from the header, whatever the body (here 11 bytes that decode):
// before, the body was read as it came, so a client that declared 999,999,999
// bytes and sent 11 waited for the 30 s read timeout's 408.
func TestDeclaredLengthAboveMaxIs413(t *testing.T) {
	s, _ := newTestServer(t, Config{MaxBody: 100})
	req := httptest.NewRequest(http.MethodPost, "/v1/predict", strings.NewReader(`{"rows":[]}`))
	req.ContentLength = 999999999
	req.Header.Set("Authorization", "Bearer "+testToken)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge || rec.Header().Get("Connection") != "close" {
		t.Fatalf("Content-Length 999999999 with --max-body 100: %d, Connection %q (%s)", rec.Code, rec.Header().Get("Connection"), rec.Body)
	}
	if e := apiErr(t, rec.Body.Bytes()); e.Message != "the body is larger than 100 bytes (--max-body)" {
		t.Errorf("message %q", e.Message)
	}
}

func TestWrongMethodIs405(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	rec := call(t, s, http.MethodGet, "/v1/predict", testToken, "")
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "POST" {
		t.Errorf("GET /v1/predict: %d, Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
}

func TestOpenAPIListsThePaths(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	rec := call(t, s, http.MethodGet, "/openapi.json", testToken, "")
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("/openapi.json is not JSON: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want 3.x", doc.OpenAPI)
	}
	want := map[string]string{"/v1/predict": "post", "/healthz": "get", "/metrics": "get", "/openapi.json": "get"}
	for p, m := range want {
		if _, ok := doc.Paths[p][m]; !ok {
			t.Errorf("the description has no %s %s", m, p)
		}
	}
	if len(doc.Paths) != len(want) {
		t.Errorf("the description lists %d paths, the server serves %d", len(doc.Paths), len(want))
	}
}

func TestReloadFailureKeepsTheModel(t *testing.T) {
	s, model := newTestServer(t, Config{})
	before := s.Model().ID
	if err := os.WriteFile(model, []byte(`{"format":"retain-model"`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Reload(); err == nil {
		t.Fatal("Reload of a broken file succeeded")
	}
	if s.Model().ID != before {
		t.Errorf("model %s after a failed reload, want %s", s.Model().ID, before)
	}
	if rec := call(t, s, http.MethodPost, "/v1/predict", testToken, `{"rows":[`+goodRow+`]}`); rec.Code != 200 {
		t.Errorf("scoring after a failed reload: %d", rec.Code)
	}
	metrics := call(t, s, http.MethodGet, "/metrics", testToken, "").Body.String()
	for _, line := range []string{
		`retain_api_model_reloads_total{result="failed"} 1`,
		`retain_api_requests_total{code="200",path="/v1/predict"} 1`,
		`retain_api_rows_scored_total 1`,
	} {
		if !strings.Contains(metrics, line+"\n") {
			t.Errorf("/metrics lacks %q", line)
		}
	}
}
