// Package testtables derives test tables from the shared public data sets,
// for tests in more than one package.
package testtables

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// SignupEnd is the day the derived signup dates count back from.
var SignupEnd = time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC)

// ReplaceTenureBySignup rewrites, in place, the records of the Telco churn
// table (header first): its tenure column (whole months) becomes
// signup_date, the day 30 days per month of tenure and r%30 more days
// before SignupEnd for record r, written by write (an ISO date, a
// date-time, a year-last date…).
func ReplaceTenureBySignup(recs [][]string, write func(r int, day time.Time) string) error {
	if len(recs) == 0 {
		return errors.New("testtables: no header")
	}
	col := -1
	for i, h := range recs[0] {
		if h == "tenure" {
			col = i
		}
	}
	if col < 0 {
		return errors.New("testtables: no tenure column")
	}
	recs[0][col] = "signup_date"
	for r := 1; r < len(recs); r++ {
		months, err := strconv.Atoi(recs[r][col])
		if err != nil {
			return fmt.Errorf("testtables: record %d: tenure %q: %w", r, recs[r][col], err)
		}
		recs[r][col] = write(r, SignupEnd.AddDate(0, 0, -30*months-r%30))
	}
	return nil
}
