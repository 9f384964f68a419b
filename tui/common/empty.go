package common

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/retainlab/retain/tui/widget"
)

// emptyMaxW is the widest an empty screen's hint is set, so it reads as a
// paragraph rather than one long line at 160 columns.
const emptyMaxW = 64

// Empty is what a screen with nothing to show yet draws: its title and
// hint wrapped at word boundaries (CJK text anywhere, measured in cells)
// to at most 64 cells, the block centred in the screen's Width×Height. The
// whole hint is always shown when the screen has room for it; a screen too
// short keeps the title and the hint's first lines.
func (c Common) Empty(title, hint string) string {
	w, h := c.Width, c.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	textW := min(w, emptyMaxW)
	lines := widget.WrapUnmarked(title, textW)
	for i := range lines {
		lines[i] = c.Styles.Title.Render(lines[i])
	}
	if hint != "" {
		lines = append(lines, "")
		for _, l := range widget.WrapUnmarked(hint, textW) {
			lines = append(lines, c.Styles.Muted.Render(l))
		}
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	blockW := 0
	for _, l := range lines {
		blockW = max(blockW, ansi.StringWidth(l))
	}
	block := strings.Join(lines, "\n")
	block = lipgloss.NewStyle().Width(blockW).Render(block)
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, block)
}

// NoRun is the empty state of the screens that need an ended run.
func (c Common) NoRun() string {
	return c.Empty(c.NoRunTitle(), c.NoRunHint(
		c.T("Train one on the Train screen (3, then space); this screen fills in when the run ends or is stopped.",
			"先在“训练”页训练一个模型（按 3，再按空格）；训练结束或停止后，这里会自动填上内容。")))
}

// NoRunTitle is the title of an analysis screen with no run to show.
func (c Common) NoRunTitle() string {
	if c.DataChanged {
		return c.T("No model trained on the data loaded now.", "还没有用当前加载的数据训练的模型。")
	}
	return c.T("No trained model yet.", "还没有训练好的模型。")
}

// NoRunHint is what an analysis screen with no run to show asks for: hint
// (how to train the first model), or, once other data has loaded after a
// run, a run on the new data; while a run trains, that it does.
func (c Common) NoRunHint(hint string) string {
	if c.Training > 0 && c.TrainingPaused {
		return c.Tf("Run %d is paused on the Train screen (3); the Walkthrough (6) shows its current weights. This screen fills in when the run ends (x on the Train screen stops it).",
			"第 %d 次训练已在“训练”页暂停（按 3）；“讲解”页（按 6）显示它当前的权重。训练结束后这里会自动填上内容（在“训练”页按 x 可停止）。", c.Training)
	}
	if c.Training > 0 {
		return c.Tf("Run %d is training on the Train screen (3); this screen fills in when it ends or is stopped.",
			"第 %d 次训练正在“训练”页进行（按 3）；训练结束或停止后，这里会自动填上内容。", c.Training)
	}
	if c.DataChanged {
		return c.T("Other data was loaded: train on it on the Train screen (3, then space). The earlier runs belong to the earlier data; they stay on the Runs screen (7).",
			"已加载了其他数据：请在“训练”页用它训练（按 3，再按空格）。之前的训练属于之前的数据，仍列在“记录”页（按 7）。")
	}
	return hint
}

// TrainingMsg says which run trains now (Run 0: none) and whether it is
// paused, for the empty states of the screens that wait for an ended run
// (Common.Training, Common.TrainingPaused).
type TrainingMsg struct {
	Run    int
	Paused bool
}

// SetTraining records msg and reports whether it changed anything, so a
// screen redraws only then.
func (c *Common) SetTraining(msg TrainingMsg) bool {
	if c.Training == msg.Run && c.TrainingPaused == msg.Paused {
		return false
	}
	c.Training, c.TrainingPaused = msg.Run, msg.Paused
	return true
}

// NoData says that no data is loaded (the load at startup failed) and how
// to load some, in one sentence for a status line: with the keys the Data
// screen offers, which a served session's are.
func (c Common) NoData() string {
	switch {
	case c.Served && c.ServedFile.Path != "":
		return c.T("No data is loaded: on the Data screen (1), o reloads the served file and b loads the built-in data.",
			"没有加载任何数据：在“数据”页（按 1）按 o 重新载入服务的文件、b 加载内置数据。")
	case c.Served:
		return c.T("No data is loaded: on the Data screen (1), b loads the built-in data.",
			"没有加载任何数据：在“数据”页（按 1）按 b 加载内置数据。")
	}
	return c.T("No data is loaded: on the Data screen (1), o opens a table, g an order log and b loads the built-in data.",
		"没有加载任何数据：在“数据”页（按 1）按 o 打开表格、g 打开订单日志、b 加载内置数据。")
}
