package experiment

import (
	"fmt"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// Names of the presets taken from the source article.
const (
	// PresetArticle43 is the article's §4.3 case: 100 users with ten
	// behaviour features, "will the user buy within 30 days?" (the
	// built-in textbook population), trained as its §5 code trains.
	PresetArticle43 = "article-4.3"
	// PresetArticle5 is the article's §5 Keras code: Dense 64 relu,
	// Dense 32 relu, Dense 1 sigmoid, Adam, binary cross-entropy, 10
	// epochs, batch 32, no early stopping, features scaled to [0, 1].
	PresetArticle5 = "article-5"
)

// Preset is a named configuration and, for a case that comes with its
// own data, the source it trains on.
type Preset struct {
	Name   string
	Config Config
	// Source is the preset's own data (Kind "" when it keeps the user's).
	Source Source
}

// PresetNames lists the presets in the order the interfaces offer them.
func PresetNames() []string { return []string{PresetArticle43, PresetArticle5} }

// PresetByName returns the preset called name (case-insensitive).
func PresetByName(name string) (Preset, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case PresetArticle5:
		return Preset{Name: PresetArticle5, Config: articleKeras()}, nil
	case PresetArticle43:
		return Preset{Name: PresetArticle43, Config: articleKeras(), Source: Source{Kind: "textbook"}}, nil
	}
	return Preset{}, fmt.Errorf("%w: preset %q (want %s)", engine.ErrConfig, name, strings.Join(PresetNames(), " or "))
}

// articleKeras is the §5 code as retain runs it: model.fit without a
// validation split (so no early stopping) and model.evaluate on held-out
// test rows, here a stratified 20 %; min-max scaling without ln(1+v), no
// calibration, threshold 0.5. Adam's rate is Keras's default, 1e-3.
func articleKeras() Config {
	c := DefaultConfig()
	c.Hidden = []engine.LayerSpec{{Units: 64, Activation: engine.ReLU}, {Units: 32, Activation: engine.ReLU}}
	c.Train.Optimizer = engine.OptimizerConfig{Kind: "adam", LR: 1e-3}
	c.Train.Epochs, c.Train.BatchSize = 10, 32
	c.Train.EarlyStop.Patience = 0
	c.Train.Schedule = engine.ScheduleConfig{}
	c.Train.L2, c.Train.ClipNorm, c.Train.PosWeight, c.Train.AverageEpochs, c.L2Prior, c.L2PriorAlt = 0, 0, 0, 0, 0, 0
	c.Pipeline = data.PipelineOptions{Scale: data.ScaleMinMax}
	c.ValFrac, c.TestFrac = 0, 0.2
	c.CalibFrac, c.Calibration, c.CalibIfPossible = 0, CalibNone, false
	c.Threshold = 0.5
	return c
}
