package planscreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestSaysTheModelExtrapolates: validated out of time, the Plan screen
// scores the customers at the cutoff, not those the model trained on, and
// says, as `retain plan` warns (review 27, finding 1), on which columns
// many of them lie beyond the range the model keeps. The expected shares
// are counted here from the later table's cells against each clipped
// column's [Min, Max], a column named when more than one customer in ten,
// and at least 20, lie beyond one end.
func TestSaysTheModelExtrapolates(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 5)
	e := run.Exp.Evaluated()
	tab := e.Data.Table
	var en, zh []string
	for _, pc := range e.Pipeline.Columns {
		c := tab.Column(pc.Name)
		if !pc.Clip || pc.Kind != data.Numeric || c == nil {
			continue
		}
		above, below := 0, 0
		for _, v := range c.Values {
			switch {
			case v > pc.Max:
				above++
			case v < pc.Min:
				below++
			}
		}
		many := func(n int) bool { return n >= 20 && 10*n > tab.Rows }
		n := 0
		if many(above) {
			n += above
		}
		if many(below) {
			n += below
		}
		if n > 0 {
			share := fmt.Sprintf("%.1f %%", 100*float64(n)/float64(tab.Rows))
			en, zh = append(en, pc.Name+" ("+share+")"), append(zh, pc.Name+"（"+share+"）")
		}
	}
	if len(en) == 0 || tab.Rows != 80 {
		t.Fatalf("%d customers, none beyond a range: the test shows nothing", tab.Rows)
	}
	for lang, want := range map[string]string{
		"en": "The model is extrapolating: many of these customers lie beyond the range it keeps, and were scored at its end, on " +
			strings.Join(en, ", ") + ". Read the plan's figures with care.",
		"zh": "模型在外推：许多客户超出模型保留的范围，按范围端点打分，涉及 " + strings.Join(zh, "、") + "。请谨慎看待计划的数字。",
	} {
		s := planned(t, screentest.Common(lang, 200, 60), run)
		flat := func(v string) string { return strings.Join(strings.Fields(v), "") }
		if v := screentest.Render(s, 200, 60); !strings.Contains(flat(v), flat(want)) {
			t.Errorf("%s: view lacks\n%s\n%s", lang, want, v)
		}
	}
}
