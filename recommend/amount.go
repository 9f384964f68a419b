package recommend

import (
	"fmt"
	"strings"

	"github.com/retainlab/retain/data"
)

// AmountItems describes an item column whose ids read as amounts: numbers
// written with decimals, as a price or an order's value is, not product
// codes. It is a warning; the log is still read.
type AmountItems struct {
	Column string
	// Decimals counts the ids written with decimals (12.99), of Items.
	Decimals, Items int
	// Examples are the first few such ids.
	Examples []string
}

// String is the warning in English, with the command line's advice.
func (a *AmountItems) String() string {
	return a.Reason() + " — if it is not one, name the item column with --item-column"
}

// Reason says what the column holds and what is made of it, without
// advice.
func (a *AmountItems) Reason() string {
	examples := strings.Join(a.Examples, ", ")
	if a.Decimals > len(a.Examples) {
		examples += ", …"
	}
	return fmt.Sprintf("the item column %s holds numbers with decimals (%s: %s of its %s values), as an amount or a price does; each value is recommended as an item",
		a.Column, examples, data.Thousands(a.Decimals), data.Thousands(a.Items))
}

// AmountLike returns, when the log's item ids look like amounts, what
// they are (nil otherwise): at least nine in ten ids are numbers and more
// than half of all are written with decimals ("12.99", "0.50"). Whole
// numbers are ids (product numbers), and a column of codes such as 85123A
// has few numbers.
func (l *Log) AmountLike() *AmountItems {
	a := &AmountItems{Column: l.ItemColumn, Items: len(l.Items)}
	numbers := 0
	for _, id := range l.Items {
		whole, ok := decimalNumber(id)
		if !ok {
			continue
		}
		numbers++
		if !whole {
			a.Decimals++
			if len(a.Examples) < 3 {
				a.Examples = append(a.Examples, id)
			}
		}
	}
	if a.Items == 0 || numbers*10 < 9*len(l.Items) || a.Decimals*2 <= len(l.Items) {
		return nil
	}
	return a
}

// decimalNumber reports whether s is a number written with digits, an
// optional sign and at most one decimal point, and whether it is written
// without decimals (whole).
func decimalNumber(s string) (whole, ok bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "-"), "+")
	intPart, frac, point := strings.Cut(s, ".")
	if intPart == "" && frac == "" || !allDigits(intPart) || !allDigits(frac) || point && frac == "" {
		return false, false
	}
	return !point, true
}

// allDigits reports whether s has only the digits 0-9 ("" has).
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
