package tui

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// TestOrderLogWithALabelWarnsOnTheDataScreen: an order log opened as a
// table whose label is found loads, one row per line, and the Data screen
// warns that it looks like an order log and that g opens it as one, in
// English and Chinese (it used to load without a word). Its 60 lines hold
// 20 customers.
func TestOrderLogWithALabelWarnsOnTheDataScreen(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer_id,order_date,amount,churn\n")
	for i := range 60 {
		fmt.Fprintf(&b, "c%02d,2024-%02d-%02d,%d.5,%s\n", i%20, 1+i%12, 1+i%28, 5+i*7%40, []string{"no", "yes"}[i/3%2])
	}
	for lang, want := range map[string][]string{
		"en": {"Warning", "looks like an order log", "each line is read as a row of its own", "press g on the"},
		"zh": {"警告", "它看起来是订单日志", "请在数据页按 g 以订单日志打开"},
	} {
		opts := textbookOptions()
		opts.Lang = lang
		opts.Open = func(p string) (io.ReadCloser, error) {
			if p == "orders.csv" {
				return io.NopCloser(strings.NewReader(b.String())), nil
			}
			return screentest.Open(p)
		}
		m := loadedModel(t, opts, 120, 40)
		m = settle(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "orders.csv"}})
		if m.err != nil || m.data.Table.Rows != 60 {
			t.Fatalf("%s: err %v", lang, m.err)
		}
		screentest.MustContain(t, screen(m), want...)
		if strings.Contains(screen(m), "--log") {
			t.Errorf("%s: the screen names the command line's --log:\n%s", lang, screen(m))
		}
	}
}
