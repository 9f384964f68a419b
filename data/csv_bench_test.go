package data

import (
	"io"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/retainlab/retain/internal/cpuclock"
)

// BenchmarkReadCSV loads the CSV named by RETAIN_BENCH_CSV, e.g. the 1M-row
// synthetic file made by
//
//	/usr/bin/python3 ../shared/reference/gen_data.py 1000000 10 /tmp/gen
//	RETAIN_BENCH_CSV=/tmp/gen/ecom_N1000000_F10.csv go test -run '^$' -bench ReadCSV ./data
//
// With RETAIN_BENCH_WATCH=1 the file is read through Watch, as the TUI and
// a terminal's CLI read it to show its progress, to compare the two.
//
// Besides time it reports the CPU time per load (all threads, GC included),
// the heap the table retains and the bytes allocated per load, both relative
// to the raw float64 size of the cells.
func BenchmarkReadCSV(b *testing.B) {
	path := os.Getenv("RETAIN_BENCH_CSV")
	if path == "" {
		b.Skip("set RETAIN_BENCH_CSV to a CSV file (see the comment) to run this benchmark")
	}
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	load := func() *Table {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		var r io.Reader = f
		if os.Getenv("RETAIN_BENCH_WATCH") != "" {
			r = Watch(f, 125*time.Millisecond, func(Progress) {})
		}
		tab, err := ReadCSV(r, path, CSVOptions{})
		if err != nil {
			b.Fatal(err)
		}
		return tab
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tab := load()
	runtime.GC()
	runtime.ReadMemStats(&after)
	raw := float64(tab.Rows * (len(tab.Columns) + 1) * 8)
	retained := float64(after.HeapAlloc) - float64(before.HeapAlloc)
	allocated := float64(after.TotalAlloc - before.TotalAlloc)
	runtime.KeepAlive(tab)
	tab = nil

	b.SetBytes(info.Size())
	b.ResetTimer()
	cpu := cpuclock.Process()
	for b.Loop() {
		load()
	}
	b.ReportMetric((cpuclock.Process()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(retained/raw, "retained/raw")
	b.ReportMetric(allocated/raw, "allocated/raw")
	b.ReportMetric(raw/1e6, "rawMB")
}
