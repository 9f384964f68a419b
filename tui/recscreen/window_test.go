package recscreen

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/screentest"
)

// writeLog writes a log of one order a day in January 2024, day d by
// who(d) of item(d), and returns its path.
func writeLog(t *testing.T, who, item func(d int) string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Invoice,StockCode,Quantity,InvoiceDate,Price,CustomerID\n")
	for d := 1; d <= 10; d++ {
		fmt.Fprintf(&b, "%d,%s,1,2024-01-%02d 10:00:00,1,%s\n", d, item(d), d, who(d))
	}
	path := filepath.Join(t.TempDir(), "log.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestWindowFailureNamesTheKeys: a run refused for its cutoff and horizon
// (a recommend.WindowError) words the command line's advice (--cutoff,
// --horizon) as this screen's keys c and h, in English and Chinese.
func TestWindowFailureNamesTheKeys(t *testing.T) {
	// Nine customers: c1 orders on the 1st and the 2nd, the others once
	// each. The training windows after the cutoffs 9, 7, 5 and 3 January
	// hold no second order: no buyer has history, no pair. (Were every
	// customer to order once, no network would be trained and the lists
	// would be GP-TopFreq's: TestOneOrderEachGetsGPTopFreq.)
	once := writeLog(t, func(d int) string { return fmt.Sprintf("c%d", max(d-1, 1)) }, func(int) string { return "A" })
	// Two customers who only ever buy new items: pairs, none bought
	// (the log of recommend's TestPairsNoneBought).
	fresh := writeLog(t, func(d int) string { return map[bool]string{true: "a", false: "b"}[d%2 == 1] },
		func(d int) string { return fmt.Sprintf("%c%d", "BA"[d%2], (d+1)/2) })
	for _, c := range []struct {
		lang, path, advice string
		orders             bool
	}{
		{"en", once, "; press c for a later cutoff or h for a longer horizon", false},
		{"zh", once, "；可按 c 设更晚的截止日或按 h 设更长的观察期", false},
		{"en", fresh, "; press c for another cutoff or h for a longer horizon, or open a log with more orders", true},
		{"zh", fresh, "；可按 c 换一个截止日、按 h 设更长的观察期，或打开订单更多的日志", true},
	} {
		com := screentest.Common(c.lang, 80, 24)
		d, err := experiment.Load(experiment.Source{Kind: "log", Path: c.path, HorizonDays: 2}, open)
		if err != nil {
			t.Fatal(err)
		}
		s := New(com, open)
		s.SetSize(com.Width, com.Height)
		s = drain(s, s.SetData(d))
		s.editing = fieldHorizon // the horizon of TestPairsNoneBought, 2 days
		if !s.apply("2") {
			t.Fatalf("horizon 2 refused: %s", s.fieldErr.In(s.Common))
		}
		s.editing = fieldNone
		s = press(s, "space")
		_, err = s.cur.outcome()
		var win *recommend.WindowError
		if !errors.As(err, &win) || win.Orders != c.orders {
			t.Fatalf("%s %s: the run ended with %v, want a WindowError (orders %v)", c.lang, filepath.Base(c.path), err, c.orders)
		}
		if want := com.ErrorText(win.Err) + c.advice; s.outcome.In(s.Common) != want {
			t.Errorf("%s: outcome %q, want %q", c.lang, s.outcome.In(s.Common), want)
		}
		if strings.Contains(s.outcome.In(s.Common), "--") {
			t.Errorf("%s: outcome %q names a command-line flag", c.lang, s.outcome.In(s.Common))
		}
	}
}

// TestOneOrderEachGetsGPTopFreq: a log where every customer ordered once
// failed with advice to press c or h, which cannot help (review 14, M5).
// No network is trained; every customer gets GP-TopFreq's list and the
// screen says why, in English and Chinese.
func TestOneOrderEachGetsGPTopFreq(t *testing.T) {
	once := writeLog(t, func(d int) string { return fmt.Sprintf("c%d", d) }, func(d int) string { return fmt.Sprintf("I%d", d%3) })
	for _, c := range []struct{ lang, want string }{
		{"en", "No network was trained: every customer of this log has one order"},
		{"zh", "未训练模型：此日志中每位客户都只有一笔订单"},
	} {
		com := screentest.Common(c.lang, 200, 50)
		d, err := experiment.Load(experiment.Source{Kind: "log", Path: once, HorizonDays: 2}, open)
		if err != nil {
			t.Fatal(err)
		}
		s := New(com, open)
		s.SetSize(com.Width, com.Height)
		s = drain(s, s.SetData(d))
		s.editing = fieldHorizon
		if !s.apply("2") {
			t.Fatalf("horizon 2 refused: %s", s.fieldErr.In(s.Common))
		}
		s.editing = fieldNone
		s = press(s, "space")
		res, err := s.cur.outcome()
		if err != nil || res == nil {
			t.Fatalf("%s: the run ended with %v", c.lang, err)
		}
		// The default cutoff, 9 January, leaves a whole 2-day horizon to
		// measure: the customers of the 1st to the 8th have history.
		if res.Ranker != recommend.GPTopFreqName || len(res.Customers) != 8 {
			t.Errorf("%s: ranker %s, %d customers; want GP-TopFreq's lists for all 8", c.lang, res.Ranker, len(res.Customers))
		}
		if view := strings.Join(strings.Fields(ansi.Strip(s.View())), " "); !strings.Contains(view, c.want) {
			t.Errorf("%s: the view lacks %q:\n%s", c.lang, c.want, s.View())
		}
	}
}
