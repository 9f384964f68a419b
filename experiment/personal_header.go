package experiment

import (
	"strings"
	"unicode"
)

// personHeader reports whether a column's header names a person or their
// contact details, so that --pseudonymise replaces its cells however few
// distinct values it holds (PersonalText): a name ("name", "full_name",
// "FirstName", "Surname", "customer name"), an address ("address",
// "Street", "billing_address", "address_line_1"), an e-mail address or a
// phone number ("email", "phone_number", "Telephone"), or in Chinese a
// header ending in 姓名, 名字, 地址, 住址, 街道, 联系人, 收件人, 收货人,
// 电话(号码), 手机(号码) or 邮箱. It reads the header's words, never its
// data, and asks for the whole header to be such a name: "product_name",
// "PhoneService" or "address_type" name no person.
func personHeader(header string) bool {
	h := strings.TrimSpace(header)
	for _, w := range zhPersonWords {
		if strings.HasSuffix(h, w) {
			return true
		}
	}
	joined := strings.TrimRightFunc(strings.Join(headerWords(h), ""), unicode.IsDigit)
	joined = strings.TrimSuffix(joined, "line")
	for _, kind := range []struct {
		word  string
		first []string // the words allowed before it ("" alone)
	}{
		{"name", nameQualifiers},
		{"address", addressQualifiers},
		{"street", []string{"", "home"}},
		{"surname", []string{""}},
		{"forename", []string{""}},
		{"email", []string{"", "customer", "contact", "personal", "user", "member", "client"}},
		{"emailaddress", []string{"", "customer", "contact", "personal", "user", "member", "client"}},
		{"phone", phoneQualifiers},
		{"phonenumber", phoneQualifiers},
		{"phoneno", phoneQualifiers},
		{"telephone", []string{"", "home", "work", "customer", "contact"}},
		{"telephonenumber", []string{""}},
		{"tel", []string{""}},
		{"mobilenumber", []string{"", "customer", "contact"}},
		{"contactnumber", []string{""}},
	} {
		prefix, ok := strings.CutSuffix(joined, kind.word)
		if ok && contains(kind.first, prefix) {
			return true
		}
	}
	return false
}

var (
	nameQualifiers = []string{"", "full", "first", "last", "given", "family", "middle", "maiden", "nick", "sur", "fore",
		"customer", "customerfull", "customerfirst", "customerlast", "client", "contact", "person", "user", "member",
		"holder", "cardholder", "accountholder", "recipient", "buyer", "payer", "shipping", "billing", "shipto", "billto",
		"contactfull", "contactfirst", "contactlast"}
	addressQualifiers = []string{"", "street", "home", "billing", "shipping", "delivery", "mailing", "postal", "customer",
		"residential", "contact", "shipto", "billto"}
	phoneQualifiers = []string{"", "customer", "contact", "home", "work", "mobile", "cell", "personal"}
	zhPersonWords   = []string{"姓名", "名字", "地址", "住址", "街道", "联系人", "收件人", "收货人", "电话", "电话号码",
		"手机", "手机号", "手机号码", "邮箱", "电子邮件"}
)

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// headerWords splits a header into its lower-case words: at anything
// but a letter or a digit, and where a lower-case letter meets an upper-case
// one (FirstName, customerID).
func headerWords(h string) []string {
	var words []string
	var cur []rune
	var prev rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for _, r := range h {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
		prev = r
	}
	flush()
	return words
}
