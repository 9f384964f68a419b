package scoreapi

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
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
