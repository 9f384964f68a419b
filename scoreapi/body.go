package scoreapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
)

// timedBody is a request body that turns the connection's read deadline
// (Config.ReadTimeout) into a bodyTimeoutError: the network's own error
// ("read tcp 127.0.0.1:8080->127.0.0.1:46860: i/o timeout") names sockets,
// not what the client did wrong.
type timedBody struct {
	r     io.Reader
	limit time.Duration
}

func (b *timedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err != nil && errors.Is(err, os.ErrDeadlineExceeded) {
		err = &bodyTimeoutError{limit: b.limit}
	}
	return n, err
}

// bodyTimeoutError is a body that did not arrive within the read timeout.
type bodyTimeoutError struct{ limit time.Duration }

func (e *bodyTimeoutError) Error() string {
	return fmt.Sprintf("the request did not arrive within %v (the server's read timeout); "+
		"send the body at once, or fewer rows per request", e.limit)
}

// contentEncoding refuses a body sent compressed (Content-Encoding gzip,
// deflate, br, …) with a 415 naming the encoding, and says in
// Accept-Encoding that the body must come as it is (RFC 7694). Before 6
// December 2026 the encoding was ignored and a gzip body was a 400 about
// its first byte ("not JSON at byte 1: invalid character '\x1f' …").
// Compressed bodies are refused rather than inflated: a body of a few
// kilobytes can inflate to gigabytes, and the 16 MiB a request may send
// cost little to send as they are on the networks the API serves.
func contentEncoding(w http.ResponseWriter, r *http.Request) *apiError {
	var codings []string
	for _, v := range r.Header.Values("Content-Encoding") {
		for c := range strings.SplitSeq(v, ",") {
			if c = strings.TrimSpace(c); c != "" && !strings.EqualFold(c, "identity") {
				codings = append(codings, c)
			}
		}
	}
	if len(codings) == 0 {
		return nil
	}
	w.Header().Set("Accept-Encoding", "identity")
	return &apiError{Status: http.StatusUnsupportedMediaType, Kind: "unsupported_encoding",
		Message: fmt.Sprintf("Content-Encoding %s is not supported: send the JSON uncompressed", strings.Join(codings, ", "))}
}

// bodyChunk is the largest piece readBody holds a body in.
const bodyChunk = 64 << 10

// errBodyBudget is readBody's refusal when the request bodies being read
// already hold every byte of the server's budget for them.
var errBodyBudget = errors.New("the server holds the most request bytes it reads at once")

// firstChunk is the size of readBody's first piece when the request does
// not say its length; each further piece doubles, up to the largest.
const firstChunk = 4 << 10

// readBody reads r to its end and returns a reader of what it read. The
// body is held in pieces allocated as the one before fills up, so memory
// follows the bytes that arrived (a client that announces a large body and
// sends little holds little) and no buffer is copied as it grows: the
// first piece holds length + 1 bytes when the request gives its length
// (length ≥ 0; the extra byte sees the end without another piece), else
// firstChunk; each further one twice the one before; none more than
// maxChunk. take is asked for each piece's size before it is allocated;
// its error stops the read and is returned.
func readBody(r io.Reader, length int64, maxChunk int, take func(n int64) error) (io.Reader, error) {
	var chunks [][]byte
	size := firstChunk
	if length >= 0 {
		size = int(min(length+1, int64(maxChunk)))
	}
	size = min(max(size, 1), maxChunk)
	for {
		if n := len(chunks); n == 0 || len(chunks[n-1]) == cap(chunks[n-1]) {
			if n > 0 {
				size = min(2*size, maxChunk)
			}
			if err := take(int64(size)); err != nil {
				return nil, err
			}
			chunks = append(chunks, make([]byte, 0, size))
		}
		c := chunks[len(chunks)-1]
		n, err := r.Read(c[len(c):cap(c)])
		chunks[len(chunks)-1] = c[:len(c)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	readers := make([]io.Reader, len(chunks))
	for i, c := range chunks {
		readers[i] = bytes.NewReader(c)
	}
	return io.MultiReader(readers...), nil
}
