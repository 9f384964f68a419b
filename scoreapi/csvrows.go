package scoreapi

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/retainlab/retain/data"
)

// RowsFromCSV reads a comma-separated file with a header into request rows
// for the model's pipeline p, as a client would send them: cells of
// numeric columns as JSON numbers written exactly as in the file (blank
// and "NA"-style cells as null), other columns (dates too) as strings; the id column is
// kept, every other column the model does not take is dropped. It is the
// client side of the benchmark and the tests, not part of the server.
func RowsFromCSV(r io.Reader, p *data.Pipeline) ([]map[string]any, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading the header: %w", err)
	}
	// The columns sent as JSON numbers: numeric ones but dates, which
	// travel as their text like every other column.
	numeric := make(map[string]bool, len(p.Columns))
	for _, c := range p.Columns {
		numeric[c.Name] = c.Kind == data.Numeric && !c.Date
	}
	var rows []map[string]any
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		row := make(map[string]any, len(p.Columns)+1)
		for j, name := range header {
			number, ok := numeric[name]
			switch {
			case name == p.IDName && name != "":
				row[name] = rec[j]
			case !ok:
			case number:
				row[name] = numberCell(strings.TrimSpace(rec[j]))
			default:
				row[name] = rec[j]
			}
		}
		rows = append(rows, row)
	}
}

// numberCell is a numeric cell as JSON: the number as written, null when
// blank or not a JSON number (the server imputes or refuses it as the CSV
// reader would).
func numberCell(s string) any {
	if s == "" || !json.Valid([]byte(s)) {
		return nil
	}
	var n json.Number
	if json.Unmarshal([]byte(s), &n) != nil {
		return nil
	}
	return n
}
