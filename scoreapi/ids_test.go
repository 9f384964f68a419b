package scoreapi

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"slices"
	"testing"

	"github.com/retainlab/retain/pseudonym"
)

// TestIDsAreTrimmedAndOneCustomerHasOnePseudonym: the API echoed " 15600587"
// untrimmed, and pseudonymised it, and 15600587.0, apart from 15600587
// (predict trims the cell; order logs read 15600587.0 as 15600587). The id
// is trimmed, a blank one is no id, and under --pseudonymise every
// spelling of the customer is one pseudonym, the one predict gives.
func TestIDsAreTrimmedAndOneCustomerHasOnePseudonym(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	dir := t.TempDir()
	model := trainModel(t, dir, "model.json", 1)
	cell := `"visits":3,"spend":50,"plan":"basic","member":true`
	body := `{"rows":[{"user_id":" 15600587",` + cell + `},{"user_id":15600587.0,` + cell + `},{"user_id":"15600587",` + cell +
		`},{"user_id":"15600587.0 ",` + cell + `},{"user_id":"  ",` + cell + `}]}`
	ids := func(key *pseudonym.Key) []string {
		s, err := New(filepath.Clean(model), Config{Token: []byte(testToken), Poll: -1, Pseudonym: key})
		if err != nil {
			t.Fatal(err)
		}
		rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
		var got struct{ Predictions []struct{ ID string } }
		if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &got) != nil {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		var out []string
		for _, p := range got.Predictions {
			out = append(out, p.ID)
		}
		return out
	}
	if got, want := ids(nil), []string{"15600587", "15600587.0", "15600587", "15600587.0", ""}; !slices.Equal(got, want) {
		t.Errorf("ids %q, want %q", got, want)
	}
	// The pseudonym of the plain id, from the key.
	p := key.ID("15600587")
	if got, want := ids(key), []string{p, p, p, p, ""}; !slices.Equal(got, want) {
		t.Errorf("pseudonymised ids %q, want %q", got, want)
	}
}
