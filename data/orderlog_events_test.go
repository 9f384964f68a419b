package data

import (
	"strings"
	"testing"
)

// Retail Rocket's events.csv as it is laid out: Unix milliseconds, a
// visitor, an event of view, addtocart or transaction, an item and, for a
// transaction, its id. Only the transactions are orders.
const retailRocket = "timestamp,visitorid,event,itemid,transactionid\n" +
	"1433221332117,257597,view,355908,\n" +
	"1433224214164,992329,view,248676,\n" +
	"1433221999827,111016,addtocart,7943,\n" +
	"1433223236124,483717,transaction,253185,7555\n" +
	"1433223236124,483717,transaction,11117,7555\n" +
	"1433446800000,257597,Transaction,355908,7556\n"

func TestReadOrderLogKeepsAnEventLogsPurchases(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(retailRocket), "events.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := log.Columns
	if c.Customer != "visitorid" || c.Time != "timestamp" || c.Event != "event" || c.Item != "itemid" || c.Order != "transactionid" {
		t.Errorf("columns %+v", c)
	}
	// Transaction 7555's two lines are one order of 2 June 2015 (UTC); 7556
	// is on 4 June (1433446800 s is 2015-06-04 19:40 UTC).
	if len(log.Orders) != 2 || log.Orders[0].Day != dayNumber(ymd(2015, 6, 2)) || log.Orders[1].Day != dayNumber(ymd(2015, 6, 4)) {
		t.Errorf("orders %+v", log.Orders)
	}
	if log.Lines != 6 || log.OtherEvents != 3 || len(log.OrderItems) != 3 {
		t.Errorf("%d lines, %d other events, %d items; want 6, 3, 3", log.Lines, log.OtherEvents, len(log.OrderItems))
	}
	want := []EventCount{{"view", 2}, {"addtocart", 1}}
	if len(log.EventCounts) != len(want) || log.EventCounts[0] != want[0] || log.EventCounts[1] != want[1] {
		t.Errorf("event counts %+v, want %+v", log.EventCounts, want)
	}
	if got := log.EventNote(); got != `3 events that are not purchases ("view" 2, "addtocart" 1)` {
		t.Errorf("EventNote %q", got)
	}
}

// A column named for the event role by number; a log with no purchase
// among its events says which types it has and which it takes as
// purchases.
func TestReadOrderLogEventColumnGivenAndNoPurchases(t *testing.T) {
	// The Taobao UserBehavior layout: user, item, category, behaviour
	// type, Unix seconds.
	const taobao = "user,item,category,behavior,ts\n1,2268318,2520377,pv,1511544070\n1,2333346,2520771,buy,1511561733\n"
	log, err := ReadOrderLog(strings.NewReader(taobao), "ub.csv", LogOptions{Columns: LogColumns{Customer: "1", Item: "2", Event: "4", Time: "5"}})
	if err != nil || len(log.Orders) != 1 || log.Orders[0].Day != dayNumber(ymd(2017, 11, 24)) || log.OtherEvents != 1 {
		t.Errorf("%v %+v", err, log)
	}
	_, err = ReadOrderLog(strings.NewReader("user_id,event_time,event_type\n1,2019-10-01 00:00:00 UTC,view\n2,2019-10-02 10:00:00 UTC,cart\n"),
		"views.csv", LogOptions{})
	const want = `views.csv: no usable orders: 2 lines, 0 cancelled, 0 without a customer id, 2 events that are not purchases ` +
		`("cart" 1, "view" 1): the event type column "event_type" marks purchases as purchase, purchased, buy, bought, transaction, order, ordered, checkout, sale, 购买, 下单, 支付, 成交`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestIsPurchaseEvent(t *testing.T) {
	for in, want := range map[string]bool{"purchase": true, " BUY ": true, "Transaction": true, "order": true,
		"view": false, "pv": false, "addtocart": false, "": false, "purchases": false} {
		if got := IsPurchaseEvent([]byte(in)); got != want {
			t.Errorf("IsPurchaseEvent(%q) = %v", in, got)
		}
	}
}

// Taobao's UserBehavior.csv has no header: its first line, which holds
// numbers, is data. Its five columns cannot be told apart without names,
// and the refusal's example is read from the first line (an event word in
// column 4, Unix seconds in column 5); named so, every line is read.
func TestReadOrderLogHeaderlessCSV(t *testing.T) {
	const ub = "1,2268318,2520377,pv,1511544070\n1,2333346,2520771,buy,1511561733\n2,2576651,149192,buy,1511572885\n"
	_, err := ReadOrderLog(strings.NewReader(ub), "UserBehavior.csv", LogOptions{})
	const want = "UserBehavior.csv:1: the log has no header line (its first line holds numbers: it is data) and its 5 columns " +
		"cannot be told apart; name them by number with --log-columns, e.g. customer=1,item=2,event=4,time=5 (from its first line)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	log, err := ReadOrderLog(strings.NewReader(ub), "UserBehavior.csv", LogOptions{Columns: LogColumns{Customer: "1", Item: "2", Event: "4", Time: "5"}})
	if err != nil || log.Lines != 3 || len(log.Orders) != 2 || log.OtherEvents != 1 || len(log.Customers) != 2 {
		t.Errorf("%v %+v", err, log)
	}
	// A headerless CSV in CDNOW's order (customer, date, amount) needs no
	// names.
	log, err = ReadOrderLog(strings.NewReader("00001,1997-01-01,11.77\n00002,1997-01-12,12.00\n"), "cd.csv", LogOptions{})
	if err != nil || log.Lines != 2 || log.Orders[1].Amount != 12 {
		t.Errorf("%v %+v", err, log)
	}
}

// A log exported from a Chinese shop system: its columns named in Chinese
// (order number, user ID, order time, item number, quantity, unit price,
// behaviour), dates written 2023年1月5日, a browse (浏览) event left out and
// two purchase (购买) lines of one order summed.
func TestReadOrderLogChineseColumns(t *testing.T) {
	const log = "订单号,用户 ID,下单时间,商品编号,数量,单价,行为\n" +
		"A1,U1,2023年1月5日 10:00,S1,2,3.5,购买\n" +
		"A1,U1,2023年1月5日 10:00,S2,1,4,购买\n" +
		",U2,2023年1月6日,S1,0,3.5,浏览\n" +
		"A2,U2,2023年2月1日,S3,1,10,购买\n"
	l, err := ReadOrderLog(strings.NewReader(log), "订单.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := LogColumns{Customer: "用户 ID", Time: "下单时间", Price: "单价", Quantity: "数量", Order: "订单号", Item: "商品编号", Event: "行为"}
	if l.Columns != want {
		t.Errorf("columns %+v\nwant %+v", l.Columns, want)
	}
	if len(l.Orders) != 2 || l.Orders[0].Amount != 11 || l.Orders[0].Quantity != 3 || l.Orders[1].Day != dayNumber(ymd(2023, 2, 1)) || l.OtherEvents != 1 {
		t.Errorf("orders %+v, %d other events", l.Orders, l.OtherEvents)
	}
}

// Olist's orders table: one line per order with its status; a canceled or
// unavailable order is a cancellation, a shipped or delivered one an order.
// Cancelled orders are kept for customers with an order (cancel_share):
// 9ef432eb's one.
func TestReadOrderLogStatusCancels(t *testing.T) {
	const olist = "order_id,customer_id,order_status,order_purchase_timestamp\n" +
		"e481f51c,9ef432eb,delivered,2017-10-02 10:56:33\n" +
		"53cdb2fc,9ef432eb,Canceled,2018-07-24 20:41:37\n" +
		"47770eb9,41ce2a54,shipped,2018-08-08 08:38:49\n" +
		"949d5b44,f8819746,unavailable,2017-11-18 19:28:06\n" +
		"ad21c59c,9ef432eb,delivered,2018-02-13 21:18:39\n"
	l, err := ReadOrderLog(strings.NewReader(olist), "olist.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Columns.Status != "order_status" || len(l.Orders) != 3 || l.Cancelled != 2 || len(l.CancelledOrders) != 1 {
		t.Errorf("status %q, %d orders, %d cancelled lines, %d cancelled orders; want order_status, 3, 2, 1",
			l.Columns.Status, len(l.Orders), l.Cancelled, len(l.CancelledOrders))
	}
	for in, want := range map[string]bool{"canceled": true, " CANCELLED ": true, "已取消": true, "交易关闭": true,
		"delivered": false, "shipped": false, "": false} {
		if got := IsCancelledStatus([]byte(in)); got != want {
			t.Errorf("IsCancelledStatus(%q) = %v", in, got)
		}
	}
}

// A column named like an event type in which no line is a purchase nor a
// view, cart add or other behaviour (a channel, say) is an ordinary column
// of an order log; with dates written
// with the year last the log is read three times, and both findings hold.
func TestReadOrderLogActionColumnWithoutPurchases(t *testing.T) {
	const crm = "customer,date,amount,action\na,2024-01-05,5,online\nb,2024-01-06,7,store\na,2024-02-01,3,store\n"
	l, err := ReadOrderLog(strings.NewReader(crm), "crm.csv", LogOptions{})
	if err != nil || len(l.Orders) != 3 || l.Columns.Event != "" || l.OtherEvents != 0 {
		t.Errorf("%v %+v", err, l)
	}
	us := strings.NewReplacer("2024-01-05", "1/5/2024", "2024-01-06", "1/16/2024", "2024-02-01", "2/1/2024").Replace(crm)
	l, err = ReadOrderLog(strings.NewReader(us), "crm.csv", LogOptions{})
	if err != nil || len(l.Orders) != 3 || l.Columns.Event != "" || l.DateOrder != DateMDY || !l.DateOrderFound() ||
		l.Orders[1].Day != dayNumber(ymd(2024, 1, 16)) {
		t.Errorf("month first: %v %+v", err, l)
	}
	_, err = ReadOrderLog(stream{strings.NewReader(crm)}, "<stdin>", LogOptions{})
	const want = `<stdin>:1: column "action" reads like an event type but no line of it is a purchase ` +
		`(purchase, purchased, buy, bought, transaction, order, ordered, checkout, sale, 购买, 下单, 支付, 成交); ` +
		`a stream cannot be read twice to read it as an ordinary column: give the log as a file`
	if err == nil || err.Error() != want {
		t.Errorf("stream: %v\nwant %s", err, want)
	}
	// Named as the event column, it is one: nothing is a purchase.
	if _, err := ReadOrderLog(strings.NewReader(crm), "crm.csv", LogOptions{Columns: LogColumns{Event: "action"}}); err == nil {
		t.Error("a named event column without purchases was read")
	}
}
