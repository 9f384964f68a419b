package scoreapi

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestCompressedBodyIs415: a gzip body was read as JSON and refused with a
// 400 about its first byte ("invalid character '\x1f'"). A body with a
// Content-Encoding other than identity is a 415 naming the encoding, with
// Accept-Encoding: identity; "identity" is read as usual.
func TestCompressedBodyIs415(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"rows":[{"visits":3,"spend":50,"plan":"basic","member":true}]}`))
	zw.Close()
	for _, c := range []struct {
		encoding string
		body     []byte
		code     int
		answer   string
	}{
		{"gzip", gz.Bytes(), 415, `{"error":{"status":415,"message":"Content-Encoding gzip is not supported: send the JSON uncompressed"}}` + "\n"},
		{"deflate, br", []byte("x"), 415, `{"error":{"status":415,"message":"Content-Encoding deflate, br is not supported: send the JSON uncompressed"}}` + "\n"},
		{"identity", []byte(`{"rows":[{"visits":3,"spend":50,"plan":"basic","member":true}]}`), 200, ""},
	} {
		req := httptest.NewRequest(http.MethodPost, "/v1/predict", bytes.NewReader(c.body))
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.Header.Set("Content-Encoding", c.encoding)
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		if rec.Code != c.code {
			t.Errorf("Content-Encoding %s: status %d, want %d: %s", c.encoding, rec.Code, c.code, rec.Body)
			continue
		}
		if c.code != 415 {
			continue
		}
		if rec.Body.String() != c.answer || rec.Header().Get("Accept-Encoding") != "identity" {
			t.Errorf("Content-Encoding %s: %q (Accept-Encoding %q), want %q (identity)", c.encoding, rec.Body, rec.Header().Get("Accept-Encoding"), c.answer)
		}
	}
	if got := scrapeServer(t, s); !bytes.Contains([]byte(got), []byte(`retain_api_errors_total{kind="unsupported_encoding"} 2`)) {
		t.Errorf("/metrics does not count the two 415s by kind:\n%s", got)
	}
}
