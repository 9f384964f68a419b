package datascreen

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestGoldenCancelRules: the Data screen of an order log says by which
// rule its cancelled lines were left out, with the first line and column
// of each, in English and Chinese. The log: 30 customers with two sales
// each, every fifth sale under an order id "C" + digits (sales, kept);
// line 62 returns an item (quantity -1, column 4), line 63 is a negative
// amount (column 5) under "C900", line 64 a negative amount under "R901":
// 3 cancelled lines, one by each rule.
func TestGoldenCancelRules(t *testing.T) {
	var b strings.Builder
	b.WriteString("order_id,customer_id,date,quantity,amount\n")
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 60 {
		id := fmt.Sprintf("W%d", i)
		if i%5 == 0 {
			id = fmt.Sprintf("C%d", 1000000+i)
		}
		fmt.Fprintf(&b, "%s,u%02d,%s,1,%d\n", id, i%30, day0.AddDate(0, 0, i).Format(time.DateOnly), 10+i)
	}
	b.WriteString("W3,u03,2024-01-05,-1,-13\nC900,u04,2024-01-06,1,-5\nR901,u05,2024-01-07,1,-4\n")
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(b.String())), nil }
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		d, err := experiment.LoadAt(experiment.Source{Kind: "log", Path: "orders.csv", HorizonDays: 10}, open,
			time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		cfg := experiment.DefaultConfig()
		exp, err := experiment.Prepare(d, cfg)
		if err != nil {
			t.Fatal(err)
		}
		s := New(c)
		s.SetSize(c.Width, c.Height)
		s.SetData(d, NewInfo(d, exp, cfg.Seed))
		screentest.Golden(t, s, c.Width, c.Height)
	})
}
