package modelscreen

import (
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// l2Field is the weight decay: the default's "prior/rows" until the user
// gives a decay of their own.
func l2Field(com common.Common) field {
	f := floatField(com, "L2", com.T("weight decay, ≥ 0", "权重衰减，≥ 0"), l2Steps, func(v float64) error {
		if v < 0 || v > 10 {
			return refuse(com, "must be from 0 to 10", "必须在 0 到 10 之间")
		}
		return nil
	}, func(c *experiment.Config) *float64 { return &c.Train.L2 })
	get, set, step := f.get, f.set, f.step
	f.get = func(c experiment.Config) string {
		if c.L2Prior > 0 {
			return com.Tf("%g/rows", "%g/训练行", c.L2Prior) // short enough for the value column
		}
		return get(c)
	}
	f.set = func(c *experiment.Config, text string) error {
		if err := set(c, text); err != nil {
			return err
		}
		c.L2Prior = 0
		return nil
	}
	f.step = func(c *experiment.Config, dir int) {
		if c.L2Prior > 0 {
			// Step from the decay the prior gives a few thousand rows.
			c.Train.L2 = c.L2Prior / 5000
		}
		c.L2Prior = 0
		step(c, dir)
	}
	return f
}

// decayCheckSteps are the alternative priors the arrows step through.
var decayCheckSteps = []float64{0, 1, 2, 5, 10}

// decayCheckFields is the decay check (experiment.Config.L2PriorAlt),
// shown while the decay is a prior per training row: the weaker prior a
// second network trains with after the run, kept when the validation part
// says it is better.
func decayCheckFields(com common.Common, cfg experiment.Config) []field {
	if cfg.L2Prior <= 0 {
		return nil
	}
	f := floatField(com, com.T("Decay check", "衰减检验"), com.T("second run at N/rows; 0 = off", "以 N/训练行再训练；0 = 关闭"), decayCheckSteps,
		func(v float64) error {
			if v < 0 || v > 1e9 {
				return refuse(com, "must be from 0 to 1e9", "必须在 0 到 1e9 之间")
			}
			return nil
		}, func(c *experiment.Config) *float64 { return &c.L2PriorAlt })
	f.get = func(c experiment.Config) string {
		if c.L2PriorAlt > 0 {
			return com.Tf("%g/rows", "%g/训练行", c.L2PriorAlt)
		}
		return com.T("off", "关闭")
	}
	return []field{f}
}
