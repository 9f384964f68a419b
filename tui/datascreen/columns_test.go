package datascreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestColumnsLineNamesEveryColumn: an order log with a column no role
// reads (a store) shows, on a tall screen, which column each role was read
// from and the one not used, in both languages.
func TestColumnsLineNamesEveryColumn(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(orderLog()), "\n")
	var b strings.Builder
	b.WriteString(lines[0] + ",store\n")
	for _, l := range lines[1:] {
		b.WriteString(l + ",north\n")
	}
	load := func(lang string, w, h int) string {
		c := screentest.Common(lang, w, h)
		return screentest.Render(loaded(t, c, experiment.Source{Kind: "log", Path: "orders.csv"}, b.String()), w, h)
	}
	mustContain(t, load("en", 160, 48), "Columns  customer id = customer_id · date = date · amount = amount · not used: store")
	mustContain(t, load("zh", 160, 48), "列       客户编号 = customer_id · 日期 = date · 金额 = amount · 未使用：store")
}
