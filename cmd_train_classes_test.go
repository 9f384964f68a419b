package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// classLog writes an order log of the customers orders gives, each a list
// of days after 2024-01-01.
func classLog(t *testing.T, orders map[string][]int) string {
	t.Helper()
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	b.WriteString("customer_id,date,amount\n")
	for i := range len(orders) {
		id := fmt.Sprintf("k%02d", i)
		for _, d := range orders[id] {
			fmt.Fprintf(&b, "%s,%s,10\n", id, day0.AddDate(0, 0, d).Format(time.DateOnly))
		}
	}
	return writeFile(t, "orders.csv", b.String())
}

// TestTrainRefusesAOneClassCohortForItsCause: a cohort in which no
// customer orders again (or every one does) is refused before any split,
// saying so, instead of blaming the split's validation part and --val.
func TestTrainRefusesAOneClassCohortForItsCause(t *testing.T) {
	perOrder, noneAgain, allAgain := map[string][]int{}, map[string][]int{}, map[string][]int{}
	for i := range 30 {
		id := fmt.Sprintf("k%02d", i)
		perOrder[id] = []int{2 * i} // one order each: the key names orders
		noneAgain[id] = []int{i % 5, 10 + i%5}
		for d := i % 3; d <= 60; d += 3 {
			allAgain[id] = append(allAgain[id], d)
		}
	}
	noneAgain["k29"] = []int{60} // the log's last day, after the cutoff
	cases := []struct {
		name   string
		orders map[string][]int
		want   string
	}{
		{"one order per key", perOrder,
			"no customer orders again within the 10-day horizon (0 of 25 customers): every customer has one order — " +
				`is the customer column "customer_id" a per-order key? name the customer column with --log-columns customer=COL`},
		{"nobody orders again", noneAgain,
			"no customer orders again within the 10-day horizon (0 of 29 customers): the label has one class and a model needs both: give a longer --horizon"},
		{"everyone orders again", allAgain,
			"every customer orders again within the 10-day horizon (30 of 30 customers): the label has one class and a model needs both: give a shorter --horizon"},
	}
	for _, tc := range cases {
		log := classLog(t, tc.orders)
		c := newCLI(t)
		code := c.run(context.Background(), "train", "--log", log, "--horizon", "10d", "--epochs", "1")
		lines := strings.Split(strings.TrimSpace(c.stderr.String()), "\n")
		last := lines[len(lines)-1]
		prefix := "retain: " + log + " (order log, cutoff "
		if code != exitUsage || !strings.HasPrefix(last, prefix) || !strings.HasSuffix(last, ", horizon 10 days): "+tc.want) {
			t.Errorf("%s: exit %d, last line %q\nwant exit 2 and %q…%q", tc.name, code, last, prefix, tc.want)
		}
		if c.stdout.Len() != 0 {
			t.Errorf("%s: printed %q", tc.name, c.stdout.String())
		}
	}
}

// TestTrainRefusesAPartTooSmallToMeasure: four users leave the default
// validation part empty; train refuses them, exit 2, naming the part (the
// TUI's Train screen refuses the same file with the same sentence,
// experiment.CheckPart), and refuses a threshold of 0 or 1.
func TestTrainRefusesAPartTooSmallToMeasure(t *testing.T) {
	path := writeFile(t, "four.csv", "id,age,spend,churn\n1,30,10,yes\n2,40,20,no\n3,50,5,yes\n4,20,30,no\n")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", path); code != exitUsage {
		t.Fatalf("exit %d, want 2: %s", code, c.stderr.String())
	}
	want := "retain: " + path + ": the validation part has 0 rows and 0 positives: too few to measure a model (use more data, or change --val/--test)\n"
	if got := c.stderr.String(); !strings.HasSuffix(got, want) {
		t.Errorf("stderr %q, want it to end with %q", got, want)
	}
	for _, th := range []string{"0", "1"} {
		mustRefuse(t, []string{"train", "--data", path, "--threshold", th},
			"retain: --threshold "+th+": want a probability between 0 and 1, such as 0.5\n")
	}
}
