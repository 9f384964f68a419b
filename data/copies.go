package data

// CopiesOf counts the rows of other that repeat a row of train in every
// feature column (the model's input cells) and the label. Identifier and
// ignored columns are left out: a join that duplicates rows often gives
// each copy its own id, and the model never sees it. A validation or test
// part full of such copies scores what the network has memorised, so its
// figures are optimistic. It returns 0 once the table's cells are
// released.
func CopiesOf(t *Table, train, other []int) int {
	if len(train) == 0 || len(other) == 0 {
		return 0
	}
	cols := t.Features()
	for _, c := range cols {
		if c.Values == nil && c.Strings == nil {
			return 0 // cells released: nothing to compare
		}
	}
	set := newRowSet(t, cols, len(train))
	for _, r := range train {
		set.add(r)
	}
	n := 0
	for _, r := range other {
		if _, found := set.lookup(r); found {
			n++
		}
	}
	return n
}
