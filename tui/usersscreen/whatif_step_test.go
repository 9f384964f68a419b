package usersscreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/screentest"
)

// TestNumericStepKeepsWholeNumbersAndTheRange: a count steps by whole
// numbers and stops at the last whole number of its clipped range; any
// other clipped column stops at the bound; a column fitted without
// clipping (an older model file) steps on past it.
func TestNumericStepKeepsWholeNumbersAndTheRange(t *testing.T) {
	count := data.PipelineColumn{Kind: data.Numeric, Min: 0, Max: 27.4, Whole: true, Clip: true}
	narrow := data.PipelineColumn{Kind: data.Numeric, Min: 0, Max: 0.2, Whole: true, Clip: true}
	share := data.PipelineColumn{Kind: data.Numeric, Min: 0, Max: 10, Clip: true}
	unclipped := data.PipelineColumn{Kind: data.Numeric, Min: 0, Max: 10}
	cases := []struct {
		name string
		pc   data.PipelineColumn
		v    float64
		dir  int
		next float64
		end  bool
	}{
		// 27.4/20 = 1.37 rounds to a step of 1.
		{"count up", count, 25, 1, 26, false},
		{"count to its last whole number", count, 26, 1, 27, true},
		{"count at its end", count, 27, 1, 27, true},
		{"count from a fill", count, 12.37, 1, 13, false},
		{"count down to 0", count, 1, -1, 0, true},
		// 0 – 0.2 holds one whole number: the steps go to the bounds.
		{"narrow count up", narrow, 0, 1, 0.2, true},
		{"narrow count down", narrow, 0.2, -1, 0, true},
		// 10/20 = 0.5; 9.8 + 0.5 = 10.3, past the bound 10.
		{"share inside", share, 9, 1, 9.5, false},
		{"share to the bound", share, 9.8, 1, 10, true},
		{"unclipped past the bound", unclipped, 9.8, 1, 10.3, false},
	}
	for _, c := range cases {
		next, end := c.pc.WhatIfStep(c.v, c.dir)
		if next != c.next || end != c.end {
			t.Errorf("%s: step from %g by %d gives %g (end %v), want %g (end %v)", c.name, c.v, c.dir, next, end, c.next, c.end)
		}
	}
}

// TestWhatIfArrowsStepCountsAndNeverSayTyped: → and ← on the textbook's
// sessions_30d (a count; the pipeline's clipped range 0 – 5.8) said
// "(typed 6.4; the model's range is 0 – 5.8)" of values no one typed, and
// stepped by 0.29. They step by 1 from the user's own value, stop at 5 and
// 0, and there say where the range ends; typing still gets its note.
func TestWhatIfArrowsStepCountsAndNeverSayTyped(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		s := analysed(t, lang, 120, 40)
		s = pressAll(t, s, "w")
		pc := s.Exp().Pipeline.Columns[0]
		if pc.Name != "sessions_30d" || !pc.Whole || !pc.Clip || fmt.Sprint(pc.Max) != "5.800000000000001" || pc.Min != 0 {
			t.Fatalf("the textbook's first column is no longer the count sessions_30d in 0 – 5.8: %+v", pc)
		}
		top := s.Tf(" (top of the model's range %s – %s: more counts as %[2]s)",
			"（模型取值范围 %s – %s 的上端：更高按 %[2]s 计）", "0", "5.8")
		bottom := s.Tf(" (bottom of the model's range %s – %s: less counts as %[1]s)",
			"（模型取值范围 %s – %s 的下端：更低按 %[1]s 计）", "0", "5.8")
		s = pressAll(t, s, "left", "left", "left", "left", "left", "left")
		if want := "sessions_30d = 0" + bottom; s.status.In(s.Common) != want {
			t.Errorf("%s: after six ← the status is %q, want %q", lang, s.status.In(s.Common), want)
		}
		var seen []string
		for range 7 {
			s = pressAll(t, s, "right")
			seen = append(seen, s.status.In(s.Common))
		}
		want := []string{"sessions_30d = 1", "sessions_30d = 2", "sessions_30d = 3", "sessions_30d = 4",
			"sessions_30d = 5" + top, "sessions_30d = 5" + top, "sessions_30d = 5" + top}
		if strings.Join(seen, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: → from 0 said\n%s\nwant\n%s", lang, strings.Join(seen, "\n"), strings.Join(want, "\n"))
		}
		screentest.MustContain(t, view(s), "5 *")
		s = pressAll(t, s, "enter")
		s = clear(t, s, 12)
		s = typeText(t, s, "9")
		s = pressAll(t, s, "enter")
		if want := "sessions_30d = 5.8" + s.Tf(" (typed %s; the model's range is %s – %s)", "（输入 %s；模型的取值范围是 %s – %s）", "9", "0", "5.8"); s.status.In(s.Common) != want {
			t.Errorf("%s: typing 9 says %q, want %q", lang, s.status.In(s.Common), want)
		}
	}
}

// TestUsersTitleKeepsTheSortDirectionAt80Columns: a long title (customers
// measured out of time, a right/wrong filter) was cut at 80 columns inside
// "sorted by P(orders_again_10d = …", losing the ↑ or ↓; it now writes
// the order short and cuts what comes before it instead.
func TestUsersTitleKeepsTheSortDirectionAt80Columns(t *testing.T) {
	run := ootRun(t)
	for _, lang := range []string{"en", "zh"} {
		s := shopScreen(t, run, lang, 80, 24)
		s = pressAll(t, s, "s", "c", "c")
		title := strings.Split(view(s), "\n")[0]
		want := s.T("Users · 31 of 80 customers at 2024-02-20, labels … · wrong only · sorted by P ↑",
			"用户 · 31 / 80 个 2024-02-20 的客户，标签取其后 10 天 · 仅预测错误 · 按 P ↑ 排序")
		if strings.TrimRight(title, " ") != want {
			t.Errorf("%s: the title reads %q, want %q", lang, title, want)
		}
	}
}
