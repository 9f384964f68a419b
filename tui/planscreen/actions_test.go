package planscreen

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestSegmentActionsFollowTheContacts: with a budget of 30 % the plan
// contacts ⌈0.3 × 10⌉ = 3 of the textbook run's 10 validation customers
// (all in one segment, All customers). The segment's row says 3
// contacted, with the contact action, and the line under it words the
// other 7 ("no paid contact"), where the screen used to show the contact
// action for the whole segment. At 80 columns the English figures leave
// the actions 27 cells, too few: they go whole on lines of their own under
// the row (they were cut, "contact in the order of th…"); the Chinese
// ones fit beside the figures. The title says what the value column is
// (the plan encourages the outcome: (1 − P), review 33, 3b).
func TestSegmentActionsFollowTheContacts(t *testing.T) {
	run := screentest.TextbookRun(t)
	want := map[string][]string{
		"en": {
			"Segments · value in play: Σ (1 − P) × value, what a contact could win (not from",
			"those who would convert anyway), before the success rate",
			"segment        customers  contacted  value in play",
			"  action",
			"All customers         10          3            413",
			"  contact in the order of the plan",
			"  the other 7: no paid contact",
		},
		"zh": {
			"客户分群 · 可争取价值：Σ (1 − P) × 价值，即联系可能赢得的价值（不含本来就会转化",
			"的客户），未乘成功率",
			"分群      客户数  联系人数  可争取价值  建议行动",
			"全部客户      10         3         413  按计划顺序联系",
			"                                        其余 7 位：不做付费联系",
		},
	}
	for _, lang := range screentest.Langs {
		s := planned(t, screentest.Common(lang, 80, 24), run)
		s = typeIn(t, s, "b", "30%")
		if got := s.Report().Best.Contacted; got != 3 {
			t.Fatalf("%s: %d contacted, want 3", lang, got)
		}
		var got []string
		for _, l := range s.segments() {
			got = append(got, strings.TrimRight(ansi.Strip(l), " "))
		}
		if !slices.Equal(got, want[lang]) {
			t.Errorf("%s: segments\n%s\nwant\n%s", lang, strings.Join(got, "\n"), strings.Join(want[lang], "\n"))
		}
	}
}

// TestGoldenActionsOnALog: the plan of a run on an order log has RFM
// segments, whose actions are the longest ("personal win-back message
// with a strong offer"). At every size and in both languages the segment
// table and the first contacts show every action whole. The segments'
// stand beside the figures when every one fits there (the Chinese table
// at 160 columns), else on lines of their own under each row (a column
// of 38 cells broke "会员" and "计划" in two); a contact's wraps within its
// column, its further lines indented. Nothing is cut ("…") and no line
// is wider than the screen (testdata/TestGoldenActionsOnALog/*.golden).
func TestGoldenActionsOnALog(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 5)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := typeIn(t, planned(t, c, run), "b", "30%")
		var lines []string
		for _, l := range append(s.segments(), s.contacts()...) {
			l = strings.TrimRight(ansi.Strip(l), " ")
			if strings.Contains(l, "…") || ansi.StringWidth(l) > c.Width {
				t.Errorf("line cut or too wide: %q", l)
			}
			lines = append(lines, l)
		}
		golden.RequireEqual(t, []byte(strings.Join(lines, "\n")+"\n"))
	})
}
