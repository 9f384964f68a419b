package sqlexport

import (
	"fmt"
	"strings"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// expClamp bounds the arguments of EXP: exp(±700) is finite in every
// engine (PostgreSQL raises an error on overflow and underflow), and past
// it the results below no longer change a float64.
const expClamp = "700.0"

// clampExp is EXP of z limited to [−700, 700]; a NULL z (a row with an
// input the SELECT cannot read) stays NULL.
func (d Dialect) clampExp(z string) string {
	return "EXP(" + d.bounded(z, "-"+expClamp, expClamp) + ")"
}

// bounded is z limited to [lo, hi]. Where GREATEST and LEAST skip NULLs
// (skipsNulls) it is a CASE that keeps a NULL z NULL, naming z three times
// (z is a column, or a short expression of one, wherever it is used);
// elsewhere LEAST and GREATEST, naming it once.
func (d Dialect) bounded(z, lo, hi string) string {
	if d.skipsNulls() {
		return "CASE WHEN " + z + " < " + lo + " THEN " + lo + " WHEN " + z + " > " + hi + " THEN " + hi + " ELSE " + z + " END"
	}
	return d.least(d.greatest(z, lo), hi)
}

// sigmoid is the logistic function 1/(1+e^−z). Each expression below
// names its argument once, so an engine that inlines CTEs does not repeat
// the layers before it.
func (d Dialect) sigmoid(z string) string {
	return "1.0 / (1.0 + " + d.clampExp("-("+z+")") + ")"
}

// activation applies a to the column z (a plain name).
func (d Dialect) activation(a engine.Activation, z string) (string, error) {
	switch a {
	case engine.Linear:
		return z, nil
	case engine.ReLU:
		if d.skipsNulls() {
			// No ELSE: a NULL z stays NULL.
			return "CASE WHEN " + z + " > 0.0 THEN " + z + " WHEN " + z + " <= 0.0 THEN 0.0 END", nil
		}
		return d.greatest(z, "0.0"), nil
	case engine.LeakyReLU:
		if d.skipsNulls() {
			return "CASE WHEN " + z + " > 0.0 THEN " + z + " WHEN " + z + " <= 0.0 THEN " + mustNum(engine.LeakySlope) + " * " + z + " END", nil
		}
		// z above 0, slope·z below: the larger of the two either way.
		return d.greatest(z, mustNum(engine.LeakySlope)+" * "+z), nil
	case engine.Tanh:
		// tanh(z) = 2·sigmoid(2z) − 1 (SQLite has no TANH).
		return "2.0 / (1.0 + " + d.clampExp("-2.0 * "+z) + ") - 1.0", nil
	case engine.Sigmoid:
		return d.sigmoid(z), nil
	}
	return "", fmt.Errorf("activation %v cannot be written in SQL", a)
}

// layers appends the network's CTEs to q, reading the inputs x0… of the
// CTE named from and carrying the columns carry lists ("a, b, " or ""),
// and returns the name of the CTE whose column p is the
// network's probability.
func (d Dialect) layers(q *query, b *experiment.Bundle, from, carry string) (string, error) {
	net := b.Net
	if len(net.Layers) == 0 {
		return "", fmt.Errorf("the model file holds no network layers")
	}
	in, prefix := len(b.Features), "x"
	if net.Layers[0].Inputs != in {
		return "", fmt.Errorf("the network takes %d inputs and the pipeline makes %d", net.Layers[0].Inputs, in)
	}
	for li, l := range net.Layers {
		if l.Inputs != in || len(l.Weights) != l.Inputs*l.Outputs || len(l.Biases) != l.Outputs {
			return "", fmt.Errorf("layer %d: %d weights and %d biases for %d inputs and %d outputs",
				li+1, len(l.Weights), len(l.Biases), l.Inputs, l.Outputs)
		}
		last := li == len(net.Layers)-1
		if last && l.Outputs != 1 {
			return "", fmt.Errorf("the network has %d outputs; only one probability can be written", l.Outputs)
		}
		zs := make([]string, l.Outputs)
		for j := range l.Outputs {
			var sum strings.Builder
			for i := range l.Inputs {
				w, err := num(l.Weights[j*l.Inputs+i])
				if err != nil {
					return "", fmt.Errorf("layer %d: %w", li+1, err)
				}
				if i > 0 {
					sum.WriteString("\n    + ")
				}
				fmt.Fprintf(&sum, "%s * %s%d", w, prefix, i)
			}
			bias, err := num(l.Biases[j])
			if err != nil {
				return "", fmt.Errorf("layer %d: %w", li+1, err)
			}
			zs[j] = fmt.Sprintf("(%s)\n    + %s AS z%d", sum.String(), bias, j)
		}
		zName, aName := fmt.Sprintf("layer%d_z", li+1), fmt.Sprintf("layer%d", li+1)
		q.cte(zName, "SELECT id, "+carry+strings.Join(zs, ",\n  ")+"\n  FROM "+from)
		as := make([]string, l.Outputs)
		for j := range as {
			e, err := d.activation(l.Activation, fmt.Sprintf("z%d", j))
			if err != nil {
				return "", err
			}
			name := fmt.Sprintf("h%d", j)
			if last {
				name = "p"
			}
			as[j] = e + " AS " + name
		}
		q.cte(aName, "SELECT id, "+carry+"\n  "+strings.Join(as, ",\n  ")+"\n  FROM "+zName)
		from, in, prefix = aName, l.Outputs, "h"
	}
	return from, nil
}

// calibrated is the calibrated probability of the network's probability p
// (a column name), as experiment.Calibration.Apply computes it.
func (d Dialect) calibrated(c *experiment.Calibration, p string) (string, error) {
	switch {
	case c == nil:
		return p, nil
	case c.Platt != nil:
		a, err := num(c.Platt.A)
		if err != nil {
			return "", err
		}
		b, err := num(c.Platt.B)
		if err != nil {
			return "", err
		}
		// logit(p) with p clipped to [1e−12, 1 − 1e−12] (metrics.Logit).
		clip := d.bounded(p, "1e-12", mustNum(1-1e-12))
		logit := "LN(" + clip + " / (1.0 - " + clip + "))"
		// sigmoid(−u) = 1/(1+e^u)
		return "1.0 / (1.0 + " + d.clampExp(a+" * "+logit+" + "+b) + ")", nil
	case c.Isotonic != nil:
		xs, ys := c.Isotonic.X, c.Isotonic.Y
		if len(xs) != len(ys) {
			return "", fmt.Errorf("isotonic calibration with %d x and %d y", len(xs), len(ys))
		}
		if len(xs) == 0 {
			return p, nil
		}
		for _, v := range append(append([]float64(nil), xs...), ys...) {
			if _, err := num(v); err != nil {
				return "", err
			}
		}
		n := len(xs)
		var b strings.Builder
		fmt.Fprintf(&b, "CASE WHEN %s <= %s THEN %s WHEN %s >= %s THEN %s", p, mustNum(xs[0]), mustNum(ys[0]),
			p, mustNum(xs[n-1]), mustNum(ys[n-1]))
		for j := 1; j < n; j++ {
			fmt.Fprintf(&b, "\n    WHEN %s <= %s THEN %s + (%s - %s) * (%s - %s) / (%s - %s)", p, mustNum(xs[j]),
				mustNum(ys[j-1]), p, mustNum(xs[j-1]), mustNum(ys[j]), mustNum(ys[j-1]), mustNum(xs[j]), mustNum(xs[j-1]))
		}
		b.WriteString(" END")
		return b.String(), nil
	}
	return p, nil
}
