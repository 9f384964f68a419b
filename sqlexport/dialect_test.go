package sqlexport

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// Names and strings are quoted as each engine reads them (the rules of
// each engine's lexical-structure documentation, written out by hand).
func TestQuoting(t *testing.T) {
	idents := []struct {
		d          Dialect
		name, want string
	}{
		{Postgres, `say "hi"`, `"say ""hi"""`},
		{Trino, "tenure", `"tenure"`},
		{BigQuery, "a`b", "`a\\`b`"},
		{Spark, "a`b", "`a``b`"},
		{Spark, "Monthly Charges", "`Monthly Charges`"},
		// Snowflake: plain names unquoted, to match columns created
		// without quotes (stored in upper case); others quoted exactly.
		{Snowflake, "tenure", "tenure"},
		{Snowflake, "customerID", "customerID"},
		{Snowflake, "_x9", "_x9"},
		{Snowflake, "9lives", `"9lives"`},
		{Snowflake, "Monthly Charges", `"Monthly Charges"`},
		{Snowflake, "order", `"order"`},
		{Snowflake, "Sample", `"Sample"`},
		{Snowflake, "città", `"città"`},
		{Snowflake, "", `""`},
	}
	for _, c := range idents {
		if got := c.d.ident(c.name); got != c.want {
			t.Errorf("%s ident(%q) = %s, want %s", c.d, c.name, got, c.want)
		}
	}
	if got, want := Snowflake.table("shop.Order"), `shop."Order"`; got != want {
		t.Errorf("Snowflake table = %s, want %s", got, want)
	}
	strs := []struct {
		d       Dialect
		s, want string
	}{
		{SQLite, `it's a\b`, `'it''s a\b'`},
		{Postgres, `it's a\b`, `'it''s a\b'`},
		{Trino, `it's a\b`, `'it''s a\b'`},
		{BigQuery, `it's a\b`, `'it\'s a\\b'`},
		{Snowflake, `it's a\b`, `'it''s a\\b'`},
		{Spark, `it's a\b`, `'it\'s a\\b'`},
	}
	for _, c := range strs {
		if got := c.d.str(c.s); got != c.want {
			t.Errorf("%s str(%q) = %s, want %s", c.d, c.s, got, c.want)
		}
	}
}

// Where a literal such as 1.0 is an exact decimal, the network's inputs are
// cast to floats so the layers compute in floating point.
func TestNetInputs(t *testing.T) {
	for d, want := range map[Dialect]string{
		SQLite: "1.0", DuckDB: "1.0", Postgres: "1.0", BigQuery: "1.0",
		Snowflake: "CAST(1.0 AS DOUBLE)", Trino: "CAST(1.0 AS DOUBLE)", Spark: "CAST(1.0 AS DOUBLE)",
	} {
		if got := d.netInput("1.0"); got != want {
			t.Errorf("%s netInput = %s, want %s", d, got, want)
		}
	}
}

// The orders table's roles: those named at export, then the log's as read
// (header names, also where training named columns by number), then those
// named at training; an amount or a price named at export replaces both of
// the model's.
func TestLogRolesMerge(t *testing.T) {
	model := data.LogColumns{Customer: "1", Time: "2", Amount: "3"}
	read := data.LogColumns{Customer: "Customer ID", Time: "Order Date", Amount: "Amount", Item: "sku"}
	got := merge(merge(data.LogColumns{Order: "invoice"}, read), model)
	want := data.LogColumns{Customer: "Customer ID", Time: "Order Date", Amount: "Amount", Item: "sku", Order: "invoice"}
	if got != want {
		t.Errorf("merged %+v, want %+v", got, want)
	}
	got = merge(data.LogColumns{Price: "unit_price", Quantity: "qty"}, read)
	if got.Amount != "" || got.Price != "unit_price" || got.Quantity != "qty" || got.Customer != "Customer ID" {
		t.Errorf("a price named at export: %+v, want the model's amount left out", got)
	}
	b := handOrders()
	b.Source.LogColumns = model
	b.Source.DetectedLogColumns = data.LogColumns{Customer: "Customer ID", Time: "Order Date", Amount: "Amount", Order: "Invoice"}
	text, err := Build(b, Options{Dialect: Postgres})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{`"Customer ID"`, `"Order Date"`, `"Amount"`, `"Invoice"`} {
		if !strings.Contains(text, name) {
			t.Errorf("the query does not read %s", name)
		}
	}
	if strings.Contains(text, `"1"`) || strings.Contains(text, `"2"`) {
		t.Error(`the query reads a column named "1" or "2"`)
	}
}
