package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/retainlab/retain/scoreapi"
)

// TestAPISIGHUPRereadsTheToken: the bearer token could not be rotated
// without a restart (SIGHUP reloaded the model only). On SIGHUP the token
// file is read again: the new token is accepted and the old refused; a
// file that no longer holds a valid token keeps the token served.
func TestAPISIGHUPRereadsTheToken(t *testing.T) {
	const oldToken, newToken = "old-token-0123456789", "new-token-9876543210"
	model := trainModel(t, usersCSV(t, 100))
	path := writeFile(t, "api.token", oldToken+"\n")
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	srv, err := scoreapi.New(model, scoreapi.Config{Token: []byte(oldToken), Poll: -1})
	if err != nil {
		t.Fatal(err)
	}
	status := func(token string) int {
		req := httptest.NewRequest(http.MethodGet, "/openapi.json", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		return rec.Code
	}
	c := newCLI(t)
	o := &apiOptions{tokenFile: path}
	if err := os.WriteFile(path, []byte(newToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	o.reloadToken(c.app, srv)
	if got, want := c.stderr.String(), "retain api: token re-read from "+path+"\n"; got != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
	if o, n := status(oldToken), status(newToken); o != http.StatusUnauthorized || n != http.StatusOK {
		t.Errorf("after SIGHUP: old token %d, new token %d; want 401, 200", o, n)
	}
	// A token too short to be safe is refused, and the new one kept.
	if err := os.WriteFile(path, []byte("short\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c = newCLI(t)
	o.reloadToken(c.app, srv)
	want := "retain api: token not re-read, the token served is unchanged: --token-file " + path +
		": the token is 5 bytes, want at least 16 so that it cannot be guessed; make one with: " +
		"head -c 32 /dev/urandom | base64 | tr -d '/+=' > " + path + " && chmod 600 " + path + "\n"
	if got := c.stderr.String(); got != want {
		t.Errorf("stderr\n got %q\nwant %q", got, want)
	}
	if n := status(newToken); n != http.StatusOK {
		t.Errorf("after a bad token file: the token served got %d, want 200", n)
	}
}
