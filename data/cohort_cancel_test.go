package data

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/retainlab/retain/internal/cancelat"
)

// TestBuildCohortStopsWhenCancelled: the feature stage took no context, so
// a load cancelled once its log had been read (a new load, the SSH session
// gone) still built every customer's features (fixserve's note). Its
// loops now look at the context every pollEvery orders, lines or
// customers. On the synthetic 100,000-line retail log (items, quantities,
// cancellations: every loop runs), cancelled at each of the looks an
// uncancelled build takes, the build returns context.Canceled at that very
// look, taking none after it (so it does no more chunks of work); and
// uncancelled it builds what BuildCohortWith builds.
func TestBuildCohortStopsWhenCancelled(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(syntheticRetailLog(100_000)), "synthetic.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cutoff := log.LastKnown().AddDate(0, 0, -DefaultHorizonDays)
	want, wantRep, err := BuildCohortWith(log, cutoff, DefaultHorizonDays, CohortOptions{})
	if err != nil {
		t.Fatal(err)
	}
	whole := cancelat.New(0)
	got, rep, err := BuildCohortContext(whole, log, cutoff, DefaultHorizonDays, CohortOptions{})
	if err != nil || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(rep, wantRep) {
		t.Fatalf("the uncancelled build differs from BuildCohortWith's (error %v)", err)
	}
	looks := whole.Looks()
	t.Logf("%d looks: %d orders, %d lines, %d customers", looks, len(log.Orders), len(log.OrderItems), len(log.Customers))
	// Orders twice, lines twice, customers twice at least.
	if min := 2*len(log.Orders)/pollEvery + 2*len(log.OrderItems)/pollEvery + 2*len(log.Customers)/pollEvery; looks < min {
		t.Fatalf("the build looked at its context %d times, want at least %d", looks, min)
	}
	for at := 1; at <= looks; at++ {
		ctx := cancelat.New(at)
		tab, _, err := BuildCohortContext(ctx, log, cutoff, DefaultHorizonDays, CohortOptions{})
		if !errors.Is(err, context.Canceled) || tab != nil {
			t.Errorf("cancelled at look %d of %d: table %v, error %v; want none and context.Canceled", at, looks, tab != nil, err)
		}
		if n := ctx.Looks(); n != at {
			t.Errorf("cancelled at look %d of %d, the build looked %d times, want it to stop at the cancellation", at, looks, n)
		}
	}
}
