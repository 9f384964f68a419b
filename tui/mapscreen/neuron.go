package mapscreen

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/tui/common"
)

// wideDiagram is the width from which the network diagram is drawn beside
// the map, diagramW columns wide; narrower, a neuron's strongest weights
// take one line above the map instead.
const (
	wideDiagram = 160
	diagramW    = 38
)

// diagramWidth is the columns the network diagram takes at width w.
func diagramWidth(w int) int {
	if w >= wideDiagram {
		return diagramW
	}
	return 0
}

// hiddenSizes are the widths of the hidden layers of the network shown.
func (s Model) hiddenSizes() []int {
	if s.exp == nil || s.exp.Net == nil {
		return nil
	}
	layers := s.exp.Net.Layers
	out := make([]int, 0, len(layers)-1)
	for _, l := range layers[:len(layers)-1] {
		out = append(out, l.Out)
	}
	return out
}

// clampNeuron keeps the neuron shaded inside the network shown: the
// output when its layer is gone, the layer's last neuron when it is
// narrower.
func (s *Model) clampNeuron() {
	sizes := s.hiddenSizes()
	switch {
	case s.layer > len(sizes):
		s.layer, s.neuron = 0, 0
	case s.layer > 0:
		s.neuron = min(s.neuron, sizes[s.layer-1]-1)
	}
}

// stepNeuron moves to the next (dir 1) or previous (−1) neuron, through
// every hidden layer in order with the output after the last.
func (s *Model) stepNeuron(dir int) {
	sizes := s.hiddenSizes()
	if len(sizes) == 0 {
		return
	}
	s.neuron += dir
	switch {
	case s.layer == 0 && dir > 0:
		s.layer, s.neuron = 1, 0
	case s.layer == 0:
		s.layer = len(sizes)
		s.neuron = sizes[s.layer-1] - 1
	case s.neuron >= sizes[s.layer-1]:
		s.layer, s.neuron = (s.layer+1)%(len(sizes)+1), 0
	case s.neuron < 0:
		s.layer--
		if s.layer > 0 {
			s.neuron = sizes[s.layer-1] - 1
		} else {
			s.neuron = 0
		}
	}
}

// nextLayer moves to the first neuron of the next hidden layer, the
// output after the last.
func (s *Model) nextLayer() {
	if n := len(s.hiddenSizes()); n > 0 {
		s.layer, s.neuron = (s.layer+1)%(n+1), 0
	}
}

// activationName is an activation as the screen names it.
func activationName(a engine.Activation) string {
	switch a {
	case engine.ReLU:
		return "ReLU"
	case engine.LeakyReLU:
		return "Leaky ReLU"
	default:
		return a.String()
	}
}

// neuronWords names the neuron shaded: "layer 1 · neuron 12 of 64 · ReLU".
func (s Model) neuronWords() string {
	g := s.grid
	k := g.req.layer
	words := s.Tf("layer %d · neuron %d of %d", "第 %d 层 · 神经元 %d / %d", k, g.req.neuron+1, g.net.sizes[k-1])
	return words + " · " + activationName(g.net.acts[k-1])
}

// deadHere says whether the neuron shaded is dead: constant over the
// training rows.
func (s Model) deadHere() bool {
	g := s.grid
	k := g.req.layer - 1
	return k >= 0 && k < len(g.net.dead) && g.req.neuron < len(g.net.dead[k]) && g.net.dead[k][g.req.neuron]
}

// neuronLegend is the legend of a neuron's map: the activation's range
// shaded, whether the neuron is dead, what ┼ would mean, the points and
// the selected user.
func (s Model) neuronLegend(points, self string) []string {
	g := s.grid
	lo, hi := g.Range()
	shade := "[" + strings.Join(shades, "") + "]"
	var scale string
	if hi-lo > engine.DeadTolerance {
		// Always the range shown: an activation has no 0–1 scale, so the
		// output map's a (0–1 / range shown) is not offered here.
		scale = s.Tf("activation: shade %s %s %s (always the range shown: no 0–1 scale)", "激活值：深浅 %s %s %s（始终按图中范围：没有 0–1 标尺）",
			valueText(lo, hi, lo), shade, valueText(lo, hi, hi))
	} else {
		scale = s.Tf("activation: %s everywhere on this map", "激活值：本图处处为 %s", valueText(lo, hi, lo))
	}
	var dead string
	switch {
	case s.deadHere():
		dead = s.T("dead: the same output for every training row and on this whole map", "死神经元：对每个训练行和整张图输出都相同")
	case hi-lo <= engine.DeadTolerance:
		dead = s.T("constant on this map, but not over the training rows", "本图上不变，但在训练行上会变")
	}
	boundary := s.Tf("%s (P = threshold) is drawn on the output's map only", "%s（P = 阈值）只在输出的图上画出", boundaryGlyph)
	items := []string{scale}
	if dead != "" {
		items = append(items, dead)
	}
	return append(items, boundary, points, self)
}

// valueText writes an activation of the range lo…hi with enough decimals
// to tell the ends apart.
func valueText(lo, hi, v float64) string {
	for _, d := range []int{2, 3, 4} {
		if fmt.Sprintf("%.*f", d, lo) != fmt.Sprintf("%.*f", d, hi) || d == 4 {
			return fmt.Sprintf("%.*f", d, v)
		}
	}
	return ""
}

// fromName names the source of an incoming weight: an input's name, or a
// neuron of the layer before.
func (s Model) fromName(i int) string {
	if from := s.grid.net.from; i < len(from) {
		return from[i]
	}
	return s.Tf("neuron %d", "神经元 %d", i+1)
}

// weightsWords are the strongest weights into the neuron shaded (or the
// output), in words: "12 ← +0.84 PageValues, −0.51 ExitRates, …".
func (s Model) weightsWords() string {
	g := s.grid
	var parts []string
	for _, in := range g.net.incoming {
		parts = append(parts, signed(in.W)+" "+s.fromName(in.From))
	}
	who := s.T("output", "输出")
	if g.req.layer > 0 {
		who = fmt.Sprint(g.req.neuron + 1)
	}
	return s.Tf("strongest weights: %s ← %s", "最强的权重：%s ← %s", who, strings.Join(parts, ", "))
}

// signed writes a weight with its sign, a minus sign for negatives.
func signed(w float64) string {
	if w < 0 {
		return fmt.Sprintf("−%.2f", -w)
	}
	return fmt.Sprintf("+%.2f", w)
}

// diagram is the network diagram beside the map, rows lines of diagramW
// columns: a column of neurons per hidden layer (wrapped into several
// when taller than the room), the output last; ● the neuron shaded, ×
// the dead ones, ○ the others; then the strongest weights into the
// neuron shaded, one a line.
func (s Model) diagram(rows int) []string {
	st, g := s.Styles, s.grid
	width := diagramW - 2
	lines := []string{st.Title.Render(s.T("Network", "网络")),
		st.Muted.Render(common.Truncate(s.T("● shaded  × dead  ○ live", "● 图中所示  × 死  ○ 活"), width)),
		st.Muted.Render(common.Truncate(s.layerWidths(), width))}
	var weights []string
	weights = append(weights, "", st.Muted.Render(s.T("strongest weights into", "最强的输入权重，进入")),
		common.Truncate(st.Muted.Render(s.shadedShort()+s.T(":", "：")), width))
	for _, in := range g.net.incoming {
		weights = append(weights, common.Truncate(st.Value.Render(signed(in.W))+" "+s.fromName(in.From), width))
	}
	room := max(rows-len(lines)-1-len(weights), 1)
	// Each layer a block of columns, one glyph per neuron, a gap of two.
	type block struct {
		label string
		cells [][]string // [column][row]
	}
	var blocks []block
	for k, n := range g.net.sizes {
		b := block{label: fmt.Sprint(k + 1)}
		for j := range n {
			if j%room == 0 {
				b.cells = append(b.cells, nil)
			}
			glyph := st.Muted.Render("○")
			if k < len(g.net.dead) && j < len(g.net.dead[k]) && g.net.dead[k][j] {
				glyph = st.Error.Render("×")
			}
			if g.req.layer == k+1 && g.req.neuron == j {
				glyph = st.Title.Render("●")
			}
			c := &b.cells[len(b.cells)-1]
			*c = append(*c, glyph)
		}
		blocks = append(blocks, b)
	}
	out := st.Muted.Render("○")
	if g.req.layer == 0 {
		out = st.Title.Render("●")
	}
	blocks = append(blocks, block{label: s.T("out", "出"), cells: [][]string{{out}}})
	var head strings.Builder
	for _, b := range blocks {
		head.WriteString(b.label + strings.Repeat(" ", max(len(b.cells)-ansi.StringWidth(b.label), 0)+2))
	}
	lines = append(lines, common.Truncate(st.Muted.Render(head.String()), width))
	tallest := 0
	for _, b := range blocks {
		for _, c := range b.cells {
			tallest = max(tallest, len(c))
		}
	}
	for r := range tallest {
		var line strings.Builder
		for _, b := range blocks {
			for _, c := range b.cells {
				if r < len(c) {
					line.WriteString(c[r])
				} else {
					line.WriteString(" ")
				}
			}
			line.WriteString(strings.Repeat(" ", max(ansi.StringWidth(b.label)-len(b.cells), 0)+2))
		}
		lines = append(lines, common.Truncate(line.String(), width))
	}
	lines = append(lines, weights...)
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return lines
}

// shadedShort names the neuron shaded in a few words ("neuron 12 of layer
// 1"), or the output.
func (s Model) shadedShort() string {
	g := s.grid
	if g.req.layer == 0 {
		return s.T("the output", "输出")
	}
	return s.Tf("neuron %d of layer %d", "第 %[2]d 层神经元 %[1]d", g.req.neuron+1, g.req.layer)
}

// layerWidths are the network's widths in words: "10 inputs → 64 → 32 → 1".
func (s Model) layerWidths() string {
	g := s.grid
	parts := []string{s.Tf("%d inputs", "%d 个输入", g.net.inputs)}
	for _, n := range g.net.sizes {
		parts = append(parts, fmt.Sprint(n))
	}
	return strings.Join(append(parts, fmt.Sprint(g.net.outputs)), " → ")
}
