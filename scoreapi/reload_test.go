package scoreapi

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// reloadLines are the lines of /metrics about retain_api_model_reloads_total.
func reloadLines(t *testing.T, s *Server) string {
	t.Helper()
	var b strings.Builder
	for line := range strings.Lines(scrapeServer(t, s)) {
		if strings.Contains(line, "retain_api_model_reloads_total") {
			b.WriteString(line)
		}
	}
	return b.String()
}

// The reload counter had no series until the first reload, so an alert on
// its "failed" series had nothing to watch. Both results start at 0.
func TestReloadCounterStartsAtZero(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	want := `# HELP retain_api_model_reloads_total Model reloads, by result (ok, failed).
# TYPE retain_api_model_reloads_total counter
retain_api_model_reloads_total{result="failed"} 0
retain_api_model_reloads_total{result="ok"} 0
`
	if got := reloadLines(t, s); got != want {
		t.Errorf("/metrics at start:\n%s\nwant\n%s", got, want)
	}
}

// A reload by SIGHUP (Server.Reload) left the watcher's last stat as it
// was, so the next poll loaded the same change again: logged and counted
// twice. Each change below is loaded once, by Reload or by the poll,
// whichever sees it first.
func TestReloadIsNotRepeatedByThePoll(t *testing.T) {
	var log strings.Builder
	s, model := newTestServer(t, Config{Log: &log})
	served := s.Model().ID
	good, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(model, []byte(`{"format":`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Reload(); err == nil {
		t.Fatal("Reload of a broken file succeeded")
	}
	s.poll()
	if err := os.Remove(model); err != nil {
		t.Fatal(err)
	}
	s.poll()
	s.poll()
	if err := os.WriteFile(model, good, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	s.poll()
	want := "retain api: reload failed, still serving model " + served + ": model file " + model +
		": not valid JSON at line 1, column 10: unexpected end of JSON input\n" +
		"retain api: model file " + model + " is gone; still serving model " + served + "\n" +
		"retain api: model reloaded from " + model + ": " + served + " (was " + served + ")\n"
	if log.String() != want {
		t.Errorf("log:\n%s\nwant each change once:\n%s", log.String(), want)
	}
	// Two failed reloads (the broken file, the file gone) and one good.
	wantMetrics := `# HELP retain_api_model_reloads_total Model reloads, by result (ok, failed).
# TYPE retain_api_model_reloads_total counter
retain_api_model_reloads_total{result="failed"} 2
retain_api_model_reloads_total{result="ok"} 1
`
	if got := reloadLines(t, s); got != wantMetrics {
		t.Errorf("/metrics:\n%s\nwant\n%s", got, wantMetrics)
	}
}

// TestPollSeesASameSizeSameTimeReplacement: the poll compared size and
// modification time only, and missed a new model of the same length put
// in place by rename with the old file's time (cp -p, rsync -a). The
// file's inode changed: the poll reloads it. A file rewritten in place
// with its time set back is seen by its inode change time.
func TestPollSeesASameSizeSameTimeReplacement(t *testing.T) {
	var log strings.Builder
	s, model := newTestServer(t, Config{Log: &log})
	before := s.Model()
	raw, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(model)
	if err != nil {
		t.Fatal(err)
	}
	// The same model at another threshold, in as many bytes.
	const from, to = `"threshold": 0.5`, `"threshold": 0.9`
	if !bytes.Contains(raw, []byte(from)) {
		t.Fatalf("the model file has no %s", from)
	}
	swap := func(content []byte, inPlace bool) {
		t.Helper()
		path := model + ".new"
		if inPlace {
			path = model
		}
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, fi.ModTime(), fi.ModTime()); err != nil {
			t.Fatal(err)
		}
		if !inPlace {
			if err := os.Rename(path, model); err != nil {
				t.Fatal(err)
			}
		}
		if now, err := os.Stat(model); err != nil || now.Size() != fi.Size() || !now.ModTime().Equal(fi.ModTime()) {
			t.Fatalf("the new file's size and time differ (%v)", err)
		}
	}
	swap(bytes.Replace(raw, []byte(from), []byte(to), 1), false)
	s.poll()
	if got := s.Model().Bundle.Threshold; got != 0.9 {
		t.Fatalf("after a same-size same-time rename: threshold %v, want 0.9 (the model served %s, was %s)", got, s.Model().ID, before.ID)
	}
	swap(raw, true)
	s.poll()
	if got := s.Model().ID; got != before.ID {
		t.Errorf("after an in-place rewrite with the time set back: model %s, want %s", got, before.ID)
	}
	if n := strings.Count(log.String(), "model reloaded"); n != 2 {
		t.Errorf("log:\n%s\nwant two reloads", log.String())
	}
}
