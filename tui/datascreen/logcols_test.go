package datascreen

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// itemsLog is the Data screen over the Online Retail-like log of the
// Recommend screen's tests: InvoiceNo, StockCode, Description, Quantity,
// InvoiceDate, UnitPrice, CustomerID, read as order id, item, —,
// quantity, date, price and customer id (the amount is price × quantity).
func itemsLog(t *testing.T, c common.Common) Model {
	t.Helper()
	text, err := os.ReadFile("../testdata/recommend/orders_items.csv")
	if err != nil {
		t.Fatal(err)
	}
	d, err := experiment.LoadAt(experiment.Source{Kind: "log", Path: "data/orders_items.csv"}, stringOpener(string(text)),
		time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := New(c)
	s.SetSize(c.Width, c.Height)
	s.SetData(d, NewInfo(d, exp, cfg.Seed))
	return s
}

// TestGoldenLogColumns: l opens the chooser of the log's columns: the
// four roles with the column each was read with, then the log's columns
// with the role each will be read for. → moved the customer id from
// CustomerID on to the next column, round to InvoiceNo, which then reads
// "customer id" in place of its "order id"; ↓↓ picks the amount, read
// as price × quantity, the first of its choices.
func TestGoldenLogColumns(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := keys(itemsLog(t, c), "l", "right", "down", "down")
		if !s.Editing() {
			t.Fatal("the chooser does not have the keyboard")
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestLogColumnsAskForTheColumnsChosen: enter asks the root to read the
// log again with the columns changed named, the others left to be
// detected as they were, and closes the chooser.
func TestLogColumnsAskForTheColumnsChosen(t *testing.T) {
	s := itemsLog(t, screentest.Common("en", 80, 24))
	before := s.data.Source
	// customer: CustomerID → InvoiceNo (round); item: StockCode →
	// Description; the date goes to UnitPrice and back.
	s = keys(s, "l", "right", "down", "right", "left", "down", "down", "right")
	next, cmd := s.step(screentest.Press("enter"))
	if next.Editing() || cmd == nil {
		t.Fatalf("enter: chooser open %v, Cmd %v", next.Editing(), cmd != nil)
	}
	msg, ok := cmd().(OpenMsg)
	want := before
	want.LogColumns = data.LogColumns{Customer: "InvoiceNo", Item: "Description"}
	if !ok || msg.Src.Path != want.Path || msg.Src.Kind != "log" || msg.Src.LogColumns != want.LogColumns ||
		msg.Src.HorizonDays != want.HorizonDays || !msg.Src.Cutoff.Equal(want.Cutoff) {
		t.Errorf("enter asks for %+v, want %+v", msg.Src, want)
	}
}

// TestLogColumnsRefusals: one column for two roles is refused in place,
// under the list, and enter does nothing; enter with nothing changed
// reads nothing again, and says so; esc closes. With pseudonymised
// customer ids l is refused.
func TestLogColumnsRefusals(t *testing.T) {
	for _, c := range []struct{ lang, conflict, same string }{
		{"en", "✗ StockCode is chosen for both the customer id and the item: give each role its own column", "no column changed: the log stays as read"},
		{"zh", "✗ StockCode 同时被选为客户编号和商品：每个角色需要各自的列", "没有更改任何列：日志保持原样"},
	} {
		com := screentest.Common(c.lang, 120, 30)
		// The customer id on StockCode: round past InvoiceNo.
		s := keys(itemsLog(t, com), "l", "right", "right")
		if s.cols.chosen(0) != "StockCode" {
			t.Fatalf("customer id on %q", s.cols.chosen(0))
		}
		next, cmd := s.step(screentest.Press("enter"))
		if cmd != nil || !next.Editing() || !strings.Contains(ansi.Strip(next.View()), c.conflict) {
			t.Errorf("%s: enter on a conflict: Cmd %v, open %v, view\n%s", c.lang, cmd != nil, next.Editing(), ansi.Strip(next.View()))
		}
		next, cmd = keys(next, "left", "left").step(screentest.Press("enter"))
		if cmd != nil || next.Editing() || next.flash.In(next.Common) != c.same {
			t.Errorf("%s: enter with nothing changed: Cmd %v, open %v, flash %q", c.lang, cmd != nil, next.Editing(), next.flash.In(next.Common))
		}
		if next = keys(s, "esc"); next.Editing() {
			t.Errorf("%s: esc left the chooser open", c.lang)
		}
	}
	com := screentest.Common("en", 80, 24)
	key, err := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	if err != nil {
		t.Fatal(err)
	}
	com.Pseudonym = key
	s := keys(itemsLog(t, com), "l")
	want := "customer ids are pseudonymised: the log's columns stay as read, so that no column shows its values under another role"
	if s.Editing() || s.flash.In(s.Common) != want {
		t.Errorf("pseudonymised: open %v, flash %q, want %q", s.Editing(), s.flash.In(s.Common), want)
	}
}

// TestLogColumnsOfAHeaderlessLog: the CDNOW log has no header; its
// columns are named by number as the Columns line names them, and the
// one given is asked for by number, as --log-columns takes it.
func TestLogColumnsOfAHeaderlessLog(t *testing.T) {
	text := "00001 19970101 1 11.77\n00002 19970112 1 12.00\n00002 19970112 5 77.00\n00003 19970102 2 20.76\n00003 19970330 2 20.76\n"
	for i := range 30 {
		text += "0001" + string(rune('0'+i%10)) + " 199702" + []string{"01", "11", "21"}[i%3] + " 1 9.99\n"
	}
	d, err := experiment.LoadAt(experiment.Source{Kind: "log", Path: "CDNOW_master.txt", HorizonDays: 30}, stringOpener(text),
		time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := New(screentest.Common("en", 80, 24))
	s.SetSize(80, 24)
	s.SetData(d, NewInfo(d, exp, cfg.Seed))
	// amount: column 4 → round to column 1 → column 2 → column 3.
	s = keys(s, "l", "down", "down", "right", "right", "right")
	view := ansi.Strip(s.View())
	for _, want := range []string{"  customer id (customer=)   column 1", "  date (time=)              column 2", "▸ amount (amount=)        ◂ column 3 (changed) ▸",
		"▸ column 3          amount", "  column 4          not used"} {
		if !strings.Contains(view, want) {
			t.Errorf("no %q in\n%s", want, view)
		}
	}
	_, cmd := s.step(screentest.Press("enter"))
	if msg, ok := cmd().(OpenMsg); !ok || msg.Src.LogColumns != (data.LogColumns{Amount: "3"}) {
		t.Errorf("enter asks for %+v", msg.Src.LogColumns)
	}
}

// TestChooserOnAbcLog: a log whose columns a, b, c name no role opens
// the chooser with both roles said not found and the others not given,
// each role with its --log-columns key (review 9, findings 4 and 5), in
// both languages; enter, once a and b are chosen, asks to read the log
// with them, and the flag that reads it so is given.
func TestChooserOnAbcLog(t *testing.T) {
	err := &data.ParseError{File: "abc.csv", Line: 1, Err: data.ErrLogColumns}
	unknown := data.LogColumnsUnknown{Header: []string{"a", "b", "c"}, Missing: []string{"customer id", "date"}}
	want := map[string][]string{
		"en": {"abc.csv: no customer id or date column found by its name: choose them below, then enter",
			"▸ customer id (customer=) ◂ not found by its name — choose one ▸",
			"  date (time=)              not found by its name — choose one",
			"  amount (amount=)          not given", "  item (item=)              not given"},
		"zh": {"abc.csv：按列名找不到客户编号或日期列：请在下面选择，然后按 enter",
			"▸ 客户编号（customer=） ◂ 按列名找不到——请选择一列 ▸",
			"  日期（time=）           按列名找不到——请选择一列",
			"  金额（amount=）         未指定", "  商品（item=）           未指定"},
	}
	for lang, lines := range want {
		s := New(screentest.Common(lang, 120, 30))
		s.SetSize(120, 30)
		s.ChooseLogColumns(experiment.Source{Kind: "log", Path: "/x/abc.csv"}, unknown, err)
		view := ansi.Strip(s.View())
		for _, l := range lines {
			if !strings.Contains(view, l) {
				t.Errorf("%s: no %q in\n%s", lang, l, view)
			}
		}
		s, cmd := s.colsKey(screentest.Press("right"))
		s, _ = s.colsKey(screentest.Press("down"))
		s, _ = s.colsKey(screentest.Press("right"))
		s, _ = s.colsKey(screentest.Press("right"))
		s, cmd = s.colsKey(screentest.Press("enter"))
		if cmd == nil {
			t.Fatalf("%s: enter asked nothing", lang)
		}
		open, ok := cmd().(OpenMsg)
		if !ok || open.Src.LogColumns != (data.LogColumns{Customer: "a", Time: "b"}) || s.chosen == nil {
			t.Errorf("%s: enter gave %+v, chosen %v", lang, open, s.chosen)
		}
		// Loaded, the Data screen gives the flag (flagLine).
		s.data = &experiment.Data{Source: open.Src}
		flag := map[string]string{
			"en": "--log-columns customer=a,time=b (the columns chosen, for retain train --log and the other commands)",
			"zh": "--log-columns customer=a,time=b（所选的列，供 retain train --log 等命令使用）"}[lang]
		if got := s.flagLine(); got != flag {
			t.Errorf("%s: flag %q, want %q", lang, got, flag)
		}
		// A column whose name holds a space is quoted for the shell, the
		// whole value in single quotes (common.ShellWord).
		s.data = &experiment.Data{Source: experiment.Source{Kind: "log", LogColumns: data.LogColumns{Customer: "Customer ID", Time: "b"}}}
		if got, want := s.flagLine(), "--log-columns 'customer=Customer ID,time=b'"; !strings.HasPrefix(got, want) {
			t.Errorf("%s: flag %q, want it to start with %q", lang, got, want)
		}
	}
}
