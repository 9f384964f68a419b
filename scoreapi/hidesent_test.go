package scoreapi

import (
	"net/http"
	"testing"

	"github.com/retainlab/retain/pseudonym"
)

// TestPseudonymisedErrorsHideAddressesSentAsNames: under --pseudonymise a
// value written like an e-mail address was quoted as its pseudonym, but a
// key written so (a client keying rows by customer) came back in clear, in
// the message and in "column". Both are the pseudonym now, in a row and at
// the top level; without --pseudonymise the key is quoted as sent.
func TestPseudonymisedErrorsHideAddressesSentAsNames(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	model := emailModel(t)
	s, err := New(model, Config{Token: []byte(testToken), Poll: -1, Pseudonym: key})
	if err != nil {
		t.Fatal(err)
	}
	clear, err := New(model, Config{Token: []byte(testToken), Poll: -1})
	if err != nil {
		t.Fatal(err)
	}
	// The pseudonyms, from the key itself.
	john, jane := key.ID("john@x.com"), key.ID("jane@x.com")
	row := `{"user_id":"u1","email":"person1@example.com","visits":3,"spend":12.5,"plan":"pro","john@x.com":1}`
	for _, c := range []struct {
		s          *Server
		body, want string
	}{
		{s, `{"rows":[` + row + `]}`,
			`{"error":{"status":400,"message":"rows[0]: column \"` + john + `\": not a column of the model (GET /openapi.json lists the model's columns)","row":0,"column":"` + john + `"}}` + "\n"},
		{s, `{"rows":[{"jane@x.com":1,"jane@x.com":2}]}`,
			`{"error":{"status":400,"message":"rows[0]: column \"` + jane + `\": given twice","row":0,"column":"` + jane + `"}}` + "\n"},
		{s, `{"rows":[` + row + `],"jane@x.com":1}`,
			`{"error":{"status":400,"message":"unknown field \"` + jane + `\": a request holds only \"rows\", \"explain\" and \"recommend\""}}` + "\n"},
		{clear, `{"rows":[` + row + `]}`,
			`{"error":{"status":400,"message":"rows[0]: column \"john@x.com\": not a column of the model (GET /openapi.json lists the model's columns)","row":0,"column":"john@x.com"}}` + "\n"},
	} {
		rec := call(t, c.s, http.MethodPost, "/v1/predict", testToken, c.body)
		if rec.Code != http.StatusBadRequest || rec.Body.String() != c.want {
			t.Errorf("%s:\n got %d %s\nwant 400 %s", c.body, rec.Code, rec.Body, c.want)
		}
	}
}
