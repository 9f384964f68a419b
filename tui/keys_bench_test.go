package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/screentest"
)

// The key benchmarks drive the root model as the program does for every
// key press: one Update, then one View. They reproduce the user trial of
// typing into a text field (Tune's budget, Data's open prompt, Users'
// find) and moving through the Users table, at 80×24 on the built-in
// data, with and without a trained, analysed run.

// ctrlU is the key that empties a text field.
var ctrlU = tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}

// benchModel returns the root model at 80×24 on the built-in data; with
// trained, a two-epoch run is trained and analysed first.
func benchModel(b *testing.B, trained bool) Model {
	b.Helper()
	if trained {
		return analysedModel(b, builtinOptions(), 80, 24, 2)
	}
	return loadedModel(b, builtinOptions(), 80, 24)
}

// benchKeys presses setup (running the Cmds the analysis screens answer
// with), then measures one Update and one View per key, cycling through
// keys.
func benchKeys(b *testing.B, trained bool, setup []tea.KeyPressMsg, keys []tea.KeyPressMsg) {
	benchKeysOn(b, benchModel(b, trained), setup, keys)
}

// benchKeysOn is benchKeys on a model of any size.
func benchKeysOn(b *testing.B, m Model, setup []tea.KeyPressMsg, keys []tea.KeyPressMsg) {
	for _, k := range setup {
		var cmd tea.Cmd
		m, cmd = update(b, m, k)
		m = runCmds(b, m, cmd)
	}
	_ = m.View()
	var tm tea.Model = m
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		tm, _ = tm.Update(keys[i%len(keys)])
		_ = tm.(Model).View()
		i++
	}
}

// typing is thirty characters, then ctrl+u to empty the field again.
func typing() []tea.KeyPressMsg {
	var keys []tea.KeyPressMsg
	for _, r := range "abcdefghijklmnopqrstuvwxyz0123" {
		keys = append(keys, screentest.Press(string(r)))
	}
	return append(keys, ctrlU)
}

func presses(ks ...string) []tea.KeyPressMsg {
	out := make([]tea.KeyPressMsg, len(ks))
	for i, k := range ks {
		out[i] = screentest.Press(k)
	}
	return out
}

// downUp is nine ↓ then nine ↑, so the cursor stays within the table.
func downUp() []tea.KeyPressMsg {
	var keys []tea.KeyPressMsg
	for range 9 {
		keys = append(keys, screentest.Press("down"))
	}
	for range 9 {
		keys = append(keys, screentest.Press("up"))
	}
	return keys
}

func BenchmarkKeyTuneBudget(b *testing.B) {
	setup := append(presses("T", "b"), ctrlU)
	b.Run("fresh", func(b *testing.B) { benchKeys(b, false, setup, typing()) })
	b.Run("trained", func(b *testing.B) { benchKeys(b, true, setup, typing()) })
}

func BenchmarkKeyDataOpen(b *testing.B) {
	setup := presses("1", "o")
	b.Run("fresh", func(b *testing.B) { benchKeys(b, false, setup, typing()) })
	b.Run("trained", func(b *testing.B) { benchKeys(b, true, setup, typing()) })
}

func BenchmarkKeyUsersFind(b *testing.B) {
	setup := presses("5", "/")
	b.Run("fresh", func(b *testing.B) { benchKeys(b, false, setup, typing()) })
	b.Run("trained", func(b *testing.B) { benchKeys(b, true, setup, typing()) })
}

func BenchmarkKeyUsersDown(b *testing.B) {
	setup := presses("5")
	b.Run("fresh", func(b *testing.B) { benchKeys(b, false, setup, downUp()) })
	b.Run("trained", func(b *testing.B) { benchKeys(b, true, setup, downUp()) })
}

// BenchmarkKeyModelField types into the Model screen's first field (the
// first hidden layer's width), which the Train screen plans with.
func BenchmarkKeyModelField(b *testing.B) {
	setup := append(presses("2", "enter"), ctrlU)
	b.Run("fresh", func(b *testing.B) { benchKeys(b, false, setup, typing()) })
	b.Run("trained", func(b *testing.B) { benchKeys(b, true, setup, typing()) })
}

// BenchmarkKeyModelDown moves through the Model screen's fields.
func BenchmarkKeyModelDown(b *testing.B) {
	setup := presses("2")
	b.Run("fresh", func(b *testing.B) { benchKeys(b, false, setup, downUp()) })
	b.Run("trained", func(b *testing.B) { benchKeys(b, true, setup, downUp()) })
}

// BenchmarkKeyEvaluateThreshold steps the Evaluate screen's threshold up
// and down (→ and ←) after a run, at 80×24 (paged) and 160×48 (the
// overview on one page, whose layout the keys and help read).
func BenchmarkKeyEvaluateThreshold(b *testing.B) {
	keys := presses("right", "left")
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			benchKeysOn(b, analysedModel(b, builtinOptions(), size[0], size[1], 2), presses("4"), keys)
		})
	}
}

// BenchmarkKeyTrainPace steps the Train screen's pace up and down (+ and
// -) before a run: keys that change nothing the Train screen plans with.
func BenchmarkKeyTrainPace(b *testing.B) {
	setup := presses("3")
	b.Run("fresh", func(b *testing.B) { benchKeys(b, false, setup, presses("+", "-")) })
	b.Run("trained", func(b *testing.B) { benchKeys(b, true, setup, presses("+", "-")) })
}
