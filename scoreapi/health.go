package scoreapi

import (
	"net/http"
	"time"
)

// Health is the body of GET /healthz.
type Health struct {
	// Status is "ok" while the model file is the model served, and
	// "degraded" once a reload failed or the file went missing: the server
	// still scores, with the model it has.
	Status string `json:"status"`
	// Model is the ID of the model served; LoadedAt when it was loaded
	// (RFC 3339, UTC).
	Model    string `json:"model"`
	LoadedAt string `json:"loaded_at"`
	// ReloadError says why the file does not load, and ReloadFailedAt
	// since when (the last failure), while Status is "degraded".
	ReloadError    string `json:"reload_error,omitempty"`
	ReloadFailedAt string `json:"reload_failed_at,omitempty"`
}

// handleHealth answers 200 with the model being served, saying so when
// the model file no longer loads.
func (s *Server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	m := s.model.Load()
	h := Health{Status: "ok", Model: m.ID, LoadedAt: m.LoadedAt.UTC().Format(time.RFC3339)}
	if f := s.failure.Load(); f != nil {
		h.Status, h.ReloadError, h.ReloadFailedAt = "degraded", f.message, f.at.UTC().Format(time.RFC3339)
	}
	writeJSON(w, http.StatusOK, h)
}
