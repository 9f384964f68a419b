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
