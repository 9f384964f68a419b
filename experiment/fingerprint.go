package experiment

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/retainlab/retain/data"
)

// RowsFingerprint summarises every row of a model's training table at once,
// so that `retain eval --model M --data F` can tell F holds exactly the rows
// M was trained on (its figures are then in-sample) without the file
// holding any row. Each row is hashed (64-bit FNV-1a over every column's
// name and cell, columns in name order, then the label's class, its
// column's name left out so that a label renamed since training (eval
// --label) still matches,
// mixed by SplitMix64's finaliser) and the row hashes are added modulo
// 2^64, so the order of the rows and of the columns does not matter while
// one changed cell, one row more or one row fewer does.
//
// A sum over every row is no statistic of a few customers; a table of
// fewer than data.MinGroup rows gets none (TableFingerprint). Only the sum's
// lowest 16 bits are kept: enough for a warning (another table with as many
// rows matches by chance once in 65,536), too few to confirm a guess: one
// who holds every training row but one, and tries candidate values for the
// last, finds one candidate in 65,536 matching, not only the true row.
type RowsFingerprint struct {
	// Rows is the number of rows summed.
	Rows int `json:"rows"`
	// Sum is the lowest 16 bits of the sum of the row hashes, 4 lower-case
	// hex digits.
	Sum string `json:"sum"`
}

// TableFingerprint returns the fingerprint of t's rows, or nil when t has
// fewer than data.MinGroup rows (or none). It reads t only.
func TableFingerprint(t *data.Table) *RowsFingerprint {
	if t == nil || t.Rows < data.MinGroup {
		return nil
	}
	type col struct {
		seed uint64 // FNV state after the column's name and kind
		c    *data.Column
	}
	cols := make([]col, 0, len(t.Columns))
	for _, c := range t.Columns {
		cols = append(cols, col{c: c})
	}
	slices.SortStableFunc(cols, func(a, b col) int { return cmp.Compare(a.c.Name, b.c.Name) })
	for i := range cols {
		c := cols[i].c
		tag := "constant"
		switch {
		case c.Values != nil:
			tag = "number"
		case c.Strings != nil:
			tag = "text"
		}
		cols[i].seed = fnvString(fnvString(fnvOffset, c.Name), tag)
	}
	label := fnvString(fnvOffset, "label")
	var sum uint64
	for r := range t.Rows {
		h := uint64(fnvOffset)
		for _, cc := range cols {
			h = fnvUint64(h, cellHash(cc.seed, cc.c, r))
		}
		if t.Label.Name != "" && r < len(t.Label.Values) {
			class := t.Label.Negative
			if t.Label.Values[r] == 1 {
				class = t.Label.Positive
			}
			h = fnvUint64(h, mix64(fnvString(label, class)))
		}
		sum += mix64(h)
	}
	return &RowsFingerprint{Rows: t.Rows, Sum: fmt.Sprintf("%04x", sum&0xffff)}
}

// Matches reports whether f and g summarise the same rows (false when
// either is nil).
func (f *RowsFingerprint) Matches(g *RowsFingerprint) bool {
	return f != nil && g != nil && f.Rows == g.Rows && f.Sum == g.Sum
}

// SameRows reports whether the per-user table at path holds exactly the
// rows b was trained on (the same rows in any order, validation rows
// included), read as training read it: with the model's label column (or
// label, the column eval --label names instead) and its excluded columns.
// It is false for a model file without a fingerprint and for a file that
// cannot be read as such a table: the question is then left open, never
// an error.
func (b *Bundle) SameRows(path, label string, open Opener) bool {
	if b.TrainingRows == nil {
		return false
	}
	if label == "" {
		label = b.Pipeline.Label.Name
	}
	src := Source{Kind: "csv", Path: path, Label: label, Exclude: b.Source.Exclude, Categorical: b.Source.Categorical, scoring: true}
	d, err := Load(src, open)
	if err != nil {
		return false
	}
	return b.TrainingRows.Matches(TableFingerprint(d.Table))
}

// validate checks a fingerprint read from a model file.
func (f *RowsFingerprint) validate() error {
	if f == nil {
		return nil
	}
	if f.Rows < data.MinGroup {
		return fmt.Errorf("training rows fingerprint of %d rows: a file holds one only for %d rows or more", f.Rows, data.MinGroup)
	}
	if _, err := strconv.ParseUint(f.Sum, 16, 64); err != nil || len(f.Sum) != 4 {
		return fmt.Errorf("training rows fingerprint %q: want 4 hex digits", f.Sum)
	}
	return nil
}

// cellHash hashes row r of column c from the column's seed: a number by
// its float64 bits (every NaN, a missing cell, alike), a text cell by its
// length and bytes, a constant column's cell by its one level.
func cellHash(seed uint64, c *data.Column, r int) uint64 {
	switch {
	case c.Values != nil:
		v := c.Values[r]
		bits := math.Float64bits(v)
		if math.IsNaN(v) {
			bits = nanBits
		}
		return mix64(fnvUint64(seed, bits))
	case c.Strings != nil:
		s := c.Strings[r]
		return mix64(fnvString(fnvUint64(seed, uint64(len(s))), s))
	case len(c.Levels) > 0:
		return mix64(fnvString(seed, c.Levels[0]))
	}
	return mix64(seed)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// nanBits is the one NaN every missing number hashes as.
var nanBits = math.Float64bits(math.NaN())

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	// A separator, so that ("ab", "c") and ("a", "bc") differ.
	h ^= 0xff
	h *= fnvPrime
	return h
}

func fnvUint64(h, v uint64) uint64 {
	for range 8 {
		h ^= v & 0xff
		h *= fnvPrime
		v >>= 8
	}
	return h
}

// mix64 is SplitMix64's finaliser: every input bit moves every output bit,
// so sums of row hashes do not cancel by structure.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
