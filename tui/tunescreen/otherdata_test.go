package tunescreen

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// smallShop is a 300-user built-in shop: other data than the textbook's.
func smallShop(t *testing.T) *experiment.Data {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "builtin", Users: 300}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// pressApply presses a and returns the screen and the messages its Cmd
// sends.
func pressApply(s Model) (Model, []tea.Msg) {
	s, cmd := s.step(screentest.Press("a"))
	return s, screentest.Drain(cmd, func(tea.Msg) (tea.Cmd, bool) { return nil, false })
}

// TestGoldenOtherData: the search's data is named, and once other data has
// loaded the result says it is the earlier data's and a refuses to apply
// it (its AUCs and a balanced weight were the earlier data's), saying that
// s searches the loaded data.
func TestGoldenOtherData(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := finished(t, c)
		screentest.MustContain(t, s.View(), c.T("Data searched: textbook shop · 100 rows", "搜索的数据：教科书商店 · 100 行"))
		s.SetInputs(smallShop(t), experiment.DefaultConfig())
		s, sent := pressApply(s)
		if len(sent) != 0 {
			t.Fatalf("a applied a result of other data: %v", sent)
		}
		// Wrapped lines joined again (a Chinese line breaks without a space).
		var joined []string
		for _, l := range strings.Split(ansi.Strip(s.View()), "\n") {
			joined = append(joined, strings.TrimSpace(l))
		}
		view := strings.Join(joined, c.T(" ", ""))
		screentest.MustContain(t, view, c.T("other data is loaded now (built-in shop · 300 rows)", "现在加载的是其他数据（内置商店 · 300 行）"),
			c.T("· of the earlier data", "· 属于之前的数据"),
			c.T("✗ not applied: trial 3 was tuned on other data (textbook shop); s searches the data loaded now",
				"✗ 未应用：试验 3 是在其他数据（教科书商店）上调出的；按 s 搜索现在加载的数据"))
		for _, g := range s.HelpGroups() {
			for _, b := range g {
				if b.Help().Key == "a" && b.Enabled() {
					t.Error("the footer offers a for a result of other data")
				}
			}
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestBalancedWeightAppliedAsTheLoadedDatas: a trial weighting the
// positive class "balanced" is applied with the weight the search
// resolved it to on the loaded data, and says it was balanced.
func TestBalancedWeightAppliedAsTheLoadedDatas(t *testing.T) {
	s := New(screentest.Common("en", 80, 24))
	s.SetInputs(textbook(t), experiment.DefaultConfig())
	res := fixedResult()
	// Best is a copy of the board's first trial, as experiment.Tune makes it.
	best := &res.Board[0]
	best.Config.Train.PosWeight, best.PosWeight = experiment.BalancedPosWeight, 2.759
	copied := *best
	res.Best = &copied
	s, _ = s.step(s.NewDoneMsg(res, nil))
	s, sent := pressApply(s)
	if len(sent) != 1 {
		t.Fatalf("a sent %v", sent)
	}
	msg := sent[0].(ApplyMsg)
	if msg.Config.Train.PosWeight != 2.759 || !msg.Balanced {
		t.Errorf("applied pos-weight %v, balanced %v; want 2.759, true", msg.Config.Train.PosWeight, msg.Balanced)
	}
}
