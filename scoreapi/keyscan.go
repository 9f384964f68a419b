package scoreapi

import (
	"io"
	"strings"
)

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
