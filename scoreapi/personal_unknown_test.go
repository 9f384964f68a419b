package scoreapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/retainlab/retain/pseudonym"
)

// TestPseudonymisedUnknownLevelsAreHidden: under --pseudonymise an id sent
// in a category column ("plan":"7590-VHVEG") came back in clear in its
// "unknown level" warning while the answer's id was a pseudonym; only a
// value written like an e-mail address or a phone number was hidden
// (review20 #5). Every value that is no level is now quoted as its
// pseudonym, a number too; without pseudonyms the warnings are as before.
func TestPseudonymisedUnknownLevelsAreHidden(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	model := emailModel(t)
	body := `{"rows":[{"user_id":"7590-VHVEG","email":"person1@example.com","visits":3,"spend":12.5,"plan":"7590-VHVEG"},
		{"user_id":"u2","email":"person1@example.com","visits":3,"spend":12.5,"plan":7590}]}`
	for _, c := range []struct {
		key  *pseudonym.Key
		want []string
	}{
		{key, []string{
			fmt.Sprintf("unknown level %q, scored as no level (as null is)", key.ID("7590-VHVEG")),
			fmt.Sprintf("unknown level %q, scored as no level (as null is)", key.ID("7590"))}},
		{nil, []string{
			`unknown level "7590-VHVEG", scored as no level (as null is)`,
			"the number 7590 is not a level, scored as no level (as null is)"}},
	} {
		s, err := New(model, Config{Token: []byte(testToken), Poll: -1, Pseudonym: c.key})
		if err != nil {
			t.Fatal(err)
		}
		rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		var resp Response
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatal(err)
		}
		for i, want := range c.want {
			w := resp.Predictions[i].Warnings
			if len(w) != 1 || w[0].Column != "plan" || w[0].Message != want {
				t.Errorf("pseudonyms %v, row %d: warnings %+v, want one on plan: %q", c.key != nil, i, w, want)
			}
		}
	}
}
