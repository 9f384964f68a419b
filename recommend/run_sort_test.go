package recommend

import (
	"slices"
	"testing"
)

// TestSortByID: the customers are listed by id, and Customer still finds
// each one.
func TestSortByID(t *testing.T) {
	r := &Result{Customers: []CustomerRecs{{ID: "p_c"}, {ID: "p_a"}, {ID: "p_b"}}, byID: map[string]int{"p_c": 0, "p_a": 1, "p_b": 2}}
	r.SortByID()
	var ids []string
	for _, c := range r.Customers {
		ids = append(ids, c.ID)
	}
	if want := []string{"p_a", "p_b", "p_c"}; !slices.Equal(ids, want) {
		t.Errorf("customers %q, want %q", ids, want)
	}
	for _, id := range ids {
		if c := r.Customer(id); c == nil || c.ID != id {
			t.Errorf("Customer(%q) = %v", id, c)
		}
	}
}
