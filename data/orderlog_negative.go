package data

import "fmt"

// NegativeAmounts describes the lines an order log left out as
// cancellations only because their amount (or price) is below 0: no
// cancelled status, no "C" invoice, a quantity that is not negative, and
// not a discount netted into a kept order. A log that writes refunds so
// means it; a log whose amounts are signed for another reason (a
// mistake, a balance column) loses these lines without a word, and a
// customer whose every line is one loses every order: so the loader
// counts them and the commands say so.
type NegativeAmounts struct {
	// Lines counts them; Line and Col give the first (1-based: the header
	// is line 1), the column of the amount or of the price it was made
	// from.
	Lines, Line, Col int
	// Customers counts the customers with such a line and no kept order:
	// they are in no cohort.
	Customers int
}

// Note says it in words that follow "N cancelled (", "" when there is no
// such line: "3 only for a negative amount, the first on line 2, column
// 3; 1 customer had no other line".
func (n NegativeAmounts) Note() string {
	if n.Lines == 0 {
		return ""
	}
	s := fmt.Sprintf("%s only for a negative amount, the first on line %d, column %d", Thousands(n.Lines), n.Line, n.Col)
	switch {
	case n.Customers == 1:
		s += "; 1 customer had no other line"
	case n.Customers > 1:
		s += "; " + Thousands(n.Customers) + " customers had no other line"
	}
	return s
}

// noteNegative counts lines cancelled only for a negative amount, of
// customer cust, the first at line and column col (1-based).
func (p *logParser) noteNegative(lines, line, col int, cust string) {
	n := &p.log.NegativeAmounts
	if n.Lines == 0 || line < n.Line {
		n.Line, n.Col = line, col
	}
	n.Lines += lines
	if p.negativeCustomers == nil {
		p.negativeCustomers = make(map[string]struct{})
	}
	p.negativeCustomers[cust] = struct{}{}
}

// amountCol is the 1-based column the amount was read from: the amount's,
// else the price's.
func (p *logParser) amountCol() int {
	if p.cols.amount >= 0 {
		return p.cols.amount + 1
	}
	return p.cols.price + 1
}

// finishNegatives counts the customers of the lines cancelled only for a
// negative amount who have no kept order.
func (p *logParser) finishNegatives() {
	for cust := range p.negativeCustomers {
		if _, ok := p.byCustomer[cust]; !ok {
			p.log.NegativeAmounts.Customers++
		}
	}
	p.negativeCustomers = nil
}
