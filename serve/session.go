package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"
)

// MaxWidth and MaxHeight bound the window a session's program is given, in
// cells: a larger terminal shows the application in its top-left corner.
// The renderer and the application allocate per cell, and the client alone
// says how big its terminal is: a 30000×30000 one made the server allocate
// until it died, taking every session with it.
const (
	MaxWidth  = 1000
	MaxHeight = 300
)

// clampWindow returns a window size within MaxWidth × MaxHeight.
func clampWindow(width, height int) (int, int) {
	return min(max(width, 0), MaxWidth), min(max(height, 0), MaxHeight)
}

// handle runs one SSH session and then reports its exit status. The
// session's resources (its slot among MaxSessions above all) are released
// before the client hears the session ended, so a client that reconnects
// at once finds the slot free.
func (s *Server) handle(sess ssh.Session) {
	var finished func()
	code := s.serveSession(sess, &finished)
	// Its slot and the rest are released by now.
	s.log.Debug("session closed", "user", sess.User(), "remote", sess.RemoteAddr().String())
	_ = sess.Exit(code)
	if finished != nil {
		// Only now may a shutdown close the connection: the client has its
		// exit status.
		finished()
	}
}

// serveSession does the work of handle: admission, then one Bubble Tea
// program with its own model, colour profile and window size, then a last
// line saying why the session ended. It returns the exit status and, once
// the session is tracked, sets *finished to the call that tells shutdown
// this handler is done.
func (s *Server) serveSession(sess ssh.Session, finished *func()) int {
	log := s.log.With("user", sess.User(), "remote", sess.RemoteAddr().String())
	if c := connOf(sess.Context()); c != nil {
		if !c.sessionStarted() {
			return refuse(sess, s.cfg.Lang, say(s.cfg.Lang, "the connection stayed without a session too long", "连接在没有会话的状态下停留太久"))
		}
		defer c.sessionEnded()
	}
	if s.slots != nil {
		select {
		case s.slots <- struct{}{}:
			defer func() { <-s.slots }()
		default:
			log.Info("session refused: server full", "max_sessions", s.cfg.MaxSessions)
			return refuse(sess, s.cfg.Lang, s.fullMessage(s.cfg.Lang))
		}
	}
	ctx, cancel := context.WithCancelCause(sess.Context())
	defer cancel(nil)
	untrack, ok := s.track(cancel)
	if !ok {
		return refuse(sess, s.cfg.Lang, say(s.cfg.Lang, errShutdown.Error(), "服务器正在关闭"))
	}
	defer untrack()
	*finished = s.handlers.Done
	pty, _, ok := sess.Pty()
	if !ok {
		return refuse(sess, s.cfg.Lang, say(s.cfg.Lang, "this is an interactive terminal UI and needs a terminal: connect with ssh -t",
			"这是交互式终端界面，需要终端：请用 ssh -t 连接"))
	}
	// The library's window channel is left alone: requests.go answers
	// window changes and keeps the latest, from before the shell too.
	windows := windowsOf(sess.Context())
	if w, ok := windows.latest(); ok {
		pty.Window = w
	}
	if s.cfg.InsecureNoAuth {
		// The user is told inside the program (NoAuthWarning): a line
		// written now is hidden by its screen until the session ends.
		log.Warn("session without authentication (--insecure-no-auth)")
	}
	if s.cfg.MaxSessionTime > 0 {
		stop := s.limitTimer(s.cfg.MaxSessionTime, func() { cancel(errTimeLimit) })
		defer stop()
	}
	log.Info("session start", "term", pty.Term, "width", pty.Window.Width, "height", pty.Window.Height)
	start := time.Now()
	ran := make(chan struct{})
	defer s.closeIfStuck(ctx, ran, sess, log)()
	lang, err := s.runProgram(ctx, cancel, sess, pty, windows)
	close(ran)
	duration := time.Since(start).Round(time.Millisecond)
	reason := endReason(ctx, err)
	switch reason {
	case endCrash:
		// Others are unaffected.
		log.Error("session ended", "reason", reason, "err", err, "duration", duration)
		writeLine(sess, say(lang, "retain: internal error; this session was closed. Sorry!", "retain：内部错误，本会话已关闭。抱歉！"))
		return 1
	case endShutdown, endTimeLimit, endIdle:
		cause := context.Cause(ctx)
		log.Info("session ended", "reason", reason, "detail", cause, "duration", duration)
		writeLine(sess, goodbye(lang, cause))
		return 0
	case endError:
		log.Info("session ended", "reason", reason, "err", err, "duration", duration)
		return 0
	}
	log.Info("session ended", "reason", reason, "duration", duration)
	return 0
}

// Reasons a session ended, as the log's "session ended" lines give them.
const (
	endQuit       = "quit"       // the user quit the application
	endDisconnect = "disconnect" // the client closed the session or connection
	endIdle       = "idle"       // the idle timeout
	endTimeLimit  = "time_limit" // the session time limit
	endShutdown   = "shutdown"   // the server is shutting down
	endCrash      = "crash"      // the application panicked
	endError      = "error"      // the program failed otherwise
)

// endReason says why a session's program returned err, ctx being the
// session's context: cancelled with one of the server's causes, cancelled
// because the client went, or not cancelled when the user quit.
func endReason(ctx context.Context, err error) string {
	cause := context.Cause(ctx)
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		return endCrash
	case cause == errShutdown:
		return endShutdown
	case cause == errTimeLimit:
		return endTimeLimit
	case errors.As(cause, new(errIdle)):
		return endIdle
	case ctx.Err() != nil:
		return endDisconnect
	case err != nil:
		return endError
	}
	return endQuit
}

// runProgram runs the application for one session until the user quits,
// the session closes or ctx is cancelled, and returns the session's
// language for its last line: its final model's, else Config.Lang. It
// mirrors wish's bubbletea middleware, whose I/O options it reuses, but
// keeps the program's error and takes a context so shutdown and time
// limits can end it.
func (s *Server) runProgram(ctx context.Context, cancel context.CancelCauseFunc, sess ssh.Session, pty ssh.Pty,
	windows *windowBox) (string, error) {
	model, err := s.newModel(sess, pty)
	if err != nil {
		return s.cfg.Lang, err
	}
	act := newActivity()
	opts := append(bubbletea.MakeOptions(sess),
		tea.WithContext(ctx),
		// The process's signals belong to the server (graceful shutdown),
		// not to whichever session registered first.
		tea.WithoutSignalHandler(),
		// This replaces wish's filter, which act.filter does too.
		tea.WithFilter(act.filter),
		// This replaces wish's size, which the client chose unbounded.
		tea.WithWindowSize(clampWindow(pty.Window.Width, pty.Window.Height)),
	)
	p := tea.NewProgram(model, opts...)
	if l, ok := model.(interface{ SetSend(func(tea.Msg)) }); ok {
		// A load in progress reports through the program (tui.Live).
		l.SetSend(p.Send)
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	if s.cfg.IdleTimeout > 0 {
		go s.watchIdle(ctx, p, act, cancel)
	}
	if s.cfg.InsecureNoAuth {
		go p.Send(NoAuthWarning{}) // returns when the program reads it or ends
	}
	// The program is given the latest size whenever it is ready for one;
	// meanwhile the client may resize as often as it likes.
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-windows.changed:
			}
			w, _ := windows.latest()
			width, height := clampWindow(w.Width, w.Height)
			p.Send(tea.WindowSizeMsg{Width: width, Height: height})
		}
	}()
	final, err := p.Run()
	p.Kill()
	s.closeModel(final)
	lang := s.cfg.Lang
	if l, ok := final.(interface{ Lang() string }); ok {
		lang = l.Lang()
	}
	return lang, err
}

// stopGrace is how long a session has to wind down (its program to stop,
// its last line to be written) once it was told to end or its program
// returned. A program writing to a client that reads nothing is stuck in
// that write, deaf to its context; past stopGrace the session's connection
// is closed under it, which fails the write, so the session ends and its
// slot is free however the client behaves.
const stopGrace = 2 * time.Second

// closeIfStuck watches a session from when ctx is done or ran is closed:
// if the returned function is not called within stopGrace after that, it
// closes the session's connection. Call the returned function when the
// session is over.
func (s *Server) closeIfStuck(ctx context.Context, ran <-chan struct{}, sess ssh.Session, log *slog.Logger) func() {
	over := make(chan struct{})
	go func() {
		select {
		case <-over:
			return
		case <-ctx.Done():
		case <-ran:
		}
		t := time.NewTimer(stopGrace)
		defer t.Stop()
		select {
		case <-over:
		case <-t.C:
			log.Warn("session did not stop; closing its connection", "after", stopGrace)
			if c := connOf(sess.Context()); c != nil {
				_ = c.Close()
			} else {
				_ = sess.Close()
			}
		}
	}()
	return func() { close(over) }
}

// closeModel calls the final model's Close method, if it has one, so that
// work the application runs in the background (training) ends with the
// session: a killed program never tells its model it is quitting.
func (s *Server) closeModel(m tea.Model) {
	c, ok := m.(interface{ Close() })
	if !ok {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("application Close panicked", "panic", r)
		}
	}()
	c.Close()
}

// newModel calls the application factory, turning a panic there into this
// session's error.
func (s *Server) newModel(sess ssh.Session, pty ssh.Pty) (m tea.Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("application factory panicked", "panic", r)
			err = fmt.Errorf("%w: %v", tea.ErrProgramPanic, r)
		}
	}()
	width, height := clampWindow(pty.Window.Width, pty.Window.Height)
	return s.cfg.App(SessionInfo{
		User: sess.User(), RemoteAddr: sess.RemoteAddr().String(),
		Term: pty.Term, Width: width, Height: height,
	}), nil
}

// refuse tells the client why its session is not served, msg being in
// lang; it returns the exit status.
func refuse(sess ssh.Session, lang, msg string) int {
	writeLine(sess.Stderr(), say(lang, "retain: ", "retain：")+msg)
	return 1
}

// writeLine writes a line that reads well on a terminal in raw mode too.
func writeLine(w io.Writer, line string) {
	_, _ = io.WriteString(w, line+"\r\n")
}

// plural writes "1 session" or "3 sessions".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
