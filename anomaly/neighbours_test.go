package anomaly

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestTooManyNeighboursRefused is review 28's finding 6: 5,000 neighbours
// of 300 users put every other user in each user's average, so every score
// was one number and the ranking floating-point noise, yet some users were
// flagged. Neighbours above users − 2 are refused, naming the limit.
func TestTooManyNeighboursRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("visits,spend\n")
	for i := range MinRows {
		fmt.Fprintf(&b, "%d,%d\n", i%7, (i*13)%40)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "small.csv", data.CSVOptions{NoLabel: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{MinRows - 1, 5000} {
		_, err := Prepare(tab, Options{Neighbours: k})
		if !errors.Is(err, ErrNeighbours) || !strings.Contains(err.Error(), "small.csv has 20 users, so at most 18") {
			t.Errorf("%d neighbours of %d users: %v, want ErrNeighbours naming 18", k, MinRows, err)
		}
	}
	if _, err := Prepare(tab, Options{Neighbours: MinRows - 2}); err != nil {
		t.Errorf("%d neighbours of %d users: %v, want them taken", MinRows-2, MinRows, err)
	}
}
