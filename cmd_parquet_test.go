package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/internal/shareddata"
)

const sharedDatasets = "../shared/datasets"

// TestInputFileCompletionOffersEveryWorkbook: every flag naming a data or
// log file completes the extensions the readers open, the macro-enabled
// and template workbooks (xlsm, xltx, xltm) with xlsx, gzip-compressed
// text (csv.gz, tsv.gz, txt.gz), and backtest's and cohorts' logs as
// every other command's (they offered only csv, tsv and txt, though they
// read Parquet and workbooks too).
func TestInputFileCompletionOffersEveryWorkbook(t *testing.T) {
	want := "csv\ntsv\ntxt\ncsv.gz\ntsv.gz\ntxt.gz\nparquet\nxlsx\nxlsm\nxltx\nxltm\n:8\n"
	for _, args := range [][]string{{"train", "--data"}, {"train", "--log"}, {"eval", "--data"}, {"tune", "--log"}, {"tui", "--data"},
		{"serve", "--log"}, {"anomalies", "--data"}, {"predict", "--data"}, {"predict", "--log"}, {"plan", "--data"}, {"plan", "--log"},
		{"recommend", "--log"}, {"backtest", "--log"}, {"cohorts", "--log"}} {
		c := newCLI(t)
		if code := c.run(context.Background(), append(append([]string{"__complete"}, args...), "")...); code != exitOK {
			t.Fatalf("%v: exit %d", args, code)
		}
		if got := c.stdout.String(); got != want {
			t.Errorf("%v completes %q, want %q", args, got, want)
		}
	}
}

func TestParquetFileCompletion(t *testing.T) {
	for _, args := range [][]string{{"train", "--log"}, {"train", "--data"}, {"eval", "--log"}, {"predict", "--data"}, {"tui", "--log"}} {
		c := newCLI(t)
		if code := c.run(context.Background(), append(append([]string{"__complete"}, args...), "")...); code != exitOK {
			t.Fatalf("%v: exit %d", args, code)
		}
		if got := c.stdout.String(); !strings.Contains(got, "\nparquet\n") || !strings.HasPrefix(got, "csv\n") {
			t.Errorf("%v completes %q, want csv … parquet", args, got)
		}
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--help"); code != exitOK {
		t.Fatalf("help: exit %d", code)
	}
	for _, want := range []string{"per-user CSV, Parquet or xlsx FILE, - for standard input", "(CSV, whitespace columns, Parquet or xlsx, - for standard input)", "retain train --log online_retail.parquet"} {
		if !strings.Contains(c.stdout.String(), want) {
			t.Errorf("train --help lacks %q", want)
		}
	}
	// The terminal UI refuses "-": its help does not offer it.
	c = newCLI(t)
	if code := c.run(context.Background(), "tui", "--help"); code != exitOK {
		t.Fatalf("tui help: exit %d", code)
	}
	if got := c.stdout.String(); !strings.Contains(got, "(CSV, whitespace columns, Parquet or xlsx)") || strings.Contains(got, "standard input") {
		t.Errorf("tui --help:\n%s", got)
	}
}

func TestParquetTrainLogOnlineRetail(t *testing.T) {
	path := filepath.Join(sharedDatasets, "online_retail", "online_retail.parquet")
	shareddata.Need(t, path)
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", path, "--epochs", "1"); code != exitOK {
		t.Fatalf("exit %d; stderr %s", code, c.stderr.String())
	}
	want := "note: " + path + ": 541,909 lines make 18,536 orders; left out: 9,288 cancelled " +
		"(9,288 for a negative quantity, the first on line 143, column 4), 133,361 without a customer id, " +
		"1,336 stock adjustments (negative quantity at price 0, no customer)\n"
	if !strings.Contains(c.stderr.String(), want) {
		t.Errorf("stderr lacks the load note %q:\n%s", want, c.stderr.String())
	}
	if !strings.Contains(c.stderr.String(), "(order log, cutoff 2011-11-09, horizon 30 days): 3,677 train, 409 validation, 0 test rows (a random split of the customers at the cutoff, stratified by the label, seed 1)\n") {
		t.Errorf("stderr:\n%s", c.stderr.String())
	}
}

// telcoParquet writes the Telco CSV as a Parquet file of text columns
// (blank cells as nulls), so that kinds are inferred from the text as in
// the CSV.
func telcoParquet(t *testing.T) string {
	raw, err := os.ReadFile(filepath.Join(sharedDatasets, "telco_churn", "WA_Fn-UseC_-Telco-Customer-Churn.csv"))
	if err != nil {
		shareddata.Missing(t, filepath.Join(sharedDatasets, "telco_churn", "WA_Fn-UseC_-Telco-Customer-Churn.csv"), err)
	}
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	group := parquet.Group{}
	for _, h := range rows[0] {
		group[h] = parquet.Optional(parquet.String())
	}
	schema := parquet.NewSchema("telco", group)
	col := make([]int, len(rows[0]))
	for j, h := range rows[0] {
		leaf, _ := schema.Lookup(h)
		col[j] = leaf.ColumnIndex
	}
	var buf bytes.Buffer
	w := parquet.NewWriter(&buf, schema, parquet.MaxRowsPerRowGroup(2000))
	for _, r := range rows[1:] {
		row := make(parquet.Row, len(r))
		for j, cell := range r {
			v := parquet.Value{}.Level(0, 0, col[j])
			if strings.TrimSpace(cell) != "" {
				v = parquet.ValueOf(cell).Level(0, 1, col[j])
			}
			row[col[j]] = v
		}
		if _, err := w.WriteRows([]parquet.Row{row}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "telco.data") // recognised by content, not by name
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestParquetTrainAndPredictData(t *testing.T) {
	path := telcoParquet(t)
	model := filepath.Join(t.TempDir(), "m.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", path, "--epochs", "1", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d; stderr %s", code, c.stderr.String())
	}
	if !strings.Contains(c.stderr.String(), "Training on "+path+": 6,339 train, 704 validation, 0 test rows (a random split, stratified by the label, seed 1)\n") {
		t.Errorf("train stderr:\n%s", c.stderr.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--data", path); code != exitOK {
		t.Fatalf("predict: exit %d; stderr %s", code, c.stderr.String())
	}
	if lines := strings.Count(c.stdout.String(), "\n"); lines != 7044 {
		t.Errorf("predict printed %d lines, want a header and 7,043 scores", lines)
	}
}

func TestParquetOpenersKeepRandomAccess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.parquet")
	if err := os.WriteFile(path, []byte("PAR1 not much else PAR1"), 0o600); err != nil {
		t.Fatal(err)
	}
	osOpen := func(p string) (io.ReadCloser, error) { return os.Open(p) }
	// The CLI's opener and the served one over it, as serve builds them.
	src, open := servedSource(experiment.Source{Kind: "log", Path: path}, openWithContext(context.Background(), osOpen))
	f, err := open(src.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ra, ok := f.(io.ReaderAt)
	st, ok2 := f.(interface{ Stat() (fs.FileInfo, error) })
	if !ok || !ok2 {
		t.Fatalf("the opened file (%T) cannot be read at an offset or sized: Parquet would be read into memory", f)
	}
	var tail [4]byte
	if _, err := ra.ReadAt(tail[:], 19); err != nil || string(tail[:]) != "PAR1" {
		t.Errorf("ReadAt: %q, %v", tail, err)
	}
	if info, err := st.Stat(); err != nil || info.Size() != 23 {
		t.Errorf("Stat: %v, %v", info, err)
	}
}
