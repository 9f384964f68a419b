package experiment

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// benchTelco trains briefly on the telco CSV and returns its model file and
// the CSV's bytes.
func benchTelco(b *testing.B) (model, csv []byte) {
	b.Helper()
	needDatasets(b)
	path := filepath.Join(sharedDatasets, telcoFile)
	d, err := Load(Source{Kind: "csv", Path: path, Label: "Churn"}, fileOpener)
	if err != nil {
		b.Fatal(err)
	}
	e, err := New(d, quickConfig(1))
	if err != nil {
		b.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		b.Fatal(err)
	}
	bundle, err := e.Bundle(0.5)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := bundle.Write(&buf); err != nil {
		b.Fatal(err)
	}
	if csv, err = os.ReadFile(path); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes(), csv
}

// BenchmarkReadBundle decodes and validates a telco model file.
func BenchmarkReadBundle(b *testing.B) {
	model, _ := benchTelco(b)
	b.SetBytes(int64(len(model)))
	for b.Loop() {
		if _, err := ReadBundle(bytes.NewReader(model), "m.json"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScoreCSV scores the 7,043 raw telco rows with a read-back model.
func BenchmarkScoreCSV(b *testing.B) {
	model, csv := benchTelco(b)
	bundle, err := ReadBundle(bytes.NewReader(model), "m.json")
	if err != nil {
		b.Fatal(err)
	}
	rows := 0
	for b.Loop() {
		s, err := bundle.ScoreCSV(bytes.NewReader(csv), "telco.csv")
		if err != nil {
			b.Fatal(err)
		}
		rows += len(s.IDs)
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkCrossValidateDefault runs DefaultConfig's 5-fold CV on the
// default built-in population (5,000 users).
func BenchmarkCrossValidateDefault(b *testing.B) {
	d, err := Load(Source{Kind: "builtin"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := CrossValidate(context.Background(), d, DefaultConfig(), 5, nil); err != nil {
			b.Fatal(err)
		}
	}
}
