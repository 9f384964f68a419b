package data

// isStockAdjustment reports a line that records a change of stock, not a
// sale or its cancellation: a negative quantity at a price (or amount) of
// 0, with no customer, in a log that has prices, under an order id that is
// not a "C" cancellation. The UCI Online Retail log has 1,336 of them
// ("damaged", "lost", "found", …). They are left out and counted apart
// from cancellations.
// cInvoice is cancelInvoice of the line.
func (p *logParser) isStockAdjustment(cInvoice bool, qty, amount float64, cust []byte) bool {
	return p.log.HasAmount && p.cols.quantity >= 0 && qty < 0 && amount == 0 &&
		isMissing(cust) && !cInvoice
}

// adjustmentNote is ", N stock adjustments" for a summary, "" for none.
func adjustmentNote(n int) string {
	if n == 0 {
		return ""
	}
	return ", " + Thousands(n) + " stock adjustments"
}
