package data

import (
	"strings"
	"testing"
)

// TestOrderLogNumbersUpTo2to53: an amount of exactly 2^53 is read;
// TestReadOrderLogErrors refuses numbers past it.
func TestOrderLogNumbersUpTo2to53(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader("customer,date,amount\na,2020-01-01,9007199254740992\nb,2020-01-02,3\n"), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Orders) != 2 || log.Orders[0].Amount != 1<<53 {
		t.Errorf("orders %+v, want the first of 2^53", log.Orders)
	}
}
