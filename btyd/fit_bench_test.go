package btyd

import (
	"context"
	"testing"

	"github.com/retainlab/retain/internal/cpuclock"
)

// BenchmarkFit fits BG/NBD to the CDNOW sample's 2,357 customers
// calibrated on 1997-01-01 … 1997-09-30 (TestFitCDNOWPublished's fit),
// through a cancellable context as a load's feature stage runs it, with
// the CPU time per fit (cpu-s/op, steadier than the wall time on a shared
// machine):
//
//	go test -run '^$' -bench Fit -cpu 1 -count 6 ./btyd
func BenchmarkFit(b *testing.B) {
	cs, err := Summarize(readCDNOW(b), epochDay(b, "19970101"), epochDay(b, "19970930"))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cpu := cpuclock.Process()
	for b.Loop() {
		if _, _, err := FitContext(ctx, cs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuclock.Process()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}
