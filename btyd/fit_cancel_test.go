package btyd

import (
	"context"
	"errors"
	"runtime"
	"testing"

	"github.com/retainlab/retain/internal/cancelat"
)

// TestFitStopsWhenCancelled: Fit took no context, so the BG/NBD fit of a
// load's --btyd-features (seconds on a large log) ran to its end after the
// load had been cancelled (fixserve's note). FitContext looks at its
// context every fitPollEvery customers of each likelihood and after every
// evaluation. On the CDNOW sample's 2,357 customers (3 chunks per
// likelihood), cancelled after the first chunk (look 2), after the first
// likelihood (look 4) or halfway through the looks of a whole fit, it
// returns context.Canceled within a gradient's worth of looks (each a
// return, no work: eight likelihoods, the optimiser's status and the fit's
// own check), and the optimiser's goroutines have ended.
func TestFitStopsWhenCancelled(t *testing.T) {
	cs, err := Summarize(readCDNOW(t), epochDay(t, "19970101"), epochDay(t, "19970930"))
	if err != nil {
		t.Fatal(err)
	}
	whole := cancelat.New(0)
	want, _, err := FitContext(whole, cs)
	if err != nil {
		t.Fatal(err)
	}
	if p, _, _ := Fit(cs); p != want {
		t.Errorf("FitContext fitted %+v, Fit %+v", want, p)
	}
	looks := whole.Looks()
	const afterCancel = 8 + 2
	if looks < 10*afterCancel {
		t.Fatalf("a whole fit looked at its context %d times, too few to tell an early stop", looks)
	}
	before := runtime.NumGoroutine()
	for _, at := range []int{2, 4, looks / 2} {
		ctx := cancelat.New(at)
		p, _, err := FitContext(ctx, cs)
		if !errors.Is(err, context.Canceled) || p != (Params{}) {
			t.Errorf("cancelled at look %d of %d: %+v, error %v; want no parameters and context.Canceled", at, looks, p, err)
		}
		if n := ctx.Looks(); n > at+afterCancel {
			t.Errorf("cancelled at look %d of %d, the fit looked %d times, want at most %d", at, looks, n, at+afterCancel)
		}
	}
	// The optimiser's goroutines have made their last send when
	// Minimize returns; let them exit (bounded: none may be left waiting).
	for range 1000 {
		if runtime.NumGoroutine() <= before {
			break
		}
		runtime.Gosched()
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after the cancelled fits, %d before", n, before)
	}
}
