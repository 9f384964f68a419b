package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		// A fresh model per view: the charts' histories are shared by
		// copies of a model, as there is only ever one live copy.
		fresh := func() Model {
			return loadedModel(t, Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(), Open: screentest.Open}, w, h)
		}
		base := fresh()
		views := []struct {
			name string
			m    func() Model
		}{
			{"data_schema", func() Model { return base }},
			{"data_preview", func() Model { return sendKeys(t, base, "right") }},
			{"data_distributions", func() Model { return sendKeys(t, base, "right", "right") }},
			{"model", func() Model { return sendKeys(t, base, "2") }},
			{"model_refused", func() Model {
				m := sendKeys(t, base, "2", "down", "down", "down", "down", "down", "enter", "backspace", "backspace", "backspace", "backspace", "backspace", "-", "1", "enter")
				return m
			}},
			{"train_idle", func() Model { return sendKeys(t, fresh(), "3") }},
			{"full_help", func() Model { return sendKeys(t, fresh(), "3", "?") }},
		}
		for _, v := range views {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, w, h), func(t *testing.T) {
				view := screen(v.m())
				lines := strings.Split(view, "\n")
				if len(lines) != h {
					t.Fatalf("view has %d lines, want %d", len(lines), h)
				}
				for i, l := range lines {
					if ansi.StringWidth(l) > w {
						t.Fatalf("line %d is %d cells wide, more than %d: %q", i+1, ansi.StringWidth(l), w, l)
					}
				}
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

func TestEverySizeRendersWithoutPanic(t *testing.T) {
	base := loadedModel(t, textbookOptions(), 100, 30)
	var sizes [][2]int
	for w := 20; w <= 300; w += 23 {
		for h := 6; h <= 100; h += 13 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	sizes = append(sizes, [][2]int{{1, 1}, {0, 0}, {79, 24}, {80, 23}, {80, 24}, {300, 100}, {81, 25}, {2, 50}, {300, 6}}...)
	withError := base
	withError.err = errors.New(strings.Repeat("a long error message that wraps ", 8))
	states := map[string]Model{
		"data": sendKeys(t, base, "1"), "model": sendKeys(t, base, "2"), "train": sendKeys(t, base, "3"),
		"prompt": sendKeys(t, base, "1", "o"), "typing": sendKeys(t, base, "2", "enter"),
		"error": withError, "full help": sendKeys(t, base, "1", "?"),
	}
	for tb, m := range states {
		for _, sz := range sizes {
			tm, _ := m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			view := screen(tm.(Model))
			w, h := sz[0], sz[1]
			if w == 0 || h == 0 {
				continue
			}
			lines := strings.Split(view, "\n")
			if w < 80 || h < 24 {
				if len(lines) != 1 || ansi.StringWidth(view) > w {
					t.Fatalf("tab %s at %dx%d: want a one-line notice, got %q", tb, w, h, view)
				}
				continue
			}
			if len(lines) != h {
				t.Fatalf("tab %s at %dx%d: %d lines", tb, w, h, len(lines))
			}
			for i, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Fatalf("tab %s at %dx%d: line %d is %d wide", tb, w, h, i+1, ansi.StringWidth(l))
				}
			}
		}
	}
}
