package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/pflag"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

func TestPipelineFlagsReachTheModel(t *testing.T) {
	users := usersCSV(t, 150)
	out := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--epochs", "1", "--layers", "4", "--out", out,
		"--scale", "robust", "--log1p=false", "--impute", "mean", "--missing-indicators"); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	b, err := experiment.ReadBundle(f, out)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	want := data.PipelineOptions{Scale: data.ScaleRobust, Impute: data.ImputeMean, MissingIndicators: true}
	if b.Pipeline.Options != want {
		t.Errorf("pipeline options %+v, want %+v", b.Pipeline.Options, want)
	}
	for _, tc := range []struct{ flag, value, want string }{
		{"--scale", "log", "retain: --scale \"log\": want minmax, zscore, robust or none\n"},
		{"--impute", "mode", "retain: --impute \"mode\": want median or mean\n"},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), "eval", "--cv", "3", tc.flag, tc.value); code != exitUsage {
			t.Errorf("%s %s: exit %d, want 2", tc.flag, tc.value, code)
		}
		if got := c.stderr.String(); got != tc.want {
			t.Errorf("%s %s: stderr %q, want %q", tc.flag, tc.value, got, tc.want)
		}
	}
}

func TestDefaultPipelineFlagsAreTheDefaultConfig(t *testing.T) {
	var f pipelineFlags
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	f.register(fs)
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	got := cfg
	got.Pipeline = data.PipelineOptions{}
	if err := f.apply(&got); err != nil {
		t.Fatal(err)
	}
	if got.Pipeline != cfg.Pipeline {
		t.Errorf("flags at their defaults give %+v, DefaultConfig has %+v", got.Pipeline, cfg.Pipeline)
	}
}
