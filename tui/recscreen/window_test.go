package recscreen

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	// Ten customers who order once each: no buyer has history, no pair.
	once := writeLog(t, func(d int) string { return fmt.Sprintf("c%d", d) }, func(int) string { return "A" })
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
			t.Fatalf("horizon 2 refused: %s", s.fieldErr)
		}
		s.editing = fieldNone
		s = press(s, "space")
		_, err = s.cur.outcome()
		var win *recommend.WindowError
		if !errors.As(err, &win) || win.Orders != c.orders {
			t.Fatalf("%s %s: the run ended with %v, want a WindowError (orders %v)", c.lang, filepath.Base(c.path), err, c.orders)
		}
		if want := com.ErrorText(win.Err) + c.advice; s.outcome != want {
			t.Errorf("%s: outcome %q, want %q", c.lang, s.outcome, want)
		}
		if strings.Contains(s.outcome, "--") {
			t.Errorf("%s: outcome %q names a command-line flag", c.lang, s.outcome)
		}
	}
}
