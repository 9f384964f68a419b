package cohortscreen

import (
	"math"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
)

// moneyCells is the most cells a revenue figure takes, so a triangle of
// revenue shows as many periods as one of counts.
const moneyCells = 6

// moneyFormat is how every revenue cell of one triangle is written: in
// one unit with one number of decimals and thousands separators, so that
// no two cells of a table read differently ("39.0k" beside "1997", which
// reads as a year).
type moneyFormat struct {
	scale    float64
	suffix   string
	decimals int
}

// moneyFormats are the formats from the finest to the coarsest.
var moneyFormats = []moneyFormat{
	{1, "", 0},     // 99,999
	{1e3, "k", 1},  // 999.9k
	{1e3, "k", 0},  // 9,999k
	{1e6, "M", 1},  // 999.9M
	{1e6, "M", 0},  // 9,999M
	{1e9, "G", 1},  // 999.9G
	{1e9, "G", 0},  // 9,999G
	{1e12, "T", 0}, // past that, wider
}

// moneyFormatFor is the finest format in which the amounts lo and hi
// (the least and the largest of a table) take at most moneyCells cells:
// every amount between them then fits too.
func moneyFormatFor(lo, hi float64) moneyFormat {
	for _, f := range moneyFormats {
		if len(f.text(lo)) <= moneyCells && len(f.text(hi)) <= moneyCells {
			return f
		}
	}
	return moneyFormats[len(moneyFormats)-1]
}

// text writes v in the format: 39,014; 318.5k; 1,250k; -0.4k (a
// refund); never "-0".
func (f moneyFormat) text(v float64) string {
	x := v / f.scale
	s := strconv.FormatFloat(math.Abs(x), 'f', f.decimals, 64)
	whole, frac, hasFrac := strings.Cut(s, ".")
	if n, err := strconv.Atoi(whole); err == nil {
		whole = data.Thousands(n)
	}
	if hasFrac {
		whole += "." + frac
	}
	if x < 0 && strings.Trim(s, "0.") != "" {
		whole = "-" + whole
	}
	return whole + f.suffix
}

// revenueFormat is the format of r's revenue cells, period 0 included.
func revenueFormat(r *data.Retention) moneyFormat {
	lo, hi := 0.0, 0.0
	for _, c := range r.Cohorts {
		for _, cell := range c.Cells {
			lo, hi = math.Min(lo, cell.Revenue), math.Max(hi, cell.Revenue)
		}
	}
	return moneyFormatFor(lo, hi)
}
