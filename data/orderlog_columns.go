package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// logRoles holds the 0-based column index of each role, -1 for none.
type logRoles struct {
	customer, time, amount, price, quantity, order, item, description, event, status int
}

// roleNames lists the header names (lower case, letters and digits only)
// recognised for each role, in the order the roles are detected: English
// and Chinese names, and the common German, French and Spanish words
// whose meaning is not in doubt (Kundennummer, Datum, Betrag, Artikel;
// montant, commande; fecha, importe, pedido).
var roleNames = []struct {
	role  string
	names []string
}{
	{"customer id", []string{"customerid", "customer", "cust", "custid", "customerno", "customernumber", "customeruniqueid",
		"clientid", "client", "userid", "user", "memberid", "accountid", "buyerid", "shopperid", "visitorid",
		"householdkey", "household", "householdid", "customerkey", "custkey", "custno", "consumerid", "consumer", "shopperkey",
		"clientno", "clientkey", "memberno", "membernumber", "accountnumber", "accountno", "buyer", "shopper",
		"account", "用户id", "客户id", "会员id", "买家id", "用户编号", "客户编号", "会员编号", "用户", "客户", "买家",
		"kunde", "kundennummer", "kundennr", "kundenid", "idclient", "numeroclient", "numéroclient",
		"cliente", "idcliente", "clienteid", "numerocliente", "númerocliente"}},
	{"date", []string{"date", "time", "timestamp", "datetime", "invoicedate", "orderdate", "orderdatetime",
		"purchasedate", "transactiondate", "txndate", "eventtime", "eventdate", "createdat", "ordertime",
		"purchasetime", "orderpurchasetimestamp", "transactiondt", "transdate", "transactiontime", "transactiondatetime",
		"txndt", "txntime", "orderdt", "invoicedt", "purchasedt", "salesdate", "saledate", "dateofpurchase", "paymentdate",
		"paymenttime", "orderedat", "purchasedat", "paidat", "ts",
		"datum", "bestelldatum", "kaufdatum", "rechnungsdatum", "datecommande", "datedecommande", "dateachat", "datedachat",
		"fecha", "fechapedido", "fechadepedido", "fechacompra", "fechadecompra",
		"日期", "时间", "下单时间", "下单日期", "订单日期", "订单时间", "购买时间", "购买日期", "支付时间", "交易时间", "交易日期", "时间戳"}},
	{"amount", []string{"amount", "revenue", "total", "totalamount", "sales", "value", "dollarvalue", "dollars",
		"spend", "ordervalue", "ordertotal", "linetotal", "totalprice", "payment", "paymentvalue", "gmv", "netsales",
		"salesvalue", "salesamount", "saleamount", "purchaseamount", "orderamount", "transactionamount", "txnamount",
		"netamount", "grossamount", "totalsales", "totalspent", "amountspent", "spent", "subtotal", "totalvalue",
		// amt, the usual abbreviation of amount (card-transaction and
		// banking exports), alone and in the compounds above.
		"amt", "totalamt", "txnamt", "transactionamt", "transamt", "orderamt", "salesamt", "saleamt", "purchaseamt",
		"netamt", "grossamt", "paymentamt", "paidamt",
		"betrag", "umsatz", "gesamtbetrag", "montant", "montanttotal", "importe", "monto", "importetotal", "montototal",
		"金额", "订单金额", "实付金额", "支付金额", "消费金额", "交易金额", "销售额", "总价"}},
	{"price", []string{"price", "unitprice", "itemprice", "priceeach", "sellingprice", "unitsellingprice", "unitsaleprice", "paidprice",
		"preis", "einzelpreis", "stückpreis", "prix", "prixunitaire", "precio", "preciounitario", "单价", "价格", "商品价格"}},
	{"quantity", []string{"quantity", "qty", "numberofcds", "units", "numitems", "itemcount", "quantityordered",
		"orderquantity", "orderqty", "qtyordered", "quantitysold", "unitssold", "numunits", "numberofitems",
		"menge", "anzahl", "quantité", "cantidad",
		"数量", "购买数量", "商品数量", "件数"}},
	{"order id", []string{"invoiceno", "invoice", "invoiceid", "invoicenumber", "orderid", "order", "ordernumber",
		"orderno", "transactionid", "txnid", "receiptid", "basketid",
		"basketkey", "orderkey", "invoicekey", "billno", "billid", "billnumber", "receiptno", "receiptnumber", "transactionno",
		"transactionnumber", "salesorderid", "salesordernumber", "checkoutid",
		"bestellnummer", "bestellnr", "bestellid", "bestellung", "rechnungsnummer", "rechnungsnr", "auftragsnummer",
		"commande", "idcommande", "numerocommande", "numérocommande", "facture", "numerofacture", "numérofacture",
		"pedido", "idpedido", "numeropedido", "númeropedido", "factura", "numerofactura", "númerofactura",
		"订单号", "订单id", "订单编号", "交易号"}},
	{"item", []string{"stockcode", "item", "itemid", "product", "productid", "sku", "productcode", "itemcode",
		"productkey", "itemkey", "article", "articleid", "asin", "upc", "ean", "goodsid", "skuid", "productno", "itemno",
		"productnumber", "itemnumber", "productsku",
		"artikel", "artikelnummer", "artikelnr", "artikelid", "produkt", "produktid", "produit", "idproduit",
		"producto", "idproducto", "articulo", "artículo",
		"商品id", "商品编号", "商品编码", "产品id", "产品编号", "商品"}},
	{"description", []string{"description", "itemdescription", "productdescription", "productname", "itemname",
		"artikelbezeichnung", "bezeichnung", "beschreibung", "produktname", "descripcion", "descripción",
		"商品名称", "产品名称", "商品名"}},
	{"event type", []string{"eventtype", "event", "eventname", "behaviortype", "behaviourtype", "behavior", "behaviour",
		"action", "actiontype", "activity", "行为类型", "行为", "事件类型", "事件", "用户行为"}},
	{"order status", []string{"orderstatus", "status", "transactionstatus", "paymentstatus", "订单状态", "交易状态", "支付状态", "状态"}},
}

// personIDNames are customer id names that say the id is the person's,
// taken before any other customer id column.
var personIDNames = []string{"customeruniqueid", "uniquecustomerid", "customerpersonid", "personid"}

// namesOf returns the header names recognised for a role.
func namesOf(role string) []string {
	for _, rn := range roleNames {
		if rn.role == role {
			return rn.names
		}
	}
	return nil
}

// slots returns pointers to the roles in roleNames order.
func (r *logRoles) slots() []*int {
	return []*int{&r.customer, &r.time, &r.amount, &r.price, &r.quantity, &r.order, &r.item, &r.description, &r.event, &r.status}
}

func givenNames(c LogColumns) []string {
	return []string{c.Customer, c.Time, c.Amount, c.Price, c.Quantity, c.Order, c.Item, c.Description, c.Event, c.Status}
}

// names returns the header names of the resolved roles.
func (r logRoles) names(header []string) LogColumns {
	name := func(i int) string {
		if i < 0 {
			return ""
		}
		return header[i]
	}
	return LogColumns{Customer: name(r.customer), Time: name(r.time), Amount: name(r.amount),
		Price: name(r.price), Quantity: name(r.quantity), Order: name(r.order), Item: name(r.item),
		Description: name(r.description), Event: name(r.event), Status: name(r.status)}
}

// resolveRoles maps roles to columns: given names first, then header names,
// and for a headerless log of 3 or 4 fields the CDNOW order (customer, date,
// [quantity,] amount), and with layouts (a whitespace log) of 5 fields
// Hardie's sample file's. The description column is detected only when
// descriptions is set. first is a headerless log's first line (nil
// otherwise), from which the refusal of one whose columns cannot be told
// apart suggests roles (headerlessExample).
func resolveRoles(file string, header []string, hasHeader, layouts bool, given LogColumns, descriptions bool, first [][]byte) (logRoles, error) {
	roles := logRoles{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}
	slots := roles.slots()
	// shown is the header as the log is read, a repeated name renamed
	// (renameLogHeader): a column may be given by that name too.
	shown := header
	if hasHeader {
		shown = slices.Clone(header)
		renameDuplicates(shown)
	}
	// Every refusal here names the columns, for a program to offer.
	refuse := func(line, col int, missing []string, msg string) *ParseError {
		pe := parseErr(file, line, col, ErrLogColumns, msg)
		pe.Facts = LogColumnsUnknown{Header: slices.Clone(shown), Headerless: !hasHeader, Missing: missing}
		return pe
	}
	used := make([]bool, len(header))
	headerLine := 0
	if hasHeader {
		headerLine = 1
	}
	for k, want := range givenNames(given) {
		if want == "" {
			continue
		}
		i := indexFold(header, want)
		if i < 0 {
			i = indexFold(shown, want)
		}
		if i < 0 {
			i = columnNumber(header, want)
		} else if j := indexFold(header[i+1:], want); j >= 0 && hasHeader {
			// Two columns of that name: which one is meant cannot be told.
			key := logColumnKeys[k]
			return roles, refuse(headerLine, i+j+2, nil, fmt.Sprintf(
				"columns %d and %d are both named %q, given for the %s: which one is meant is not clear; "+
					"name it by its number (--log-columns %s=%d or %s=%d)",
				i+1, i+j+2, header[i], roleNames[k].role, key, i+1, key, i+j+2))
		}
		if i < 0 {
			return roles, refuse(headerLine, 0, nil, fmt.Sprintf(
				"no column %q for the %s (columns: %s)", want, roleNames[k].role, columnList(shown)))
		}
		if used[i] {
			return roles, refuse(headerLine, i+1, nil, fmt.Sprintf(
				"column %q is given for two roles", header[i]))
		}
		if slots[k] == &roles.time && hasHeader && dayGaps(header[i]) {
			return roles, refuse(headerLine, i+1, nil, fmt.Sprintf("column %q %s", header[i], dayGapsWords))
		}
		*slots[k], used[i] = i, true
	}
	// A product's description does not describe a category: a description
	// column is detected only for an item column detected or named like a
	// product id.
	if given.Item != "" && !slices.Contains(namesOf("item"), roleKey(given.Item)) {
		descriptions = false
	}
	if hasHeader {
		// A person's id beats a per-order customer id (a shop whose
		// customer_id is new on every order keeps the person in
		// customer_unique_id).
		if roles.customer < 0 {
			for i, h := range header {
				if !used[i] && slices.Contains(personIDNames, roleKey(h)) {
					roles.customer, used[i] = i, true
					break
				}
			}
		}
		for k, rn := range roleNames {
			if *slots[k] >= 0 || (rn.role == "description" && !descriptions) {
				continue
			}
			for i, h := range header {
				if !used[i] && slices.Contains(rn.names, roleKey(h)) {
					*slots[k], used[i] = i, true
					break
				}
			}
		}
		looseRoles(header, used, &roles)
	} else {
		// Headerless logs in the CDNOW layouts: id, date, amount; id, date,
		// quantity, amount; and Hardie's sample file, which adds a second id:
		// id, sample id, date, quantity, amount.
		positional := map[int][]int{3: {0, 1, 2, -1, -1}, 4: {0, 1, 3, -1, 2}}[len(header)]
		if layouts && len(header) == 5 {
			positional = []int{0, 2, 4, -1, 3}
		}
		for k, i := range positional {
			if *slots[k] < 0 && i >= 0 && !used[i] {
				*slots[k], used[i] = i, true
			}
		}
	}
	// Every role not found is named at once, so that one run tells all
	// the --log-columns needs.
	var missing, keys []string
	for k, key := range []string{"customer", "time"} {
		if *slots[k] < 0 {
			missing, keys = append(missing, roleNames[k].role), append(keys, key+"=COLUMN")
		}
	}
	if len(missing) > 0 && !hasHeader {
		example := fmt.Sprintf("customer=1,time=%d", len(header))
		if ex := headerlessExample(first); ex != "" {
			example = ex + " (from its first line)"
		}
		return roles, refuse(1, 0, missing, fmt.Sprintf(
			"the log has no header line (its first line holds numbers: it is data) and its %d columns "+
				"cannot be told apart; name them by number with --log-columns, e.g. %s", len(header), example))
	}
	if len(missing) > 0 {
		it := "it"
		if len(missing) > 1 {
			it = "them"
		}
		msg := fmt.Sprintf("no %s column found (columns: %s); name %s with --log-columns %s",
			strings.Join(missing, " or "), columnList(shown), it, strings.Join(keys, ","))
		i := slices.IndexFunc(header, dayGaps)
		if roles.time < 0 && i >= 0 {
			msg += fmt.Sprintf("; column %q %s", header[i], dayGapsWords)
		}
		pe := refuse(headerLine, 0, missing, msg)
		if roles.time < 0 && i >= 0 {
			pe.Facts = LogColumnsUnknown{Header: slices.Clone(shown), Missing: missing, DayGaps: header[i]}
		}
		return roles, pe
	}
	return roles, nil
}

// dayGaps reports a column named as the days between a customer's orders
// (Instacart's days_since_prior_order), which no date can be made of.
func dayGaps(name string) bool {
	key := roleKey(name)
	return strings.HasPrefix(key, "dayssince") || strings.HasPrefix(key, "daysbetween")
}

// dayGapsWords says, after a column's name, why dayGaps' columns are no
// date.
const dayGapsWords = "holds days since the customer's previous order, not dates: the orders of a log need a date each " +
	"(or a day number on one calendar for all customers), and relative day gaps do not give one"

// columnNumber reads name as a 1-based column number of header and
// returns its 0-based index, or -1 when it is not one. A header name equal
// to a number wins over the number (indexFold is asked first).
func columnNumber(header []string, name string) int {
	n, err := strconv.Atoi(strings.TrimSpace(name))
	if err != nil || n < 1 || n > len(header) {
		return -1
	}
	return n - 1
}

func indexFold(header []string, name string) int {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(name)) {
			return i
		}
	}
	return -1
}

// roleKey lower-cases a header name and keeps letters (Chinese ones too)
// and digits, so "Customer ID", "customer_id" and "CustomerID" all read
// "customerid", and "用户 ID" reads "用户id".
func roleKey(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > unicode.MaxASCII && unicode.IsLetter(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// logSource yields the records of a log in either format.
type logSource interface {
	next() error // io.EOF at the end
	fields() int
	field(i int) []byte
	line() int // physical line of the current record
	isCSV() bool
}

type csvSource struct{ rr *recordReader }

func (s *csvSource) next() error        { return s.rr.read() }
func (s *csvSource) fields() int        { return s.rr.fields() }
func (s *csvSource) field(i int) []byte { return s.rr.field(i) }
func (s *csvSource) line() int          { return s.rr.line }
func (s *csvSource) isCSV() bool        { return true }

// spaceSource splits lines on runs of spaces and tabs, skipping blank lines.
type spaceSource struct {
	rr     *recordReader
	buf    []byte
	bounds []int // start and end offset in buf of each field
	ln     int
}

func (s *spaceSource) next() error {
	for {
		line, err := s.rr.readLine()
		if err != nil {
			return err
		}
		s.ln = s.rr.next - 1
		s.buf = append(s.buf[:0], line...)
		s.bounds = s.bounds[:0]
		start := -1
		for i, c := range s.buf {
			blank := c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
			switch {
			case blank && start >= 0:
				s.bounds = append(s.bounds, start, i)
				start = -1
			case !blank && start < 0:
				start = i
			}
		}
		if start >= 0 {
			s.bounds = append(s.bounds, start, len(s.buf))
		}
		if len(s.bounds) > 0 {
			return s.checkUTF8()
		}
	}
}

func (s *spaceSource) fields() int        { return len(s.bounds) / 2 }
func (s *spaceSource) field(i int) []byte { return s.buf[s.bounds[2*i]:s.bounds[2*i+1]] }
func (s *spaceSource) line() int          { return s.ln }
func (s *spaceSource) isCSV() bool        { return false }
