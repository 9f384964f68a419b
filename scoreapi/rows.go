package scoreapi

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// decodeRows decodes the raw "rows" array one row at a time and returns
// them with their count n. Past maxRows the rest are only counted: a body
// of many tiny rows is refused without building a map for each (a map
// costs tens of times the bytes of "{}" that asks for it). rows is nil
// when the body has no "rows" (or null), and holds at most maxRows rows.
func decodeRows(raw json.RawMessage, maxRows, columns int) (rows []map[string]any, n int, bad *apiError) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, 0, nil
	}
	if raw[0] != '[' {
		return nil, 0, badRequest("bad_json", "rows: got a JSON %s, want an array of objects", rawKind(raw))
	}
	// The body was read whole and checked as JSON already: errors here
	// are about types only.
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, 0, jsonError(err)
	}
	rows = []map[string]any{}
	var elem json.RawMessage
	for ; dec.More(); n++ {
		if err := dec.Decode(&elem); err != nil {
			return nil, 0, jsonError(err)
		}
		if n >= maxRows {
			continue
		}
		row, bad := decodeRow(n, elem, columns)
		if bad != nil {
			return nil, 0, bad
		}
		rows = append(rows, row)
	}
	return rows, n, nil
}

// decodeRow decodes row i from its raw JSON (nil for null). A value that
// is an array or an object is never a cell: it is kept as an empty one of
// its kind, which is all the errors about it say, rather than built (an
// array of a million zeros costs forty times its bytes). A row may name
// the model's columns, an id and a label, and as many keys again (typos,
// fields of other systems), which are refused one by one with their name;
// a row of more is refused whole as soon as it has them, for the same
// reason.
func decodeRow(i int, raw json.RawMessage, columns int) (map[string]any, *apiError) {
	switch raw[0] {
	case 'n':
		return nil, nil
	case '{':
	default:
		return nil, badRow(i, "got a JSON %s, want an object of column values", rawKind(raw))
	}
	maxKeys := 2 * (columns + 2)
	row := make(map[string]any, min(columns+2, maxKeys))
	// raw is one valid JSON object (the body was checked whole): it is
	// walked, not checked again.
	keys := 0
	for p := skipSpace(raw, 1); raw[p] != '}'; {
		if keys++; keys > maxKeys {
			return nil, badRow(i, "more than %d keys: the model's rows have %d columns, an id and a label "+
				"(GET /openapi.json lists the model's columns)", maxKeys, columns)
		}
		end := stringEnd(raw, p)
		key, err := unquote(raw[p:end])
		if err != nil {
			return nil, jsonError(err)
		}
		if _, twice := row[key]; twice {
			// A client's merge of two sources, most likely: one of
			// the values would be dropped without a word.
			return nil, rowError(i, key, "given twice")
		}
		p = skipSpace(raw, skipSpace(raw, end)+1) // past the colon
		end = valueEnd(raw, p)
		if row[key], err = cellValue(raw[p:end]); err != nil {
			return nil, jsonError(err)
		}
		if p = skipSpace(raw, end); raw[p] == ',' {
			p = skipSpace(raw, p+1)
		}
	}
	return row, nil
}

// cellValue is what a cell's raw JSON value decodes to: a string, a
// json.Number, a bool or nil, and an empty []any or map[string]any for an
// array or an object.
func cellValue(v []byte) (any, error) {
	switch v[0] {
	case '"':
		return unquote(v)
	case 'n':
		return nil, nil
	case 't', 'f':
		return v[0] == 't', nil
	case '[':
		return []any{}, nil
	case '{':
		return map[string]any{}, nil
	}
	return json.Number(v), nil
}

// unquote decodes a valid JSON string; one without escapes, in valid
// UTF-8, is its bytes.
func unquote(q []byte) (string, error) {
	body := q[1 : len(q)-1]
	if bytes.IndexByte(body, '\\') < 0 && utf8.Valid(body) {
		return string(body), nil
	}
	var s string
	err := json.Unmarshal(q, &s)
	return s, err
}

// skipSpace returns the index of the first byte of b at or after p that is
// not JSON whitespace.
func skipSpace(b []byte, p int) int {
	for p < len(b) && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r') {
		p++
	}
	return p
}

// stringEnd returns the index just past the valid JSON string that starts
// at p.
func stringEnd(b []byte, p int) int {
	for p++; b[p] != '"'; p++ {
		if b[p] == '\\' {
			p++
		}
	}
	return p + 1
}

// valueEnd returns the index just past the valid JSON value that starts at
// p.
func valueEnd(b []byte, p int) int {
	switch b[p] {
	case '"':
		return stringEnd(b, p)
	case '{', '[':
		depth := 0
		for ; ; p++ {
			switch b[p] {
			case '"':
				p = stringEnd(b, p) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return p + 1
				}
			}
		}
	}
	for ; p < len(b); p++ {
		switch b[p] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return p
		}
	}
	return p
}

// rawKind names the JSON type of a raw value by its first byte.
func rawKind(raw []byte) string {
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}
