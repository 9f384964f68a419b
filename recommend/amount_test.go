package recommend

import (
	"testing"

	"github.com/retainlab/retain/data"
)

// TestAmountLike: an item column of numbers written with decimals (a
// money column, as CDNOW's dollar_value) is told; product codes (85123A,
// POST), whole product numbers and a column where only a few ids have
// decimals are not. Counted by hand from the logs below.
func TestAmountLike(t *testing.T) {
	head := "customer,date,item\n"
	for _, c := range []struct {
		name, lines, want string
	}{
		{"amounts", "a,2024-01-01,12.99\na,2024-01-02,0.50\nb,2024-01-01,12.99\nb,2024-01-03,7\nc,2024-01-02,3.10\n",
			"the item column item holds numbers with decimals (12.99, 0.50, 3.10: 3 of its 4 values), as an amount or a price does; " +
				"each value is recommended as an item — if it is not one, name the item column with --item-column"},
		{"many amounts", "a,2024-01-01,1.5\na,2024-01-01,2.5\na,2024-01-01,3.5\na,2024-01-01,4.5\n",
			"the item column item holds numbers with decimals (1.5, 2.5, 3.5, …: 4 of its 4 values), as an amount or a price does; " +
				"each value is recommended as an item — if it is not one, name the item column with --item-column"},
		{"codes", "a,2024-01-01,85123A\na,2024-01-02,POST\nb,2024-01-01,22423\n", ""},
		{"whole numbers", "a,2024-01-01,1001\na,2024-01-02,1002\nb,2024-01-01,-3\n", ""},
		{"half with decimals", "a,2024-01-01,1.5\na,2024-01-02,2\nb,2024-01-01,3.25\nb,2024-01-02,4\n", ""},
		{"mostly codes", "a,2024-01-01,1.5\na,2024-01-02,2.5\nb,2024-01-01,X\n", ""},
		{"dots, not numbers", "a,2024-01-01,1.2.3\na,2024-01-02,.\nb,2024-01-01,2.\n", ""},
	} {
		l := readLog(t, head+c.lines, "log.csv", data.LogOptions{Columns: data.LogColumns{Item: "item"}})
		got := ""
		if a := l.AmountLike(); a != nil {
			got = a.String()
		}
		if got != c.want {
			t.Errorf("%s: %q\nwant %q", c.name, got, c.want)
		}
	}
}
