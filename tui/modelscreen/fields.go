package modelscreen

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// field is one editable setting of the Model screen. set parses typed
// text and refuses it with a reason; step moves to the neighbouring common
// value (dir is +1 or -1).
type field struct {
	// section is the heading drawn above the field ("" for none): the
	// first field of a group has it.
	section string
	label   string
	layer   int // 1-based hidden layer, 0 for other settings
	hint    string
	get     func(c experiment.Config) string
	set     func(c *experiment.Config, text string) error
	step    func(c *experiment.Config, dir int)
}

// Common values the arrow keys step through.
var (
	lrSteps       = []float64{1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1}
	batchSteps    = []float64{1, 8, 16, 32, 64, 128, 256, 512, 1024}
	workerSteps   = []float64{0, 1, 2, 4, 8, 16, 32, 64}
	epochSteps    = []float64{1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 500}
	unitSteps     = []float64{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024}
	l2Steps       = []float64{0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1}
	weightSteps   = []float64{0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 10}
	patienceSteps = []float64{0, 2, 3, 5, 10, 20, 50}
	valSteps      = []float64{0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5}
	activations   = []engine.Activation{engine.ReLU, engine.LeakyReLU, engine.Tanh, engine.Sigmoid, engine.Linear}
	optimizers    = []string{"adam", "sgd"}
)

// Upper bounds that keep a typo from asking for hours of training.
const (
	maxUnits    = 4096
	maxBatch    = 1 << 16
	maxWorkers  = 256
	maxEpochs   = 100000
	maxPatience = 10000
)

// stepThrough returns the next common value above (dir > 0) or below cur.
func stepThrough(values []float64, cur float64, dir int) float64 {
	if dir > 0 {
		for _, v := range values {
			if v > cur*(1+1e-9) {
				return v
			}
		}
		return values[len(values)-1]
	}
	for _, v := range slices.Backward(values) {
		if v < cur*(1-1e-9) || (cur > 0 && v == 0) {
			return v
		}
	}
	return values[0]
}

func parseFloat(c common.Common, text string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if errors.Is(err, strconv.ErrRange) {
		return 0, errors.New(c.T("out of range: too large (beyond about 1.8e308)", "超出范围：太大（超过约 1.8e308）"))
	}
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New(c.T("not a number", "不是数字"))
	}
	return v, nil
}

func parseInt(c common.Common, text string) (int, error) {
	v, err := strconv.Atoi(strings.TrimSpace(text))
	if errors.Is(err, strconv.ErrRange) {
		// A whole number, just too long for an int: Atoi gives the
		// nearest int, which every field's range check then refuses
		// with the range, as it refuses 5000.
		return v, nil
	}
	if err != nil {
		return 0, errors.New(c.T("not a whole number", "不是整数"))
	}
	return v, nil
}

// refuse is a refusal in the interface's language.
func refuse(c common.Common, en, zh string) error { return errors.New(c.T(en, zh)) }

// intField builds a whole-number setting within [lo, hi].
func intField(com common.Common, label, hint string, lo, hi int, steps []float64, ptr func(c *experiment.Config) *int) field {
	return field{
		label: label, hint: hint,
		get: func(c experiment.Config) string { return strconv.Itoa(*ptr(&c)) },
		set: func(c *experiment.Config, text string) error {
			v, err := parseInt(com, text)
			if err != nil {
				return err
			}
			if v < lo || v > hi {
				return errors.New(com.Tf("must be from %s to %s", "必须在 %s 到 %s 之间", common.Thousands(lo), common.Thousands(hi)))
			}
			*ptr(c) = v
			return nil
		},
		step: func(c *experiment.Config, dir int) {
			*ptr(c) = min(max(int(stepThrough(steps, float64(*ptr(c)), dir)), lo), hi)
		},
	}
}

// floatField builds a real setting; check says why a value is refused.
func floatField(com common.Common, label, hint string, steps []float64, check func(float64) error, ptr func(c *experiment.Config) *float64) field {
	return field{
		label: label, hint: hint,
		get: func(c experiment.Config) string { return widget.FormatValue(*ptr(&c)) },
		set: func(c *experiment.Config, text string) error {
			v, err := parseFloat(com, text)
			if err != nil {
				return err
			}
			if err := check(v); err != nil {
				return err
			}
			*ptr(c) = v
			return nil
		},
		step: func(c *experiment.Config, dir int) { *ptr(c) = stepThrough(steps, *ptr(c), dir) },
	}
}

// fields lists the settings for cfg in the language of com: two per
// hidden layer, then training, then the preprocessing. shape is the loaded
// data's training rows and inputs (zero until loaded), for the decay a
// prior gives.
func fields(com common.Common, cfg experiment.Config, limits experiment.Limits, shape experiment.Shape) []field {
	rows := shape.TrainRows
	var out []field
	for i := range cfg.Hidden {
		out = append(out, layerUnits(com, i), layerActivation(com, i))
	}
	epochCap, epochHint := maxEpochs, com.T("passes over the data", "遍历数据的次数")
	if limits.MaxEpochs > 0 {
		epochCap = limits.MaxEpochs
		epochHint = com.Tf("≤ %s: session limit", "≤ %s：本会话上限", common.Thousands(epochCap))
	}
	out = append(out,
		field{
			section: com.T("Training", "训练"),
			label:   com.T("Optimiser", "优化器"), hint: com.T("adam or sgd", "adam 或 sgd"),
			get: func(c experiment.Config) string { return c.Train.Optimizer.Kind },
			set: func(c *experiment.Config, text string) error {
				t := strings.ToLower(strings.TrimSpace(text))
				if !slices.Contains(optimizers, t) {
					return refuse(com, "choose adam or sgd", "请选择 adam 或 sgd")
				}
				c.Train.Optimizer = engine.OptimizerConfig{Kind: t, LR: c.Train.Optimizer.LR}
				return nil
			},
			step: func(c *experiment.Config, dir int) {
				c.Train.Optimizer = engine.OptimizerConfig{Kind: cycle(optimizers, c.Train.Optimizer.Kind, dir), LR: c.Train.Optimizer.LR}
			},
		},
		floatField(com, com.T("Learning rate", "学习率"), com.T("> 0 and ≤ 10", "> 0 且 ≤ 10"), lrSteps, func(v float64) error {
			if v <= 0 || v > 10 {
				return refuse(com, "must be above 0 and at most 10", "必须大于 0 且不超过 10")
			}
			return nil
		}, func(c *experiment.Config) *float64 { return &c.Train.Optimizer.LR }))
	out = append(out, sgdFields(com, cfg)...)
	out = append(out,
		intField(com, com.T("Batch size", "批大小"), com.T("rows per step", "每步的行数"), 1, maxBatch, batchSteps, func(c *experiment.Config) *int { return &c.Train.BatchSize }),
		intField(com, com.T("Workers", "并行工作数"), com.T("per batch ≥ 256 rows; 0 = one per core", "批 ≥ 256 行时；0 = 每核一个"), 0, maxWorkers, workerSteps,
			func(c *experiment.Config) *int { return &c.Train.Workers }),
		limitedField(com, intField(com, com.T("Epochs", "轮数"), epochHint, 1, epochCap, epochSteps, func(c *experiment.Config) *int { return &c.Train.Epochs }),
			limits.MaxEpochs),
		l2Field(com, cfg, shape))
	out = append(out, decayCheckFields(com, cfg, rows)...)
	out = append(out,
		floatField(com, com.T("Positive weight", "正类权重"), com.T("1 = unweighted", "1 = 不加权"), weightSteps, func(v float64) error {
			if v <= 0 || v > 1000 {
				return refuse(com, "must be above 0 and at most 1000", "必须大于 0 且不超过 1000")
			}
			return nil
		}, posWeight),
		intField(com, com.T("Early stop patience", "提前停止耐心"), com.T("0 = off", "0 = 关闭"), 0, maxPatience, patienceSteps, func(c *experiment.Config) *int { return &c.Train.EarlyStop.Patience }),
	)
	out = append(out, scheduleFields(com, cfg)...)
	out = append(out,
		floatField(com, com.T("Validation share", "验证集比例"), com.T("0 to 0.5", "0 到 0.5"), valSteps, func(v float64) error {
			if v < 0 || v > 0.5 {
				return refuse(com, "must be from 0 to 0.5", "必须在 0 到 0.5 之间")
			}
			return nil
		}, func(c *experiment.Config) *float64 { return &c.ValFrac }),
		field{
			label: com.T("Seed", "随机种子"), hint: com.T("split, weights, shuffles", "划分、权重、打乱"),
			get: func(c experiment.Config) string { return strconv.FormatUint(c.Seed, 10) },
			set: func(c *experiment.Config, text string) error {
				v, err := strconv.ParseUint(strings.TrimSpace(text), 10, 64)
				if errors.Is(err, strconv.ErrRange) {
					return refuse(com, "must be from 0 to 18,446,744,073,709,551,615", "必须在 0 到 18,446,744,073,709,551,615 之间")
				}
				if err != nil {
					return refuse(com, "must be a whole number ≥ 0", "必须是 ≥ 0 的整数")
				}
				c.Seed = v
				return nil
			},
			step: func(c *experiment.Config, dir int) {
				if dir > 0 || c.Seed > 0 {
					c.Seed = uint64(int64(c.Seed) + int64(dir))
				}
			},
		},
	)
	return append(out, prepFields(com)...)
}

// posWeight shows an unset weight (0, which the engine treats as 1) as 1.
func posWeight(c *experiment.Config) *float64 {
	if c.Train.PosWeight == 0 {
		c.Train.PosWeight = 1
	}
	return &c.Train.PosWeight
}

func layerUnits(com common.Common, i int) field {
	f := intField(com, com.Tf("Layer %d units", "第 %d 层单元数", i+1), com.T("1 to 4,096", "1 到 4,096"), 1, maxUnits, unitSteps,
		func(c *experiment.Config) *int { return &c.Hidden[i].Units })
	f.layer = i + 1
	return f
}

func layerActivation(com common.Common, i int) field {
	return field{
		label: com.Tf("Layer %d activation", "第 %d 层激活函数", i+1), layer: i + 1, hint: com.T("relu, leaky, tanh, sigmoid, linear", "relu、leaky、tanh、sigmoid、linear"),
		get: func(c experiment.Config) string { return c.Hidden[i].Activation.String() },
		set: func(c *experiment.Config, text string) error {
			a, err := engine.ParseActivation(strings.TrimSpace(text))
			if err != nil {
				return refuse(com, "choose relu, leaky, tanh, sigmoid or linear", "请选择 relu、leaky、tanh、sigmoid 或 linear")
			}
			c.Hidden[i].Activation = a
			return nil
		},
		step: func(c *experiment.Config, dir int) {
			at := slices.Index(activations, c.Hidden[i].Activation)
			c.Hidden[i].Activation = activations[(at+dir+len(activations))%len(activations)]
		},
	}
}

func cycle(options []string, cur string, dir int) string {
	at := slices.Index(options, cur)
	return options[(at+dir+len(options))%len(options)]
}

// limitedField wraps a field whose upper bound is a session limit, so a
// refusal names the limit as the reason rather than a bare range.
func limitedField(com common.Common, f field, limit int) field {
	if limit <= 0 {
		return f
	}
	set := f.set
	f.set = func(c *experiment.Config, text string) error {
		if v, err := parseInt(com, text); err == nil && v > limit {
			return errors.New(com.Tf("this session allows at most %s epochs (the server's limit)",
				"本会话最多允许 %s 轮（服务器的上限）", common.Thousands(limit)))
		}
		return set(c, text)
	}
	return f
}

// fieldList is fields for the screen's settings, limits and data.
func (s Model) fieldList() []field { return fields(s.Common, s.cfg, s.limits, s.shape) }
