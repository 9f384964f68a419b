package data

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/retainlab/retain/internal/shareddata"
)

// BenchmarkOrderLogMemory reports the live heap an OrderLog holds once read
// (heap-MB, after a garbage collection, with the log still referenced): on
// CDNOW master (when the shared data set is there) and on the synthetic
// 500,000-line retail log with items and cancellations.
func BenchmarkOrderLogMemory(b *testing.B) {
	synthetic := syntheticRetailLog(500_000)
	cdnow, cdnowErr := os.ReadFile(cdnowPath)
	for _, tc := range []struct{ name, text string }{{"cdnow", string(cdnow)}, {"synthetic500k", synthetic}} {
		b.Run(tc.name, func(b *testing.B) {
			if tc.name == "cdnow" && cdnowErr != nil {
				shareddata.Missing(b, cdnowPath, cdnowErr)
			}
			var heap float64
			for b.Loop() {
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				log, err := ReadOrderLog(strings.NewReader(tc.text), tc.name, LogOptions{})
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				heap = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
				runtime.KeepAlive(log)
			}
			b.ReportMetric(heap, "heap-MB")
		})
	}
}
