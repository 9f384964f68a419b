package walkthrough

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
)

// TestRawPageOfALogCustomer: review19's finding 9. Step 1 said of an order
// log's customer "The user, as the shop recorded them … exactly as the
// data holds them", and printed the values computed from the log with 7
// digits (monetary_avg 40.97864). It now says the values are computed from
// the orders, and rounds them as the Users screen does (4 significant
// digits, experiment.FormatValue). Customer "k" orders 1, 4 and 5 before
// the cutoff: monetary_avg = 10/3 = 3.333333…, written 3.333 (by hand).
func TestRawPageOfALogCustomer(t *testing.T) {
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	add := func(id string, day int, amount float64) {
		fmt.Fprintf(&b, "%s,%s,%.2f\n", id, day0.AddDate(0, 0, day).Format(time.DateOnly), amount)
	}
	add("k", 1, 1)
	add("k", 5, 4)
	add("k", 9, 5)
	for i := range 40 {
		add(fmt.Sprintf("c%02d", i), i%20, float64(10+i))
		if i%2 == 0 {
			add(fmt.Sprintf("c%02d", i), 40+i%15, float64(12+i))
		}
	}
	add("z", 70, 3) // the log runs to day 70: cutoff day 40 with a 30-day horizon
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(b.String())), nil }
	d, err := experiment.Load(experiment.Source{Kind: "log", Path: "orders.csv", HorizonDays: 30}, open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs, cfg.Seed = 1, 7
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	row := -1
	for r := range exp.Data.Table.Rows {
		if exp.Data.Table.ID(r) == "k" {
			row = r
		}
	}
	if row < 0 {
		t.Fatal("customer k is not in the cohort")
	}
	in, err := NewInput(exp, row)
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][]string{
		"en": {"The customer, as computed from their orders", "computed from the order log"},
		"zh": {"由订单算出的这位客户", "由订单日志算出的特征"},
	} {
		m := New(in, lang, DefaultStyles())
		m.SetSize(160, 48)
		view := ansi.Strip(m.View())
		for _, w := range append(want, "monetary_avg") {
			if !strings.Contains(view, w) {
				t.Errorf("%s: step 1 lacks %q:\n%s", lang, w, view)
			}
		}
		for _, line := range strings.Split(view, "\n") {
			if strings.Contains(line, "monetary_avg") && (!strings.HasSuffix(strings.TrimSpace(line), " 3.333") || strings.Contains(line, "3.3333")) {
				t.Errorf("%s: monetary_avg reads %q, want 3.333", lang, strings.TrimSpace(line))
			}
		}
		// Review 33, finding 10: the title line names the customers and their
		// cutoff, day 40 (the log's last day 70 less the 30-day horizon),
		// 2024-02-10; k and c00–c39 have ordered by then, z (day 70) not:
		// 41 customers.
		flat := strings.Join(strings.Fields(view), "")
		for _, w := range map[string][]string{
			"en": {"one of the 41 customers at 2024-02-10", "up to the cohort's cutoff, 2024-02-10,"},
			"zh": {"2024-02-10 的 41 位客户之一", "客户群截止日（2024-02-10）"},
		}[lang] {
			if !strings.Contains(flat, strings.Join(strings.Fields(w), "")) {
				t.Errorf("%s: step 1 lacks %q:\n%s", lang, w, view)
			}
		}
		// At 80 columns the long form would cut the title: the short one.
		m.SetSize(80, 24)
		short := map[string]string{"en": "The customer, as computed from their orders 41 at 2024-02-10", "zh": "由订单算出的这位客户 2024-02-10 的 41 位"}[lang]
		if v := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); !strings.Contains(v, short) {
			t.Errorf("%s at 80 columns: the title line lacks %q:\n%s", lang, short, ansi.Strip(m.View()))
		}
		for _, old := range []string{"as the shop recorded them", "exactly as the data holds them", "商店记录下的", "在数据里的原样"} {
			if strings.Contains(view, old) {
				t.Errorf("%s: step 1 still says %q", lang, old)
			}
		}
	}
}
