package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/scoreapi"
)

// apiOptions are the flags of `retain api`.
type apiOptions struct {
	model, listen, tokenFile string
	insecureNoAuth           bool
	maxRows                  int
	maxInFlight              int
	maxConns                 int
	maxBody                  int64
	pseudo                   pseudoFlags
}

func newAPICmd(a *app) *cobra.Command {
	o := &apiOptions{}
	cmd := &cobra.Command{
		Use:   "api --model FILE [--listen 127.0.0.1:8080] (--token-file FILE | --insecure-no-auth) [--max-rows N] [--max-body BYTES] [--max-inflight N] [--max-conns N]",
		Short: "Serve a saved model over HTTP: POST /v1/predict scores JSON rows",
		Long: `Serve a saved model as an HTTP scoring service.

POST /v1/predict takes {"rows": [{column: value, …}, …], "explain": N} with
the raw columns of the training data (for a model trained on an order log,
the per-customer feature columns it was trained on) and answers, per row,
the id (when the row has the id column), the probability, the decision at
the model's threshold and, with "explain", the top N reasons as predict
--explain gives them. The rows are prepared and scored by predict's own code,
so the probabilities are the ones predict prints, to full precision. A bad
row is a 400 naming its index and column; more rows than --max-rows or a
body larger than --max-body is a 413; a compressed body (Content-Encoding
gzip) is a 415: send the JSON uncompressed. A cell scored as other than sent (an
unknown level, a value beyond the training range) is named in the row's
"warnings".

Connections: at most --max-conns are open at once. At that limit a new
client takes the place of the keep-alive connection idle the longest. A
connection that has not yet sent its request's headers (it has 5 s to)
counts, after 1 s, against its client's address (the remote IP): at the
limit, an address holding such connections in half of --max-conns or more
gets no more (a new connection from it is closed at once), and a client of
another address takes the place of that address's oldest one, so that no
one client can keep /healthz or token holders out by never ending its
headers. Only while every connection is busy answering does a new client
wait. Clients sharing one address (behind one NAT or proxy) share its
half. A request whose client goes is no longer scored; its slot is freed.

GET /healthz answers without auth; GET /metrics (Prometheus text format) and
GET /openapi.json (the OpenAPI 3 description, listing the columns of the
model served) need the token like /v1/predict. The token is the content of
--token-file (surrounding whitespace trimmed, at least 16 bytes), sent as "Authorization:
Bearer TOKEN"; with --insecure-no-auth anyone may call and every response
carries "X-Retain-Auth: disabled" (but those the HTTP library writes before
reading a request: 431 headers too large, 400 malformed). One of the two is
required.

SIGHUP also reads --token-file again, so that the token can be rotated
without a restart (the old token is refused from then on; a file that no
longer holds a valid token keeps the token served, said on stderr).

The model file is read again when it changes (replace it by rename for an
atomic swap) or on SIGHUP; a file that does not
load, or is deleted, keeps the old model, is reported on stderr and makes
/healthz say "degraded" until a reload succeeds. Requests in flight
finish on the model they started with. SIGTERM or SIGINT stops accepting
and lets requests in flight finish (up to 10 s); then SIGTERM (a service
manager's stop) exits 0, SIGINT (Ctrl-C) 130, as every interrupted command.
Requests still running after the 10 s are cut off: each is answered 503
(or, if it cannot answer within 2 s more, its connection is closed), stderr
says how many, and the command exits 3 whichever the signal.`,
		Example: `  retain train --out model.json        # the built-in shop; a row holds its 10 columns
  retain api --model model.json --token-file api.token
  curl -s -H "Authorization: Bearer $(cat api.token)" -d '{"rows":[{"user_id":"U1",
       "sessions_30d":12,"pages_per_session":4.5,"cart_adds_30d":3,"orders_90d":2,
       "days_since_last_visit":1,"days_since_last_order":20,"avg_order_value":35.5,
       "coupon_share":0.1,"returns_90d":0,"tenure_days":400}],"explain":2}' \
       http://127.0.0.1:8080/v1/predict`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runAPI(cmd.Context(), a, o))
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&o.model, "model", "m", "", "model bundle `FILE` written by train")
	fs.StringVar(&o.listen, "listen", "127.0.0.1:8080", "`ADDRESS` to listen on (host:port; an IP address listens on its own family only)")
	fs.StringVar(&o.tokenFile, "token-file", "", "`FILE` holding the bearer token clients must send")
	fs.BoolVar(&o.insecureNoAuth, "insecure-no-auth", false, "answer anyone, without a token")
	fs.IntVar(&o.maxRows, "max-rows", scoreapi.DefaultMaxRows, "most rows in one request (413 beyond)")
	fs.IntVar(&o.maxInFlight, "max-inflight", scoreapi.DefaultMaxInFlight, "most predict requests scored at once, each counted once its body is read (more wait up to 5 s in all for room, then 503)")
	fs.Int64Var(&o.maxBody, "max-body", scoreapi.DefaultMaxBody, "largest request body in `BYTES` (413 beyond)")
	fs.IntVar(&o.maxConns, "max-conns", scoreapi.DefaultMaxConns, "most client connections open at once, idle keep-alive ones included (at the limit a new client replaces the one idle the longest, or one still sending its headers from an address holding half the limit; while all are busy, it waits)")
	o.pseudo.register(cmd)
	_ = cmd.MarkFlagRequired("model")
	_ = cmd.MarkFlagFilename("model", "json")
	return cmd
}

func runAPI(ctx context.Context, a *app, o *apiOptions) error {
	cfg, err := o.config(a)
	if err != nil {
		return err
	}
	srv, err := scoreapi.New(o.model, cfg)
	if err != nil {
		return modelFlagError(o.model, err)
	}
	ln, err := net.Listen(listenNetwork(o.listen), o.listen)
	if err != nil {
		return usageError(fmt.Errorf("--listen %s: %w", o.listen, err))
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				_ = srv.Reload() // logged on stderr
				o.reloadToken(a, srv)
			}
		}
	}()
	auth := "bearer token from " + o.tokenFile
	if o.insecureNoAuth {
		auth = "NO AUTHENTICATION: anyone who can reach this address may score"
	}
	m := srv.Model()
	fmt.Fprintf(a.stderr, "Serving model %s (%s, %s) on http://%s (%s; at most %s rows, %s bytes a request)\n",
		o.model, m.ID, m.Bundle.SourceDescription, ln.Addr(), auth, data.Thousands(cfg.MaxRows), data.Thousands(int(cfg.MaxBody)))
	err = srv.Serve(ctx, ln)
	if drain, ok := errors.AsType[*scoreapi.DrainError](err); ok {
		// Not a clean stop, whichever signal: clients lost answers.
		fmt.Fprintln(a.stderr, "Server stopped.")
		return &exitError{code: exitDrainCut, err: drain}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, "Server stopped.")
	// SIGTERM is how a service manager stops a server: having drained, it
	// is a success (exit 0). SIGINT (Ctrl-C) exits 130, as every
	// interrupted command.
	if errors.Is(context.Cause(ctx), errTerminated) {
		return nil
	}
	return ctx.Err()
}

// minTokenBytes is the shortest bearer token the API accepts, as
// --salt-file's salt (pseudonym.MinSaltBytes): a shorter one can be
// guessed.
const minTokenBytes = 16

// config checks the flags and reads the token.
func (o *apiOptions) config(a *app) (scoreapi.Config, error) {
	cfg := scoreapi.Config{Insecure: o.insecureNoAuth, MaxRows: o.maxRows, MaxBody: o.maxBody,
		MaxInFlight: o.maxInFlight, MaxConns: o.maxConns, Log: a.stderr}
	key, err := o.pseudo.key(a)
	if err != nil {
		return cfg, err
	}
	cfg.Pseudonym = key
	switch {
	case o.maxRows <= 0:
		return cfg, usageError(fmt.Errorf("--max-rows %d: want at least 1", o.maxRows))
	case o.maxInFlight <= 0:
		return cfg, usageError(fmt.Errorf("--max-inflight %d: want at least 1", o.maxInFlight))
	case o.maxConns <= 0:
		return cfg, usageError(fmt.Errorf("--max-conns %d: want at least 1", o.maxConns))
	case o.maxBody <= 0:
		return cfg, usageError(fmt.Errorf("--max-body %d: want at least 1 byte", o.maxBody))
	case o.tokenFile != "" && o.insecureNoAuth:
		return cfg, usageError(errors.New("--token-file and --insecure-no-auth contradict each other"))
	case o.tokenFile == "" && !o.insecureNoAuth:
		return cfg, usageError(errors.New("refusing to serve without --token-file FILE; " +
			"to let anyone score, say so with --insecure-no-auth"))
	case o.insecureNoAuth:
		return cfg, nil
	}
	if cfg.Token, err = o.readToken(a); err != nil {
		return cfg, usageError(err)
	}
	return cfg, nil
}

// readToken reads and checks the token of --token-file, warning on stderr
// when other users may read the file.
func (o *apiOptions) readToken(a *app) ([]byte, error) {
	raw, err := readAll(a, o.tokenFile)
	if err != nil {
		return nil, fmt.Errorf("--token-file: %w", err)
	}
	token := bytes.TrimSpace(raw)
	if len(token) == 0 {
		return nil, fmt.Errorf("--token-file %s is empty: put the token in it", o.tokenFile)
	}
	if bytes.ContainsAny(token, "\r\n\t ") {
		return nil, fmt.Errorf("--token-file %s: the token must be one word, without spaces or line breaks", o.tokenFile)
	}
	if len(token) < minTokenBytes {
		return nil, fmt.Errorf("--token-file %s: the token is %s, want at least %d so that it cannot be guessed; "+
			"make one with: head -c 32 /dev/urandom | base64 | tr -d '/+=' > %[1]s && chmod 600 %[1]s",
			o.tokenFile, count(len(token), "byte"), minTokenBytes)
	}
	if st, err := os.Stat(o.tokenFile); err == nil && st.Mode().Perm()&0o077 != 0 {
		fmt.Fprintf(a.stderr, "warning: the token file %s is readable by other users (mode %v); chmod 600 it\n",
			o.tokenFile, st.Mode().Perm())
	}
	return token, nil
}

// reloadToken reads --token-file again (on SIGHUP), so that a token can be
// rotated without a restart: from the next request on, the file's token
// is the one accepted. A file that no longer holds a valid token keeps the
// token served, and says so on stderr.
func (o *apiOptions) reloadToken(a *app, srv *scoreapi.Server) {
	if o.insecureNoAuth {
		return
	}
	token, err := o.readToken(a)
	if err == nil {
		err = srv.SetToken(token)
	}
	if err != nil {
		fmt.Fprintf(a.stderr, "retain api: token not re-read, the token served is unchanged: %v\n", err)
		return
	}
	fmt.Fprintf(a.stderr, "retain api: token re-read from %s\n", o.tokenFile)
}

// modelFlagError names --model in an error reading its file: the file
// system's own words ("stat /x: no such file or directory", "read /x: is a
// directory") named neither the flag nor what the file was for. Errors
// about the file's content name it as a model file already.
func modelFlagError(path string, err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	cause := pe.Err
	if errors.Is(cause, syscall.EISDIR) {
		cause = errDirectory
	}
	return usageError(fmt.Errorf("--model %s: %w", path, cause))
}

// listenNetwork is the network to listen on at addr (host:port): "tcp4"
// for an IPv4 address and "tcp6" for an IPv6 one, so that the server
// listens on exactly the address given (Go's "tcp" turns 0.0.0.0 into a
// dual-stack [::], open over IPv6 too); "tcp" for a host name or no host,
// which listen on what the name resolves to, or on every address.
func listenNetwork(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "tcp" // net.Listen words the error
	}
	ip, err := netip.ParseAddr(host)
	switch {
	case err != nil:
		return "tcp"
	case ip.Is4(), ip.Is4In6(): // ::ffff:a.b.c.d is an IPv4 address too
		return "tcp4"
	}
	return "tcp6"
}
