package scoreapi

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus collectors, in a registry of its own
// (never the global one, so two servers in one process do not collide).
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	rows     prometheus.Counter
	errors   *prometheus.CounterVec
	reloads  *prometheus.CounterVec
	// fileLoads is 1 while the model file loads (it is the model served)
	// and 0 after a reload failed or the file went missing.
	fileLoads prometheus.Gauge
	inFlight  prometheus.Gauge
	// conns is the client connections open (at most --max-conns);
	// idleClosed counts the idle keep-alive ones closed to make room
	// for a new one at that limit.
	conns      prometheus.Gauge
	idleClosed prometheus.Counter
	// pendingRefused counts the new connections closed at once, and
	// pendingClosed the pending ones closed to make room, because their
	// address held pending connections in half the slots at the limit.
	pendingRefused prometheus.Counter
	pendingClosed  prometheus.Counter
}

// newMetrics registers the collectors.
func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "retain_api_requests_total", Help: "HTTP requests answered, by route and status code.",
		}, []string{"path", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "retain_api_request_duration_seconds", Help: "Time to answer a request, by route.",
			Buckets: []float64{.0001, .00025, .0005, .001, .002, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"path"}),
		rows: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "retain_api_rows_scored_total", Help: "Rows scored by POST /v1/predict.",
		}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "retain_api_errors_total",
			Help: "Requests refused or failed, by kind (bad_json, bad_row, too_large, too_many_rows, timeout, unauthorized, busy, cancelled, panic, …).",
		}, []string{"kind"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "retain_api_model_reloads_total", Help: "Model reloads, by result (ok, failed).",
		}, []string{"result"}),
		fileLoads: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "retain_api_model_last_reload_successful",
			Help: "1 when the model file loaded at the last (re)load; 0 when it failed or the file is gone, and an older model is served.",
		}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "retain_api_requests_in_flight", Help: "Requests being answered.",
		}),
		conns: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "retain_api_connections_open", Help: "Client connections open, idle keep-alive ones included (at most --max-conns).",
		}),
		idleClosed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "retain_api_idle_connections_closed_total",
			Help: "Idle keep-alive connections closed to make room for a new connection at --max-conns.",
		}),
		pendingRefused: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "retain_api_connections_refused_total",
			Help: "New connections closed at once at --max-conns because their address held connections still sending their headers in half the slots.",
		}),
		pendingClosed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "retain_api_pending_connections_closed_total",
			Help: "Connections still sending their headers closed to make room at --max-conns for a client of another address, because theirs held half the slots.",
		}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.rows, m.errors, m.reloads, m.fileLoads, m.inFlight, m.conns, m.idleClosed, m.pendingRefused, m.pendingClosed)
	m.fileLoads.Set(1) // New loads the file or fails
	// Both results are series from the start, at 0: an alert on
	// increase(…{result="failed"}[1h]) has a series before the first
	// failure.
	m.reloads.WithLabelValues("ok")
	m.reloads.WithLabelValues("failed")
	return m
}

// handler serves the registry in the Prometheus text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}
