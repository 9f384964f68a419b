package scoreapi

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// health asks /healthz (no token) and decodes the answer, which must be a
// 200: the server serves its model whatever the file on disk is.
func health(t *testing.T, s *Server) (Health, string) {
	t.Helper()
	rec := call(t, s, http.MethodGet, "/healthz", "", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("/healthz: %d (%s)", rec.Code, rec.Body)
	}
	var h Health
	if err := json.Unmarshal(rec.Body.Bytes(), &h); err != nil {
		t.Fatalf("/healthz %s: %v", rec.Body, err)
	}
	return h, rec.Body.String()
}

// After a failed reload /healthz said "ok". It says "degraded", why and
// since when, still with the model served and its load time, and the
// gauge says 0, until a reload succeeds.
func TestHealthDegradedAfterAFailedReload(t *testing.T) {
	s, model := newTestServer(t, Config{})
	served := s.Model()
	loadedAt := served.LoadedAt.UTC().Format(time.RFC3339)
	if h, raw := health(t, s); raw != `{"status":"ok","model":"`+served.ID+`","loaded_at":"`+loadedAt+`"}`+"\n" {
		t.Errorf("/healthz at start: %s", raw)
	} else if h.ReloadError != "" {
		t.Errorf("reload error %q at start", h.ReloadError)
	}
	good, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(model, []byte(`{"format":`), 0o600); err != nil {
		t.Fatal(err)
	}
	before := time.Now().UTC().Truncate(time.Second)
	if err := s.Reload(); err == nil {
		t.Fatal("Reload of a broken file succeeded")
	}
	h, raw := health(t, s)
	want := Health{Status: "degraded", Model: served.ID, LoadedAt: loadedAt,
		ReloadError: "model file model.json: not valid JSON at line 1, column 10: unexpected end of JSON input"}
	at, err := time.Parse(time.RFC3339, h.ReloadFailedAt)
	if err != nil || at.Before(before) {
		t.Errorf("reload_failed_at %q, want a time from %v on", h.ReloadFailedAt, before)
	}
	h.ReloadFailedAt = ""
	if h != want {
		t.Errorf("/healthz after a failed reload:\n%+v, want\n%+v", h, want)
	}
	if dir := filepath.Dir(model); strings.Contains(raw, dir) {
		t.Errorf("/healthz, which needs no token, names the model's folder %s: %s", dir, raw)
	}
	if line := "retain_api_model_last_reload_successful 0"; !strings.Contains(scrapeServer(t, s), line+"\n") {
		t.Errorf("/metrics lacks %q", line)
	}
	if err := os.WriteFile(model, good, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	if h, raw := health(t, s); h.Status != "ok" || h.ReloadError != "" || h.ReloadFailedAt != "" {
		t.Errorf("/healthz after a good reload: %s", raw)
	}
	if line := "retain_api_model_last_reload_successful 1"; !strings.Contains(scrapeServer(t, s), line+"\n") {
		t.Errorf("/metrics lacks %q", line)
	}
}

// Deleting the model file was not logged, and /healthz said "ok". The
// watcher logs it once, /healthz says the file is gone, and the file's
// return is a reload.
func TestModelFileGoneIsReportedOnce(t *testing.T) {
	var log strings.Builder
	s, model := newTestServer(t, Config{Log: &log})
	served := s.Model().ID
	if s.poll(); log.Len() != 0 {
		t.Fatalf("an unchanged file logged %q", log.String())
	}
	good, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(model); err != nil {
		t.Fatal(err)
	}
	s.poll()
	s.poll()
	if want := "retain api: model file " + model + " is gone; still serving model " + served + "\n"; log.String() != want {
		t.Errorf("log after the file went:\n%q, want once\n%q", log.String(), want)
	}
	if h, raw := health(t, s); h.Status != "degraded" || h.Model != served || h.ReloadError != "the model file model.json is gone" {
		t.Errorf("/healthz with the file gone: %s", raw)
	}
	if err := os.WriteFile(model, good, 0o600); err != nil {
		t.Fatal(err)
	}
	log.Reset()
	s.poll()
	if !strings.HasPrefix(log.String(), "retain api: model reloaded from "+model+": ") {
		t.Errorf("log after the file came back: %q", log.String())
	}
	if h, raw := health(t, s); h.Status != "ok" {
		t.Errorf("/healthz with the file back: %s", raw)
	}
}
