package data

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/internal/cpuclock"
)

// BenchmarkBuildCohort turns an already read order log into its cohort
// (the default feature set, 30-day horizon, the default cutoff: the last
// date minus the horizon), the feature stage of a load, through a
// cancellable context as the TUI's loads run it, on CDNOW master, UCI
// Online Retail (Parquet) and the synthetic 500,000-line retail log, each
// when present, with the CPU time per build (cpu-s/op, steadier than the
// wall time on a shared machine):
//
//	go test -run '^$' -bench BuildCohort -cpu 1 -count 6 ./data
func BenchmarkBuildCohort(b *testing.B) {
	for _, tc := range []struct{ name, path, text string }{
		{name: "cdnow", path: cdnowPath},
		{name: "online_retail", path: filepath.Join(datasetsDir, "online_retail", "online_retail.parquet")},
		{name: "synthetic500k", text: syntheticRetailLog(500_000)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			log := benchLog(b, tc.path, tc.text)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			cutoff := log.LastKnown().AddDate(0, 0, -DefaultHorizonDays)
			cpu := cpuclock.Process()
			for b.Loop() {
				if _, _, err := BuildCohortContext(ctx, log, cutoff, DefaultHorizonDays, CohortOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cpuclock.Process()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// benchLog reads the order log at path, or in text when path is "".
func benchLog(b *testing.B, path, text string) *OrderLog {
	b.Helper()
	var log *OrderLog
	var err error
	if path == "" {
		log, err = ReadOrderLog(strings.NewReader(text), "synthetic.csv", LogOptions{})
	} else {
		f, openErr := os.Open(path)
		if openErr != nil {
			b.Skipf("shared data set not found: %v", openErr)
		}
		defer f.Close()
		log, err = ReadOrderLog(f, filepath.Base(path), LogOptions{})
	}
	if err != nil {
		b.Fatal(err)
	}
	return log
}
