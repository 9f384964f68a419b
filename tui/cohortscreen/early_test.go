package cohortscreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// earlyLog is shopLog with one more line, dated in 1900 (a mistyped
// year), of customer; it is the file's last line.
func earlyLog(t *testing.T, customer string) (log *data.OrderLog, line int) {
	t.Helper()
	text := shopText() + customer + ",1900-02-11,10\n"
	log, err := data.ReadOrderLog(strings.NewReader(text), "shop.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return log, strings.Count(text, "\n") // the header is line 1
}

// TestEarlyLineSaid: an order of shopLog's log dated in 1900 is left out
// of the table, as cohorts leaves it out, and the screen says so itself
// (it said nothing: only the Data screen's load warning named the line):
// how many orders, how many customers go with them (c60, whose only
// order it is, is in no cohort; c03 has later orders and stays), where
// the earliest is, and where the table starts instead. The counts are
// the test's own: one line added, by one customer. The table is the one
// of the log without the line.
func TestEarlyLineSaid(t *testing.T) {
	clean := shopLog(t)
	for _, c := range []struct {
		customer string
		en, zh   string
	}{
		{"c60", "⚠ Left out: 1 order dated far before the rest of the log (1 customer with no later order, so in no cohort); " +
			"the earliest, line %d, column 2, is dated 1900-02-11: a mistyped year? The table starts on 2024-01-01.",
			"⚠ 未计入：1 笔日期远早于日志其余部分的订单（1 位客户此后再无订单，因而不属于任何同期群）；" +
				"最早的一行在第 %d 行第 2 列，日期为 1900-02-11：年份写错了？表从 2024-01-01 开始。"},
		{"c03", "⚠ Left out: 1 order dated far before the rest of the log; " +
			"the earliest, line %d, column 2, is dated 1900-02-11: a mistyped year? The table starts on 2024-01-01.",
			"⚠ 未计入：1 笔日期远早于日志其余部分的订单；" +
				"最早的一行在第 %d 行第 2 列，日期为 1900-02-11：年份写错了？表从 2024-01-01 开始。"},
	} {
		log, line := earlyLog(t, c.customer)
		for _, lang := range screentest.Langs {
			s := loaded(t, screentest.Common(lang, 200, 60), log, "shop.csv")
			want := fmt.Sprintf(c.en, line)
			sep := " "
			if lang == "zh" {
				want, sep = fmt.Sprintf(c.zh, line), ""
			}
			view := screentest.Render(s, 200, 60)
			if flat := strings.Join(strings.Fields(view), sep); !strings.Contains(flat, strings.Join(strings.Fields(want), sep)) {
				t.Errorf("%s, %s: the view does not say %q:\n%s", c.customer, lang, want, view)
			}
			// Title, header, the six cohorts and the average: as without the line.
			got := strings.Split(view, "\n")[:9]
			if want := strings.Split(screentest.Render(loaded(t, screentest.Common(lang, 200, 60), clean, "shop.csv"), 200, 60), "\n")[:9]; strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s, %s: the table with the early line:\n%s\nwithout it:\n%s", c.customer, lang, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

// TestGoldenEarlyLine is the screen of TestEarlyLineSaid's log whose
// early line is a customer's only order.
func TestGoldenEarlyLine(t *testing.T) {
	log, _ := earlyLog(t, "c60")
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, loaded(t, c, log, "shop.csv"), c.Width, c.Height)
	})
}
