package scoreapi

import (
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
