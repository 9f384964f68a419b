package data

import (
	"strings"
	"testing"
)

// TestLogRolesOfOtherPublicLayouts reads the headers of public order logs
// laid out otherwise than the shared ones (their column names as published:
// dunnhumby's "The Complete Journey" with a date column, Microsoft's
// AdventureWorks sales, Olist's orders with customers) and checks the
// column taken for each role, and that look-alikes are not taken.
func TestLogRolesOfOtherPublicLayouts(t *testing.T) {
	cases := []struct {
		header string
		want   LogColumns
	}{
		{"household_key,BASKET_ID,DAY_DATE,PRODUCT_ID,QUANTITY,SALES_VALUE,STORE_ID",
			LogColumns{Customer: "household_key", Time: "DAY_DATE", Amount: "SALES_VALUE", Quantity: "QUANTITY", Order: "BASKET_ID", Item: "PRODUCT_ID"}},
		// Olist's orders joined with its customers: the person's id, not
		// the per-order customer_id.
		{"order_id,customer_id,customer_unique_id,order_status,order_purchase_timestamp,price",
			LogColumns{Customer: "customer_unique_id", Time: "order_purchase_timestamp", Price: "price", Order: "order_id", Status: "order_status"}},
		// dunnhumby's transactions: DAY, a day number, is the date (read
		// as days), never TRANS_TIME, a time of day (HHMM); with neither
		// DAY nor a date, no date column is found (the error below).
		{"household_key,BASKET_ID,DAY,PRODUCT_ID,QUANTITY,SALES_VALUE,STORE_ID,RETAIL_DISC,TRANS_TIME,WEEK_NO",
			LogColumns{Customer: "household_key", Time: "DAY", Amount: "SALES_VALUE", Quantity: "QUANTITY", Order: "BASKET_ID", Item: "PRODUCT_ID"}},
		{"SalesOrderNumber,OrderDate,CustomerKey,ProductKey,OrderQuantity,UnitPrice,SalesAmount",
			LogColumns{Customer: "CustomerKey", Time: "OrderDate", Amount: "SalesAmount", Price: "UnitPrice", Quantity: "OrderQuantity", Order: "SalesOrderNumber", Item: "ProductKey"}},
		// Loose names: a customer word ending like an id, a date ending in _dt.
		{"cust_nbr,purchase_dt,basket_total", LogColumns{Customer: "cust_nbr", Time: "purchase_dt"}},
		// German names are recognised as they are: Kundennummer before
		// the loosely named client_no.
		{"Kundennummer,Bestelldatum,Betrag,client_no", LogColumns{Customer: "Kundennummer", Time: "Bestelldatum", Amount: "Betrag"}},
		{"Kundennummer,Datum,Betrag,Artikel", LogColumns{Customer: "Kundennummer", Time: "Datum", Amount: "Betrag", Item: "Artikel"}},
		{"Kunde,Bestellnummer,Bestelldatum,Artikelnummer,Menge,Einzelpreis",
			LogColumns{Customer: "Kunde", Time: "Bestelldatum", Price: "Einzelpreis", Quantity: "Menge", Order: "Bestellnummer", Item: "Artikelnummer"}},
		{"numéro_client,date_commande,montant,id_produit", LogColumns{Customer: "numéro_client", Time: "date_commande", Amount: "montant", Item: "id_produit"}},
		{"id_cliente,fecha,importe,cantidad,pedido", LogColumns{Customer: "id_cliente", Time: "fecha", Amount: "importe", Quantity: "cantidad", Order: "pedido"}},
		// Short English names: an account and a timestamp named ts.
		{"txn_id,account,ts,amount,sku", LogColumns{Customer: "account", Time: "ts", Amount: "amount", Order: "txn_id", Item: "sku"}},
		// amt, the usual abbreviation of amount (review 38 #6).
		{"CustomerID,ts,amt", LogColumns{Customer: "CustomerID", Time: "ts", Amount: "amt"}},
		{"account,txn_date,txn_amt", LogColumns{Customer: "account", Time: "txn_date", Amount: "txn_amt"}},
		// Look-alikes: a custom field, a zip code, a birth date and a
		// shipping date are not the customer or the order's date.
		{"custom_field_id,customer_zip_no,birth_date,ship_date,member_id,booking_date,booking_time",
			LogColumns{Customer: "member_id", Time: "booking_date"}},
	}
	for _, c := range cases {
		header := strings.Split(c.header, ",")
		roles, err := resolveRoles("x.csv", header, true, false, LogColumns{}, false, nil)
		if err != nil {
			t.Errorf("%s: %v", c.header, err)
			continue
		}
		if got := roles.names(header); got != c.want {
			t.Errorf("%s:\n got %+v\nwant %+v", c.header, got, c.want)
		}
	}
	_, err := resolveRoles("x.csv", strings.Split("household_key,BASKET_ID,WEEK_NO,TRANS_TIME", ","), true, false, LogColumns{}, false, nil)
	if err == nil || err.Error() != `x.csv:1: no date column found (columns: household_key, BASKET_ID, WEEK_NO, TRANS_TIME); name it with --log-columns time=COLUMN` {
		t.Errorf("a time of day only: %v", err)
	}
	// Only look-alikes: no customer is found, and the error says so.
	_, err = resolveRoles("x.csv", strings.Split("custom_field_id,customer_zip_no,order_date", ","), true, false, LogColumns{}, false, nil)
	if err == nil || err.Error() != `x.csv:1: no customer id column found (columns: custom_field_id, customer_zip_no, order_date); name it with --log-columns customer=COLUMN` {
		t.Errorf("look-alikes only: %v", err)
	}
}

// TestRolesNote checks the note that names the column read for each role
// and every column not read (the retail log above: Description and Country
// are read by nothing), and a headerless log's position names.
func TestRolesNote(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(retailLog), "retail.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "columns read: customer id = CustomerID, date = InvoiceDate, price = UnitPrice, quantity = Quantity, order id = InvoiceNo, item = StockCode; not used: Description, Country"
	if got := log.RolesNote(); got != want {
		t.Errorf("RolesNote:\n got %q\nwant %q", got, want)
	}
	log, err = ReadOrderLog(strings.NewReader("00001 x 19970101 1 11.77\n00002 y 19970102 2 20.00\n"), "sample.txt", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want = "columns read: customer id = column 1, date = column 3, amount = column 5, quantity = column 4; not used: column 2"
	if got := log.RolesNote(); got != want {
		t.Errorf("RolesNote headerless:\n got %q\nwant %q", got, want)
	}
}

// TestCancelledInvoiceIsCAndDigitsOnly: "C" followed by digits only marks
// a cancelled invoice; hexadecimal order ids and session UUIDs that start
// with "c" and a digit, and ids like "CA-2016-152156", do not.
func TestCancelledInvoiceIsCAndDigitsOnly(t *testing.T) {
	for id, want := range map[string]bool{
		"C536379": true, "c536379": true, "C1": true,
		"c76abf436fa84dca": false, "c9a2e1f0-7d2b-4c1e-9f3a-2b8d6e5f4a10": false,
		"CA-2016-152156": false, "C": false, "536379": false, "C536379A": false,
	} {
		if got := isCancelledInvoice(id); got != want {
			t.Errorf("isCancelledInvoice(%q) = %v, want %v", id, got, want)
		}
	}
}
