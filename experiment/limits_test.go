package experiment

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// hidden is cfg with hidden ReLU layers of the given units.
func hidden(cfg Config, units ...int) Config {
	cfg.Hidden = nil
	for _, u := range units {
		cfg.Hidden = append(cfg.Hidden, engine.LayerSpec{Units: u, Activation: engine.ReLU})
	}
	return cfg
}

func TestCheckNetwork(t *testing.T) {
	limits := Limits{MaxParams: 1_000_000, MaxTrainMemory: 256 << 20}
	def := DefaultConfig() // 64, 32, Adam, batches of 32, decay check
	// The default network fits both default limits of retain serve on a
	// table of 11,000 model inputs…
	if err := limits.CheckNetwork(Shape{Inputs: 11_000, TrainRows: 150_000}, def, 1); err != nil {
		t.Errorf("the default network on 11,000 inputs was refused: %v", err)
	}
	// …and the parameter limit up to 15,000: (15,001·64) + (65·32) + 33 =
	// 962,177 parameters.
	wide := Shape{Inputs: 15_000, TrainRows: 150_000}
	if params, _ := NetworkNeed(wide, def); params != 962_177 {
		t.Fatalf("default network on 15,000 inputs: %d parameters, want 962,177", params)
	}
	if err := (Limits{MaxParams: 1_000_000}).CheckNetwork(wide, def, 1); err != nil {
		t.Errorf("the default network on 15,000 inputs was refused: %v", err)
	}
	var lim *LimitError
	// 16,000 inputs: 1,026,177 parameters.
	err := limits.CheckNetwork(Shape{Inputs: 16_000, TrainRows: 1000}, def, 1)
	if !errors.As(err, &lim) || lim.Params != 1_026_177 || lim.MaxParams != 1_000_000 || lim.AtLeast {
		t.Fatalf("16,000 inputs: %v, want a refusal of 1,026,177 parameters", err)
	}
	if want := "the network would have 1,026,177 parameters; this session allows at most 1,000,000"; err.Error() != want {
		t.Errorf("refusal %q, want %q", err, want)
	}
	// Before the data is loaded, one input counts: a lower bound, said so.
	// (2·4096) + (4097·4096) + 4097 = 16,793,601.
	err = limits.CheckNetwork(Shape{}, hidden(def, 4096, 4096), 1)
	if want := "the network would have at least 16,793,601 parameters; this session allows at most 1,000,000"; err == nil || err.Error() != want {
		t.Errorf("unknown width: %v, want %q", err, want)
	}
	// Few parameters, but a huge batch: memory refuses it.
	big := hidden(def, 4096)
	big.Train.BatchSize = 65536
	err = limits.CheckNetwork(Shape{Inputs: 50, TrainRows: 100_000}, big, 1)
	if !errors.As(err, &lim) || lim.MaxMemory != 256<<20 || lim.Memory < 3<<30 {
		t.Fatalf("batches of 65,536 through 4,096 units: %v, want a memory refusal above 3 GiB", err)
	}
	if want := "training would need about " + data.Bytes(lim.Memory) + " of memory; this session allows at most 256 MiB " +
		"(a smaller batch or fewer units need less)"; err.Error() != want {
		t.Errorf("refusal %q, want %q", err, want)
	}
	// A batch never holds more rows than the training part.
	_, on500 := NetworkNeed(Shape{Inputs: 50, TrainRows: 500}, big)
	batch500 := big
	batch500.Train.BatchSize = 500
	if _, want := NetworkNeed(Shape{Inputs: 50, TrainRows: 100_000}, batch500); on500 != want {
		t.Errorf("batches of 65,536 on 500 rows need %v bytes, want those of batches of 500, %v", on500, want)
	}
	// The decay check trains a second network while it keeps the first.
	noCheck := def
	noCheck.L2PriorAlt = 0
	_, one := NetworkNeed(wide, noCheck)
	if _, two := NetworkNeed(wide, def); !def.ChecksDecay() || noCheck.ChecksDecay() || two != 2*one {
		t.Errorf("with the decay check %v bytes, without %v: want twice as many", two, one)
	}
	// Networks trained at once add up.
	if err := (Limits{MaxTrainMemory: int64(one * 1.5)}).CheckNetwork(wide, noCheck, 2); !errors.As(err, &lim) || lim.Memory != 2*one {
		t.Errorf("two networks at once: %v, want a refusal of %v bytes", err, 2*one)
	}
	if err := (Limits{}).CheckNetwork(Shape{Inputs: 50}, hidden(def, 4096, 4096, 4096), 1); err != nil {
		t.Errorf("no limits, yet refused: %v", err)
	}
}

func TestCheckRefusesRowsThenEpochs(t *testing.T) {
	src := Source{Kind: "log", Path: "o.csv", Cutoff: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), HorizonDays: 30}
	d := &Data{Source: src, Table: &data.Table{Rows: 12_000}}
	cfg := DefaultConfig()
	cfg.Train.Epochs = 900
	var lim *LimitError
	// Both limits are beyond: the rows are said first.
	err := (Limits{MaxRows: 10_000, MaxEpochs: 500}).Check(d, cfg)
	if !errors.As(err, &lim) || lim.Rows != 12_000 || lim.MaxRows != 10_000 || lim.Source.Path != src.Path || lim.OnLoad {
		t.Fatalf("12,000 rows: %v, want a refusal of the rows", err)
	}
	if got := err.Error(); !strings.HasPrefix(got, "o.csv (order log, cutoff 2020-01-02, horizon 30 days) has 12,000 rows") {
		t.Errorf("English refusal %q", got)
	}
	err = (Limits{MaxRows: 12_000, MaxEpochs: 500}).Check(d, cfg)
	if want := "900 epochs asked; this session allows at most 500"; !errors.As(err, &lim) || err.Error() != want {
		t.Errorf("900 epochs: %v, want %q", err, want)
	}
	if err := (Limits{}).Check(d, cfg); err != nil {
		t.Errorf("no limits, yet refused: %v", err)
	}
}

func TestCheckLoadRefusesRowsBeforeTraining(t *testing.T) {
	d := &Data{Source: Source{Kind: "csv", Path: "u.csv"}, Table: &data.Table{Rows: 12_000}}
	var lim *LimitError
	err := (Limits{MaxRows: 10_000, MaxEpochs: 1}).CheckLoad(d)
	if !errors.As(err, &lim) || !lim.OnLoad || lim.Rows != 12_000 || lim.MaxRows != 10_000 {
		t.Fatalf("12,000 rows: %v, want a refusal on load", err)
	}
	if want := "u.csv has 12,000 rows; this session allows at most 10,000 (refused before training)"; err.Error() != want {
		t.Errorf("refusal %q, want %q", err, want)
	}
	for _, l := range []Limits{{}, {MaxRows: 12_000}, {MaxEpochs: 1, MaxParams: 1}} {
		if err := l.CheckLoad(d); err != nil {
			t.Errorf("%+v refused 12,000 rows: %v", l, err)
		}
	}
}

// TestCheckChangeStepsBackWithinTheLimits: on 1,000 inputs, layers of
// 4,096 and 32 units have (1001·4096) + (4097·32) + 33 = 4,231,233
// parameters, beyond a limit of 1,000,000; 1,024 and 32 have
// (1001·1024) + (1025·32) + 33 = 1,057,857, beyond but fewer; 512 and 32
// have (1001·512) + (513·32) + 33 = 528,961, within.
func TestCheckChangeStepsBackWithinTheLimits(t *testing.T) {
	limits := Limits{MaxParams: 1_000_000}
	shape := Shape{Inputs: 1000, TrainRows: 5000}
	def := DefaultConfig()
	beyond, fewer, within := hidden(def, 4096, 32), hidden(def, 1024, 32), hidden(def, 512, 32)
	reseeded := beyond
	reseeded.Seed++
	smallBatch, bigBatch := beyond, beyond
	smallBatch.Train.BatchSize, bigBatch.Train.BatchSize = 16, 5000
	var lim *LimitError
	for _, c := range []struct {
		name      string
		cur, next Config
		refused   int // the parameters refused (0: allowed)
	}{
		{"within to beyond", within, beyond, 4_231_233},
		{"within to within", within, hidden(def, 256, 32), 0},
		{"beyond to the same need", beyond, reseeded, 4_231_233},
		{"beyond to more", beyond, hidden(def, 4096, 64), 4_231_233 + 32*4097 + 32},
		{"beyond to fewer parameters, still beyond", beyond, fewer, 0},
		{"beyond to the same parameters and less memory", beyond, smallBatch, 0},
		{"beyond to the same parameters and more memory", beyond, bigBatch, 4_231_233},
		{"beyond to within", beyond, within, 0},
	} {
		err := limits.CheckChange(shape, c.cur, c.next)
		switch {
		case c.refused == 0 && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.refused > 0 && (!errors.As(err, &lim) || lim.Params != c.refused):
			t.Errorf("%s: %v, want a refusal of %d parameters", c.name, err, c.refused)
		}
	}
}

func TestParallelFitsTheMemoryLimit(t *testing.T) {
	shape := Shape{Inputs: 50, TrainRows: 5000}
	cfg := DefaultConfig()
	_, one := NetworkNeed(shape, cfg)
	for _, c := range []struct {
		maxMemory     int64
		workers, want int
	}{
		{0, 8, 8},                // no limit
		{int64(2.5 * one), 8, 2}, // two and a half networks: two
		{int64(3*one) + 1, 8, 3}, // three fit
		{int64(3*one) + 1, 2, 2}, // never more than the workers
		{int64(one / 2), 8, 1},   // not even one fits: one still trains
	} {
		if got := (Limits{MaxTrainMemory: c.maxMemory}).Parallel(shape, cfg, c.workers); got != c.want {
			t.Errorf("limit %d bytes (%v a network), %d workers: %d, want %d", c.maxMemory, one, c.workers, got, c.want)
		}
	}
}

func TestClampEpochs(t *testing.T) {
	for _, c := range []struct{ maxEpochs, epochs, want int }{
		{0, 900, 900}, {500, 900, 500}, {500, 300, 300}, {500, 500, 500},
	} {
		if got := (Limits{MaxEpochs: c.maxEpochs}).ClampEpochs(c.epochs); got != c.want {
			t.Errorf("%d epochs under a limit of %d: %d, want %d", c.epochs, c.maxEpochs, got, c.want)
		}
	}
}
