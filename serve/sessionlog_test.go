package serve

import (
	"regexp"
	"testing"
)

// waitSessionEnded waits for the log line of user's session ending: the
// whole line, at level, with reason and then the attributes extra (a
// regular expression, "" for none) before the duration.
func (f *fixture) waitSessionEnded(t *testing.T, level, user, reason, extra string) {
	t.Helper()
	re := regexp.MustCompile(`(?m)^time=\S+ level=` + level + ` msg="session ended" user=` + regexp.QuoteMeta(user) +
		` remote=127\.0\.0\.1:\d+ reason=` + reason + extra + ` duration=[0-9.]+(ns|µs|ms|s|m[0-9.]+s)$`)
	if !f.logs.waitUntil(re.MatchString, waitLimit) {
		t.Errorf("no log line matching %s in:\n%s", re, f.logs.String())
	}
}

// TestDisconnectIsLogged: a client that closes its connection without
// quitting ends its session with reason=disconnect.
func TestDisconnectIsLogged(t *testing.T) {
	f := start(t, Config{})
	tm := f.openTerm(t, "alice", "xterm-256color", nil)
	tm.waitFor(t, "hello alice")
	tm.client.Close()
	f.waitSessionEnded(t, "INFO", "alice", "disconnect", "")
}
