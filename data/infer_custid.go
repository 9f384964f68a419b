package data

import (
	"slices"
	"strings"
)

// customerIDName reports whether a header names the holder of a row as
// people name an account or customer number, without the id/key/number
// endings idLikeName knows: its last word is a word for a customer or an
// account ("acct", "account", "customer", "client", "member", "Kunde"),
// or a number ending ("no", "nr", "num", "code", …) after such a word
// ("cust_no", "account_no", "AcctNum"), or one word made of the two
// ("kundennr", "custno"). Words are nameWords'. Names of a customer's measures
// ("number_of_orders", "account_length", "customer_age") end in another
// word and do not count.
func customerIDName(name string) bool {
	words := nameWords(name)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	switch {
	case slices.Contains(holderWords, last):
		return true
	case slices.Contains(numberEndings, last) && len(words) >= 2:
		return slices.Contains(holderWords, words[len(words)-2])
	}
	for _, h := range holderWords {
		if rest, ok := strings.CutPrefix(last, h); ok && slices.Contains(numberEndings, rest) {
			return true
		}
	}
	return false
}

// holderWords are the words for the holder of an account or a customer
// number (customerIDName); numberEndings the words that make a number of
// one.
var (
	holderWords   = []string{"customer", "cust", "user", "client", "member", "household", "shopper", "buyer", "consumer", "account", "acct", "patron", "subscriber", "kunde", "kunden", "mitglied"}
	numberEndings = []string{"id", "key", "no", "nr", "num", "nbr", "number", "nummer", "code"}
)
