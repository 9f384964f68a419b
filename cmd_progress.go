package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/retainlab/retain/engine"
)

// barWidth is the width of the live progress bar, as in Keras.
const barWidth = 30

// newProgressPrinter is a progress printer on a's stderr, live when that
// is a terminal.
func newProgressPrinter(a *app) *progressPrinter {
	return &progressPrinter{w: a.stderr, live: a.isTerminal(a.stderr), width: terminalWidth(a.stderr)}
}

// progressPrinter writes Keras-like training progress: one line per epoch,
// and on a terminal a live bar redrawn in place while an epoch runs.
type progressPrinter struct {
	w    io.Writer
	live bool
	// width is the terminal's width (0: unknown): a live line longer than
	// that would wrap, and "\r" would then redraw only its last row.
	width int
	// prevElapsed is the run time at the end of the previous epoch, to tell
	// how long each epoch took.
	prevElapsed time.Duration
	// drawn says a live line is on screen and must be cleared first.
	drawn bool
}

// show prints what a coalescer drained: finished epochs first, then the
// live line of the epoch in progress.
func (p *progressPrinter) show(u engine.Update) {
	for _, e := range u.Epochs {
		p.clear()
		fmt.Fprintln(p.w, p.epochLine(e, u.Latest))
	}
	l := u.Latest
	if p.live && l.State == engine.Running && !l.EpochEnd && l.Batches > 0 && l.Batch < l.Batches {
		p.clear()
		line := liveLine(l)
		if p.width > 1 && len(line) >= p.width {
			line = line[:p.width-1] // the line is ASCII
		}
		fmt.Fprint(p.w, line)
		p.drawn = true
	}
}

// clear removes the live line, if any.
func (p *progressPrinter) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// epochLine formats a finished epoch the way Keras does, with the bar on a
// terminal and without it in logs.
func (p *progressPrinter) epochLine(e engine.EpochStats, l engine.Progress) string {
	if e.Epoch <= 1 || e.Elapsed < p.prevElapsed {
		// A new training run (a second network, a retrain): its clock
		// starts again.
		p.prevElapsed = 0
	}
	took := e.Elapsed - p.prevElapsed
	p.prevElapsed = e.Elapsed
	var b strings.Builder
	fmt.Fprintf(&b, "Epoch %d/%d - ", e.Epoch, l.Epochs)
	if p.live {
		fmt.Fprintf(&b, "%d/%d %s - ", l.Batches, l.Batches, bar(1))
	}
	fmt.Fprintf(&b, "%s", formatSeconds(took))
	if l.Batches > 0 {
		fmt.Fprintf(&b, " %s/step", formatStep(took/time.Duration(l.Batches)))
	}
	fmt.Fprintf(&b, " - loss: %.4f", e.TrainLoss)
	if e.HasAccuracy {
		fmt.Fprintf(&b, " - accuracy: %.4f", e.TrainAcc)
	}
	if e.HasVal {
		fmt.Fprintf(&b, " - val_loss: %.4f", e.ValLoss)
		if e.HasAccuracy {
			fmt.Fprintf(&b, " - val_accuracy: %.4f", e.ValAcc)
		}
		if e.HasAUC {
			fmt.Fprintf(&b, " - val_roc_auc: %.4f", e.ValAUC)
		}
	}
	return b.String()
}

// liveLine is the in-place line of an epoch in progress.
func liveLine(l engine.Progress) string {
	frac := float64(l.Batch) / float64(l.Batches)
	s := fmt.Sprintf("Epoch %d/%d - %d/%d %s - ETA: %s", l.Epoch, l.Epochs, l.Batch, l.Batches, bar(frac),
		formatSeconds(l.ETA))
	if l.BatchCount > 0 {
		s += fmt.Sprintf(" - loss: %.4f", l.BatchLoss)
	}
	return s
}

// bar draws [=====>.....] filled to frac.
func bar(frac float64) string {
	done := int(frac * barWidth)
	done = min(max(done, 0), barWidth)
	var b strings.Builder
	b.WriteByte('[')
	switch {
	case done == barWidth:
		b.WriteString(strings.Repeat("=", barWidth))
	default:
		b.WriteString(strings.Repeat("=", done))
		b.WriteByte('>')
		b.WriteString(strings.Repeat(".", barWidth-done-1))
	}
	b.WriteByte(']')
	return b.String()
}

// formatSeconds prints a duration as Keras does: whole seconds, tenths
// below ten seconds, milliseconds below one.
func formatSeconds(d time.Duration) string {
	s := d.Seconds()
	if s < 1 {
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	if s < 10 {
		return fmt.Sprintf("%.1fs", s)
	}
	return fmt.Sprintf("%.0fs", s)
}

// formatStep prints the time of one batch in ms or µs.
func formatStep(d time.Duration) string {
	if d < time.Millisecond {
		return fmt.Sprintf("%dus", d.Microseconds())
	}
	return fmt.Sprintf("%dms", d.Milliseconds())
}

// watchTraining runs train with a coalescing sink whose news a printer
// shows on its own goroutine, so a slow stderr never holds the trainer up.
func watchTraining(ctx context.Context, t *engine.Trainer, p *progressPrinter) error {
	c := engine.NewCoalescer(2)
	t.SetSink(c)
	defer t.SetSink(nil)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-c.Notify():
				if u, ok := c.Drain(); ok {
					p.show(u)
				}
			case <-stop:
				if u, ok := c.Drain(); ok {
					p.show(u)
				}
				p.clear()
				return
			}
		}
	}()
	err := t.Run(ctx)
	close(stop)
	<-done
	return err
}
