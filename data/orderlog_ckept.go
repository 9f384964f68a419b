package data

// KeptCNote says that lines whose order id is "C" + digits were kept as
// orders, and why (a "C" id marks a cancellation only on a negative line,
// cancelInvoice): `2,041 lines under an order id "C" + digits, the first
// on line 2, column 1, kept as orders: the log has no quantity or amount
// that could show them negative (only a negative "C" line is read as a
// cancellation, as in the UCI Online Retail logs)`; "" when there were
// none.
func (l *OrderLog) KeptCNote() string {
	r := l.KeptCInvoices
	if r.Lines == 0 {
		return ""
	}
	lines := "1 line"
	if r.Lines > 1 {
		lines = Thousands(r.Lines) + " lines"
	}
	why := "none is negative"
	if r.Lines == 1 {
		why = "it is not negative"
	}
	if l.Columns.Amount == "" && l.Columns.Quantity == "" && l.Columns.Price == "" {
		why = "the log has no quantity or amount that could show them negative"
		if r.Lines == 1 {
			why = "the log has no quantity or amount that could show it negative"
		}
	}
	return lines + ` under an order id "C" + digits, the first on line ` + Thousands(r.Line) + ", column " + Thousands(r.Col) +
		", kept as orders: " + why + ` (only a negative "C" line is read as a cancellation, as in the UCI Online Retail logs)`
}
