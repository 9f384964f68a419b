package scoreapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
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

// bodyChunk is the largest piece readBody holds a body in.
const bodyChunk = 64 << 10

// errBodyBudget is readBody's refusal when the request bodies being read
// already hold every byte of the server's budget for them.
var errBodyBudget = errors.New("the server holds the most request bytes it reads at once")

// readBody reads r to its end and returns a reader of what it read. The
// body is held in pieces of chunk bytes, each allocated as the one before
// fills up: memory follows the bytes that arrived (a client that announces
// a large body and sends little holds little), and no buffer is copied as
// it grows. take is asked for each piece's chunk bytes before it is
// allocated; its error stops the read and is returned.
func readBody(r io.Reader, chunk int, take func(n int64) error) (io.Reader, error) {
	var chunks [][]byte
	for {
		if len(chunks) == 0 || len(chunks[len(chunks)-1]) == chunk {
			if err := take(int64(chunk)); err != nil {
				return nil, err
			}
			chunks = append(chunks, make([]byte, 0, chunk))
		}
		c := chunks[len(chunks)-1]
		n, err := r.Read(c[len(c):chunk])
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
