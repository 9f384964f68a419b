package walkthrough

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkKeyPress measures one neuron change on the weighted-sum step at
// 200×100: a full re-render of the page, the heatmap and the frame.
func BenchmarkKeyPress(b *testing.B) {
	m, _ := fixtureModel(b, "en", 200, 100)
	m = press(m, keyRight, keyRight)
	for b.Loop() {
		m = press(m, keyDown, keyUp)
	}
}

// BenchmarkNew measures opening the walkthrough of retain's default
// 64→32 network: the trace, the demonstration training step and the
// first render at 120×40.
func BenchmarkNew(b *testing.B) {
	exp := wideExperiment(b, 64, 32)
	in, err := NewInput(exp, exp.TrainRows[0])
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		m := New(in, "en", DefaultStyles())
		m.SetSize(120, 40)
	}
}

// BenchmarkStepThrough measures pressing → through every step of the
// default network at 120×40.
func BenchmarkStepThrough(b *testing.B) {
	exp := wideExperiment(b, 64, 32)
	in, err := NewInput(exp, exp.TrainRows[0])
	if err != nil {
		b.Fatal(err)
	}
	m := New(in, "en", DefaultStyles())
	m.SetSize(120, 40)
	_, total := m.Step()
	for b.Loop() {
		m = press(m, keyRight)
		if cur, _ := m.Step(); cur == total-1 {
			m = press(m, tea.KeyPressMsg{Code: 'g', Text: "g"})
		}
	}
}
