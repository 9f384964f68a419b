package modelscreen

import (
	"strings"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// l2Field is the weight decay: the default's "prior/rows" until the user
// gives a decay of their own. Its hint says what "/rows" means: the λ a
// prior gives is the prior, raised on a wide table (experiment.InputPrior),
// ÷ the training rows (shape: the loaded data's, zero until loaded).
func l2Field(com common.Common, cfg experiment.Config, shape experiment.Shape) field {
	hint := com.T("weight decay λ, ≥ 0", "权重衰减 λ，≥ 0")
	if cfg.L2Prior > 0 {
		hint = priorHint(com, cfg.L2Prior, shape.TrainRows, shape.Inputs)
	}
	f := floatField(com, "L2", hint, l2Steps, func(v float64) error {
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
		if n, ok := perRows(text); ok {
			// The form the field shows: a prior per training row.
			v, err := parseFloat(com, n)
			if err != nil {
				return err
			}
			if v <= 0 || v > experiment.MaxL2Prior {
				return refuse(com, "N/rows: N must be above 0 and at most 1e9", "N/训练行：N 必须大于 0 且不超过 1e9")
			}
			c.L2Prior = v
			return nil
		}
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
func decayCheckFields(com common.Common, cfg experiment.Config, rows int) []field {
	if cfg.L2Prior <= 0 {
		return nil
	}
	hint := com.T("0 = off; else a 2nd run at λ = N ÷ training rows", "0 = 关闭；否则以 λ = N ÷ 训练行数再训练一次")
	if cfg.L2PriorAlt > 0 {
		// The check's weaker prior is never raised: no inputs.
		hint = com.Tf("2nd run: %s; 0 = off", "第二次训练：%s；0 = 关闭", priorHint(com, cfg.L2PriorAlt, rows, 0))
	}
	f := floatField(com, com.T("Decay check", "衰减检验"), hint, decayCheckSteps,
		func(v float64) error {
			if v < 0 || v > experiment.MaxL2Prior {
				return refuse(com, "must be from 0 to 1e9", "必须在 0 到 1e9 之间")
			}
			return nil
		}, func(c *experiment.Config) *float64 { return &c.L2PriorAlt })
	set := f.set
	f.set = func(c *experiment.Config, text string) error {
		if n, ok := perRows(text); ok {
			text = n // the form the field shows
		}
		return set(c, text)
	}
	f.get = func(c experiment.Config) string {
		if c.L2PriorAlt > 0 {
			return com.Tf("%g/rows", "%g/训练行", c.L2PriorAlt)
		}
		return com.T("off", "关闭")
	}
	return []field{f}
}

// priorHint says what "prior/rows" stands for: λ = prior ÷ training rows,
// with its value once the data is loaded (experiment.PriorDecay's, which
// caps it), the prior raised first when the network's inputs (0: not
// raised) have fewer than experiment.PriorRowsPerInput rows each.
func priorHint(com common.Common, prior float64, rows, inputs int) string {
	if rows <= 0 {
		return com.Tf("λ = %g ÷ training rows", "λ = %g ÷ 训练行数", prior)
	}
	raised := experiment.InputPrior(prior, inputs, rows)
	l2 := experiment.PriorDecay(raised, rows)
	if raised > prior {
		why := com.Tf("%g raised: < %d rows/input", "%g 已提高：每输入<%d 行", prior, experiment.PriorRowsPerInput)
		if l2 >= experiment.L2PriorCap {
			return com.Tf("λ = %.4g ÷ training rows (%s), capped at %g", "λ = %.4g ÷ 训练行数（%s），上限 %g", raised, why, l2)
		}
		return com.Tf("λ = %.4g ÷ %s training rows = %.4g (%s)", "λ = %.4g ÷ %s 训练行 = %.4g（%s）", raised, common.Thousands(rows), l2, why)
	}
	if l2 >= experiment.L2PriorCap {
		return com.Tf("λ = %g ÷ training rows, capped at %g", "λ = %g ÷ 训练行数，上限 %g", prior, l2)
	}
	return com.Tf("λ = %g ÷ %s training rows = %.4g", "λ = %g ÷ %s 训练行 = %.4g", prior, common.Thousands(rows), l2)
}

// perRows returns the number of a value typed in the form the decay fields
// show a prior in, "N/rows" ("N/训练行" in Chinese; either in either
// language, any case, spaces around the slash), and whether text is in it:
// typing over "20/rows" with "50/rows" sets the prior 50, as a bare number
// sets a fixed λ.
func perRows(text string) (string, bool) {
	i := strings.LastIndex(text, "/")
	if i < 0 {
		return "", false
	}
	unit := strings.TrimSpace(text[i+1:])
	for _, u := range []string{"rows", "row", "训练行"} {
		if strings.EqualFold(unit, u) {
			return strings.TrimSpace(text[:i]), true
		}
	}
	return "", false
}
