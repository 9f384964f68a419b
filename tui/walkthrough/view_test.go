package walkthrough

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// checkFrame fails unless view is exactly h lines of exactly w cells.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	if w <= 0 || h <= 0 {
		if view != "" {
			t.Fatalf("%d×%d: want an empty view, got %q", w, h, view)
		}
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%d×%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("%d×%d: line %d is %d cells: %q", w, h, i+1, got, ansi.Strip(l))
		}
	}
}

// Every step renders at every size without panicking, always filling the
// panel exactly; below the minimum it shows one line saying so.
func TestEverySizeRendersEveryStep(t *testing.T) {
	exp := fixtureExperiment(t)
	in, err := NewInput(exp, fixtureRow(exp))
	if err != nil {
		t.Fatal(err)
	}
	widths := []int{0, 1, 20, 39, 40, 60, 80, 119, 120, 200, 300}
	heights := []int{0, 1, 6, 9, 10, 24, 40, 100}
	for _, lang := range Languages {
		m := New(in, lang, DefaultStyles())
		_, total := m.Step()
		for range total {
			for _, w := range widths {
				for _, h := range heights {
					m.SetSize(w, h)
					v := m.View()
					checkFrame(t, v, w, h)
					if w >= 16 && h > 0 && (w < minWidth || h < minHeight) {
						if !strings.Contains(ansi.Strip(v), map[string]string{"en": "nlarge", "zh": "放大"}[lang]) || strings.TrimSpace(ansi.Strip(strings.Join(strings.Split(v, "\n")[1:], ""))) != "" {
							t.Fatalf("%d×%d: want the one-line notice, got:\n%s", w, h, ansi.Strip(v))
						}
					}
				}
			}
			m.SetSize(120, 40)
			m = press(m, keyDown, keyTab, keyClose)
			m = press(m, keyRight)
		}
	}
}

// Golden files of the stripped views of the main kinds of step, in both
// languages, at the smallest supported terminal and a common one. Run
// `go test -update` after an intended change and read the diff.
func TestGoldenViews(t *testing.T) {
	exp := fixtureExperiment(t)
	in, err := NewInput(exp, fixtureRow(exp))
	if err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		name  string
		kind  stepKind
		layer int
	}{
		{"01_raw", stepRaw, 0},
		{"02_input", stepInput, 0},
		{"03_z1", stepAffine, 0},
		{"08_output", stepActivate, 2},
		{"09_loss", stepLoss, 0},
		{"11_delta2", stepDelta, 1},
		{"13_gradient", stepGrad, 0},
		{"14_adam", stepUpdate, 0},
	}
	for _, lang := range Languages {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				m := New(in, lang, DefaultStyles())
				m.SetSize(size[0], size[1])
				for _, p := range pages {
					m = goTo(t, m, p.kind, p.layer)
					t.Run(p.name, func(t *testing.T) {
						golden.RequireEqual(t, ansi.Strip(m.View()))
					})
				}
			})
		}
	}
}
