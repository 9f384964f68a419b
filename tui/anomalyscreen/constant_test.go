package anomalyscreen

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// onceLog is an order log of 2024 where each of 60 customers bought one
// item once (customer i on day 1 + 5i, item I(i%6), amount 10 + i%13), with
// 32-character ids that share their first 30 characters, as an order
// platform's hashed ids do.
func onceLog(t *testing.T) *experiment.Data {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer_id,date,amount,item\n")
	for i := range 60 {
		day := time.Date(2024, 1, 1+5*i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		fmt.Fprintf(&b, "%030d%02d,%s,%d,I%d\n", 0, i, day, 10+i%13, i%6)
	}
	d, err := experiment.Load(experiment.Source{Kind: "log", Path: "once.csv"}, func(string) (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(b.String())), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestConstantColumnsNamedAndWholeID: on a log where no customer bought
// twice, frequency, interval_std_days, distinct_items and basket_size_avg
// are the same for everyone; the screen names them as left out (review
// 14, M4). The selected user's detail line cut a 32-character id to 14
// cells although it had room (L1): it is whole now.
func TestConstantColumnsNamedAndWholeID(t *testing.T) {
	for _, c := range []struct{ lang, constant, head string }{
		{"en", "Constant, unused: frequency, interval_std_days, distinct_items, basket_size_avg, orders_30d, spend_trend", "▸ %s: "},
		{"zh", "取值恒定，未使用：frequency, interval_std_days, distinct_items, basket_size_avg, orders_30d, spend_trend", "▸ %s："},
	} {
		// orders_30d and spend_trend: 6 of the 54 customers at the
		// cutoff (2024-09-22) bought in its last 30 days, fewer than 10.
		s := New(screentest.Common(c.lang, 120, 30))
		s.SetInputs(onceLog(t), fastConfig())
		s.SetOptions(fastOptions())
		press(&s, "s")
		res := s.Result()
		if res == nil {
			t.Fatalf("%s: not scored:\n%s", c.lang, s.View())
		}
		view := ansi.Strip(s.View())
		if !strings.Contains(view, c.constant+" ") {
			t.Errorf("%s: the view lacks %q:\n%s", c.lang, c.constant, view)
		}
		head := fmt.Sprintf(c.head, res.IDs[res.Order[0]])
		if !strings.Contains(view, "\n"+head) {
			t.Errorf("%s: no detail line starts %q:\n%s", c.lang, head, view)
		}
	}
}
