package data

// A line with a negative amount under the order id of an order that is
// kept (the same customer's lines with that id that are sales) is a
// discount, a coupon or a partial refund written into the order, not a
// cancellation: its amount is netted into the order's (an order of 100
// with a coupon line of -10 is worth 90) and it is counted in
// OrderLog.Discounts. Whether the order is kept is known only once every
// line is read (the discount may come first), so such lines are held
// aside until then; those whose order is not kept are cancelled lines, as
// before. A negative quantity is a return of units and stays a
// cancellation, as do a cancelled status and a "C" invoice.

// pendingDiscount is the negative amount of the lines of one customer's
// order id held aside, and the earliest of their days.
type pendingDiscount struct {
	key    orderKey // customer numbered as the lines kept aside are
	cust   string
	amount float64
	lines  int
	day    int32
	line   int // the first line's number
}

// mayBeDiscount reports whether the current line, neither cancelled by
// its status nor by its invoice, can be a discount line: a negative
// amount at a quantity that is not negative, under an order id the log
// gives, of a customer.
func (p *logParser) mayBeDiscount(orderID string, qty, amount float64, cust []byte) bool {
	return amount < 0 && qty >= 0 && p.cols.order >= 0 && orderID != "" && !isMissing(cust)
}

// holdDiscount holds a line that may be a discount aside (finishDiscounts
// decides).
func (p *logParser) holdDiscount(cust []byte, orderID string, day int32, amount float64, line int) {
	key := orderKey{p.asideCustomer(cust), orderID}
	if p.discountIndex == nil {
		p.discountIndex = make(map[orderKey]int)
	}
	if i, ok := p.discountIndex[key]; ok {
		d := &p.discounts[i]
		d.amount += amount
		d.lines++
		d.day = min(d.day, day)
		return
	}
	p.discountIndex[key] = len(p.discounts)
	p.discounts = append(p.discounts, pendingDiscount{key: key, cust: string(cust), amount: amount, lines: 1, day: day, line: line})
}

// finishDiscounts nets the lines held aside into their orders when these
// are kept, and counts the others as cancelled lines, in the order their
// orders were first seen.
func (p *logParser) finishDiscounts() {
	for _, d := range p.discounts {
		if ci, ok := p.byCustomer[d.cust]; ok {
			if oi, ok := p.byOrder[orderKey{ci, d.key.order}]; ok {
				p.log.Orders[oi].Amount += d.amount
				p.log.Discounts += d.lines
				continue
			}
		}
		p.log.Cancelled += d.lines
		p.noteNegative(d.lines, d.line, p.amountCol(), d.cust)
		p.keepCancel([]byte(d.cust), d.key.order, d.day, -d.amount, nil, 0)
	}
	p.discounts, p.discountIndex = nil, nil
}

// DiscountNote says how many discount lines were netted into their
// orders: "2 discount lines (a negative amount in a kept order) netted
// into their orders' amounts"; "" when none was.
func (l *OrderLog) DiscountNote() string { return discountNote(l.Discounts) }

// discountNote is "N discount lines (a negative amount in a kept
// order) netted into their orders' amounts" for a load summary, "" for
// none.
func discountNote(n int) string {
	if n == 0 {
		return ""
	}
	return Count(n, "discount line", "discount lines") + " (a negative amount in a kept order) netted into their orders' amounts"
}
