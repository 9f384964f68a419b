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

// TestRequiredFlagsAreSaidInRetainsWords: a command run without a flag it
// requires was refused in cobra's words (`required flag(s) "model" not
// set`). It now says which flag the command needs, with its value and
// what that is, exit 2 with the usage hint, as the other flag errors;
// two missing flags are named in the order of the command's synopsis.
func TestRequiredFlagsAreSaidInRetainsWords(t *testing.T) {
	const model = "--model FILE (a model written by retain train)"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"predict", "--data", "users.csv"}, "predict needs " + model},
		{[]string{"inspect"}, "inspect needs " + model},
		{[]string{"recommend"}, "recommend needs --log FILE (an order log with an item column, CSV, Parquet or xlsx; - for standard input)"},
		{[]string{"export", "--dialect", "sqlite"}, "export needs " + model},
		{[]string{"export", "--model", "m.json"}, "export needs --dialect DIALECT (sqlite, duckdb, postgres, bigquery, snowflake, trino, spark or mysql)"},
		{[]string{"export"}, "export needs " + model + " and --dialect DIALECT (sqlite, duckdb, postgres, bigquery, snowflake, trino, spark or mysql)"},
		{[]string{"backtest", "--horizon", "90d"}, "backtest needs --log FILE (an order or event log, CSV, Parquet or xlsx; - for standard input)"},
		{[]string{"api-bench", "--data", "rows.csv"}, "api-bench needs " + model},
		{[]string{"api-bench", "--model", "m.json"}, "api-bench needs --data CSV (a comma-separated file with the model's columns)"},
		{[]string{"api-bench"}, "api-bench needs " + model + " and --data CSV (a comma-separated file with the model's columns)"},
		{[]string{"api", "--insecure-no-auth"}, "api needs " + model},
		{[]string{"plan", "--budget", "10"}, "plan needs " + model},
	} {
		mustRefuse(t, c.args, "retain: "+c.want+"\nRun 'retain "+c.args[0]+" --help' for usage.\n")
	}
}
