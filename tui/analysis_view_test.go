package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// analysisFixture trains the built-in data for two epochs (seed 1) once,
// then twice more for the Runs screen, and returns a builder of fresh
// models at w×h analysing the last run: copies of a model share chart
// histories, so every view starts from its own.
func analysisFixture(t *testing.T) func(w, h int) Model {
	t.Helper()
	base := loadedModel(t, builtinOptions(), 100, 30)
	first := trainRun(t, base, 2)
	base.trainScr.AddFinished(first)
	second := trainRun(t, base, 3)
	second.Number = 2
	return func(w, h int) Model {
		m := loadedModel(t, builtinOptions(), w, h)
		m.trainScr.AddFinished(first)
		m.trainScr.AddFinished(second)
		return runCmds(t, m, m.analyse(second))
	}
}

func TestGoldenAnalysisScreens(t *testing.T) {
	fresh := analysisFixture(t)
	views := []struct {
		name string
		keys []string
	}{
		{"evaluate_summary", []string{"4"}},
		{"evaluate_threshold", []string{"4", "right", "right", "L"}},
		{"evaluate_curves", []string{"4", "v"}},
		{"evaluate_gains", []string{"4", "v", "v"}},
		{"evaluate_importance", []string{"4", "v", "v", "v"}},
		{"users_table", []string{"5"}},
		{"users_filtered", []string{"5", "b", "c", "c"}},
		{"users_detail", []string{"5", "down", "enter"}},
		{"users_whatif", []string{"5", "down", "w", "down", "down", "right", "right"}},
		{"walkthrough", []string{"5", "down", "6", "right", "right"}},
		{"runs", []string{"7"}},
		{"map", []string{"5", "down", "8"}},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		for _, v := range views {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, w, h), func(t *testing.T) {
				view := screen(pressAll(t, fresh(w, h), v.keys...))
				checkFrame(t, view, w, h)
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// checkFrame asserts that a view fills exactly w×h cells at most.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Fatalf("line %d is %d cells wide, more than %d: %q", i+1, ansi.StringWidth(l), w, l)
		}
	}
}

func TestAnalysisScreensRenderAtEverySize(t *testing.T) {
	fresh := analysisFixture(t)
	var sizes [][2]int
	for w := 20; w <= 300; w += 23 {
		for h := 6; h <= 100; h += 13 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	sizes = append(sizes, [][2]int{{1, 1}, {79, 24}, {80, 23}, {80, 24}, {300, 100}, {81, 25}, {2, 50}, {300, 6}, {110, 30}, {118, 34}}...)
	states := map[string][]string{
		"evaluate": {"4"}, "evaluate curves": {"4", "v"}, "evaluate gains": {"4", "v", "v"}, "evaluate importance": {"4", "v", "v", "v"},
		"users": {"5"}, "users detail": {"5", "enter"}, "users what-if": {"5", "w", "down"},
		"users search": {"5", "/"}, "users export": {"5", "x"}, "walkthrough": {"5", "6"},
		"runs": {"7"}, "map": {"5", "8"}, "full help": {"5", "?"},
	}
	for name, keys := range states {
		m := pressAll(t, fresh(100, 30), keys...)
		for i, sz := range sizes {
			w, h := sz[0], sz[1]
			tm, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			nm := tm.(Model)
			if name != "map" || i%4 == 0 {
				// A new map for the new size, say; the map is recomputed
				// at a quarter of the sizes (the rest show the previous
				// grid, cut to fit), which keeps the race build quick.
				nm = runCmds(t, nm, cmd)
			}
			view := screen(nm)
			if w < 80 || h < 24 {
				if len(strings.Split(view, "\n")) != 1 || ansi.StringWidth(view) > w {
					t.Fatalf("%s at %dx%d: want a one-line notice, got %q", name, w, h, view)
				}
				continue
			}
			lines := strings.Split(view, "\n")
			if len(lines) != h {
				t.Fatalf("%s at %dx%d: %d lines", name, w, h, len(lines))
			}
			for i, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Fatalf("%s at %dx%d: line %d is %d wide", name, w, h, i+1, ansi.StringWidth(l))
				}
			}
		}
	}
}
