package datascreen

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// builtinScreen is the Data screen over the built-in shop data.
func builtinScreen(t *testing.T, c common.Common) Model {
	return loaded(t, c, experiment.Source{Kind: "builtin"}, "")
}

func TestGoldenSchema(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, keys(csvScreen(t, c.Lang, c.Width, c.Height), "down"), c.Width, c.Height)
	})
}

func TestGoldenPreview(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, keys(builtinScreen(t, c), "right"), c.Width, c.Height)
	})
}

func TestGoldenDistributions(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, keys(csvScreen(t, c.Lang, c.Width, c.Height), "right", "right"), c.Width, c.Height)
	})
}

func TestGoldenOrderLogWithWarnings(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := loaded(t, c, experiment.Source{Kind: "log", Path: "orders.csv"}, orderLog())
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

func TestGoldenSeedPromptRefused(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := keys(csvScreen(t, c.Lang, c.Width, c.Height), "s")
		s.SetPromptValue("-1")
		s, _ = s.step(tea.KeyPressMsg{Code: tea.KeyEnter})
		screentest.Golden(t, s, c.Width, c.Height)
	})
}
