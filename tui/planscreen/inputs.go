package planscreen

import (
	"math"
	"strconv"
	"strings"

	"github.com/retainlab/retain/experiment"
)

// The input fields, in the order they are shown.
const (
	fieldBudget = iota
	fieldCost
	fieldValue
	fieldSuccess
	fieldCount
	// fieldExport is the export's file name, not an assumption.
	fieldExport = fieldCount
)

// The assumptions a new screen starts with, as `retain plan`'s defaults.
const (
	defaultCost    = 1.0
	defaultValue   = 100.0
	defaultSuccess = 0.1
)

// inputs are the user's assumptions: the figures, the value column (""
// for one value for everyone) and the text of each field as typed.
type inputs struct {
	assumptions experiment.PlanAssumptions
	column      string
	text        [fieldCount]string
}

// defaultInputs are the assumptions before the user types any.
func defaultInputs() inputs {
	in := inputs{assumptions: experiment.PlanAssumptions{
		CostPerContact: defaultCost, Value: defaultValue, Success: defaultSuccess}}
	in.text = [fieldCount]string{"", "1", "100", "0.1"}
	return in
}

// with returns in with field f set from text, or the sentence refusing a
// text that is not a number (ranges are the experiment's to refuse; a
// budget is read whole by experiment.ParseBudget). An empty budget means
// no budget.
func (in inputs) with(f int, text string) (inputs, error) {
	text = strings.TrimSpace(text)
	a := &in.assumptions
	num := func(s string) (float64, bool) {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		return v, err == nil && !math.IsNaN(v) && !math.IsInf(v, 0)
	}
	switch f {
	case fieldBudget:
		a.BudgetMoney, a.BudgetShare = 0, 0
		if text == "" {
			break
		}
		// Read as `retain plan --budget` reads it: 0 is refused, not
		// taken for no budget.
		var err error
		if a.BudgetMoney, a.BudgetShare, err = experiment.ParseBudget(text); err != nil {
			return in, err
		}
	case fieldCost:
		v, good := num(text)
		if !good {
			return in, &inputError{field: f, text: text}
		}
		a.CostPerContact = v
	case fieldValue:
		if v, good := num(text); good {
			a.Value, in.column = v, ""
		} else if text == "" {
			return in, &inputError{field: f}
		} else {
			in.column = text
		}
	case fieldSuccess:
		v, good := num(text)
		if !good {
			return in, &inputError{field: f, text: text}
		}
		a.Success = v
	}
	in.text[f] = text
	return in, nil
}
