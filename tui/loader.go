package tui

import (
	"fmt"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/datascreen"
)

// loadCmd reads opts.Source with opts.Open and prepares it with cfg, its
// ids pseudonymised when opts.Pseudonym is set (and an error's cells that
// may name someone withheld) and its texts made safe for
// the terminal (terminalSafeData); the built-in shop gets the
// share opts.Abusers of planted abusers (0: none). While a file loads,
// its progress goes to the program with send (loadProgressMsg; nil sends
// nothing), a few times a second.
func loadCmd(gen int, opts Options, cfg experiment.Config, asked []string, send func(tea.Msg)) tea.Cmd {
	src, open, limits, abusers := opts.Source, opts.Open, opts.Limits, opts.Abusers
	return func() tea.Msg {
		var d *experiment.Data
		var err error
		var watch *loadWatch
		if src.Kind == "csv" || src.Kind == "log" {
			watch = newLoadWatch(gen, common.TerminalSafe(filepath.Base(src.Path)), send)
			open = watch.opener(open)
			done := make(chan struct{})
			defer close(done)
			go watch.run(done)
		}
		if (src.Kind == "builtin" || src.Kind == "") && abusers > 0 {
			d, err = experiment.LoadShopWithAbusers(src, abusers)
		} else {
			d, err = experiment.Load(src, open)
		}
		if err != nil {
			// With pseudonyms on (always in a served session) the error
			// quotes no cell that may name someone.
			return loadedMsg{gen: gen, err: experiment.WithholdCells(opts.Pseudonym, err), src: src, asked: asked}
		}
		d.Pseudonymise(opts.Pseudonym)
		terminalSafeData(d)
		if err := limits.CheckLoad(d); err != nil {
			return loadedMsg{gen: gen, err: err}
		}
		if watch != nil {
			watch.splitting()
		}
		return prepare(gen, d, cfg)
	}
}

// withSource is opts reading src.
func withSource(opts Options, src experiment.Source) Options {
	opts.Source = src
	return opts
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
