package anomaly

import (
	"bufio"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
)

// WriteFeatures writes the network's inputs as CSV: the row id, one column
// per preprocessed feature (the pipeline's output names), then the truth
// and archetype columns when they were named, so another tool (such as
// testdata/anomaly/isoforest.py) can score exactly what the network saw.
// Rows are in the table's order, or, with Options.TiesByID and an id
// column, in the order of their ids: beside pseudonymised ids, the file's
// order would give the ids back when the file is sorted by id.
func (res *Result) WriteFeatures(w io.Writer) error {
	r := res.run
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	width := r.Pipeline.Width()
	header := append([]string{"id"}, r.Pipeline.FeatureNames()...)
	if res.Truth != nil {
		header = append(header, r.Options.Truth)
	}
	if res.Archetype != nil {
		header = append(header, r.Options.Archetype)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	for _, row := range res.featureOrder() {
		rec[0] = res.IDs[row]
		for j, v := range r.X[row*width : (row+1)*width] {
			rec[1+j] = strconv.FormatFloat(v, 'g', -1, 64)
		}
		k := 1 + width
		if res.Truth != nil {
			rec[k] = strconv.FormatFloat(res.Truth[row], 'g', -1, 64)
			k++
		}
		if res.Archetype != nil {
			rec[k] = res.Archetype[row]
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// featureOrder lists the rows in the order WriteFeatures writes them.
func (res *Result) featureOrder() []int {
	rows := make([]int, res.run.Table.Rows)
	for i := range rows {
		rows[i] = i
	}
	if res.run.Options.TiesByID && res.run.Table.IDColumn >= 0 {
		slices.SortStableFunc(rows, func(a, b int) int { return strings.Compare(res.IDs[a], res.IDs[b]) })
	}
	return rows
}
