package datascreen

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestConstantLogFeatureCalledConstant: on a log where no customer bought
// twice, the schema listed frequency as a feature of range "1 – 1" and did
// not call it constant (review 14, M4). Its range reads "1 (constant)" and
// its preprocessing starts by saying so. The log: 60 customers, customer i
// buying item I(i%6) once on day 1 + 5i of 2024 for 10 + i%13.
func TestConstantLogFeatureCalledConstant(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer_id,date,amount,item\n")
	for i := range 60 {
		day := time.Date(2024, 1, 1+5*i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		fmt.Fprintf(&b, "u%02d,%s,%d,I%d\n", i, day, 10+i%13, i%6)
	}
	for _, c := range []struct{ lang, want string }{
		{"en", "frequency           numeric     feature        0  1 (constant)    constant: the same for every user, so it tells no one apart (Anomalies leaves it out);"},
		{"zh", "frequency           数值   特征          0  1（常量）    常量：每个用户取值相同，无法区分用户（异常页不使用此列）；"},
	} {
		d, err := experiment.LoadAt(experiment.Source{Kind: "log", Path: "once.csv"}, stringOpener(b.String()),
			time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		cfg := experiment.DefaultConfig()
		exp, err := experiment.New(d, cfg)
		if err != nil {
			t.Fatal(err)
		}
		sc := screentest.Common(c.lang, 200, 50)
		s := New(sc)
		s.SetSize(sc.Width, sc.Height)
		s.SetData(d, NewInfo(d, exp, cfg.Seed))
		view := ansi.Strip(s.View())
		if !strings.Contains(view, "\n"+c.want) {
			t.Errorf("%s: no schema row starts %q:\n%s", c.lang, c.want, view)
		}
	}
}
