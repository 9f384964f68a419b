package serve

import (
	"strings"
	"sync/atomic"
	"testing"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// zhModel is testModel speaking Chinese: its Lang says so, as the TUI's
// does after ctrl+l.
type zhModel struct{ testModel }

func (m zhModel) Lang() string { return "zh" }

func (m zhModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.testModel.Update(msg)
	m.testModel = next.(testModel)
	return m, cmd
}

// TestServerLinesSpeakTheSessionLanguage: under `serve --lang zh` the
// server's own lines were English — the ssh -T refusal ("retain: retain
// is interactive…"), the goodbye at shutdown (review29 #8). They follow
// Config.Lang, and a session whose model speaks Chinese (Lang) is told
// goodbye in Chinese whatever the server's language.
func TestServerLinesSpeakTheSessionLanguage(t *testing.T) {
	f := start(t, Config{Lang: "zh"})
	tm := f.openTerm(t, "alice", "", nil)
	if code := tm.exit(t); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if want := "retain：这是交互式终端界面，需要终端：请用 ssh -t 连接"; !strings.Contains(tm.errOut.String(), want) {
		t.Errorf("stderr %q, want %q", tm.errOut.String(), want)
	}
	a := f.openTerm(t, "alice", "xterm-256color", nil)
	a.waitFor(t, "hello alice")
	f.cancel()
	a.exit(t)
	if want := "retain：服务器正在关闭，再见。"; !strings.Contains(a.out.String(), want) {
		t.Errorf("shutdown line %q, want %q", a.out.String(), want)
	}

	var closed atomic.Int32
	g2 := start(t, Config{App: func(si SessionInfo) tea.Model { return zhModel{testModel{user: si.User, closed: &closed}} }})
	b := g2.openTerm(t, "bob", "xterm-256color", nil)
	b.waitFor(t, "hello bob")
	g2.cancel()
	b.exit(t)
	if want := "retain：服务器正在关闭，再见。"; !strings.Contains(b.out.String(), want) {
		t.Errorf("a Chinese session's shutdown line %q, want %q", b.out.String(), want)
	}
}

// TestNoAuthWarningInBothLanguages: the notice a session's program shows.
func TestNoAuthWarningInBothLanguages(t *testing.T) {
	if got := (NoAuthWarning{}).NoticeIn("zh"); got != "警告：此服务器不验证身份，任何人都能进入" {
		t.Errorf("zh %q", got)
	}
	if got := (NoAuthWarning{}).Notice(); got != "warning: this server has no authentication: anyone can get in" {
		t.Errorf("en %q", got)
	}
}

// TestNoAuthBannerInTheServerLanguage: the SSH banner a client shows
// before the session follows Config.Lang.
func TestNoAuthBannerInTheServerLanguage(t *testing.T) {
	for lang, want := range map[string]string{"": "WARNING: this server lets anyone in without authentication.\n", "zh": "警告：此服务器不验证身份，任何人都能进入。\n"} {
		f := start(t, Config{InsecureNoAuth: true, Lang: lang})
		var banner string
		c, err := gossh.Dial("tcp", f.addr, &gossh.ClientConfig{
			User: "anyone", HostKeyCallback: gossh.FixedHostKey(f.hostKey), Timeout: waitLimit,
			BannerCallback: func(m string) error { banner = m; return nil },
		})
		if err != nil {
			t.Fatal(err)
		}
		c.Close()
		if banner != want {
			t.Errorf("lang %q: banner %q, want %q", lang, banner, want)
		}
	}
}
