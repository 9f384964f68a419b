package tunescreen

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// selectedIndex is the board index of the selected trial: the one the
// user moved to, else the best (the first trial measured on every fold
// without failing), else the first.
func (s Model) selectedIndex() int {
	board := s.board()
	want := s.sel
	if want == 0 && s.result != nil && s.result.Best != nil {
		want = s.result.Best.Number
	}
	if want != 0 {
		for i, t := range board {
			if t.Number == want {
				return i
			}
		}
	}
	for i, t := range board {
		if t.Complete && t.Err == "" {
			return i
		}
	}
	return 0
}

// selected is the selected trial (nil while the board is empty).
func (s Model) selected() *experiment.Trial {
	board := s.board()
	if len(board) == 0 {
		return nil
	}
	t := board[s.selectedIndex()]
	return &t
}

// selectedNumber is the selected trial's number (0: none).
func (s Model) selectedNumber() int {
	if t := s.selected(); t != nil {
		return t.Number
	}
	return 0
}

// moveSelection moves the selection by a scroll key: a row, a page of
// the rows in view, or to an end. It reports whether k was one.
func (s *Model) moveSelection(k tea.KeyPressMsg) bool {
	board := s.board()
	if len(board) == 0 {
		return false
	}
	i, ok := s.keys.Scroll.Scrolled(k, s.selectedIndex(), max(s.pageRows, 1), len(board)-1)
	if ok {
		s.sel = board[i].Number
	}
	return ok
}

// detailNote is what the line above the selected trial's settings says
// after its number: whether a applies it, or why it cannot.
func (s Model) detailNote() string {
	t := s.selected()
	switch {
	case t == nil || s.result == nil:
		return ""
	case t.Err != "":
		return s.T("failed: ", "失败：") + s.ErrorText(errors.New(t.Err))
	case s.otherData():
		return s.T("of the earlier data", "属于之前的数据")
	case s.applied == t.Number:
		return s.T("applied to the Model screen", "已用于模型页")
	}
	return s.T("a applies it to the Model screen", "按 a 用于模型页")
}

// boardView is where the leaderboard's window stands: the selected row,
// the first row in view, and the note after the selected trial's number.
type boardView struct {
	sel, top int
	detail   string
}

// boardLines lays out the leaderboard in w×h cells: its ranking rule and
// header, the rows around the selected one (with which rows are in view
// when not all fit), and below them the selected trial's settings in
// full, wrapped between settings. The folds column says how many of the k
// folds a trial was measured on: the board ranks on that first (see
// experiment.Tune), so a trial the search cut short reads as partial
// where it is ranked. It returns the lines, the first row in view and how
// many rows are.
func boardLines(c common.Common, board []experiment.Trial, folds int, v boardView, w, h int) (lines []string, top, rows int) {
	if h < 3 || len(board) == 0 {
		return nil, 0, 0
	}
	sel := min(max(v.sel, 0), len(board)-1)
	detail := detailLines(c, board[sel], v.detail, w)
	rows, note := boardRows(len(board), len(detail), h-2)
	if rows+note+len(detail) > h-2 {
		detail = nil
	}
	top = min(max(v.top, sel-rows+1, 0), sel, len(board)-rows)
	width := max(5, ansi.StringWidth(c.T("folds", "折数")))
	for _, t := range board[top : top+rows] {
		width = max(width, ansi.StringWidth(foldsCell(c, t, folds)))
	}
	lines = []string{c.Styles.Muted.Render(c.T("Ranked by folds measured, then by CV AUC · × dropped by halving",
		"排序：先按已测折数，再按交叉验证 AUC · × 为逐级淘汰"))}
	head := "  " + common.Pad(c.T("trial", "试验"), 5) + "  " + common.Pad(c.T("CV AUC ± std", "交叉验证 AUC"), 15) + "  " +
		common.PadLeft(c.T("time", "用时"), 7) + "  " + common.Pad(c.T("folds", "折数"), width) + "  "
	lines = append(lines, c.Styles.Title.Render(head+c.T("settings", "设置")))
	lead := ansi.StringWidth(head)
	for i := top; i < top+rows; i++ {
		t := board[i]
		mark := "  "
		if i == sel {
			mark = "▸ "
		}
		row := fmt.Sprintf("%s%5d  %s  %s  %s  %s", mark, t.Number, common.Pad(aucCell(c, t), 15),
			common.PadLeft(roundDur(c, t.Time), 7), common.Pad(foldsCell(c, t, folds), width), settingsCell(c, t, w-lead))
		row = common.TruncateCell(row, w)
		if i == sel {
			row = c.Styles.Selected.Render(common.Pad(row, w))
		}
		lines = append(lines, row)
	}
	if note == 1 {
		where := c.Tf("rows %d–%d of %d · ↑/↓ select a trial", "第 %d–%d 行，共 %d 行 · ↑/↓ 选择试验", top+1, top+rows, len(board))
		lines = append(lines, c.Styles.Muted.Render(common.Truncate(where, w)))
	}
	return append(lines, detail...), top, rows
}

// boardRows is how many rows of n fit in room lines under a detail of d
// lines (and a blank line before it), and whether the line saying which
// rows are in view is needed (1) or not (0). With fewer than three rows
// left over the detail, the rows take its room.
func boardRows(n, d, room int) (rows, note int) {
	if n+d <= room {
		return n, 0
	}
	rows = room - d - 1
	if rows < min(3, n) {
		rows = room - 1
	}
	if rows < 1 {
		return min(n, max(room, 1)), 0
	}
	return min(rows, n), 1
}

// aucCell is a trial's CV AUC ± std, one fold's without a spread.
func aucCell(c common.Common, t experiment.Trial) string {
	switch {
	case t.Err != "":
		return c.T("failed", "失败")
	case len(t.Folds) == 0:
		return "…"
	case len(t.Folds) == 1: // one fold has no spread to show
		if c.Zh() {
			return fmt.Sprintf("%.4f（1 折）", t.AUC)
		}
		return fmt.Sprintf("%.4f (1 fold)", t.AUC)
	}
	return fmt.Sprintf("%.4f ± %.4f", t.AUC, t.AUCStd)
}

// foldsCell is a trial's folds measured out of k, marked × when halving
// dropped it (or it failed) and "stopped" when the search ended first.
func foldsCell(c common.Common, t experiment.Trial, k int) string {
	cell := fmt.Sprintf("%d/%d", len(t.Folds), k)
	switch {
	case t.Stopped:
		cell += " ×"
	case t.Interrupted:
		cell += c.T(" stopped", " 中止")
	}
	return cell
}

// settingsParts lists a trial's settings compactly: values that name
// themselves bare, numbers after their dimension's name. A trial on the
// Model screen's configuration leads with saying so.
func settingsParts(c common.Common, t experiment.Trial) []string {
	if t.Base {
		return []string{c.T("the Model screen's configuration", "模型页的配置")}
	}
	parts := make([]string, 0, len(t.Settings)+1)
	if t.OnBase {
		parts = append(parts, c.T("Model screen +", "模型页 +"))
	}
	for _, st := range t.Settings {
		part := settingValue(c, st)
		if st.Value != "" && (st.Value[0] >= '0' && st.Value[0] <= '9' || st.Value == "true" || st.Value == "false" || st.Value == "balanced") {
			part = settingName(c, st.Name) + "=" + part
		}
		parts = append(parts, part)
	}
	return parts
}

// settingNamesZh are the search's dimensions as the Chinese interface
// names them (the Model screen's words); English shows the CLI's names,
// which retain tune prints too.
var settingNamesZh = map[string]string{
	"layers": "层", "lr": "学习率", "l2": "L2", "batch": "批大小", "pos-weight": "正类权重", "patience": "提前停止耐心", "log1p": "log(1+v)",
}

// settingName is a dimension's name in the interface's language.
func settingName(c common.Common, name string) string {
	if zh, ok := settingNamesZh[name]; ok && c.Zh() {
		return zh
	}
	return name
}

// settingValue is a setting's value in the interface's language: in
// Chinese, on and off, the balanced weight and the scalings in Chinese
// words; numbers, activations and optimisers as they are.
func settingValue(c common.Common, st experiment.Setting) string {
	if !c.Zh() {
		return st.Value
	}
	switch st.Value {
	case "true", "false":
		return c.OnOff(st.Value == "true")
	case "balanced":
		return "平衡"
	}
	if st.Name == "scale" {
		if sc, ok := common.ScalingFromName(st.Value); ok {
			return c.ScalingName(sc)
		}
	}
	return st.Value
}

// settingsCell is as many whole settings of t as fit in w cells, then
// "…" when some did not: never a setting cut in the middle of its number
// (the selected trial's are shown in full under the board).
func settingsCell(c common.Common, t experiment.Trial, w int) string {
	parts := settingsParts(c, t)
	text := strings.Join(parts, " ")
	if ansi.StringWidth(text) <= w {
		return text
	}
	var b strings.Builder
	for _, p := range parts {
		next := p
		if b.Len() > 0 {
			next = " " + p
		}
		if ansi.StringWidth(b.String()+next)+2 > w {
			break
		}
		b.WriteString(next)
	}
	if b.Len() == 0 {
		return common.Truncate(text, w)
	}
	return b.String() + " …"
}

// detailLines are the selected trial t under the board: a blank line, its
// number with note, then all of its settings, wrapped between settings in
// w cells (a setting wider than the line alone is cut).
func detailLines(c common.Common, t experiment.Trial, note string, w int) []string {
	head := c.Tf("Trial %s", "试验 %s", common.Thousands(t.Number))
	if note != "" {
		head += " · " + note
	}
	style := c.Styles.Value
	if t.Err != "" {
		style = c.Styles.Error
	}
	lines := []string{""}
	for _, l := range common.StatusLines(head, w) {
		lines = append(lines, style.Render(l))
	}
	const indent = "  "
	line := ""
	for _, p := range settingsParts(c, t) {
		switch {
		case line == "":
			line = p
		case ansi.StringWidth(indent+line+" "+p) <= w:
			line += " " + p
		default:
			lines = append(lines, common.Truncate(indent+line, w))
			line = p
		}
	}
	return append(lines, common.Truncate(indent+line, w))
}
