package scoreapi

import (
	"errors"
	"net/http"
)

// handlePredict scores the request's rows with the model current when it
// started.
//
// The body is read whole before the request takes a predict slot: a
// client sending its body slowly holds no slot, only its connection, for
// at most the read timeout, so it cannot keep other clients' requests
// from being scored. A body still takes no more than MaxBody bytes.
func (s *Server) handlePredict(w http.ResponseWriter, r *http.Request) {
	if bad := contentEncoding(w, r); bad != nil {
		s.refuse(w, bad)
		return
	}
	if r.ContentLength > s.cfg.MaxBody {
		// Declared too long: refused before a byte of it is read (and
		// the rest of it is not waited for).
		w.Header().Set("Connection", "close")
		s.refuse(w, jsonError(&http.MaxBytesError{Limit: s.cfg.MaxBody}))
		return
	}
	var held int64
	defer func() { s.bodies.Release(held) }()
	wait := s.newRoomWait()
	body, err := readBody(&timedBody{r: http.MaxBytesReader(w, r.Body, s.cfg.MaxBody), limit: s.cfg.ReadTimeout},
		r.ContentLength, s.chunk, func(n int64) error {
			if err := s.takeBody(r, wait, n); err != nil {
				return err
			}
			held += n
			return nil
		})
	switch {
	case errors.Is(err, errBodyBudget):
		if !s.cutOff(w, r) && r.Context().Err() == nil {
			w.Header().Set("Retry-After", "1")
			s.refuse(w, &apiError{Status: http.StatusServiceUnavailable, Kind: "busy",
				Message: bodyBudgetMessage(s.cfg.BodyMemory)})
		}
		return
	case err != nil:
		s.refuse(w, jsonError(err))
		return
	}
	if !s.acquire(w, r, wait) {
		return
	}
	defer func() { <-s.slots }()
	m := s.model.Load()
	// A row may carry every column of the training data: the inputs and
	// the columns the model ignores (besides an id and the label).
	var req *Request
	bad := errCancelled
	if r.Context().Err() == nil { // the client may have gone while it waited
		req, bad = decodeRequest(body, s.cfg.MaxRows, len(m.Bundle.Pipeline.Columns)+len(m.Bundle.Pipeline.Ignored))
	}
	var resp *Response
	if bad == nil {
		resp, bad = m.score(r.Context(), req)
	}
	if bad == errCancelled && s.cutOff(w, r) {
		return
	}
	if bad == errCancelled {
		// The client has gone: no one reads an answer; the status is
		// for the metrics (retain_api_requests_total{code="499"}).
		s.metrics.errors.WithLabelValues(bad.Kind).Inc()
		w.WriteHeader(bad.Status)
		return
	}
	if bad != nil {
		s.refuse(w, bad)
		return
	}
	s.metrics.rows.Add(float64(len(resp.Predictions)))
	if s.cfg.Pseudonym.Enabled() {
		for i := range resp.Predictions {
			if id := resp.Predictions[i].ID; id != "" {
				resp.Predictions[i].ID = s.cfg.Pseudonym.ID(id)
			}
		}
		w.Header().Set("X-Retain-Ids", "pseudonymised")
	}
	w.Header().Set("X-Retain-Model", m.ID)
	writeJSON(w, http.StatusOK, resp)
}

// refuse answers a predict request with bad, counting it; under
// --pseudonymise an e-mail address or phone number the client sent as a
// name is quoted as its pseudonym (Model.hideSent).
func (s *Server) refuse(w http.ResponseWriter, bad *apiError) {
	bad = s.model.Load().hideSent(bad)
	s.metrics.errors.WithLabelValues(bad.Kind).Inc()
	if bad.Status == http.StatusRequestTimeout {
		// The connection's read deadline has passed: it cannot carry
		// another request.
		w.Header().Set("Connection", "close")
	}
	writeError(w, bad)
}
