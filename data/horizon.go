package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ParseHorizon reads a horizon written as days ("90d" or "90") or weeks
// ("13w"), in any case and with spaces around the number, as a number of
// days from 1 to MaxHorizonDays: the one reading of --horizon and of the
// TUI's horizon fields. Its errors say what is wanted, in English.
func ParseHorizon(s string) (int, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	unit := 1
	switch {
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSuffix(s, "d")
	case strings.HasSuffix(s, "w"):
		s, unit = strings.TrimSuffix(s, "w"), 7
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 {
		return 0, errors.New("want a positive number of days such as 30d, 4w or 30")
	}
	if n > MaxHorizonDays/unit {
		return 0, fmt.Errorf("want at most %s days (10 years)", Thousands(MaxHorizonDays))
	}
	return n * unit, nil
}
