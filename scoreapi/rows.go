package scoreapi

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/gonum/mat"

	"github.com/retainlab/retain/data"
)

// Request is the body of POST /v1/predict.
type Request struct {
	// Rows are the users to score: one object per user, keyed by the raw
	// column names of the training data (the label column is optional and
	// ignored; the id column, if the data had one, names the row).
	Rows []map[string]any `json:"rows"`
	// Explain asks for the top N reasons of each prediction (0: none).
	Explain int `json:"explain"`
	// Recommend asks for N recommendations per row; only a model file that
	// carries recommendations can give them.
	Recommend int `json:"recommend"`
}

// apiError is an error answered with a status and a JSON body.
type apiError struct {
	Status int `json:"status"`
	// Message says what is wrong, in words a client can act on.
	Message string `json:"message"`
	// Row is the 0-based index in "rows" and Column the column at fault,
	// when a row is.
	Row    *int   `json:"row,omitempty"`
	Column string `json:"column,omitempty"`
	// Kind classifies the error for the metrics ("bad_json", "bad_row", …).
	Kind string `json:"-"`
}

func (e *apiError) Error() string { return e.Message }

// badRequest returns a 400 of kind kind.
func badRequest(kind, format string, args ...any) *apiError {
	return &apiError{Status: http.StatusBadRequest, Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// badRow returns a 400 naming row i ("rows[i]: …" and Row).
func badRow(i int, format string, args ...any) *apiError {
	e := badRequest("bad_row", "rows[%d]: %s", i, fmt.Sprintf(format, args...))
	e.Row = &i
	return e
}

// rowError returns a 400 naming row i and column.
func rowError(i int, column, format string, args ...any) *apiError {
	e := badRow(i, "column %q: %s", column, fmt.Sprintf(format, args...))
	e.Column = column
	return e
}

// wireRequest is a Request as read: its rows are kept as raw JSON until
// decodeRows has counted them.
type wireRequest struct {
	Rows      json.RawMessage `json:"rows"`
	Explain   int             `json:"explain"`
	Recommend int             `json:"recommend"`
}

// decodeRequest reads the request body (already limited by MaxBytesReader)
// into a Request, refusing non-JSON, unknown fields, trailing data, a key
// given twice, more than maxRows rows and rows of far more keys than the model's columns
// (columns of them, besides an id and a label; see decodeRow).
func decodeRequest(body io.Reader, maxRows, columns int) (*Request, *apiError) {
	keys := &keyScanner{r: body}
	dec := json.NewDecoder(keys)
	dec.UseNumber()
	dec.DisallowUnknownFields()
	var wire wireRequest
	if err := dec.Decode(&wire); err != nil {
		return nil, jsonError(err)
	}
	if bad := trailingText(dec, body); bad != nil {
		return nil, bad
	}
	if keys.twice != "" {
		return nil, badRequest("bad_json", "%q given twice", keys.twice)
	}
	rows, n, bad := decodeRows(wire.Rows, maxRows, columns)
	if bad != nil {
		return nil, bad
	}
	req := Request{Rows: rows, Explain: wire.Explain, Recommend: wire.Recommend}
	switch {
	case req.Rows == nil:
		return nil, badRequest("bad_json", `no "rows": want {"rows": [{column: value, …}, …]}`)
	case n == 0:
		return nil, badRequest("bad_json", `"rows" is empty: nothing to score`)
	case n > maxRows:
		return nil, &apiError{Status: http.StatusRequestEntityTooLarge, Kind: "too_many_rows",
			Message: fmt.Sprintf("%d rows: at most %d per request (--max-rows)", n, maxRows)}
	case req.Explain < 0:
		return nil, badRequest("bad_json", `"explain" is %d: want a number of reasons ≥ 0`, req.Explain)
	case req.Recommend < 0:
		return nil, badRequest("bad_json", `"recommend" is %d: want a number of items ≥ 0`, req.Recommend)
	}
	for i, r := range req.Rows {
		if r == nil {
			return nil, badRow(i, "null: want an object of column values")
		}
	}
	return &req, nil
}

// requestKeys are the keys of a request body, as encoding/json matches
// them to wireRequest's fields (case-insensitively).
var requestKeys = [...]string{"rows", "explain", "recommend"}

// keyScanner passes a body through to the decoder and notes, as the bytes
// go by, the first of requestKeys given twice at the top level of the
// body's object (encoding/json keeps the last value without a word). The
// bytes are stepped over, not kept or parsed: "rows" is decoded once, by
// decodeRows. What it notes is meaningful once the body has decoded.
type keyScanner struct {
	r io.Reader
	// depth counts the open objects and arrays; done is set when the
	// top-level one closes, and nothing after it is looked at.
	depth         int
	inString, esc bool
	done          bool
	// wantKey is set where a top-level key may start; key holds the
	// one being read, quotes and escapes included (keyed: it is one).
	wantKey, keyed bool
	key            []byte
	seen           [len(requestKeys)]bool
	// twice is the first key given twice ("" if none).
	twice string
}

// maxKey bounds the bytes of a key kept: a field name, escaped character
// by character, is far shorter, and a longer key is no field.
const maxKey = 128

func (k *keyScanner) Read(p []byte) (int, error) {
	n, err := k.r.Read(p)
	for _, c := range p[:n] {
		if k.done {
			break
		}
		k.step(c)
	}
	return n, err
}

// step takes the body's next byte.
func (k *keyScanner) step(c byte) {
	if k.inString {
		if k.keyed && len(k.key) < maxKey {
			k.key = append(k.key, c)
		}
		switch {
		case k.esc:
			k.esc = false
		case c == '\\':
			k.esc = true
		case c == '"':
			k.inString = false
			if k.keyed {
				k.keyed = false
				k.note()
			}
		}
		return
	}
	switch c {
	case '"':
		k.inString = true
		if k.depth == 1 && k.wantKey {
			k.wantKey, k.keyed = false, true
			k.key = append(k.key[:0], c)
		}
	case '{', '[':
		k.depth++
		k.wantKey = k.depth == 1 && c == '{'
	case '}', ']':
		k.depth--
		k.done = k.depth == 0
	case ',':
		k.wantKey = k.depth == 1
	}
}

// note records the key just read.
func (k *keyScanner) note() {
	if len(k.key) >= maxKey {
		return
	}
	key, err := unquote(k.key)
	if err != nil {
		return
	}
	for i, name := range requestKeys {
		if strings.EqualFold(key, name) {
			if k.seen[i] && k.twice == "" {
				k.twice = name
			}
			k.seen[i] = true
		}
	}
}

// trailingText checks that nothing but JSON whitespace follows the value
// dec has decoded from body: a second JSON value is "more than one", and
// anything else is text after the object, at its 1-based byte (as the
// syntax errors count), rather than the decoder's guess at what it began
// ("invalid character 'a' in literal true" for "trailing").
func trailingText(dec *json.Decoder, body io.Reader) *apiError {
	at := dec.InputOffset()
	rest := bufio.NewReader(io.MultiReader(dec.Buffered(), body))
	for {
		c, err := rest.ReadByte()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return jsonError(err)
		}
		at++
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if err := rest.UnreadByte(); err != nil {
			return jsonError(err)
		}
		var second json.RawMessage
		if json.NewDecoder(rest).Decode(&second) == nil {
			return badRequest("bad_json", "the body holds more than one JSON value")
		}
		return badRequest("bad_json", "unexpected text after the JSON object at byte %d", at)
	}
}

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

// jsonError turns a decoding error into a 400, or a 413 when the body was
// larger than allowed.
func jsonError(err error) *apiError {
	var tooBig *http.MaxBytesError
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var slow *bodyTimeoutError
	var broken *net.OpError
	switch {
	case errors.As(err, &slow):
		return &apiError{Status: http.StatusRequestTimeout, Kind: "timeout", Message: slow.Error()}
	case errors.As(err, &broken):
		// The connection failed under the body: its error names the
		// server's and the client's addresses, which are no answer.
		return badRequest("read_failed", "the body could not be read: the connection failed")
	case errors.As(err, &tooBig):
		return &apiError{Status: http.StatusRequestEntityTooLarge, Kind: "too_large",
			Message: fmt.Sprintf("the body is larger than %d bytes (--max-body)", tooBig.Limit)}
	case errors.Is(err, io.EOF):
		return badRequest("bad_json", "empty body: want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("bad_json", "the body ends in the middle of its JSON")
	case errors.As(err, &syntax):
		return badRequest("bad_json", "not JSON at byte %d: %v", syntax.Offset, err)
	case errors.As(err, &typ):
		where := typ.Field
		if where == "" {
			where = "the body"
		}
		return badRequest("bad_json", "%s: got a JSON %s, want %s", where, typ.Value, describeType(typ.Type.String()))
	}
	msg := err.Error()
	// encoding/json words an unknown top-level key as `json: unknown
	// field "k"` (no error type to match); the answer names it in
	// retain's words, without the package prefix.
	if key, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return badRequest("bad_json", `unknown field %s: a request holds only "rows", "explain" and "recommend"`, key)
	}
	return badRequest("bad_json", "%s", strings.TrimPrefix(msg, "json: "))
}

// describeType names a Go type of the Request in JSON words.
func describeType(t string) string {
	switch {
	case t == "int":
		return "an integer"
	case strings.HasPrefix(t, "[]"):
		return "an array of objects"
	case strings.HasPrefix(t, "map"):
		return "an object of column values"
	}
	return "an object"
}

// prepared are a request's rows as model inputs.
type prepared struct {
	x *mat.Dense
	// ids are the rows' id values ("" where a row has none); hasID marks
	// the rows that have one.
	ids   []string
	hasID []bool
	// warnings are each row's cells scored as other than sent (nil when
	// no row has any).
	warnings [][]Warning
	// beyond holds the value sent in every cell beyond its column's
	// training range, by row and pipeline column (Scored.Beyond).
	beyond map[data.Cell]float64
	// blank marks every blank (null) cell of a numeric column, which the
	// model read as the column's fill (Scored.Blank).
	blank map[data.Cell]bool
}

// prepare checks every row against the model's columns and encodes it with
// the pipeline's cell encoder. The first fault (rows in order, each row's
// unknown columns first, then the model's columns in order) is a 400
// naming the row and column. It looks at ctx every 256 rows and answers
// errCancelled once it has ended.
func (m *Model) prepare(ctx context.Context, rows []map[string]any) (*prepared, *apiError) {
	p := m.Bundle.Pipeline
	width := p.Width()
	out := &prepared{ids: make([]string, len(rows)), hasID: make([]bool, len(rows)), beyond: map[data.Cell]float64{},
		blank: map[data.Cell]bool{}}
	buf := make([]float64, len(rows)*width)
	var cell []byte
	for i, row := range rows {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, errCancelled
		}
		if err := m.checkKeys(i, row); err != nil {
			return nil, err
		}
		dst := buf[i*width : (i+1)*width]
		for ci := range p.Columns {
			pc := &p.Columns[ci]
			v, ok := row[pc.Name]
			if !ok {
				return nil, m.missingError(i, ci, row)
			}
			var bad *apiError
			if cell, bad = m.cellText(cell[:0], i, ci, v); bad != nil {
				return nil, bad
			}
			trimmed := bytes.TrimSpace(cell)
			read, err := m.encoder.Read(ci, trimmed, dst)
			if err != nil {
				var ce *data.CellError
				if errors.As(err, &ce) {
					got := ce.Got
					if m.personal != nil {
						got = quote(m.personal.Cell(ci, string(trimmed)))
					}
					return nil, rowError(i, pc.Name, "expected %s, got %s", ce.Expected, got)
				}
				return nil, rowError(i, pc.Name, "%v", err)
			}
			if pc.Kind == data.Numeric && math.IsNaN(read) {
				out.blank[data.Cell{Row: i, Column: ci}] = true
			}
			if w, x, ok := m.cellWarning(ci, v, trimmed, read); ok {
				if out.warnings == nil {
					out.warnings = make([][]Warning, len(rows))
				}
				out.warnings[i] = append(out.warnings[i], w)
				if w.Kind == "clipped" {
					out.beyond[data.Cell{Row: i, Column: ci}] = x
				}
			}
		}
		if id := p.IDName; id != "" {
			if v, ok := row[id]; ok && v != nil {
				switch v := v.(type) {
				case string:
					// Trimmed as predict trims a CSV cell: " 15600587"
					// is customer 15600587 (a blank id is no id).
					out.ids[i] = strings.TrimSpace(v)
				case json.Number:
					out.ids[i] = v.String()
				default:
					return nil, rowError(i, id, "the id must be a string or a number, got %s", jsonKind(v))
				}
				out.hasID[i] = out.ids[i] != ""
			}
		}
	}
	out.x = mat.NewDense(len(rows), width, buf)
	return out, nil
}

// checkKeys refuses a column the model does not know (the first in sorted
// order, so the answer does not depend on map order). The training table's
// columns that are not inputs (its id, label and ignored columns) are
// accepted and left unread.
func (m *Model) checkKeys(i int, row map[string]any) *apiError {
	p := m.Bundle.Pipeline
	var unknown []string
	for k := range row {
		if _, ok := m.columns[k]; !ok && k != p.IDName && k != p.Label.Name && !m.ignored[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	return rowError(i, unknown[0], "not a column of the model (GET /openapi.json lists the model's columns)")
}

// cellText writes the text the CSV reader would see for v into dst: JSON
// numbers as written, strings as they are, null as a blank (missing) cell.
// Numeric columns take numbers, date columns dates as strings, boolean ones
// booleans or their spellings, categorical ones strings or numbers. v is
// row i's cell of pipeline column ci.
func (m *Model) cellText(dst []byte, i, ci int, v any) ([]byte, *apiError) {
	pc := &m.Bundle.Pipeline.Columns[ci]
	switch v := v.(type) {
	case nil:
		return dst, nil
	case json.Number:
		if pc.Date {
			return nil, rowError(i, pc.Name, "expected %s, got the number %s", expectedOf(pc), v)
		}
		return append(dst, v...), nil
	case string:
		if pc.Kind == data.Numeric && !pc.Date {
			hint := ""
			if isJSONNumber(v) {
				hint = " (send it without the quotes)"
			}
			return nil, rowError(i, pc.Name, "expected %s, got the string %s%s", expectedOf(pc), quote(m.personal.Cell(ci, v)), hint)
		}
		return append(dst, v...), nil
	case bool:
		if pc.Kind != data.Boolean {
			return nil, rowError(i, pc.Name, "expected %s, got %t", expectedOf(pc), v)
		}
		if v {
			return append(dst, "true"...), nil
		}
		return append(dst, "false"...), nil
	}
	return nil, rowError(i, pc.Name, "expected %s, got %s", expectedOf(pc), jsonKind(v))
}

// expectedOf says what a column takes in JSON words.
func expectedOf(pc *data.PipelineColumn) string {
	if pc.Date {
		return "a date as a string (YYYY-MM-DD) or null"
	}
	switch pc.Kind {
	case data.Numeric:
		return "a JSON number or null"
	case data.Boolean:
		return "true, false or null"
	}
	return "a string or null"
}

// isJSONNumber reports whether s is a number as JSON writes one.
func isJSONNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9') && json.Valid([]byte(s))
}

// jsonKind names the JSON type of a decoded value.
func jsonKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	}
	return "null"
}

// quote quotes s, cut to 40 bytes.
func quote(s string) string {
	if len(s) > 40 {
		return fmt.Sprintf("%q…", s[:40])
	}
	return fmt.Sprintf("%q", s)
}

// missingError is the 400 of row i, which lacks the model's column ci (its
// first missing one): it names the others the row lacks too.
func (m *Model) missingError(i, ci int, row map[string]any) *apiError {
	cols := m.Bundle.Pipeline.Columns
	var others []string
	for _, pc := range cols[ci+1:] {
		if _, ok := row[pc.Name]; !ok {
			others = append(others, pc.Name)
		}
	}
	msg := "missing: the model takes this column (send null for an unknown value)"
	if len(others) > 0 {
		msg += "; the row lacks " + data.NameColumns(others) + " too"
		if len(others)+1 == len(cols) {
			msg += fmt.Sprintf(": none of the model's %d columns (is it the model for these rows?)", len(cols))
		}
	}
	return rowError(i, cols[ci].Name, "%s", msg)
}
