package mapscreen

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// shades are the block characters of the map, lowest band first. The
// lowest is a dot, not a blank, so that the low region reads as drawn
// rather than as missing.
var shades = []string{"·", "░", "▒", "▓", "█"}

// boundaryGlyph marks the cells on the decision boundary.
const boundaryGlyph = "┼"

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
	case s.exp == nil && s.Training > 0 && !s.TrainingPaused:
		s.view = widget.Fit(st.Title.Render(s.NoRunTitle())+"\n"+
			st.Muted.Render(ansi.Wrap(s.Tf("Run %d is training on the Train screen (3); its map appears here when its first epoch ends, and follows it epoch by epoch.",
				"第 %d 次训练正在“训练”页进行（按 3）；第一轮结束后这里会出现它的决策图，并随训练逐轮更新。", s.Training), w, "")), w, h)
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

// decisionThreshold is the threshold the shown run is judged at: the one
// the Evaluate screen shares when it is that run's, else the run's own.
func (s Model) decisionThreshold() float64 {
	var shared float64
	if s.thresholdRun == s.grid.req.run {
		shared = s.threshold
	}
	return s.exp.Config.DecisionThreshold(shared)
}

// title names the map's run and the moment of it whose weights are drawn.
func (s Model) title() string {
	st, req := s.Styles, s.grid.req
	run := s.Tf("run %d", "第 %d 次训练", req.run)
	var when string
	switch req.weights {
	case atEpoch:
		when = s.Tf("epoch %d · training", "第 %d 轮 · 训练中", req.at)
	case atPause:
		when = s.T(fmt.Sprintf("paused after %s", common.Plural(req.at, "batch", "batches")),
			fmt.Sprintf("已暂停（已训练 %d 批）", req.at))
	default:
		when = s.endedWords(req)
	}
	name := st.Title.Render(s.T("Decision map", "决策图"))
	if req.layer > 0 {
		name = st.Title.Render(s.T("Neuron map", "神经元图")) + st.Muted.Render(" · ") + st.Value.Render(s.neuronWords())
	}
	line := name + st.Muted.Render(" · ") + st.Value.Render(run+" · "+when)
	// The population, shortened when it would not fit.
	for _, who := range s.population() {
		if ansi.StringWidth(line)+3+ansi.StringWidth(who) <= s.Width {
			line += st.Muted.Render(" · " + who)
			break
		}
	}
	if !s.grid.calibrated && s.exp.Config.Calibrates() && req.weights != ended && req.layer == 0 {
		line += st.Muted.Render(s.T(" · before calibration", " · 校准前"))
	}
	return line
}

// population names the users whose table the map's dots are drawn from,
// an order log's customers at their cutoff, else the table's users: the
// long form, then a short one for a narrow screen.
func (s Model) population() []string {
	d := s.exp.Data
	if d == nil || d.Table == nil {
		return nil
	}
	n := common.Thousands(d.Table.Rows)
	if d.Cohort != nil {
		at := d.Cohort.Cutoff.Format(time.DateOnly)
		return []string{s.Tf("%s customers at %s", "%[2]s 的 %[1]s 位客户", n, at), s.Tf("%s at %s", "%[2]s 的 %[1]s 位", n, at)}
	}
	return []string{s.Tf("%s users", "%s 位用户", n)}
}

// endedWords says how an ended run ended and which epoch's weights it
// kept.
func (s Model) endedWords(req request) string {
	var how string
	switch req.state {
	case engine.StoppedEarly:
		how = s.T("stopped early", "提前停止")
	case engine.Cancelled:
		how = s.T("stopped", "已停止")
	case engine.Diverged:
		how = s.T("diverged", "已发散")
	default:
		how = s.T("finished", "已完成")
	}
	if req.kept > 0 {
		return s.Tf("%s, kept epoch %d", "%s，保留第 %d 轮", how, req.kept)
	}
	return s.Tf("%s after epoch %d", "%s，共 %d 轮", how, req.at)
}

// legendItems explain the shades, the boundary, the points and the
// selected user, one item each.
func (s Model) legendItems() []string {
	g := s.grid
	risk := common.NewRiskWording(experiment.DefaultTarget(s.exp.Pipeline.Label))
	points, self := s.pointWords(risk)
	if g.req.layer > 0 {
		return s.neuronLegend(points, self)
	}
	lo, hi := g.Range()
	shade := "[" + strings.Join(shades, "") + "]"
	var scale string
	switch {
	case !s.relative:
		scale = s.Tf("%s: shade 0 %s 1, on this map %s–%s", "%s：深浅 0 %s 1，本图 %s–%s",
			risk.ProbName(), shade, probText(lo, hi, lo), probText(lo, hi, hi))
	case hi > lo:
		scale = s.Tf("%s: shade %s %s %s (range shown)", "%s：深浅 %s %s %s（图中范围）",
			risk.ProbName(), probText(lo, hi, lo), shade, probText(lo, hi, hi))
	default:
		scale = s.Tf("%s: %s everywhere", "%s：处处为 %s", risk.ProbName(), probText(lo, hi, lo))
	}
	th := s.decisionThreshold()
	thText := fmt.Sprintf("%.2f", th)
	var boundary string
	switch below, above := g.Sides(th); {
	case above == 0:
		boundary = s.Tf("no boundary on this map: every cell is below the threshold %s", "本图无决策边界：每格都低于阈值 %s", thText)
	case below == 0:
		boundary = s.Tf("no boundary on this map: every cell is at or above the threshold %s", "本图无决策边界：每格都不低于阈值 %s", thText)
	default:
		boundary = s.Tf("%s boundary: P = %s", "%s 决策边界：P = %s", boundaryGlyph, thText)
	}
	return []string{scale, boundary, points, self}
}

// pointWords explain the points and the selected user.
func (s Model) pointWords(risk common.RiskWording) (points, self string) {
	g := s.grid
	points = fmt.Sprintf("● %s  ○ %s", risk.Positive, risk.Negative)
	switch {
	case g.self.col < 0:
		self = s.T("selected user not on the map (a blank value)", "选中的用户不在图内（有空值）")
	case !g.req.listed && g.outside:
		self = s.T("◇ first training row, beyond an axis: drawn at its edge", "◇ 第一个训练行，超出坐标轴：画在边上")
	case !g.req.listed:
		self = s.T("◆ first training row", "◆ 第一个训练行")
	case g.outside:
		self = s.T("◇ selected user, beyond an axis: drawn at its edge", "◇ 选中的用户，超出坐标轴：画在边上")
	default:
		self = s.T("◆ selected user", "◆ 选中的用户")
	}
	return points, self
}

// note says what the background is, and that it does not classify the
// dots.
func (s Model) note() string {
	if !s.grid.req.listed {
		return s.T("Background: every other feature held at the first training row's values. The dots are users at their own values: the background does not classify them.",
			"背景：其余特征都取第一个训练行的值。圆点是各用户按自己的取值画的位置：背景并不给它们分类。")
	}
	return s.T("Background: every other feature held at the selected user's values. The dots are users at their own values: the background does not classify them.",
		"背景：其余特征都取选中用户的值。圆点是各用户按自己的取值画的位置：背景并不给它们分类。")
}

// pack puts items on at most n lines of width w, joined by " · ", and
// drops those that do not fit.
func pack(items []string, w, n int) []string {
	var lines []string
	cur := ""
	for _, it := range items {
		switch {
		case cur == "":
			cur = it
		case ansi.StringWidth(cur)+3+ansi.StringWidth(it) <= w:
			cur += " · " + it
		default:
			lines = append(lines, cur)
			cur = it
		}
		if len(lines) == n {
			return lines
		}
	}
	if cur != "" && len(lines) < n {
		lines = append(lines, cur)
	}
	return lines
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

// head is the lines above the plot, headLines of them: the title, the
// legend and the note on the background sharing the lines between it and
// the y name (the legend first, on up to all but one of them), blank
// lines last when they need fewer.
func (s Model) head() []string {
	st, g, w := s.Styles, s.grid, s.Width
	block := headLines(w, false) - 2
	legend := pack(s.legendItems(), w, max(block-2, 1))
	room := block - len(legend)
	note := strings.Split(ansi.Wrap(s.note(), w, ""), "\n")
	if len(note) > room {
		note = append(note[:room-1], strings.Join(note[room-1:], " "))
	}
	lines := []string{common.Truncate(s.title(), w)}
	for _, l := range append(legend, note...) {
		lines = append(lines, common.Truncate(st.Muted.Render(l), w))
	}
	for len(lines) < block+1 {
		lines = append(lines, "")
	}
	if g.req.layer > 0 && diagramWidth(w) == 0 {
		lines = append(lines, common.Truncate(st.Value.Render(s.weightsWords()), w))
	}
	return append(lines, common.Truncate(strings.Repeat(" ", yLabelW-1)+st.Value.Render("↑ "+g.Y), w))
}

// drawGrid draws the map: shades for the probability (0…1, or the range
// shown), coloured after the side of the decision threshold when the
// terminal has colours, ┼ on the cells of the decision boundary, ● and ○
// for users of each class, ◆ for the selected user (◇ at the edge when
// beyond an axis).
func (s Model) drawGrid() string {
	st, g := s.Styles, s.grid
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
		if g.outside {
			marks[[2]int{g.self.row, g.self.col}] = "◇"
		}
	}
	neuron := g.req.layer > 0
	bands := g.BandsIn(0, 1, len(shades))
	if s.relative || neuron {
		bands = g.Bands(len(shades))
	}
	th := s.decisionThreshold()
	edge := g.Boundary(th)
	if neuron {
		// Activations are not probabilities: no threshold, no boundary,
		// and one colour.
		th = math.Inf(1)
		for _, row := range edge {
			clear(row)
		}
	}
	lines := s.head()
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
			case 3:
				b.WriteString(st.Title.Render(run.String()))
			}
			run.Reset()
		}
		for c, p := range row {
			kind, text := 0, shades[bands[r][c]]
			if p >= th {
				kind = 1
			}
			if edge[r][c] {
				kind, text = 3, boundaryGlyph
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
	if dw := diagramWidth(s.Width); dw > 0 {
		at := headLines(s.Width, neuron)
		for i, l := range s.diagram(len(g.Prob) + footH) {
			if at+i < len(lines) {
				pad := yLabelW + cols - ansi.StringWidth(lines[at+i])
				lines[at+i] += strings.Repeat(" ", max(pad, 0)) + l
			}
		}
	}
	return common.JoinLines(lines)
}
