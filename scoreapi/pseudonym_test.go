package scoreapi

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/retainlab/retain/pseudonym"
)

// TestPseudonymisedIDs: with a Pseudonym every answered id is its keyed
// hash (pseudonym.Key.ID, tested against Python's hmac there), the answer
// says so in a header, and the probabilities do not change.
func TestPseudonymisedIDs(t *testing.T) {
	key, err := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := newTestServer(t, Config{})
	pseudo, _ := newTestServer(t, Config{Pseudonym: key})
	body := `{"rows":[` + goodRow + `,{"visits":3,"spend":12.5,"plan":"pro","member":true}]}`
	var answers [2]Response
	for i, s := range []*Server{plain, pseudo} {
		rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &answers[i]); err != nil {
			t.Fatal(err)
		}
		want := map[bool]string{false: "", true: "pseudonymised"}[s == pseudo]
		if got := rec.Header().Get("X-Retain-Ids"); got != want {
			t.Errorf("X-Retain-Ids %q, want %q", got, want)
		}
	}
	p, q := answers[0].Predictions, answers[1].Predictions
	if p[0].ID != "u1" || q[0].ID != key.ID("u1") || q[1].ID != "" {
		t.Errorf("ids %q and %q; want u1 → %s, and no id where the row has none", p[0].ID, q[0].ID, key.ID("u1"))
	}
	if p[0].Probability != q[0].Probability {
		t.Errorf("probability %v became %v", p[0].Probability, q[0].Probability)
	}
}
