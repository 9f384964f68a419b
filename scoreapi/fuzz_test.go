package scoreapi

import (
	"encoding/json"
	"net/http"
	"testing"
)

// FuzzPredict sends arbitrary bodies: every answer is a 200, 400, 413 or
// 422 with a JSON body, never a 500 (a recovered panic answers 500).
func FuzzPredict(f *testing.F) {
	for _, seed := range []string{
		`{"rows":[` + goodRow + `]}`,
		`{"rows":[` + goodRow + `],"explain":2}`,
		`{"rows":[{"user_id":7,"visits":null,"spend":-0,"plan":"","member":"FALSE","churn":"yes"}]}`,
		`{"rows":[{"visits":1e308,"spend":-1e308,"plan":1,"member":0}]}`,
		`{"rows":[{}],"recommend":1}`, `{"rows":null}`, ` {"rows":[],"ROWS":[{}], "explain":1}`, `[]`, `null`, `"rows"`, `{"rows":[[]]}`,
		`{"rows":[{"visits":"\u0000"}]}`, "\xff\xfe", `{"rows":[` + goodRow + `]}{`,
	} {
		f.Add([]byte(seed))
	}
	s, _ := newTestServer(f, Config{MaxRows: 50, MaxBody: 4096})
	f.Fuzz(func(t *testing.T, body []byte) {
		rec := call(t, s, http.MethodPost, "/v1/predict", testToken, string(body))
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
		default:
			t.Fatalf("body %q: status %d: %s", body, rec.Code, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("body %q: answer %q is not JSON", body, rec.Body)
		}
	})
}
