package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestSourceDateEpochPinsTheModelFile: with SOURCE_DATE_EPOCH set, two
// trainings with the same seed write byte-identical model files whose
// created_at is that second (1700000000 s is 2023-11-14T22:13:20Z: `date -u
// -d @1700000000`); without it the files differ only by the clock.
func TestSourceDateEpochPinsTheModelFile(t *testing.T) {
	dir := t.TempDir()
	train := func(name string) []byte {
		c := newCLI(t)
		c.app.env = func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return "1700000000"
			}
			return ""
		}
		out := filepath.Join(dir, name)
		args := []string{"train", "--builtin-users", "300", "--epochs", "2", "--seed", "7", "--out", out}
		if code := c.run(context.Background(), args...); code != 0 {
			t.Fatalf("exit %d: %s", code, c.stderr.String())
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a, b := train("a.json"), train("b.json")
	if !bytes.Equal(a, b) {
		t.Fatal("same seed and SOURCE_DATE_EPOCH, different model files")
	}
	if !bytes.Contains(a, []byte(`"created_at": "2023-11-14T22:13:20Z"`)) {
		t.Fatalf("created_at not the epoch's: %.300s", a)
	}
}

// TestSourceDateEpochMalformedRefusedBeforeTraining: a value that is not
// a whole number of seconds is refused with exit 2 before any training,
// and writes no file; without --out it is not read.
func TestSourceDateEpochMalformedRefusedBeforeTraining(t *testing.T) {
	for _, cmd := range []string{"train", "tune"} {
		out := filepath.Join(t.TempDir(), "m.json")
		args := []string{cmd, "--builtin-users", "300", "--out", out}
		if cmd == "tune" {
			args = append(args, "--trials", "1")
		}
		c := newCLI(t)
		c.app.env = func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return "yesterday"
			}
			return ""
		}
		want := "retain: SOURCE_DATE_EPOCH=\"yesterday\": want a whole number of seconds since 1970-01-01 UTC, from 0 to 253402300799\n"
		if code := c.run(context.Background(), args...); code != exitUsage || c.stderr.String() != want {
			t.Errorf("%s: exit %d, stderr %q; want 2, %q", cmd, code, c.stderr.String(), want)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: a model file was written (%v)", cmd, err)
		}
	}
}
