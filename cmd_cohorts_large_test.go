package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestCohortsRefuseAmountsPast2to53: three amounts of 1e308 summed to
// +Inf: --json failed with a bare "json: unsupported value: +Inf" (exit
// 1) and --csv wrote +Inf. The reader now refuses the first amount past
// 2^53 at its line and column, exit 2, nothing on stdout, in every format.
func TestCohortsRefuseAmountsPast2to53(t *testing.T) {
	path := writeFile(t, "orders.csv", cohortsLog+"e,2024-01-07,1e308\nf,2024-01-08,1e308\n")
	want := "retain: " + path + `:9:3: amount "1e308" is too large: numbers beyond ±9,007,199,254,740,992 (2^53) cannot be added up exactly` + "\n"
	for _, format := range [][]string{{"--metric", "revenue"}, {"--json"}, {"--csv"}} {
		mustRefuse(t, append([]string{"cohorts", "--log", path}, format...), want)
	}
}

// TestCohortsRevenuePastAnInt: amounts within 2^53 may still sum past an
// int's range: 1,100 lines of 9e15 are a January revenue of 9.9e18 (1,100
// × 9e15), more than math.MaxInt64 (about 9.22e18), which an int
// conversion wrapped round to -9,223,372,036,854,775,808. It is written
// as a float.
func TestCohortsRevenuePastAnInt(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for i := range 1100 {
		fmt.Fprintf(&b, "c%d,2024-01-%02d,9000000000000000\n", i, 1+i%28)
	}
	path := writeFile(t, "orders.csv", b.String())
	c := newCLI(t)
	if code := c.run(context.Background(), "cohorts", "--log", path, "--metric", "revenue"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	if got := c.stdout.String(); !strings.Contains(got, "  9.9e+18*\n") || strings.Contains(got, "-9,223") {
		t.Errorf("stdout:\n%s\nwant January's revenue as 9.9e+18", got)
	}
}
