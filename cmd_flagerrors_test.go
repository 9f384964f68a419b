package main

import "testing"

// TestFlagValueErrorsAreRetainsOwn: a flag value pflag cannot parse was
// reported in Go's words ("strconv.ParseUint: parsing "-1": invalid
// syntax"), and a flag without its value as "flag needs an argument".
// Each now names the flag, the value given and the kind of value wanted,
// exit 2 with the usage hint.
func TestFlagValueErrorsAreRetainsOwn(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "--seed", "-1"}, `--seed "-1": want a whole number ≥ 0`},
		{[]string{"train", "--pos-weight", "balanced"}, `--pos-weight "balanced": want a number (1 weighs both classes alike; ` +
			`tune's "balanced" is the number of negative rows ÷ positive rows, printed beside it)`},
		{[]string{"train", "--epochs", "ten"}, `--epochs "ten": want a whole number`},
		{[]string{"train", "--lr", "fast"}, `--lr "fast": want a number`},
		{[]string{"train", "--nesterov=maybe"}, `--nesterov "maybe": want true or false`},
		{[]string{"tune", "--budget", "soon"}, `--budget "soon": want a duration such as 30s, 2m or 1h30m`},
		{[]string{"bench", "--batch-sizes", "32,x"}, `--batch-sizes "32,x": want whole numbers separated by commas`},
		{[]string{"api-bench", "--rate", "x"}, `--rate "x": want numbers separated by commas`},
		// 2^64 = 18446744073709551616, one more than a uint64 holds.
		{[]string{"train", "--seed", "18446744073709551616"},
			`--seed "18446744073709551616": out of range; want a whole number ≥ 0 up to 18446744073709551615`},
		{[]string{"train", "--epochs", "9223372036854775808"},
			`--epochs "9223372036854775808": out of range; want a whole number from -9223372036854775808 to 9223372036854775807`},
		{[]string{"train", "--lr", "1e400"}, `--lr "1e400": out of range; want a number between ±1.8e+308`},
		{[]string{"train", "--seed"}, `--seed needs a value: a whole number ≥ 0`},
		{[]string{"train", "--data"}, `--data needs a value`},
	} {
		mustRefuse(t, c.args, "retain: "+c.want+"\nRun 'retain "+c.args[0]+" --help' for usage.\n")
	}
}
