package data

import (
	"strings"
	"testing"
)

func TestPipeDelimited(t *testing.T) {
	tab := mustRead(t, "customer_id|x|z|Churn\n1|0.5|2|Yes\n2|-0.25|3|No\n3|1|4|No\n", CSVOptions{})
	if x := tab.Column("x"); x == nil || !sameFloats(x.Values, []float64{0.5, -0.25, 1}) {
		t.Fatalf("columns %v", tab.Columns)
	}
	if got := sniffDelimiter([]byte("a|b|c\n1|2|3\n")); got != '|' {
		t.Errorf("sniffDelimiter = %q", got)
	}
	// A pipe inside a comma file's cells does not win.
	if got := sniffDelimiter([]byte("a,b,c\nx|y,2,3\nz,2,3\n")); got != ',' {
		t.Errorf("sniffDelimiter = %q", got)
	}
}

func TestPipeDelimitedLog(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader("customer|date|amount\na|2020-01-01|5.5\nb|2020-01-02|7\n"), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Orders) != 2 || log.Orders[0].Amount != 5.5 || log.Orders[1].Amount != 7 {
		t.Errorf("orders %+v", log.Orders)
	}
}
