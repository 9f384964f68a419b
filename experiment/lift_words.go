package experiment

import (
	"fmt"
	"math"
)

// LiftWords says in English how a lift (the share of the outcome reached
// over the share contacted) compares with contacting at random, at the one
// decimal it is shown with: "3.0× better than at random", "no better than
// at random (1.0×)", or below 1 "0.8× the random rate: worse than at
// random" (not "0.8× better").
func LiftWords(lift float64) string {
	switch shown := math.Round(lift*10) / 10; {
	case shown == 1:
		return "no better than at random (1.0×)"
	case NoBetterThanChance(lift):
		return fmt.Sprintf("%.1f× the random rate: worse than at random", lift)
	}
	return fmt.Sprintf("%.1f× better than at random", lift)
}
