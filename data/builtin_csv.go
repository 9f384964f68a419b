package data

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
)

// WriteCSV writes the population as a CSV table (user_id, the ten features,
// then the label as yes/no) that ReadCSV reads back to the same values. The
// true probabilities are not written: as a column they would leak the label.
func (s *Shop) WriteCSV(w io.Writer) error { return writeTableCSV(w, s.Table) }

// writeTableCSV writes t's columns and label with a header; numbers use the
// shortest text that parses back to the same float64, missing cells are
// empty.
func writeTableCSV(w io.Writer, t *Table) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	names := make([]string, 0, len(t.Columns)+1)
	for _, c := range t.Columns {
		names = append(names, csvQuote(c.Name))
	}
	if t.Label.Name != "" {
		names = append(names, csvQuote(t.Label.Name))
	}
	bw.WriteString(strings.Join(names, ","))
	bw.WriteByte('\n')
	var num []byte
	for i := range t.Rows {
		for j, c := range t.Columns {
			if j > 0 {
				bw.WriteByte(',')
			}
			switch {
			case c.Values != nil && !math.IsNaN(c.Values[i]):
				num = strconv.AppendFloat(num[:0], c.Values[i], 'g', -1, 64)
				bw.Write(num)
			case c.Strings != nil:
				bw.WriteString(csvQuote(c.Strings[i]))
			}
		}
		if t.Label.Name != "" {
			if len(t.Columns) > 0 {
				bw.WriteByte(',')
			}
			class := t.Label.Negative
			if t.Label.Values[i] == 1 {
				class = t.Label.Positive
			}
			bw.WriteString(csvQuote(class))
		}
		if _, err := bw.Write([]byte{'\n'}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// csvQuote quotes a cell when it holds a delimiter, quote, line break or
// surrounding space, doubling inner quotes (RFC 4180).
func csvQuote(s string) string {
	if s == "" || !strings.ContainsAny(s, ",;\t\"\r\n") && strings.TrimSpace(s) == s {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
