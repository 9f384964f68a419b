package planscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// pressToday presses t and runs the plan it asks for.
func pressToday(t *testing.T, s Model) Model {
	t.Helper()
	next, cmd := s.Update(screentest.Press("t"))
	if cmd == nil {
		t.Fatal("t returned no Cmd")
	}
	return feed(t, next.(Model), cmd())
}

// TestGoldenPlanToday (review 33, finding 2): validated out of time, the
// plan's customers are those at the cutoff, whose outcomes are known; the
// screen says so and t plans for today's customers, those at the log's
// last date. screentest.OrderLog ends on 2024-03-01 (a00 orders every 4
// days from 01-01, day 60) and its 80 customers all order by then; at the
// 10-day horizon the cutoff is 02-20 and the model trains on the
// customers at 02-10. The commands give the same list from the command
// line: train at 02-10, plan at the log's default cutoff (its last date).
func TestGoldenPlanToday(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 5)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := planned(t, c, run)
		flat := func(v string) string { return strings.Join(strings.Fields(v), "") }
		hint := map[bool]string{
			false: "These are the customers at 2024-02-20, whose outcomes are known by now: t plans for today's customers, those at the log's last date 2024-03-01.",
			true:  "这些是 2024-02-20 的客户，他们的结果现在已经知道：按 t 为今天的客户（订单日志最后一天 2024-03-01 的客户）做计划。",
		}[c.Zh()]
		if v := screentest.Render(s, c.Width, c.Height); !strings.Contains(flat(v), flat(hint)) {
			t.Errorf("the cutoff's plan lacks\n%s\n%s", hint, v)
		}
		if got := s.exportName(); got != "plan-targets-2024-02-20.csv" {
			t.Errorf("export name %q over the customers at 2024-02-20", got)
		}
		today := pressToday(t, s)
		if today.report == nil || today.report.Customers != 80 {
			t.Fatalf("today: %+v", today.report)
		}
		title := map[bool]string{
			false: "today's 80 customers at 2024-03-01, the log's last date (unlabelled; trained on those at 2024-02-10)",
			true:  "今天的 80 位客户，截至订单日志最后一天 2024-03-01（无标签；模型用 2024-02-10 的客户训练）",
		}[c.Zh()]
		view := screentest.Render(today, c.Width, c.Height)
		if !strings.Contains(flat(view), flat(title)) {
			t.Errorf("today's title lacks\n%s\n%s", title, view)
		}
		if got := today.exportName(); got != "plan-targets-2024-03-01.csv" {
			t.Errorf("export name %q over today's customers", got)
		}
		screentest.Golden(t, today, c.Width, c.Height)
		t.Run("end", func(t *testing.T) {
			end := feed(t, today, screentest.Press("G"))
			screentest.Golden(t, end, c.Width, c.Height)
		})
		// t again: back to the customers at the cutoff, scored once.
		back, cmd := today.Update(screentest.Press("t"))
		back = feed(t, back.(Model), cmd())
		if b := back.(Model).base; b.today || !b.cutoff.Equal(s.base.cutoff) || b != s.base {
			t.Errorf("t twice: today %v at %v, not the first plan's customers", b.today, b.cutoff)
		}
	})
}

// TestTodayCommands: the commands that make today's list from the command
// line train on the run's log at the cutoff the model trained at, with the
// run's settings (screentest.LogRun's 4 units, 5 epochs, no calibration), and
// plan at the log's default cutoff (no --cutoff).
func TestTodayCommands(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 5)
	s := pressToday(t, planned(t, screentest.Common("en", 200, 60), run))
	want := []string{
		"retain train --log orders.csv --horizon 10d --cutoff 2024-02-10 --layers 4 --epochs 5 --calibration none --out model.json",
		"retain plan --model model.json --log orders.csv --contacts-out contacts.csv",
	}
	var got []string
	for _, c := range s.everyoneCommands() {
		got = append(got, common.ShellLine(c))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("commands\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
