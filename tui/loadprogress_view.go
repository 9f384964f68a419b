package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// loadPanel is the box above the footer while a file loads, once it has
// said how far it has come (loadShown): the file, the stage, the share
// read with a bar (or the rows read when the size is unknown), the time
// since the load began, that the data loaded before stay meanwhile, and
// that esc cancels it; or, while the file has sent nothing, that it waits.
// "" when nothing is loading.
func (m *Model) loadPanel() string {
	s := m.loadShown
	if s == nil || m.loading == "" {
		return ""
	}
	w := max(m.width-2, 10)
	inner := max(w-4, 1)
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(lipgloss.Color("12")).
		Padding(0, 1).Width(w)
	stage := m.loadStageText(s.stage)
	if s.waiting {
		stage = m.com.T("waiting for data", "等待数据")
	}
	head := m.com.Tf("Loading %s: %s", "正在加载 %s：%s", s.name, stage)
	clock := m.com.Tf("%.1f s", "%.1f 秒", s.elapsed.Round(100*time.Millisecond).Seconds())
	room := inner - lipgloss.Width(clock) - 1
	first := common.Pad(common.Truncate(head, room), room) + " " + m.styles.Muted.Render(clock)
	second := common.Truncate(m.loadAmount(s.p, inner), inner)
	if s.waiting {
		second = m.com.T("Nothing read yet: the file has sent no data.", "尚未读到任何内容：文件还没有送来数据。")
	}
	after := m.com.T("The screens fill in once it has loaded. esc cancels.", "加载完成后各屏幕会显示数据。按 esc 取消。")
	if m.data != nil {
		after = m.com.T("The data loaded before stay in use until it has loaded. esc cancels.", "加载完成前仍使用之前的数据。按 esc 取消。")
	}
	third := m.styles.Muted.Render(common.Truncate(after, inner))
	return box.Render(strings.Join([]string{first, second, third}, "\n"))
}

// loadStageText names a stage of a load.
func (m *Model) loadStageText(s loadStage) string {
	switch s {
	case loadParsing:
		return m.com.T("parsing", "解析中")
	case loadFeatures:
		return m.com.T("building per-customer features", "构建每位顾客的特征")
	case loadSplitting:
		return m.com.T("splitting into train/validation/test", "划分训练、验证和测试集")
	}
	return m.com.T("reading", "读取中")
}

// loadAmount says how much has been read in w cells: a bar with the
// share and the bytes when the size is known; else the rows (line ends)
// read, or the bytes of a compressed stream.
func (m *Model) loadAmount(p data.Progress, w int) string {
	frac, known := p.Fraction()
	if !known {
		if p.Lines >= 0 {
			return m.com.Tf("%s rows read (%s)", "已读 %s 行（%s）", data.Thousands(int(p.Lines)), data.Bytes(float64(p.Read)))
		}
		return m.com.Tf("%s read (compressed)", "已读 %s（压缩数据）", data.Bytes(float64(p.Read)))
	}
	// The bytes read take the width of the size (or of "1.5 MiB" when
	// wider), so the bar keeps its length as they grow. The bar fills the
	// rest of the line at any width, so the figures end under the clock
	// (a bar of at most 50 cells left them in the middle of a wide panel).
	size := data.Bytes(float64(p.Size))
	read := fmt.Sprintf("%*s", max(len(size), len("1.5 MiB")), data.Bytes(float64(p.Read)))
	text := m.com.Tf("%3.0f %%  %s of %s", "%3.0f%%  已读 %s / %s", 100*frac, read, size)
	barW := w - lipgloss.Width(text) - 1
	if barW < 5 {
		return text
	}
	done := min(int(frac*float64(barW)), barW)
	bar := lipgloss.NewStyle().Foreground(lipgloss.Color("12")).Render(strings.Repeat("█", done)) +
		m.styles.Muted.Render(strings.Repeat("░", barW-done))
	return fmt.Sprintf("%s %s", bar, text)
}
