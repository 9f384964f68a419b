package scoreapi

import (
	"regexp"
	"strconv"
)

// quoted matches a Go-quoted string (strconv.Quote, %q) in a message.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// hideSent returns bad with every name a client sent that its message
// quotes (an unknown column or field, a key given twice) and its column
// shown as their pseudonyms when written like an e-mail address or a
// phone number, under --pseudonymise; bad itself otherwise. Values sent
// are quoted so already (PersonalValues.Cell); a client that keys its
// rows by its customers' addresses got them back in clear before 6
// December 2026. predict never quotes a column of its CSV the model does
// not take (it ignores them), so neither shows such an address.
func (m *Model) hideSent(bad *apiError) *apiError {
	if m.personal == nil {
		return bad
	}
	hide := func(s string) string { return m.personal.Cell(-1, s) }
	out := *bad
	out.Message = quoted.ReplaceAllStringFunc(bad.Message, func(q string) string {
		s, err := strconv.Unquote(q)
		if err != nil {
			return q
		}
		if h := hide(s); h != s {
			return strconv.Quote(h)
		}
		return q
	})
	out.Column = hide(bad.Column)
	return &out
}
