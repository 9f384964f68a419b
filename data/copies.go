package data

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"slices"
)

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
	seed := maphash.MakeSeed()
	// As in DropDuplicates: a map of integers, with a second map only for
	// distinct rows whose hashes meet.
	first := make(map[uint64]int, len(train)) // hash → a training row
	var more map[uint64][]int                 // hash → other training rows with it
	same := func(r int) func(int) bool { return func(o int) bool { return sameInputs(t, cols, o, r) } }
	var key []byte
	for _, r := range train {
		key = inputKey(t, cols, r, key[:0])
		h := maphash.Bytes(seed, key)
		if f, ok := first[h]; !ok {
			first[h] = r
		} else if !sameInputs(t, cols, f, r) && !slices.ContainsFunc(more[h], same(r)) {
			if more == nil {
				more = make(map[uint64][]int)
			}
			more[h] = append(more[h], r)
		}
	}
	n := 0
	for _, r := range other {
		key = inputKey(t, cols, r, key[:0])
		h := maphash.Bytes(seed, key)
		if f, ok := first[h]; ok && (sameInputs(t, cols, f, r) || slices.ContainsFunc(more[h], same(r))) {
			n++
		}
	}
	return n
}

// inputKey appends row r's cells of cols and its label to key.
func inputKey(t *Table, cols []*Column, r int, key []byte) []byte {
	for _, c := range cols {
		if c.Values != nil {
			key = binary.LittleEndian.AppendUint64(key, math.Float64bits(c.Values[r]))
		} else if c.Strings != nil {
			key = binary.AppendUvarint(key, uint64(len(c.Strings[r])))
			key = append(key, c.Strings[r]...)
		}
	}
	if t.Label.Values != nil {
		key = binary.LittleEndian.AppendUint64(key, math.Float64bits(t.Label.Values[r]))
	}
	return key
}

// sameInputs reports whether rows a and b hold the same cells in cols and
// the same label.
func sameInputs(t *Table, cols []*Column, a, b int) bool {
	for _, c := range cols {
		if c.Values != nil && math.Float64bits(c.Values[a]) != math.Float64bits(c.Values[b]) {
			return false
		}
		if c.Values == nil && c.Strings != nil && c.Strings[a] != c.Strings[b] {
			return false
		}
	}
	return t.Label.Values == nil || math.Float64bits(t.Label.Values[a]) == math.Float64bits(t.Label.Values[b])
}
