package data

import (
	"fmt"
	"strings"
	"testing"
)

// TestCustomerIDNames: distinct whole numbers under a name that says whose
// row it is (acct, account_no, AcctNum, kundennr, member_number: a word for
// a customer or account, maybe with a number ending) are identifiers,
// whatever their spread, with the note of any unique-integer id; the names
// idLikeName knows (CustomerId, user_id) and a RowNumber still are. A
// customer's measure stays a feature: number_of_orders (repeats) and
// account_length (distinct, spread over more than ten times, but its last
// word is no customer word). Values by construction: acct is
// 1 + (i·102947 mod 999983), distinct for i < 999983 (102947 = 7919·13 is
// prime to the prime 999983), from 1 to 997,956 over the 200 rows.
func TestCustomerIDNames(t *testing.T) {
	var b strings.Builder
	b.WriteString("RowNumber,CustomerId,user_id,acct,account_no,AcctNum,kundennr,member_number,number_of_orders,account_length,churned\n")
	for i := range 200 {
		acct := 1 + i*102947%999983
		fmt.Fprintf(&b, "%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d\n", i+1, 15600000+i*37, (i*53)%200+1, acct, acct+5, acct+7, acct*3, acct*2,
			i%7, 3*i*i+1, i%3%2)
	}
	tab, err := ReadCSV(strings.NewReader(b.String()), "ids.csv", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"RowNumber", "CustomerId", "user_id", "acct", "account_no", "AcctNum", "kundennr", "member_number"} {
		if c := tab.Column(name); c == nil || c.Kind != ID {
			t.Errorf("%s: %+v, want an identifier", name, c)
		}
	}
	for _, name := range []string{"number_of_orders", "account_length"} {
		if c := tab.Column(name); c == nil || c.Kind != Numeric {
			t.Errorf("%s: %+v, want numeric", name, c)
		}
	}
	notes := strings.Join(LoadNotes(tab), "\n")
	for _, name := range []string{"acct", "account_no", "kundennr"} {
		line := fmt.Sprintf(`ids.csv: column %q is not a feature: an identifier (unique integers)`, name)
		if !strings.Contains(notes, line) {
			t.Errorf("load notes lack %q:\n%s", line, notes)
		}
	}
}

// TestCustomerIDName: the names read as a customer's or account's number,
// and names of measures that are not.
func TestCustomerIDName(t *testing.T) {
	for name, want := range map[string]bool{
		"acct": true, "account": true, "customer": true, "client": true, "member": true, "cust_no": true,
		"kundennr": true, "Kundennummer": true, "account_no": true, "AcctNum": true, "member_number": true, "Client Code": true,
		"number_of_orders": false, "account_length": false, "customer_age": false, "cust_orders": false,
		"accountbalance": false, "member_since": false, "no": false, "code": false,
	} {
		if got := customerIDName(name); got != want {
			t.Errorf("customerIDName(%q) = %v, want %v", name, got, want)
		}
	}
}
