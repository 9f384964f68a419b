package mapscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestTitleNamesTheCustomers (review 33, finding 10): the map's title
// names the users its dots are drawn from. On screentest.OrderLog at a
// 10-day horizon (last date 2024-03-01) a random split's table is the 80
// customers at the cutoff 2024-02-20; out of time the network trained on
// the earlier cohort, at 2024-02-10, which holds the 70 customers with an
// order by then (the c customers first order on 02-05 and are in it, the
// e customers first order on 02-14 to 02-16 and are not: 80 − 10).
func TestTitleNamesTheCustomers(t *testing.T) {
	for _, c := range []struct {
		scheme experiment.Scheme
		en, zh string
	}{
		{experiment.RandomSplit, "80 customers at 2024-02-20", "2024-02-20 的 80 位客户"},
		{experiment.OutOfTime, "70 customers at 2024-02-10", "2024-02-10 的 70 位客户"},
	} {
		run := screentest.LogRun(t, screentest.LoadLog(t, ""), c.scheme, 2)
		for lang, want := range map[string]string{"en": c.en, "zh": c.zh} {
			s := New(screentest.Common(lang, 160, 40))
			s.SetSize(160, 40)
			s = answer(t, s, s.Want(run, 0))
			if got := titleOf(s); !strings.Contains(got, want) {
				t.Errorf("%s %v: title %q lacks %q", lang, c.scheme, got, want)
			}
		}
	}
}
