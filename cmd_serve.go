package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/serve"
	"github.com/retainlab/retain/tui"
	"github.com/retainlab/retain/tui/exporter"
)

// serveOptions are the flags of `retain serve`.
type serveOptions struct {
	tui            tuiFlags
	listen         string
	hostKey        string
	authorizedKeys string
	insecureNoAuth bool
	maxSessions    int
	maxSessionTime time.Duration
	idleTimeout    time.Duration
	noSessionTime  time.Duration
	handshakeTime  time.Duration
	maxHandshakes  int
	maxPerAddress  int
	exportDir      string
	maxExports     int
	maxExportBytes string
	maxExportDir   string
	maxRows        int
	maxEpochs      int
	maxParams      int
	maxTrainMemory string
}

// Defaults of the limits on a session's network. The default network (64,
// 32) stays within both up to about 11,000 model inputs. A session's
// process memory grows by up to about twice the estimate (the garbage
// collector's headroom): about 550 MB at most.
const (
	defaultMaxParams      = 1_000_000
	defaultMaxTrainMemory = "256MiB"
)

func newServeCmd(a *app) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Serve the terminal UI over SSH",
		Long: `Serve the terminal UI over SSH: everyone allowed in gets their own session,
with its own state and colours, on the data given by --data or --log (the
built-in data by default).

A session never reads, lists or writes the server's files at a path its user
types: it trains on the served data only, path completion is off, and an
export (x on the Users or Plan screen) is shown on screen to copy and sent
to the user's clipboard, or, with --export-dir, written there under a new
name that the user is told: retain-users-DATE-TIME-N.csv (Users),
retain-current-DATE-TIME-N.csv (Users, current customers),
retain-plan-DATE-TIME-N.csv (Plan), retain-plan-CUTOFF-DATE-TIME-N.csv
(Plan, from a cutoff). --max-exports and
--max-export-bytes bound the files and bytes one session writes there, and
--max-export-dir-bytes the bytes of the whole folder, every session's
exports and any other file in it counted together: an export that would
pass it is refused (no file is kept) and the session is told to ask the
operator to make room.

Only public keys listed in --authorized-keys are let in; passwords never are.
--max-rows, --max-epochs, --max-params and --max-train-memory bound what one
session may train: the Model and Tune screens refuse settings beyond them,
saying which limit, so that no session can take the memory of all the others.
--max-rows bounds the served data's rows (serve refuses to start below them)
and the (customer, item) pairs the Recommend screen's model trains on.
Only logged-in users' sessions count against --max-sessions. Connections
still logging in have limits of their own (--max-handshakes,
--max-handshakes-per-address, --handshake-timeout), so connections that never
log in cannot keep the users out.
Without --authorized-keys the server refuses to start, unless
--insecure-no-auth says to let anyone in. The host key is generated on the
first start and kept at --host-key, so clients can trust it.

--pseudonymise --salt-file FILE forces pseudonyms on every session: the
customer ids are replaced by keyed hashes as the data loads, so no screen,
export or clipboard copy of any session shows a real id.

SIGINT or SIGTERM shut the server down: sessions are told and closed within a
few seconds.`,
		Example: `  retain serve --authorized-keys ~/.ssh/authorized_keys
  ssh -p 2222 localhost

  retain serve --listen :2222 --authorized-keys team_keys --max-sessions 20 --max-session-time 2h`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runServe(cmd.Context(), a, o))
		},
	}
	o.tui.register(cmd)
	o.tui.stdinWhy = "retain serve loads the data again for every session and every reload, and standard input can be read only once"
	fs := cmd.Flags()
	fs.StringVar(&o.listen, "listen", "127.0.0.1:2222", "`ADDRESS` to listen on (\":2222\" for every interface)")
	fs.StringVar(&o.hostKey, "host-key", "", "host key `FILE`, generated on first start (default: <user config dir>/retain/ssh_host_ed25519_key)")
	fs.StringVar(&o.authorizedKeys, "authorized-keys", "", "OpenSSH authorized_keys `FILE` of the public keys let in")
	fs.BoolVar(&o.insecureNoAuth, "insecure-no-auth", false, "let anyone in without authentication (every session is warned)")
	fs.IntVar(&o.maxSessions, "max-sessions", 10, "most concurrent sessions; a logged-in user beyond them is told the server is full (0: no limit)")
	fs.DurationVar(&o.maxSessionTime, "max-session-time", time.Hour, "end each session after this long (0: no limit)")
	fs.DurationVar(&o.idleTimeout, "idle-timeout", 0, "end sessions whose user typed nothing for this long, after a warning (0: never)")
	fs.DurationVar(&o.noSessionTime, "no-session-timeout", serve.DefaultNoSessionTimeout,
		"close logged-in connections that have no session for this long")
	fs.DurationVar(&o.handshakeTime, "handshake-timeout", serve.DefaultHandshakeTimeout,
		"close connections that have not logged in this long after connecting")
	fs.IntVar(&o.maxHandshakes, "max-handshakes", serve.DefaultMaxHandshakes,
		"most connections logging in (not yet authenticated) at once; more are turned away")
	fs.IntVar(&o.maxPerAddress, "max-handshakes-per-address", serve.DefaultMaxHandshakesPerSource,
		"most of those from one IP address (one /64 for IPv6)")
	fs.StringVar(&o.exportDir, "export-dir", "", "write sessions' exports into `DIR` under new generated names (default: shown on screen to copy)")
	fs.IntVar(&o.maxRows, "max-rows", 200_000, "most data rows one session may train on (0: no limit)")
	fs.IntVar(&o.maxEpochs, "max-epochs", 200, "most epochs one session may train for (0: no limit)")
	fs.IntVar(&o.maxParams, "max-params", defaultMaxParams, "most parameters (weights and biases) of a session's network (0: no limit)")
	fs.StringVar(&o.maxTrainMemory, "max-train-memory", defaultMaxTrainMemory,
		"most memory a session's training may need, by estimate, such as 256MiB or 1GiB (0: no limit)")
	fs.IntVar(&o.maxExports, "max-exports", 20, "most files one session may write into --export-dir (0: no limit)")
	fs.StringVar(&o.maxExportBytes, "max-export-bytes", "64MiB", "most bytes one session may write into --export-dir, such as 64MiB (0: no limit)")
	fs.StringVar(&o.maxExportDir, "max-export-dir-bytes", "1GiB",
		"most bytes the files in --export-dir may take, every session's exports and any other file there together (0: no limit)")
	_ = cmd.MarkFlagFilename("authorized-keys")
	_ = cmd.MarkFlagFilename("host-key")
	_ = cmd.MarkFlagDirname("export-dir")
	return cmd
}

func runServe(ctx context.Context, a *app, o *serveOptions) error {
	opts, err := o.tui.options(a)
	if err != nil {
		return err
	}
	if o.maxRows < 0 || o.maxEpochs < 0 || o.maxSessions < 0 || o.maxSessionTime < 0 || o.idleTimeout < 0 || o.maxParams < 0 || o.maxExports < 0 {
		return usageError(errors.New("serve limits must not be negative"))
	}
	trainMemory, err := data.ParseBytes(o.maxTrainMemory)
	if err != nil {
		return usageError(fmt.Errorf("--max-train-memory %w", err))
	}
	exportBytes, err := data.ParseBytes(o.maxExportBytes)
	if err != nil {
		return usageError(fmt.Errorf("--max-export-bytes %w", err))
	}
	exportDirBytes, err := data.ParseBytes(o.maxExportDir)
	if err != nil {
		return usageError(fmt.Errorf("--max-export-dir-bytes %w", err))
	}
	limits := experiment.Limits{MaxRows: o.maxRows, MaxEpochs: o.maxEpochs, MaxParams: o.maxParams, MaxTrainMemory: trainMemory}
	switch {
	case o.noSessionTime <= 0:
		return usageError(errors.New("--no-session-timeout must be positive"))
	case o.handshakeTime <= 0:
		return usageError(errors.New("--handshake-timeout must be positive"))
	case o.maxHandshakes < 1:
		return usageError(fmt.Errorf("--max-handshakes %d: want at least 1", o.maxHandshakes))
	case o.maxPerAddress < 1:
		return usageError(fmt.Errorf("--max-handshakes-per-address %d: want at least 1", o.maxPerAddress))
	}
	if o.exportDir != "" {
		if st, err := os.Stat(o.exportDir); err != nil {
			return usageError(fmt.Errorf("--export-dir: %w", err))
		} else if !st.IsDir() {
			return usageError(fmt.Errorf("--export-dir %s: not a directory", o.exportDir))
		}
	}
	var served *experiment.Data
	if opts.Source.Path != "" {
		// Every session loads the data: refuse a bad file once, here, with
		// its line and column, rather than in each session.
		if served, err = a.load(opts.Source); err != nil {
			return err
		}
	} else if served, err = experiment.Load(opts.Source, a.open); err != nil {
		// The built-in data, loaded to check the limits against it and
		// to say which columns are pseudonymised.
		return err
	}
	if err := checkStartingLimits(served, opts.Config, limits); err != nil {
		return err
	}
	var keys []gossh.PublicKey
	switch {
	case o.authorizedKeys != "" && o.insecureNoAuth:
		return usageError(errors.New("--authorized-keys and --insecure-no-auth contradict each other"))
	case o.authorizedKeys != "":
		if keys, err = serve.AuthorizedKeys(o.authorizedKeys); err != nil {
			return usageError(err)
		}
	case !o.insecureNoAuth:
		return usageError(errors.New("refusing to serve without --authorized-keys FILE; " +
			"to let anyone in, say so with --insecure-no-auth"))
	}
	hostKeyPath := o.hostKey
	if hostKeyPath == "" {
		dir, err := a.userConfigDir()
		if err != nil {
			return usageError(fmt.Errorf("no default place for the host key (%w); give --host-key", err))
		}
		hostKeyPath = filepath.Join(dir, "retain", "ssh_host_ed25519_key")
	}
	hostKey, created, err := serve.HostKey(hostKeyPath)
	if err != nil {
		return err
	}
	if created {
		fmt.Fprintf(a.stderr, "Generated a new host key at %s\n", hostKeyPath)
	} else if st, err := os.Stat(hostKeyPath); err == nil && st.Mode().Perm()&0o077 != 0 {
		fmt.Fprintf(a.stderr, "warning: the host key %s is readable by other users (mode %v); chmod 600 it\n",
			hostKeyPath, st.Mode().Perm())
	}
	described := opts.Source.Describe()
	opts.Source, opts.Open = servedSource(opts.Source, a.quietOpener())
	opts.Limits = limits
	opts.Served, opts.ExportDir = true, o.exportDir
	opts.MaxExports, opts.MaxExportBytes = o.maxExports, exportBytes
	if o.exportDir != "" {
		opts.ExportFolder = exporter.NewFolder(o.exportDir, exportDirBytes)
		warnExportFolder(a.stderr, opts.ExportFolder)
	}
	logger := slog.New(slog.NewTextHandler(a.stderr, nil))
	srv, err := serve.New(serve.Config{
		HostKey: hostKey, AuthorizedKeys: keys, InsecureNoAuth: o.insecureNoAuth, Lang: opts.Lang,
		MaxSessions: o.maxSessions, MaxSessionTime: o.maxSessionTime, IdleTimeout: o.idleTimeout,
		NoSessionTimeout: o.noSessionTime, HandshakeTimeout: o.handshakeTime,
		MaxHandshakes: o.maxHandshakes, MaxHandshakesPerSource: o.maxPerAddress,
		App: func(serve.SessionInfo) tea.Model { return tui.NewModel(opts).Live() },
		Log: logger,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		return usageError(err)
	}
	auth := fmt.Sprintf("%d authorized keys", len(keys))
	if o.insecureNoAuth {
		auth = "NO AUTHENTICATION: anyone who can reach this address gets in"
	}
	if opts.Pseudonym.Enabled() {
		note, found := pseudonymNote(served)
		auth += "; " + note
		if !found {
			fmt.Fprintf(a.stderr, "warning: --pseudonymise: %s has no identifier column: nothing is pseudonymised\n", described)
		}
	}
	fmt.Fprintf(a.stderr, "Serving %s over SSH on %s (host key %s; %s)\n", described, ln.Addr(),
		gossh.FingerprintSHA256(hostKey.PublicKey()), auth)
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, "Server stopped.")
	// A signal stopped the server: exit 130, as every interrupted command.
	return ctx.Err()
}
