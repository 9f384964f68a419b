package walkthrough

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestNextAndBackStayInBounds(t *testing.T) {
	m, _ := fixtureModel(t, "en", 100, 30)
	_, total := m.Step()
	// 2 forward pages + 3 layers × 2 + loss + 3 deltas + grad + update + after.
	if total != 2+3*2+1+3+3 {
		t.Fatalf("%d steps for a 6→4→1 network, want 15", total)
	}
	if m = press(m, keyLeft); m.cur != 0 {
		t.Fatalf("← on the first step moved to %d", m.cur)
	}
	if m.KeyMap().Back.Enabled() || !m.KeyMap().Next.Enabled() {
		t.Error("on the first step, back must be off and next on")
	}
	for i := 1; i < total; i++ {
		m = press(m, keyRight)
		if cur, _ := m.Step(); cur != i {
			t.Fatalf("after %d presses of → the step is %d", i, cur)
		}
	}
	if m = press(m, keyRight, tea.KeyPressMsg{Code: ' ', Text: " "}); m.cur != total-1 {
		t.Fatalf("→ past the last step moved to %d", m.cur)
	}
	if m.KeyMap().Next.Enabled() {
		t.Error("next is advertised on the last step")
	}
	if m = press(m, keyLeft); m.cur != total-2 {
		t.Fatalf("← from the last step went to %d", m.cur)
	}
	if m = press(m, tea.KeyPressMsg{Code: 'g', Text: "g"}); m.cur != 0 {
		t.Fatalf("g went to step %d, want the first", m.cur)
	}
}

func TestNeuronChoiceStaysInItsLayer(t *testing.T) {
	m, exp := fixtureModel(t, "en", 100, 30)
	m = goTo(t, m, stepAffine, 0)
	out := exp.Net.Layers[0].Out
	other := m.Neuron(1)
	for range out + 2 {
		m = press(m, keyDown)
	}
	if got := m.Neuron(0); got != out-1 {
		t.Fatalf("↓ past the last neuron chose %d, want %d", got, out-1)
	}
	for range out + 2 {
		m = press(m, keyUp)
	}
	if got := m.Neuron(0); got != 0 {
		t.Fatalf("↑ past the first neuron chose %d", got)
	}
	if m.Neuron(1) != other {
		t.Errorf("choosing in layer 1 changed layer 2's neuron from %d to %d", other, m.Neuron(1))
	}
	// The output layer has one neuron: the arrows are off there and the
	// help footer does not offer them.
	m = goTo(t, m, stepAffine, 2)
	if m.KeyMap().Down.Enabled() {
		t.Error("↓ is advertised on a one-neuron layer")
	}
	if m = press(m, keyDown); m.Neuron(2) != 0 {
		t.Errorf("↓ on the output layer chose neuron %d", m.Neuron(2))
	}
	// Steps about no layer have no neuron to choose.
	m = press(m, tea.KeyPressMsg{Code: 'g', Text: "g"})
	if m.Layer() != -1 || m.KeyMap().Up.Enabled() {
		t.Error("the first step offers a neuron choice")
	}
}

func TestTabMovesToTheSameStepOfTheNextLayer(t *testing.T) {
	m, _ := fixtureModel(t, "en", 100, 30)
	m = goTo(t, m, stepActivate, 0)
	for _, want := range []int{1, 2, 0} {
		m = press(m, keyTab)
		if s := m.steps[m.cur]; s.kind != stepActivate || s.layer != want {
			t.Fatalf("tab went to step %+v, want the activation of layer %d", s, want+1)
		}
	}
	m = goTo(t, m, stepDelta, 2)
	if m = press(m, keyTab); m.steps[m.cur] != (step{stepDelta, 0}) {
		t.Fatalf("tab from δ₃ went to %+v, want δ₁", m.steps[m.cur])
	}
	m = press(m, tea.KeyPressMsg{Code: 'g', Text: "g"})
	if m = press(m, keyTab); m.cur != 0 || m.KeyMap().Layer.Enabled() {
		t.Error("tab does something on the first step, which belongs to no layer")
	}
}

func TestGradientStepChoosesLayerAndWeight(t *testing.T) {
	m, exp := fixtureModel(t, "en", 100, 30)
	m = goTo(t, m, stepGrad, 0)
	for _, want := range []int{1, 2, 0} {
		if m = press(m, keyTab); m.Layer() != want {
			t.Fatalf("tab on the gradient step chose layer %d, want %d", m.Layer(), want)
		}
	}
	in := exp.Net.Layers[0].In
	for range in + 2 {
		m = press(m, keyClose)
	}
	if m.Weight(0) != in-1 {
		t.Fatalf("] past the last weight chose %d, want %d", m.Weight(0), in-1)
	}
	for range in + 2 {
		m = press(m, keyOpen)
	}
	if m.Weight(0) != 0 {
		t.Fatalf("[ past the first weight chose %d", m.Weight(0))
	}
	// A new neuron starts again at its largest gradient.
	m = press(m, keyDown)
	j := m.Neuron(0)
	l := exp.Net.Layers[0]
	best := 0
	for i := range l.In {
		if abs(m.walk.step.GradW[0][j*l.In+i]) > abs(m.walk.step.GradW[0][j*l.In+best]) {
			best = i
		}
	}
	if m.Weight(0) != best {
		t.Errorf("after choosing neuron %d the weight is %d, want the largest gradient %d", j+1, m.Weight(0)+1, best+1)
	}
	// The choice carries over to the update step.
	m = press(m, keyRight)
	if m.steps[m.cur].kind != stepUpdate || m.Layer() != 0 || m.Neuron(0) != j {
		t.Errorf("the update step shows layer %d neuron %d, want layer 1 neuron %d", m.Layer()+1, m.Neuron(0)+1, j+1)
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestPageKeysScrollLongPages(t *testing.T) {
	m, _ := fixtureModel(t, "en", 80, 20)
	m = goTo(t, m, stepAffine, 0)
	if !m.KeyMap().PageDown.Enabled() {
		t.Fatal("the weighted-sum page fits 80×20, so this test shows nothing")
	}
	top := m.View()
	m = press(m, tea.KeyPressMsg{Code: tea.KeyPgDown})
	if m.vp.YOffset() == 0 || m.View() == top {
		t.Fatal("pgdn did not scroll")
	}
	// A new neuron keeps the reader's place; a new step starts at the top.
	offset := m.vp.YOffset()
	if m = press(m, keyDown); m.vp.YOffset() != offset {
		t.Errorf("choosing a neuron moved the text from line %d to %d", offset, m.vp.YOffset())
	}
	if m = press(m, keyRight); m.vp.YOffset() != 0 {
		t.Errorf("a new step starts at line %d", m.vp.YOffset())
	}
	m = press(m, tea.KeyPressMsg{Code: tea.KeyPgUp})
	if m.vp.YOffset() != 0 {
		t.Errorf("pgup at the top scrolled to %d", m.vp.YOffset())
	}
}

// Switching to another user keeps the page and the chosen neurons, so two
// users can be compared step by step; the numbers are the new user's.
func TestSetInputKeepsThePlace(t *testing.T) {
	m, exp := fixtureModel(t, "zh", 100, 30)
	m = goTo(t, m, stepAffine, 1)
	m = chooseNeuron(m, 0)
	cur, _ := m.Step()
	other := exp.TrainRows[5]
	in, err := NewInput(exp, other)
	if err != nil {
		t.Fatal(err)
	}
	m.SetInput(in)
	if now, _ := m.Step(); now != cur || m.Neuron(1) != 0 || m.Lang() != "zh" {
		t.Fatalf("after SetInput: step %d (was %d), neuron %d, lang %s", now, cur, m.Neuron(1)+1, m.Lang())
	}
	zs, _ := refForward(exp.Net, in.X)
	got, tol := printed(t, m.View(), idx(zSym(1), 0)+" = ")
	near(t, "the new user's "+idx(zSym(1), 0), got, tol, zs[1][0])
	checkFrame(t, m.View(), 100, 30)
}

// "t" does what tab does, for a root that keeps tab for its screens.
func TestTIsAnotherKeyForTheNextLayer(t *testing.T) {
	m, _ := fixtureModel(t, "en", 100, 30)
	m = goTo(t, m, stepAffine, 0)
	if m = press(m, tea.KeyPressMsg{Code: 't', Text: "t"}); m.steps[m.cur] != (step{stepAffine, 1}) {
		t.Fatalf("t went to %+v, want the weighted sum of layer 2", m.steps[m.cur])
	}
}

// The demonstration batch holds the user first, then distinct training
// rows, as many as the batch size allows.
func TestBatchHoldsTheUserAndDistinctTrainingRows(t *testing.T) {
	exp := fixtureExperiment(t)
	for _, size := range []int{1, 2, 8, 200} {
		in, err := NewInput(exp, fixtureRow(exp))
		if err != nil {
			t.Fatal(err)
		}
		in.Batch = size
		m := New(in, "en", DefaultStyles())
		ids := m.walk.batchIDs
		want := min(size, exp.Train.Rows) // the user is a training row
		if len(ids) != want || m.walk.step.Rows != want {
			t.Fatalf("batch %d: %d ids and %d rows, want %d", size, len(ids), m.walk.step.Rows, want)
		}
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				t.Fatalf("batch %d: user %s twice in %v", size, id, ids)
			}
			seen[id] = true
		}
		if ids[0] != exp.Data.Table.IDs()[fixtureRow(exp)] {
			t.Errorf("batch %d starts with %s, not the user", size, ids[0])
		}
	}
}

// Update returns a changed copy and leaves the model it was called on as
// it was, as a value should.
func TestUpdateDoesNotChangeTheOriginal(t *testing.T) {
	m, _ := fixtureModel(t, "en", 100, 30)
	m = goTo(t, m, stepAffine, 0)
	before, view := m.Neuron(0), m.View()
	changed := press(m, keyDown)
	if changed.Neuron(0) == before {
		t.Fatal("↓ did not change the neuron, so this test shows nothing")
	}
	if m.Neuron(0) != before || m.View() != view {
		t.Errorf("the original model changed: neuron %d → %d", before+1, m.Neuron(0)+1)
	}
}

// TestResizeKeepsTheReadersPlace: a resize keeps the first line the reader
// scrolled to, clamped while the page fits, and restores it at the old size.
func TestResizeKeepsTheReadersPlace(t *testing.T) {
	m, _ := fixtureModel(t, "en", 80, 24)
	m = goTo(t, m, stepInput, 0) // 42 lines at 80×24, 20 of them shown
	pgDown := tea.KeyPressMsg{Code: tea.KeyPgDown}
	m = press(m, keyDown, keyDown, keyDown) // ↓ scrolls here: no neuron to choose
	if m.vp.YOffset() != 3 {
		t.Fatalf("three ↓ scrolled to line %d, want 3", m.vp.YOffset())
	}
	m.SetSize(81, 24)
	if m.vp.YOffset() != 3 {
		t.Fatalf("a resize to 81×24 moved the first line to %d, want 3", m.vp.YOffset())
	}
	m.SetSize(200, 60) // the whole page fits: the viewport starts at 0
	if m.vp.YOffset() != 0 {
		t.Fatalf("at 200×60 the first line is %d, want 0 (the page fits)", m.vp.YOffset())
	}
	m.SetSize(80, 24)
	if m.vp.YOffset() != 3 {
		t.Fatalf("back at 80×24 the first line is %d, want the reader's 3", m.vp.YOffset())
	}
	m = press(m, pgDown, keyRight)
	if m.vp.YOffset() != 0 {
		t.Fatalf("a new step starts at line %d, want 0", m.vp.YOffset())
	}
}
