package data

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/retainlab/retain/internal/cpuclock"
	"github.com/retainlab/retain/internal/shareddata"
)

// BenchmarkReadParquetLog reads UCI Online Retail (541,909 lines) as an
// order log from the shared Parquet file and from the same rows written as
// CSV (by this package's Parquet reader, into a temporary directory), so
// the two paths can be compared:
//
//	go test -run '^$' -bench ReadParquetLog -benchtime 3x ./data
//
// Besides time and bytes allocated per read it reports peak-heap-MB, the
// most heap in use (spans holding objects, live or not yet swept) sampled
// every millisecond while the log is read, and cpu-s/op.
func BenchmarkReadParquetLog(b *testing.B) {
	pq := filepath.Join(datasetsDir, "online_retail", "online_retail.parquet")
	shareddata.Need(b, pq)
	csvPath := filepath.Join(b.TempDir(), "online_retail.csv")
	writeParquetAsCSV(b, pq, csvPath)
	benchReadPeak(b, csvPath, pq, func(f *os.File, name string) (any, error) { return ReadOrderLog(f, name, LogOptions{}) })
}

// BenchmarkReadParquetTable reads the Telco churn table (7,043 rows, 21
// columns) as CSV and as Parquet (written by parquet-go with its default
// page size, one row group) and reports the same figures as
// BenchmarkReadParquetLog.
func BenchmarkReadParquetTable(b *testing.B) {
	csvPath := filepath.Join(datasetsDir, "telco_churn", "WA_Fn-UseC_-Telco-Customer-Churn.csv")
	raw, err := os.ReadFile(csvPath)
	if err != nil {
		shareddata.Missing(b, csvPath, err)
	}
	all, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	header, rows := all[0], blankSpaces(all[1:])
	pq := filepath.Join(b.TempDir(), "telco.parquet")
	err = os.WriteFile(pq, writeParquet(b, typedColumns(header, rows), rows, 0, parquet.PageBufferSize(256<<10)), 0o644)
	if err != nil {
		b.Fatal(err)
	}
	benchReadPeak(b, csvPath, pq, func(f *os.File, name string) (any, error) { return ReadCSV(f, name, CSVOptions{}) })
}

// sampleHeap samples the heap in use every millisecond until the returned
// function is called, which returns the largest sample in bytes.
func sampleHeap() (stop func() float64) {
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	read := func() float64 {
		metrics.Read(samples)
		return float64(samples[0].Value.Uint64() + samples[1].Value.Uint64())
	}
	var (
		wg   sync.WaitGroup
		done = make(chan struct{})
		peak = read()
	)
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				peak = max(peak, read())
			}
		}
	})
	return func() float64 {
		close(done)
		wg.Wait()
		return max(peak, read())
	}
}

// writeParquetAsCSV writes the rows of a Parquet file as CSV, the header
// first, each cell the text the Parquet reader gives it.
func writeParquetAsCSV(b *testing.B, from, to string) {
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	rec, header, read, done, err := openRecords(in, from)
	if err != nil {
		b.Fatal(err)
	}
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	bw := bufio.NewWriter(out)
	w := csv.NewWriter(bw)
	if err := w.Write(header); err != nil {
		b.Fatal(err)
	}
	row := make([]string, len(header))
	for err = read(); err == nil; err = read() {
		for i := range row {
			row[i] = string(rec.field(i))
		}
		if err := w.Write(row); err != nil {
			b.Fatal(err)
		}
	}
	if err := done(err); err != io.EOF {
		b.Fatal(err)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		b.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

// benchReadPeak reads the CSV and the Parquet file with read, reporting
// allocations, CPU seconds and the peak heap sampled during each read.
func benchReadPeak(b *testing.B, csvPath, pq string, read func(*os.File, string) (any, error)) {
	for _, tc := range []struct{ name, path string }{{"csv", csvPath}, {"parquet", pq}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			peak := 0.0
			cpu := cpuclock.Process()
			for b.Loop() {
				runtime.GC()
				stop := sampleHeap()
				f, err := os.Open(tc.path)
				if err != nil {
					b.Fatal(err)
				}
				v, err := read(f, tc.name)
				f.Close()
				if err != nil {
					b.Fatal(err)
				}
				peak = max(peak, stop())
				runtime.KeepAlive(v)
			}
			b.ReportMetric((cpuclock.Process()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(peak/(1<<20), "peak-heap-MB")
		})
	}
}
