package walkthrough

import "testing"

// BenchmarkKeyPress measures one neuron change on the weighted-sum step at
// 200×100: a full re-render of the page, the heatmap and the frame.
func BenchmarkKeyPress(b *testing.B) {
	m, _ := fixtureModel(b, "en", 200, 100)
	m = press(m, keyRight, keyRight)
	for b.Loop() {
		m = press(m, keyDown, keyUp)
	}
}
