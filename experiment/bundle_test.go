package experiment

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/engine"
)

// sharedDatasets is the shared data-set folder (../shared/datasets from the
// module root) seen from this package's directory.
var sharedDatasets = filepath.Join("..", "..", "shared", "datasets")

// needDatasets skips a test when the shared data sets are not there.
func needDatasets(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(sharedDatasets); err != nil {
		t.Skipf("shared data sets not available at %s: %v", sharedDatasets, err)
	}
}

func fileOpener(path string) (io.ReadCloser, error) { return os.Open(path) }

// quickConfig is DefaultConfig trained for a few epochs, for tests that need
// a trained network, not a good one.
func quickConfig(epochs int) Config {
	cfg := DefaultConfig()
	cfg.Train.Epochs = epochs
	cfg.TestFrac = 0.2
	return cfg
}

// trained loads src and trains a quick experiment on it.
func trainedOn(t *testing.T, src Source, cfg Config) *Experiment {
	t.Helper()
	d, err := Load(src, fileOpener)
	if err != nil {
		t.Fatal(err)
	}
	return trainedOnData(t, d, cfg)
}

// trainedOnData prepares cfg on d and trains it to the end.
func trainedOnData(t *testing.T, d *Data, cfg Config) *Experiment {
	t.Helper()
	e, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e
}

// encode writes a bundle to memory.
func encodeBundle(t *testing.T, b *Bundle) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBundleRoundTripGivesBitIdenticalPredictions(t *testing.T) {
	e := trainedOn(t, Source{Kind: "builtin", Users: 1500, DataSeed: 7}, quickConfig(3))
	b, err := e.Bundle(0.35)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := time.Parse(time.RFC3339, b.CreatedAt); err != nil || !strings.HasSuffix(b.CreatedAt, "Z") {
		t.Errorf("created_at %q is not UTC RFC 3339", b.CreatedAt)
	}
	first := encodeBundle(t, b)
	back, err := ReadBundle(bytes.NewReader(first), "model.json")
	if err != nil {
		t.Fatal(err)
	}
	if again := encodeBundle(t, back); !bytes.Equal(first, again) {
		t.Error("writing a read-back bundle changes the file")
	}
	net, err := back.Network()
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []Part{TrainPart, ValPart, TestPart} {
		want, _, _, err := e.Scores(part)
		if err != nil {
			t.Fatal(err)
		}
		d, _, _ := e.part(part)
		got := make([]float64, d.Rows)
		engine.NewPredictor(net).PredictFlat(got, nil, d.X, d.Rows)
		for i := range want {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("%s row %d: read-back model gives %v, trained one %v", part, i, got[i], want[i])
			}
		}
	}
	if back.Threshold != 0.35 || back.Label != (BundleLabel{"purchases_next_30d", "yes", "no"}) {
		t.Errorf("threshold %v, label %+v", back.Threshold, back.Label)
	}
	if back.Training.Seed != e.Config.Seed || !reflect.DeepEqual(back.Training.Train, e.Config.Train) {
		t.Errorf("training config %+v, want %+v", back.Training, e.Config)
	}
	if back.ValidationMetrics == nil || back.ValidationMetrics.Rows != e.Val.Rows {
		t.Errorf("validation metrics %+v, want %d rows", back.ValidationMetrics, e.Val.Rows)
	}
	if back.EpochsTrained != 3 || back.TrainRows != e.Train.Rows {
		t.Errorf("epochs %d, train rows %d", back.EpochsTrained, back.TrainRows)
	}
}

func TestBundleRefusesUntrainedNetworkAndBadThreshold(t *testing.T) {
	d, err := Load(Source{Kind: "textbook"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(d, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Bundle(0.5)
	if want := "the network has not finished an epoch of training yet; nothing to save"; err == nil || err.Error() != want {
		t.Errorf("untrained: got %v, want %q", err, want)
	}
	_, err = e.Bundle(1)
	if want := "invalid configuration: threshold must be in (0, 1), got 1"; err == nil || err.Error() != want {
		t.Errorf("threshold 1: got %v, want %q", err, want)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "model.json")
	if err := WriteFileAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "first"); return err }); err != nil {
		t.Fatal(err)
	}
	// A new file gets the mode a shell's > would give it under the umask
	// (TestWrittenFileMode sets the umask).
	shell := filepath.Join(t.TempDir(), "shell.txt")
	if err := os.WriteFile(shell, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	want, err := os.Stat(shell)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != want.Mode().Perm() {
		t.Fatalf("stat: %v, mode %v, want %v", err, info.Mode(), want.Mode())
	}
	// A writer failing half-way leaves the old content and no stray file.
	boom := errors.New("disk on fire")
	err = WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("partial ", 10000))
		return boom
	})
	if !errors.Is(err, boom) || err.Error() != "writing "+path+": disk on fire" {
		t.Errorf("got %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Errorf("after a failed write the file holds %q", got)
	}
	// A failing first write creates nothing at all.
	fresh := filepath.Join(dir, "new.json")
	if err := WriteFileAtomic(fresh, func(io.Writer) error { return boom }); !errors.Is(err, boom) {
		t.Errorf("got %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "model.json" {
		names := []string{}
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only model.json", names)
	}
	// A missing directory is an error, not a panic.
	if err := WriteFileAtomic(filepath.Join(dir, "no", "such.json"), func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}

func TestBundleWithoutValidationRowsSavesANote(t *testing.T) {
	cfg := quickConfig(1)
	cfg.ValFrac, cfg.TestFrac = 0, 0
	b := mustBundle(t, trainedOn(t, Source{Kind: "textbook"}, cfg), 0.5)
	back, err := ReadBundle(bytes.NewReader(encodeBundle(t, b)), "m.json")
	if err != nil {
		t.Fatal(err)
	}
	if back.ValidationMetrics != nil || back.ValidationNote != "no validation rows" || back.ValidationRows != 0 {
		t.Errorf("metrics %v, note %q", back.ValidationMetrics, back.ValidationNote)
	}
}

// TestBundleExplainsAsTheExperimentDoes: the stored baseline is the training
// mean, so a reloaded model gives the same reasons the TUI shows.
func TestBundleExplainsAsTheExperimentDoes(t *testing.T) {
	e := trainedOn(t, Source{Kind: "textbook"}, quickConfig(1))
	var buf bytes.Buffer
	if err := mustBundle(t, e, 0.5).Write(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBundle(&buf, "m.json")
	if err != nil {
		t.Fatal(err)
	}
	x, err := b.Explainer(nil)
	if err != nil {
		t.Fatal(err)
	}
	row, _ := e.Row(e.Split.Validation[0])
	want, err := e.Explainer().Explain(row)
	if err != nil {
		t.Fatal(err)
	}
	got, err := x.Explain(row)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("reloaded explanation %+v\nexperiment's %+v", got, want)
	}
}
