// Package scoreapi is `retain api`: an HTTP service that scores JSON rows
// with a saved model file. Rows are prepared by the model's pipeline cell
// by cell (data.CellEncoder, the code `retain predict` reads a CSV with) and
// scored by experiment.Scorer (predict's scoring path), so the service and
// predict give the same probabilities for the same cells.
//
// Routes: POST /v1/predict, GET /healthz, GET /metrics (Prometheus text
// format, from the server's own registry) and GET /openapi.json (made
// for the model served: its Row schema lists the model's columns). Every
// route but /healthz needs the bearer token unless auth is disabled, in
// which case every response carries "X-Retain-Auth: disabled". The model is
// held in an atomic pointer: a reload (file change or Reload) swaps it
// whole, and a request finishes on the model it started with.
package scoreapi
