package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/datascreen"
)

// loadCmd reads a source and prepares it with cfg; the built-in shop gets
// the share abusers of planted abusers (0: none).
func loadCmd(gen int, src experiment.Source, open experiment.Opener, cfg experiment.Config, limits Limits, asked []string, abusers float64) tea.Cmd {
	return func() tea.Msg {
		var d *experiment.Data
		var err error
		if (src.Kind == "builtin" || src.Kind == "") && abusers > 0 {
			d, err = experiment.LoadShopWithAbusers(src, abusers)
		} else {
			d, err = experiment.Load(src, open)
		}
		if err != nil {
			return loadedMsg{gen: gen, err: err, src: src, asked: asked}
		}
		if limits.MaxRows > 0 && d.Table.Rows > limits.MaxRows {
			return loadedMsg{gen: gen, err: &common.LimitError{Source: d.Source, Rows: d.Table.Rows, MaxRows: limits.MaxRows, OnLoad: true}}
		}
		return prepare(gen, d, cfg)
	}
}

// resplitCmd prepares already loaded data again (a new seed or shares).
func resplitCmd(gen int, d *experiment.Data, cfg experiment.Config) tea.Cmd {
	return func() tea.Msg { return prepare(gen, d, cfg) }
}

func prepare(gen int, d *experiment.Data, cfg experiment.Config) loadedMsg {
	exp, err := experiment.Prepare(d, cfg)
	if err != nil {
		return loadedMsg{gen: gen, err: fmt.Errorf("preparing %s: %w", d.Source.Describe(), err)}
	}
	return loadedMsg{gen: gen, data: d, prep: exp, info: datascreen.NewInfo(d, exp, cfg.Seed)}
}
