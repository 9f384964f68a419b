package mapscreen

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// shades are the block characters of the map, lowest band first; the
// shading spans the lowest to the highest probability shown. The lowest
// is a dot, not a blank, so that the low region reads as drawn rather
// than as missing.
var shades = []string{"·", "░", "▒", "▓", "█"}

// View returns the view drawn in the last Update.
func (s Model) View() string { return s.view }

// render rebuilds the cached view.
func (s *Model) render() {
	w, h := s.Width, s.Height
	if w <= 0 || h <= 0 {
		s.view = ""
		return
	}
	st := s.Styles
	switch {
	case s.err != nil:
		s.view = widget.Fit(ansi.Wrap(st.Error.Render(s.T("No decision map: ", "无法绘制决策图："))+s.err.Error(), w, ""), w, h)
		return
	case s.exp == nil && s.analysing > 0:
		s.view = widget.Fit(st.Muted.Render(s.Tf("Analysing run %d…", "正在分析第 %d 次训练…", s.analysing)), w, h)
		return
	case s.exp == nil:
		s.view = widget.Fit(st.Title.Render(s.NoRunTitle())+"\n"+
			st.Muted.Render(ansi.Wrap(s.NoRunHint(s.T("Train one on the Train screen (3, then space); this screen fills in when the run ends or is stopped.",
				"先在“训练”页训练一个（按 3，再按空格）；训练结束或停止后，这里就会显示。")), w, "")), w, h)
		return
	case s.grid == nil:
		// A stale grid stays drawn while the new one is computed.
		s.view = widget.Fit(st.Muted.Render(s.T("Computing the decision map…", "正在计算决策图…")), w, h)
		return
	}
	s.view = widget.Fit(s.drawGrid(), w, h)
}

// legend explains the shades (the range they span), the points and the
// selected user.
func (s Model) legend() string {
	g := s.grid
	risk := common.NewRiskWording(experiment.DefaultTarget(s.exp.Pipeline.Label))
	lo, hi := g.Range()
	scale := s.Tf("shade %s [%s] %s (range shown)", "深浅 %s [%s] %s（图中范围）",
		probText(lo, hi, lo), strings.Join(shades, ""), probText(lo, hi, hi))
	if !(hi > lo) {
		scale = s.Tf("shade: %s everywhere", "深浅：处处为 %s", probText(lo, hi, lo))
	}
	self := s.T("◆ selected user", "◆ 选中的用户")
	if g.self.col < 0 {
		self = s.T("selected user off the map", "选中的用户不在图内")
	}
	return fmt.Sprintf("%s · ● %s  ○ %s  %s", scale, risk.Positive, risk.Negative, self)
}

// probText writes a probability of the range lo…hi with enough decimals
// to tell the ends apart.
func probText(lo, hi, p float64) string {
	for _, d := range []int{2, 3, 4} {
		if fmt.Sprintf("%.*f", d, lo) != fmt.Sprintf("%.*f", d, hi) || d == 4 {
			return fmt.Sprintf("%.*f", d, p)
		}
	}
	return ""
}

// drawGrid draws the map: shades for the probability scaled to the range
// shown (coloured after the side of 0.5 when the terminal has colours),
// ● and ○ for users of each class, ◆ for the selected user.
func (s Model) drawGrid() string {
	st, g := s.Styles, s.grid
	risk := common.NewRiskWording(experiment.DefaultTarget(s.exp.Pipeline.Label))
	// The axes name their features (the title named the y feature last,
	// where a narrow screen cut it); the title says what is shaded.
	title := st.Title.Render(s.T("Decision map", "决策图")) + st.Muted.Render(" · "+risk.ProbName())
	yName := strings.Repeat(" ", yLabelW-1) + st.Value.Render("↑ "+g.Y)
	if note := s.T("other features at the selected user's values", "其余特征取选中用户的值"); ansi.StringWidth(yName)+4+ansi.StringWidth(note) <= s.Width {
		yName += "    " + st.Muted.Render(note)
	}
	marks := make(map[[2]int]string, len(g.points)+1)
	for _, p := range g.points {
		if p.positive {
			marks[[2]int{p.row, p.col}] = "●"
		} else if _, taken := marks[[2]int{p.row, p.col}]; !taken {
			marks[[2]int{p.row, p.col}] = "○"
		}
	}
	if g.self.col >= 0 {
		marks[[2]int{g.self.row, g.self.col}] = "◆"
	}
	bands := g.Bands(len(shades))
	lines := []string{common.Truncate(title, s.Width), common.Truncate(st.Muted.Render(s.legend()), s.Width), common.Truncate(yName, s.Width)}
	for r, row := range g.Prob {
		label := ""
		switch r {
		case 0:
			label = widget.FormatValue(g.YHi)
		case len(g.Prob) / 2:
			label = widget.FormatValue((g.YLo + g.YHi) / 2)
		case len(g.Prob) - 1:
			label = widget.FormatValue(g.YLo)
		}
		var b strings.Builder
		b.WriteString(common.PadLeft(label, yLabelW-2) + " ┤")
		// Neighbouring cells of one style are rendered together: a few
		// dozen style runs per row instead of one per cell.
		var run strings.Builder
		runKind := -1
		flush := func() {
			switch runKind {
			case 0:
				b.WriteString(st.Widget.Negative.Render(run.String()))
			case 1:
				b.WriteString(st.Widget.Positive.Render(run.String()))
			case 2:
				b.WriteString(st.Value.Render(run.String()))
			}
			run.Reset()
		}
		for c, p := range row {
			kind, text := 0, shades[bands[r][c]]
			if p >= 0.5 {
				kind = 1
			}
			if m, ok := marks[[2]int{r, c}]; ok {
				kind, text = 2, m
			}
			if kind != runKind {
				flush()
				runKind = kind
			}
			run.WriteString(text)
		}
		flush()
		lines = append(lines, b.String())
	}
	cols := len(g.Prob[0])
	lines = append(lines, strings.Repeat(" ", yLabelW-1)+"└"+strings.Repeat("─", cols))
	lo, mid, hi := widget.FormatValue(g.XLo), widget.FormatValue((g.XLo+g.XHi)/2), widget.FormatValue(g.XHi)
	axis := []rune(strings.Repeat(" ", cols))
	put := func(at int, text string) {
		for i, r := range []rune(text) {
			if at+i >= 0 && at+i < len(axis) {
				axis[at+i] = r
			}
		}
	}
	put(0, lo)
	put(cols/2-len(mid)/2, mid)
	put(cols-len(hi), hi)
	lines = append(lines, strings.Repeat(" ", yLabelW)+string(axis))
	xName := g.X + " →"
	lines = append(lines, st.Value.Render(common.PadLeft(xName, yLabelW+cols)))
	return common.JoinLines(lines)
}
