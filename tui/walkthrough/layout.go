package walkthrough

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/widget"
)

// The panel's layout limits. Below minWidth×minHeight the panel shows a
// one-line notice; a matrix sits beside the text only when the text keeps
// at least sideTextWidth cells, which every formula line fits in.
const (
	minWidth       = 40
	minHeight      = 10
	headerLines    = 4
	sideTextWidth  = 72
	minHeatWidth   = 32
	barsWidth      = 46
	barsRoom       = 16 // the least room the bars keep beside long labels
	barsValueWidth = 8  // a value as the bar chart prints it ("+1.0000")
	inlineHeatMax  = 14 // lines of a heatmap placed under the text
)

// refresh renders the current step at the current size; resetScroll
// starts the text at its top (a new step), otherwise the reader keeps
// their place (a new neuron on the same step).
func (m *Model) refresh(resetScroll bool) {
	w, h := m.width, m.height
	switch {
	case w < minWidth || h < minHeight:
		m.view = widget.Fit(widget.TooSmallFor(w, h, minWidth, minHeight, m.lang == "zh"), w, h)
		return
	case m.err != nil:
		m.view = widget.Fit(strings.Join(widget.WrapStyled(m.err.Error(), w, m.st.Bad), "\n"), w, h)
		return
	}
	s := m.steps[m.cur]
	p := m.renderer(w).render(s)
	textW := w
	m.side = false
	if figW := figureWidth(p); figW > 0 {
		if figW = min(figW, w*2/5); w-figW-3 >= sideTextWidth {
			m.side, textW = true, w-figW-3
			p = m.renderer(textW).render(s)
		}
	}
	bodyH := h - headerLines
	lines := p.body
	switch {
	case m.side:
		m.figure = m.drawFigure(p, w-textW-3, bodyH)
	case figureWidth(p) > 0:
		fig := m.drawFigure(p, textW, min(figureHeight(p), inlineHeatMax))
		lines = append(append(lines, ""), strings.Split(fig, "\n")...)
	}
	m.vp.SetWidth(textW)
	m.vp.SetHeight(bodyH)
	m.vp.SetContentLines(fitLines(lines, textW))
	if resetScroll {
		m.top = 0
	}
	m.vp.SetYOffset(m.top) // the viewport clamps it to the page
	m.page = p
	m.view = m.compose()
}

// fitLines word-wraps every line wider than w (a formula or a table row
// on a very narrow panel), so that the viewport, whose own soft wrap cuts
// through words, never has to.
func fitLines(lines []string, w int) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if ansi.StringWidth(l) <= w {
			out = append(out, l)
			continue
		}
		for _, piece := range strings.Split(ansi.Wrap(l, w, widget.BreakAfter), "\n") {
			out = append(out, ansi.Truncate(piece, w, "…")) // only blanks can remain over
		}
	}
	return out
}

// figureWidth is the width the page's figure would like beside the text
// (0: the page has none).
func figureWidth(p page) int {
	switch {
	case p.heat != nil:
		return max(heatWidth(p.heat), minHeatWidth)
	case p.bars != nil:
		// Room for the longest label whole beside the value and the bars,
		// so one-hot names stay apart when the window is wide.
		label := 0
		for _, b := range p.bars.bars {
			label = max(label, ansi.StringWidth(b.Label))
		}
		return max(barsWidth, label+barsValueWidth+3+barsRoom)
	}
	return 0
}

// figureHeight is the height the page's figure needs to show everything.
func figureHeight(p page) int {
	switch {
	case p.heat != nil:
		return len(p.heat.rows) + 2
	case p.bars != nil:
		return len(p.bars.bars) + 1
	}
	return 0
}

// drawFigure renders the page's heatmap or bar chart at w×h.
func (m Model) drawFigure(p page, w, h int) string {
	if p.heat != nil {
		hm := widget.NewHeatmap(m.st.Widget, p.heat.title, widget.HeatmapText{
			Rows: tr(m.lang, "fig.rows"), Cols: tr(m.lang, "fig.cols"),
			NoValues: tr(m.lang, "fig.heatnone"), TooSmall: tr(m.lang, "fig.heatsmall"),
		})
		hm.SetRows(p.heat.rows)
		hm.SetLabels(p.heat.rowLabels, p.heat.colLabels)
		hm.SetFirst(1) // the labels count from 1
		hm.SetHighlight(p.heat.hiRow, p.heat.hiCol)
		hm.SetSize(w, h)
		return hm.View()
	}
	// The widget's own wording, in the walkthrough's language.
	bars := widget.NewSignedBars(m.st.Widget, widget.BarsText{More: tr(m.lang, "fig.more"), MoreInOrder: tr(m.lang, "fig.moreinorder"),
		NoValues: tr(m.lang, "fig.none"), TooSmall: tr(m.lang, "fig.small")})
	bars.SetBars(p.bars.bars)
	bars.SetBarRoom(barsRoom)
	bars.SetFormat(withSign(column(barValues(p.bars.bars)...)))
	bars.SetSize(w, max(h-1, 0))
	return widget.Fit(m.st.Widget.Title.Render(p.bars.title)+"\n"+bars.View(), w, h)
}

func barValues(bars []widget.Bar) []float64 {
	out := make([]float64, len(bars))
	for i, b := range bars {
		out[i] = b.Value
	}
	return out
}

// heatWidth is the width a heatmap needs to print its values in cells.
func heatWidth(h *heatSpec) int {
	label := 0
	for _, l := range h.rowLabels {
		label = max(label, min(ansi.StringWidth(l), 14))
	}
	cols := 0
	if len(h.rows) > 0 {
		cols = len(h.rows[0])
	}
	return label + 2 + 6*cols
}

// compose joins the header and the body; it is cheap, so scrolling only
// recomposes.
func (m Model) compose() string {
	w, h := m.width, m.height
	if w < minWidth || h < minHeight || m.err != nil {
		return m.view
	}
	header := []string{
		spread(m.st.Phase.Render(m.page.phase), m.st.Muted.Render(m.position()), w),
		spread(m.st.Title.Render(m.page.title), m.st.Muted.Render(m.cohortText(w)), w),
		spread(m.dots(), m.st.Muted.Render(m.focusText()), w),
		m.rule(w),
	}
	body := m.vp.View()
	if m.side {
		sep := strings.TrimSuffix(strings.Repeat(m.st.Rule.Render(" │ ")+"\n", m.vp.Height()), "\n")
		body = lipgloss.JoinHorizontal(lipgloss.Top, body, sep, m.figure)
	}
	return widget.Fit(strings.Join(header, "\n")+"\n"+body, w, h)
}

// spread puts left and right on one line of width w, cutting left first.
func spread(left, right string, w int) string {
	rw := ansi.StringWidth(right)
	if rw >= w {
		return ansi.Truncate(left, w, "…")
	}
	room := w - rw - 1
	if ansi.StringWidth(left) > room {
		left = ansi.Truncate(left, room, "…")
	}
	return left + strings.Repeat(" ", w-ansi.StringWidth(left)-rw) + right
}

// position says whose walkthrough this is and how far along it is.
func (m Model) position() string {
	return tr(m.lang, "hdr.position", m.walk.id, m.cur+1, len(m.steps))
}

// cohortText names the order log's customers the user is one of and
// their cutoff, for the right of the title line: shorter when the long
// form would cut the title at width w, "" when neither fits or for a
// table that is not an order log's.
func (m Model) cohortText(w int) string {
	c := m.walk.cohort()
	if c == nil {
		return ""
	}
	n, at := data.Thousands(m.walk.exp.Data.Table.Rows), c.Cutoff.Format(time.DateOnly)
	for _, key := range []string{"hdr.cohort", "hdr.cohort.short"} {
		if text := tr(m.lang, key, n, at); ansi.StringWidth(m.page.title)+1+ansi.StringWidth(text) <= w {
			return text
		}
	}
	return ""
}

// focusText names the layer and neuron the arrows and tab change.
func (m Model) focusText() string {
	k := m.Layer()
	if k < 0 {
		return ""
	}
	l := m.walk.net.Layers[k]
	s := tr(m.lang, "hdr.layer", k+1, m.walk.layerCount())
	if l.Out > 1 {
		s += " · " + tr(m.lang, "hdr.neuron", m.neuron[k]+1, l.Out)
	}
	if m.steps[m.cur].usesChosenLayer() {
		s += " · " + tr(m.lang, "hdr.weight", m.Weight(k)+1, l.In)
	}
	return s
}

// dots shows progress: one dot per step, the current one ringed.
func (m Model) dots() string {
	var b strings.Builder
	for i := range m.steps {
		switch {
		case i == m.cur:
			b.WriteString(m.st.DotDone.Render("◉"))
		case i < m.cur:
			b.WriteString(m.st.DotDone.Render("●"))
		default:
			b.WriteString(m.st.DotTodo.Render("○"))
		}
	}
	return b.String()
}

// rule is the line under the header; when the text is longer than the
// panel it says so at its right end, so nothing is silently cut.
func (m Model) rule(w int) string {
	hint := ""
	if m.vp.TotalLineCount() > m.vp.Height() {
		switch {
		case m.vp.AtTop():
			hint = tr(m.lang, "hdr.more") + " ↓ pgdn"
		case m.vp.AtBottom():
			hint = "↑ pgup"
		default:
			hint = "↕ " + strconv.Itoa(int(m.vp.ScrollPercent()*100+0.5)) + "%"
		}
		hint = " " + hint + " "
	}
	line := strings.Repeat("─", max(w-ansi.StringWidth(hint)-2, 0)) + hint + "──"
	return m.st.Rule.Render(ansi.Truncate(line, w, ""))
}
