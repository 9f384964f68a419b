package data

import "fmt"

// MaxLogNumber is the largest magnitude an order log's amount, price or
// quantity (and a price times a quantity) may have: 2⁵³, past which
// float64 no longer holds every whole number, so that sums of amounts
// (a customer's total, a cohort's revenue) would drop whole units, and
// far enough below the float64 limit that no sum of a log's amounts can
// overflow to infinity. A larger number is refused where it stands, as
// "Inf" and "1e400" are, rather than carried into totals that print as
// +Inf or contradict one another.
const MaxLogNumber = 1 << 53

// tooLarge is the error for a number of an order log beyond
// ±MaxLogNumber, at line and column index col of the file.
func (p *logParser) tooLarge(line, col int, f TooLarge) error {
	what := fmt.Sprintf("%s %s", f.Role, quoteCut([]byte(f.Cell)))
	if f.Times != "" {
		what = fmt.Sprintf("price %s times quantity %s", quoteCut([]byte(f.Cell)), quoteCut([]byte(f.Times)))
	}
	pe := parseErr(p.name, line, col+1, ErrNumberTooLarge, fmt.Sprintf(
		"%s is too large: numbers beyond ±%s (2^53) cannot be added up exactly",
		what, Thousands(MaxLogNumber)))
	pe.Facts = f
	return pe
}
