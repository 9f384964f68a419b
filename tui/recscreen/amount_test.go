package recscreen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestAmountItemColumnWarned: a log whose item column holds prices
// written with decimals (3 of its 3 values) is warned about on the screen,
// as recommend warns on stderr, in English and Chinese, with the Data
// screen's l for the command line's --item-column; the hand-made item log
// is not.
func TestAmountItemColumnWarned(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prices.csv")
	text := "customer,date,price_paid\na,2024-01-01,12.99\na,2024-01-05,0.50\nb,2024-01-02,12.99\nb,2024-01-09,3.10\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, want string }{
		{"en", "⚠ the item column price_paid holds numbers with decimals (12.99, 0.50, 3.10: 3 of its 3 values), as an amount or a price does; " +
			"each value is recommended as an item — if it is not one, press l on the Data screen (1) and choose the item column: the log is read again with it"},
		{"zh", "⚠ 商品列 price_paid 是带小数的数字（12.99、0.50、3.10：3 个值中有 3 个），像金额或价格；每个值都会被当作商品推荐——如果它不是商品，" +
			"可在“数据”页（按 1）按 l 选择商品列：日志会按所选的列重新读取"},
	} {
		com := screentest.Common(c.lang, 200, 50)
		d, err := experiment.Load(experiment.Source{Kind: "log", Path: path, HorizonDays: 2, LogColumns: data.LogColumns{Item: "price_paid"}}, open)
		if err != nil {
			t.Fatal(err)
		}
		s := New(com, open)
		s.SetSize(com.Width, com.Height)
		s = drain(s, s.SetData(d))
		if view := flat(s.View()); !strings.Contains(view, c.want) {
			t.Errorf("%s: the view lacks %q:\n%s", c.lang, c.want, view)
		}
		if view := flat(ready(t, com).View()); strings.Contains(view, "⚠") {
			t.Errorf("%s: the item log is warned about:\n%s", c.lang, view)
		}
	}
}
