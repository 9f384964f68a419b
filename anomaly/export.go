package anomaly

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
)

// WriteFeatures writes the network's inputs as CSV: the row id, one column
// per preprocessed feature (the pipeline's output names), then the truth
// and archetype columns when they were named, so another tool (such as
// testdata/anomaly/isoforest.py) can score exactly what the network saw.
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
	for row := range r.Table.Rows {
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
