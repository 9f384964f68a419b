package data

import "strings"

// CancelRule counts the lines an order log left out as cancellations by
// one rule: Lines of them, the first on line Line (1-based: the header is
// line 1) with its mark in column Col (1-based).
type CancelRule struct {
	Lines, Line, Col int
}

// note counts a line of the rule, at line and column col.
func (r *CancelRule) note(line, col int) {
	if r.Lines == 0 || line < r.Line {
		r.Line, r.Col = line, col
	}
	r.Lines++
}

// CancelRules counts the cancelled lines of an order log by the rule that
// left them out, but for those cancelled only for a negative amount
// (NegativeAmounts) and the discount lines of orders not kept (counted
// there too). A line that two rules mark is counted under the first.
type CancelRules struct {
	// Status: a cancelled order status (IsCancelledStatus).
	Status CancelRule
	// NegativeQuantity: a quantity below 0.
	NegativeQuantity CancelRule
	// CInvoice: a negative amount (its quantity not negative) under an
	// order id "C" + digits.
	CInvoice CancelRule
}

// Note says the rules in words that follow "N cancelled (", "" when no
// line is counted: "12 by their order status, the first on line 3,
// column 5; 9,288 for a negative quantity, the first on line 156,
// column 4".
func (r CancelRules) Note() string {
	var parts []string
	add := func(c CancelRule, why string) {
		if c.Lines > 0 {
			parts = append(parts, Thousands(c.Lines)+" "+why+", the first on line "+Thousands(c.Line)+", column "+Thousands(c.Col))
		}
	}
	add(r.Status, "by their order status")
	add(r.NegativeQuantity, "for a negative quantity")
	add(r.CInvoice, `for a negative amount under an order id "C" + digits`)
	return strings.Join(parts, "; ")
}

// cancelNote joins CancelRules.Note and NegativeAmounts.Note, "" when
// both are.
func cancelNote(r CancelRules, n NegativeAmounts) string {
	a, b := r.Note(), n.Note()
	if a != "" && b != "" {
		return a + "; " + b
	}
	return a + b
}
