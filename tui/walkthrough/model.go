package walkthrough

import (
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/engine"
)

// Model is the walkthrough panel for one user. It is a value: Update
// returns the changed copy.
type Model struct {
	walk  *walk
	err   error
	lang  string
	st    Styles
	keys  KeyMap
	steps []step
	cur   int

	// threshold is the shared decision threshold (Input.Threshold,
	// SetThreshold); walk.judgedAt turns it into the one in use.
	threshold float64

	neuron []int // chosen neuron per layer
	col    []int // chosen weight (input index) per layer; −1: the largest gradient
	layer  int   // the layer the gradient and update steps show

	width, height int
	vp            viewport.Model
	// top is the first line the reader scrolled to on the current step;
	// a resize shows it again (clamped), even after a size at which the
	// whole page fitted and the viewport had to start at line 0.
	top    int
	figure string // the heatmap or bar chart drawn beside the text
	page   page
	side   bool   // the figure sits beside the text
	view   string // rendered on every change, so View costs nothing
}

// New builds the walkthrough of in, written in lang ("en" or "zh"; other
// values fall back to English). The numbers are computed here, once; a
// problem (no trained model, a bad row) is shown in the panel.
func New(in Input, lang string, styles Styles) Model {
	m := Model{lang: DetectLang(lang, ""), st: styles, keys: DefaultKeyMap(), threshold: in.Threshold}
	m.vp = viewport.New()
	m.vp.KeyMap = viewport.KeyMap{} // the walkthrough's own keys scroll it
	m.vp.SoftWrap = true
	m.vp.MouseWheelEnabled = true
	m.walk, m.err = newWalk(in)
	if m.err != nil {
		return m
	}
	w := m.walk
	m.steps = buildSteps(w.layerCount(), w.step.After != nil)
	for k, l := range w.net.Layers {
		// Start on the neuron this user excites most: a silent ReLU neuron
		// would make a dull first example.
		best := 0
		for j := range l.Out {
			if w.trace.A[k][j] > w.trace.A[k][best] {
				best = j
			}
		}
		m.neuron = append(m.neuron, best)
		m.col = append(m.col, -1)
	}
	return m
}

// SetInput switches the panel to another user or a retrained experiment,
// keeping the language and size. When the network has the same shape the
// reader stays on the same step with the same neurons chosen, so two users
// can be compared page by page, at the same place on the page.
func (m *Model) SetInput(in Input) {
	next := New(in, m.lang, m.st)
	next.keys = m.keys
	same := m.walk != nil && next.walk != nil && sameShape(m.walk, next.walk) && len(m.steps) == len(next.steps)
	if same {
		next.cur, next.layer, next.top = m.cur, m.layer, m.top
		copy(next.neuron, m.neuron)
		copy(next.col, m.col)
	}
	next.width, next.height = m.width, m.height
	*m = next
	m.refresh(!same)
}

// SetThreshold makes the output page decide at threshold, the one the
// Evaluate screen shares with the Users screen; a value outside (0, 1)
// means the run's own, as on the Users screen.
func (m *Model) SetThreshold(threshold float64) {
	if m.threshold == threshold {
		return
	}
	m.threshold = threshold
	m.refresh(false)
}

// Threshold returns the decision threshold the output page judges at.
func (m Model) Threshold() float64 {
	if m.walk == nil {
		return 0
	}
	return m.walk.judgedAt(m.threshold)
}

// sameShape reports whether two walks have networks of the same layer sizes.
func sameShape(a, b *walk) bool {
	if a.layerCount() != b.layerCount() {
		return false
	}
	for k := range a.net.Layers {
		if a.net.Layers[k].In != b.net.Layers[k].In || a.net.Layers[k].Out != b.net.Layers[k].Out {
			return false
		}
	}
	return true
}

// Lang returns the language the panel is written in.
func (m Model) Lang() string { return m.lang }

// Err returns why no walkthrough could be built (nil when it could).
func (m Model) Err() error { return m.err }

// Step returns the current step (0-based) and the number of steps.
func (m Model) Step() (current, total int) { return m.cur, len(m.steps) }

// Neuron returns the chosen neuron (0-based) of layer k, or −1.
func (m Model) Neuron(k int) int {
	if k < 0 || k >= len(m.neuron) {
		return -1
	}
	return m.neuron[k]
}

// Layer returns the layer (0-based) the current step is about, or −1 for
// steps that belong to no layer.
func (m Model) Layer() int {
	if m.walk == nil || len(m.steps) == 0 {
		return -1
	}
	s := m.steps[m.cur]
	switch {
	case s.perLayer():
		return s.layer
	case s.usesChosenLayer():
		return m.layer
	case s.kind == stepLoss && m.walk.net.Outputs() > 1:
		return m.walk.layerCount() - 1 // several outputs: choose one
	}
	return -1
}

// Weight returns the input index (0-based) of the chosen weight of layer k:
// by default the one with the largest gradient in the chosen neuron's row.
func (m Model) Weight(k int) int {
	if k < 0 || k >= len(m.col) {
		return -1
	}
	if m.col[k] >= 0 || m.walk.step.After == nil {
		return max(m.col[k], 0)
	}
	l := m.walk.net.Layers[k]
	row := m.walk.step.GradW[k][m.neuron[k]*l.In : (m.neuron[k]+1)*l.In]
	// The weight with the largest |gradient|, the first of equal ones.
	largest, _ := engine.LargestTerms(row, 1)
	return largest[0]
}

// KeyMap returns the keys with every binding enabled only when it does
// something on the current step, for the help footer.
func (m Model) KeyMap() KeyMap {
	k := m.keys
	ok := m.walk != nil && len(m.steps) > 0
	k.Next.SetEnabled(ok && m.cur < len(m.steps)-1)
	k.Back.SetEnabled(ok && m.cur > 0)
	k.First.SetEnabled(ok && m.cur > 0)
	layer := m.Layer()
	neurons := ok && layer >= 0 && m.walk.net.Layers[layer].Out > 1
	k.Up.SetEnabled(neurons)
	k.Down.SetEnabled(neurons)
	multi := ok && m.walk.layerCount() > 1
	k.Layer.SetEnabled(multi && (m.steps[m.cur].perLayer() || m.steps[m.cur].usesChosenLayer()))
	cols := ok && m.steps[m.cur].usesChosenLayer()
	k.PrevCol.SetEnabled(cols)
	k.NextCol.SetEnabled(cols)
	scroll := m.vp.TotalLineCount() > m.vp.Height()
	k.PageUp.SetEnabled(scroll)
	k.PageDown.SetEnabled(scroll)
	return k
}

// Update handles keys and the mouse wheel. The root routes them here only
// while the walkthrough is the visible tab.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		m.handleKey(msg)
	case tea.MouseWheelMsg:
		m.vp, _ = m.vp.Update(msg)
		m.scrolled()
	}
	return m, nil
}

// handleKey applies one key press; unknown keys change nothing.
func (m *Model) handleKey(msg tea.KeyPressMsg) {
	keys := m.KeyMap()
	stepBefore := m.cur
	// Models are values: a copy kept by the caller must not see this
	// change through the shared arrays.
	m.neuron, m.col = slices.Clone(m.neuron), slices.Clone(m.col)
	switch {
	case key.Matches(msg, keys.Next):
		m.cur++
	case key.Matches(msg, keys.Back):
		m.cur--
	case key.Matches(msg, keys.First):
		m.cur = 0
	case key.Matches(msg, keys.Up), key.Matches(msg, keys.Down):
		k := m.Layer()
		d := 1
		if key.Matches(msg, keys.Up) {
			d = -1
		}
		m.neuron[k] = min(max(m.neuron[k]+d, 0), m.walk.net.Layers[k].Out-1)
		m.col[k] = -1
	case key.Matches(msg, keys.Layer):
		if m.steps[m.cur].usesChosenLayer() {
			m.layer = (m.layer + 1) % m.walk.layerCount()
		} else {
			m.cur = sameKindInLayer(m.steps, m.cur, m.walk.layerCount())
		}
	case key.Matches(msg, keys.PrevCol), key.Matches(msg, keys.NextCol):
		k := m.layer
		d := 1
		if key.Matches(msg, keys.PrevCol) {
			d = -1
		}
		m.col[k] = min(max(m.Weight(k)+d, 0), m.walk.net.Layers[k].In-1)
	case key.Matches(msg, keys.PageDown):
		m.vp.PageDown()
		m.scrolled()
		return
	case key.Matches(msg, keys.PageUp):
		m.vp.PageUp()
		m.scrolled()
		return
	case msg.String() == "up" || msg.String() == "k":
		m.vp.ScrollUp(1) // no neuron to choose here: the arrows scroll
		m.scrolled()
		return
	case msg.String() == "down" || msg.String() == "j":
		m.vp.ScrollDown(1)
		m.scrolled()
		return
	default:
		return
	}
	m.refresh(m.cur != stepBefore)
}

// scrolled records the reader's place after a scroll and redraws.
func (m *Model) scrolled() {
	m.top = m.vp.YOffset()
	m.view = m.compose()
}

// SetSize sets the panel's size in cells; the reader keeps their place on
// the step (see top).
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.refresh(false)
}

// View returns the panel as rendered by the last change.
func (m Model) View() string { return m.view }

// renderer returns a renderer for the current choices at a text width.
func (m Model) renderer(width int) renderer {
	r := renderer{w: m.walk, st: m.st, lang: m.lang, width: width, neuron: m.neuron, layer: m.layer,
		threshold: m.walk.judgedAt(m.threshold)}
	r.col = make([]int, len(m.col))
	for k := range m.col {
		r.col[k] = m.Weight(k)
	}
	for i, s := range m.steps {
		if s.kind == stepUpdate {
			r.updateStep = i + 1
		}
	}
	return r
}

// render builds the current step's page.
func (r renderer) render(s step) page {
	switch s.kind {
	case stepRaw:
		return r.rawPage()
	case stepInput:
		return r.inputPage()
	case stepAffine:
		return r.affinePage(s.layer)
	case stepActivate:
		return r.activatePage(s.layer)
	case stepLoss:
		return r.lossPage()
	case stepDelta:
		return r.deltaPage(s.layer)
	case stepGrad:
		return r.gradPage()
	case stepUpdate:
		return r.updatePage()
	}
	return r.afterPage()
}

// SetLang writes the panel in lang ("en" or "zh"; other values fall back
// to English), keeping the user, step, neurons and scroll.
func (m *Model) SetLang(lang string) {
	if lang = DetectLang(lang, ""); lang == m.lang {
		return
	}
	m.lang = lang
	if m.width > 0 {
		m.refresh(false)
	}
}
