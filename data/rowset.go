package data

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"slices"
)

// rowSet holds rows of a table by their cells in cols and their label:
// a map of integers by hash, with a second map only for distinct rows
// whose hashes meet. DropDuplicates and CopiesOf share it.
type rowSet struct {
	t     *Table
	cols  []*Column
	seed  maphash.Seed
	first map[uint64]int   // hash → the first row added with it
	more  map[uint64][]int // hash → other distinct rows added with it
	key   []byte
}

func newRowSet(t *Table, cols []*Column, n int) *rowSet {
	return &rowSet{t: t, cols: cols, seed: maphash.MakeSeed(), first: make(map[uint64]int, n)}
}

// lookup reports r's hash and whether a row with r's cells is in the set.
func (s *rowSet) lookup(r int) (uint64, bool) {
	s.key = s.rowKey(r, s.key[:0])
	h := maphash.Bytes(s.seed, s.key)
	f, ok := s.first[h]
	if !ok {
		return h, false
	}
	return h, s.same(f, r) || slices.ContainsFunc(s.more[h], func(o int) bool { return s.same(o, r) })
}

// add adds r unless a row with its cells is there; it reports whether r
// was added.
func (s *rowSet) add(r int) bool {
	h, found := s.lookup(r)
	if found {
		return false
	}
	if _, taken := s.first[h]; !taken {
		s.first[h] = r
		return true
	}
	if s.more == nil {
		s.more = make(map[uint64][]int)
	}
	s.more[h] = append(s.more[h], r)
	return true
}

// rowKey appends row r's cells of the set's columns and its label to key.
func (s *rowSet) rowKey(r int, key []byte) []byte {
	for _, c := range s.cols {
		if c.Values != nil {
			key = binary.LittleEndian.AppendUint64(key, math.Float64bits(c.Values[r]))
		} else if c.Strings != nil {
			key = binary.AppendUvarint(key, uint64(len(c.Strings[r])))
			key = append(key, c.Strings[r]...)
		}
	}
	if s.t.Label.Values != nil {
		key = binary.LittleEndian.AppendUint64(key, math.Float64bits(s.t.Label.Values[r]))
	}
	return key
}

// same reports whether rows a and b hold the same cells in the set's
// columns and the same label.
func (s *rowSet) same(a, b int) bool {
	for _, c := range s.cols {
		if c.Values != nil && math.Float64bits(c.Values[a]) != math.Float64bits(c.Values[b]) {
			return false
		}
		if c.Values == nil && c.Strings != nil && c.Strings[a] != c.Strings[b] {
			return false
		}
	}
	lv := s.t.Label.Values
	return lv == nil || math.Float64bits(lv[a]) == math.Float64bits(lv[b])
}
