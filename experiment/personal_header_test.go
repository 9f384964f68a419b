package experiment

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// TestPersonHeader: which headers name a person or their contact details.
// The words alone decide, never the data; a header that merely mentions a
// name, an address or a phone is no person's (the telco table's
// PhoneService, an order log's product_name).
func TestPersonHeader(t *testing.T) {
	for _, h := range []string{"name", "Name", "full_name", "FullName", "first name", "LastName", "surname", "Surname",
		"forename", "given_name", "customer_name", "Customer Name", "CustomerName", "contact_name", "username",
		"address", "Address", "street", "Street", "street_address", "billing_address", "address_line_1", "Address2",
		"email", "E-mail", "email_address", "phone", "phone_number", "Phone No", "telephone", "mobile_number",
		"姓名", "客户姓名", "名字", "地址", "收货地址", "联系人", "联系电话", "手机号码", "邮箱"} {
		if !personHeader(h) {
			t.Errorf("%q: not read as naming a person", h)
		}
	}
	for _, h := range []string{"customerID", "gender", "PhoneService", "MultipleLines", "product_name", "item_name",
		"ProductName", "Description", "address_type", "AddressCount", "city", "country", "postcode", "name_length",
		"StreamingTV", "Contract", "PaymentMethod", "email_opens", "phone_calls", "tenure", "商品名称", "电话服务", "城市"} {
		if personHeader(h) {
			t.Errorf("%q: read as naming a person", h)
		}
	}
}

// TestPseudonymiseNamesByHeader: with --pseudonymise a full_name column
// of five names, each on many rows, was read as a category and shown in
// clear (in the Data screen's preview, in reasons and exports) while the
// e-mail, phone and ip columns were replaced (review20 #3). A column whose
// header names a person is now replaced whatever it holds, and says why;
// a category of as few values under another header (city) is kept.
func TestPseudonymiseNamesByHeader(t *testing.T) {
	names := []string{"Alice Smith", "Bob Jones", "Carol White", "Dan Brown", "Eve Black"}
	cities := []string{"Leeds", "York", "Bath", "Ely", "Hull"}
	var b strings.Builder
	b.WriteString("customerID,full_name,客户地址,city,tenure,churn\n")
	for i := range 200 {
		fmt.Fprintf(&b, "C%04d,%s,%s路%d号,%s,%d,%d\n", i, names[i%5], cities[(i+1)%5], i%3, cities[i%5], i%13, i%2)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "people.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	if c := tab.Column("full_name"); c.Kind != data.Categorical {
		t.Fatalf("full_name read as %v, want a category (the case the review found)", c.Kind)
	}
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	d := &Data{Source: Source{Kind: "csv", Path: "people.csv"}, Table: tab}
	d.Pseudonymise(key)
	if got, want := strings.Join(PseudonymisedColumns(d.Table), ","), "customerID,full_name,客户地址"; got != want {
		t.Errorf("pseudonymised columns %s, want %s", got, want)
	}
	for _, name := range []string{"full_name", "客户地址"} {
		c := d.Table.Column(name)
		if c.Kind != data.ID || c.Why.Kind != data.ReasonPersonHeader || c.NamesRows() {
			t.Errorf("%s: kind %v, reason %v, names rows %v; want an identifier naming no rows, for its header", name, c.Kind, c.Why.Kind, c.NamesRows())
		}
		if c.Note != "its header names a person or their contact details" {
			t.Errorf("%s: note %q", name, c.Note)
		}
	}
	for r, s := range d.Table.Column("full_name").Strings {
		if s != key.ID(names[r%5]) {
			t.Fatalf("full_name row %d is %q, want the pseudonym of %q", r, s, names[r%5])
		}
	}
	if c := d.Table.Column("city"); c.Kind != data.Categorical || c.Strings[0] != "Leeds" {
		t.Errorf("city: kind %v, first %q; want the category kept in clear", c.Kind, c.Strings[0])
	}
	notes := strings.Join(data.LoadNotes(d.Table), "\n")
	want := `people.csv: column "full_name" is not a feature: text that names people, pseudonymised (its header names a person or their contact details)`
	if !strings.Contains(notes, want) {
		t.Errorf("the notes do not say why full_name was replaced:\n%s\nwant a line\n%s", notes, want)
	}
}
