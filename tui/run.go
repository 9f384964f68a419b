package tui

import (
	"context"
	"errors"
	"io"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/tui/exporter"
)

// Options configures the terminal UI.
type Options struct {
	// Source is the data to open at start (the built-in shop when zero).
	Source experiment.Source
	// Config is the initial experiment configuration.
	Config experiment.Config
	// Open opens files the user asks for (data files, exports go through
	// experiment helpers).
	Open experiment.Opener
	// Lang is "en" or "zh": the language of the whole terminal UI.
	Lang string
	// Limits bound what the session may ask of the machine (zero: none).
	Limits experiment.Limits
	// Abusers is the share of abusers planted in the built-in shop
	// whenever it is loaded, with their truth columns excluded from the
	// churn model (0: none, the shop as it always was).
	Abusers float64
	// Served says the TUI runs as a session of `retain serve`: the client at
	// the other end never makes it list the server's folders or write at a
	// path of the client's choosing. Path completion is off, and an export
	// is shown on screen to copy (and sent to the client's clipboard) or,
	// with ExportDir, written there under a generated name.
	Served bool
	// ExportDir is where a served session writes exports, each under a new
	// generated name ("": exports are shown on screen instead). Only used
	// when Served.
	ExportDir string
	// MaxExports and MaxExportBytes bound the files and bytes one served
	// session writes into ExportDir (0: no limit).
	MaxExports     int
	MaxExportBytes int64
	// ExportFolder bounds the bytes in ExportDir, every session's exports
	// together (nil: no limit); the server shares one among its sessions.
	ExportFolder *exporter.Folder
	// Pseudonym, when set, shows and exports keyed hashes of the customer
	// ids instead of the ids (see common.Common.Pseudonym).
	Pseudonym *pseudonym.Key
	// Clipboard reads the clipboard for ctrl+v in a text field (nil: the
	// system's, through xclip, xsel, wl-paste or pbpaste); a served
	// session never reads one.
	Clipboard func() (string, error)
	// Input and Output default to the process's terminal when nil.
	Input  io.Reader
	Output io.Writer
}

// Run opens the TUI and blocks until the user quits or ctx is cancelled.
func Run(ctx context.Context, opts Options) error {
	if err := checkTerminal(opts); err != nil {
		return err
	}
	var progOpts []tea.ProgramOption
	progOpts = append(progOpts, tea.WithContext(ctx))
	if opts.Input != nil {
		progOpts = append(progOpts, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		progOpts = append(progOpts, tea.WithOutput(opts.Output))
	}
	m := NewModel(opts)
	m.setParent(ctx)
	live := m.Live()
	p := tea.NewProgram(live, progOpts...)
	live.SetSend(p.Send)
	_, err := p.Run()
	// Whatever ended the program, no training goroutine outlives Run.
	live.Close()
	if ctx.Err() != nil && errors.Is(err, tea.ErrProgramKilled) {
		// The caller asked to stop (a signal): that is a clean exit.
		return nil
	}
	return err
}
