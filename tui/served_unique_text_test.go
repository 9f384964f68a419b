package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestServedUniqueTextIsPseudonymised: in a file of under 20 rows, text
// whose every value is distinct under a name the loader does not read as
// an id's (a contact column of e-mail addresses) was read as a category,
// and a session with pseudonyms forced showed the addresses in clear, as
// levels and cells. It is now an identifier, pseudonymised: no screen
// shows an address.
func TestServedUniqueTextIsPseudonymised(t *testing.T) {
	var b strings.Builder
	b.WriteString("customerID,contact,plan,tenure,churn\n")
	for i := range 18 {
		fmt.Fprintf(&b, "C%03d,person%d@example.com,%s,%d,%s\n", i, i, []string{"a", "b", "c"}[i%3], i%7, []string{"No", "Yes"}[i%2])
	}
	m := servedPseudonymised(t, experiment.Source{Kind: "csv", Path: "contacts.csv"}, b.String())
	views := map[string]string{"schema": screen(m)}
	m = sendKeys(t, m, "right")
	views["preview"] = screen(m)
	m = sendKeys(t, m, "right")
	views["distributions"] = screen(m)
	run := trainRun(t, m, 2)
	m.trainScr.AddFinished(run)
	m = runCmds(t, m, m.analyse(run))
	views["users"] = screen(pressAll(t, m, "5"))
	views["walkthrough"] = screen(pressAll(t, m, "6"))
	for name, v := range views {
		if strings.Contains(v, "@example.com") {
			t.Errorf("the %s shows an address in clear:\n%s", name, v)
		}
	}
	if !strings.Contains(views["preview"], "p_") {
		t.Errorf("the preview shows no pseudonym:\n%s", views["preview"])
	}
	if c := m.data.Table.Column("contact"); c.Kind.String() != "id" || !strings.HasPrefix(c.Strings[0], "p_") {
		t.Errorf("contact is %v, first cell %q; want an identifier, pseudonymised", c.Kind, c.Strings[0])
	}
}

// TestServedPersonalTextIsPseudonymised: text that repeats even once (39
// addresses in 40 rows) or often (31 addresses over 300 orders) stayed a
// category, and a session with pseudonyms forced showed the addresses in
// clear. Both are identifiers now, pseudonymised, saying why on the
// schema: no screen shows an address.
func TestServedPersonalTextIsPseudonymised(t *testing.T) {
	files := map[string]struct {
		rows    int
		contact func(i int) string
		why     string
	}{
		"nearly unique": {40, func(i int) string { return fmt.Sprintf("person%d@example.com", min(i, 38)) },
			"nearly every value distinct, 39 in 40 rows"},
		"repeated": {300, func(i int) string { return fmt.Sprintf("person%d@example.com", i%31) },
			"written like e-mail addresses or phone"}, // the panel wraps "numbers" to its next line
	}
	for name, f := range files {
		var b strings.Builder
		b.WriteString("customerID,contact,plan,tenure,churn\n")
		for i := range f.rows {
			fmt.Fprintf(&b, "C%03d,%s,%s,%d,%s\n", i, f.contact(i), []string{"a", "b", "c"}[i%3], i%7, []string{"No", "Yes"}[i%2])
		}
		m := servedPseudonymised(t, experiment.Source{Kind: "csv", Path: "contacts.csv"}, b.String())
		views := map[string]string{"schema": screen(sendKeys(t, m, "down"))}
		m = sendKeys(t, m, "right")
		views["preview"] = screen(m)
		m = sendKeys(t, m, "right")
		views["distributions"] = screen(m)
		run := trainRun(t, m, 2)
		m.trainScr.AddFinished(run)
		m = runCmds(t, m, m.analyse(run))
		views["users"] = screen(pressAll(t, m, "5"))
		views["walkthrough"] = screen(pressAll(t, m, "6"))
		for view, v := range views {
			if strings.Contains(v, "@example.com") {
				t.Errorf("%s: the %s shows an address in clear:\n%s", name, view, v)
			}
		}
		// The schema's panel on the contact column says why it is dropped.
		if !strings.Contains(views["schema"], "│ "+f.why) {
			t.Errorf("%s: the schema does not say %q:\n%s", name, f.why, views["schema"])
		}
		if c := m.data.Table.Column("contact"); c.Kind.String() != "id" || !strings.HasPrefix(c.Strings[0], "p_") {
			t.Errorf("%s: contact is %v, first cell %q; want an identifier, pseudonymised", name, c.Kind, c.Strings[0])
		}
	}
}

// TestServedDecimalCommaQuotesNoIdentifierCell: with pseudonyms forced, a
// session's schema and load warnings quoted the cells of pseudonymised
// columns that look like numbers written with a decimal comma: account
// numbers ("10,01", "10,02"), an identifier, and fees of 20 values in 24
// rows, text that names people. They now say so without quoting a cell.
func TestServedDecimalCommaQuotesNoIdentifierCell(t *testing.T) {
	var b strings.Builder
	b.WriteString("customerID,acct,fee,tenure,churn\n")
	for i := range 24 {
		fmt.Fprintf(&b, "C%03d,\"10,%02d\",\"%d,5\",%d,%s\n", i, i+1, i%20, i%7, []string{"No", "Yes"}[i%2])
	}
	m := servedPseudonymised(t, experiment.Source{Kind: "csv", Path: "accounts.csv"}, b.String())
	views := []string{screen(m)}
	for range 4 {
		m = sendKeys(t, m, "down")
		views = append(views, screen(m))
	}
	text := strings.Join(append(views, m.data.Notes()...), "\n")
	for _, cell := range []string{"10,01", "10,02", `"0,5"`, `"1,5"`} {
		if strings.Contains(text, cell) {
			t.Errorf("a cell %s is quoted:\n%s", cell, text)
		}
	}
	if !strings.Contains(text, "it looks like numbers written with a decimal comma, which only") {
		t.Errorf("nothing says the columns look like decimal-comma numbers:\n%s", text)
	}
}
