package experiment

import (
	"math"
	"strconv"
	"strings"
)

// BudgetWant says what a budget may be, after the text refused: the
// command line's --budget and the Plan screen's field word a refusal with
// it alike.
const BudgetWant = "want an amount above 0, such as 5000, or a share of customers above 0 and at most 100%, such as 10%"

// ParseBudget reads a budget as the user types it, on the command line
// and on the Plan screen alike: an amount ("5000") or a share of the
// customers ("10%"), space around the number allowed. A budget of 0 (or
// 0 %) would contact nobody, so it is refused like a negative one rather
// than read as no budget, which is no --budget or an empty field (the
// callers' to read; "" is refused here). The refusal is a *PlanRefusal of
// code RefuseBudgetText.
func ParseBudget(text string) (money, share float64, err error) {
	s := strings.TrimSpace(text)
	num, pct := strings.CutSuffix(s, "%")
	v, perr := strconv.ParseFloat(strings.TrimSpace(num), 64)
	switch {
	case perr != nil || math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 || pct && v > 100:
		return 0, 0, &PlanRefusal{Code: RefuseBudgetText, Text: s}
	case pct:
		return 0, v / 100, nil
	}
	return v, 0, nil
}
