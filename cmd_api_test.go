package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retainlab/retain/internal/shareddata"
	"github.com/retainlab/retain/scoreapi"
)

const apiTestToken = "api-test-token-42"

// startAPI serves model on 127.0.0.1 (port 0) until the test ends and
// returns the server and its base URL.
func startAPI(t *testing.T, model string, cfg scoreapi.Config) (*scoreapi.Server, string) {
	t.Helper()
	if cfg.Token == nil && !cfg.Insecure {
		cfg.Token = []byte(apiTestToken)
	}
	if cfg.Poll == 0 {
		cfg.Poll = -1
	}
	srv, err := scoreapi.New(model, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return srv, "http://" + ln.Addr().String()
}

// postRows posts rows to /v1/predict and decodes the answer.
func postRows(t testing.TB, client *http.Client, url string, rows []map[string]any) (*scoreapi.Response, http.Header) {
	t.Helper()
	body, err := json.Marshal(scoreapi.Request{Rows: rows})
	if err != nil {
		t.Error(err)
		return nil, nil
	}
	req, _ := http.NewRequest(http.MethodPost, url+"/v1/predict", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+apiTestToken)
	resp, err := client.Do(req)
	if err != nil {
		t.Error(err)
		return nil, nil
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status %d: %s", resp.StatusCode, raw)
		return nil, nil
	}
	var out scoreapi.Response
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Error(err)
		return nil, nil
	}
	return &out, resp.Header
}

// Done-when of issue 18: every row of online_shoppers scored through the
// server in batches matches `retain predict`: the CLI's own CSV (6
// decimals) and, to 1e-12, the full-precision probabilities of the code
// predict runs (Bundle.ScoreCSV on the same file).
func TestAPIScoresOnlineShoppersLikePredict(t *testing.T) {
	path := filepath.Join("..", "shared", "datasets", "online_shoppers", "online_shoppers_intention.csv")
	shareddata.Need(t, path)
	model := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", path, "--label", "Revenue", "--epochs", "2",
		"--layers", "16", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d: %s", code, c.stderr.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--data", path); code != exitOK {
		t.Fatalf("predict: exit %d: %s", code, c.stderr.String())
	}
	cliRows, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := loadModel(c.app, model)
	if err != nil {
		t.Fatal(err)
	}
	want, err := b.ScoreCSV(bytes.NewReader(raw), path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := scoreapi.RowsFromCSV(bytes.NewReader(raw), b.Pipeline)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != want.Len() || len(cliRows) != want.Len()+1 {
		t.Fatalf("%d JSON rows, %d CLI lines, %d scored rows", len(rows), len(cliRows), want.Len())
	}
	_, url := startAPI(t, model, scoreapi.Config{MaxRows: 1000})
	client := &http.Client{}
	worst := 0.0
	for start := 0; start < len(rows); start += 1000 {
		end := min(start+1000, len(rows))
		got, _ := postRows(t, client, url, rows[start:end])
		if got == nil {
			t.FailNow()
		}
		for k, p := range got.Predictions {
			i := start + k
			worst = max(worst, math.Abs(p.Probability-want.Probabilities[i]))
			line := cliRows[i+1]
			if s := strconv.FormatFloat(p.Probability, 'f', 6, 64); s != line[1] || p.Decision != line[2] {
				t.Fatalf("row %d: API %s %s, retain predict %s %s", i+1, s, p.Decision, line[1], line[2])
			}
		}
	}
	if worst > 1e-12 {
		t.Errorf("largest difference from predict's probabilities %g, want ≤ 1e-12", worst)
	}
	t.Logf("%d rows in batches of 1000: largest difference %g", len(rows), worst)
}

// twoModels trains two different models on the same users table.
func twoModels(t *testing.T) (csvPath, first, second string) {
	t.Helper()
	csvPath = usersCSV(t, 300)
	dir := t.TempDir()
	for i, out := range []*string{&first, &second} {
		*out = filepath.Join(dir, fmt.Sprintf("model%d.json", i+1))
		c := newCLI(t)
		if code := c.run(context.Background(), "train", "--data", csvPath, "--label", "churn", "--epochs", "2",
			"--layers", "8", "--seed", strconv.Itoa(i+1), "--out", *out); code != exitOK {
			t.Fatalf("train: exit %d: %s", code, c.stderr.String())
		}
	}
	return csvPath, first, second
}

// probabilities scores the users table with a model file, as predict does.
func probabilities(t *testing.T, model, csvPath string) []float64 {
	t.Helper()
	b, err := loadModel(newCLI(t).app, model)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	s, err := b.ScoreCSV(bytes.NewReader(raw), csvPath)
	if err != nil {
		t.Fatal(err)
	}
	return s.Probabilities
}

// A model file replaced by rename while requests are in flight loses no
// request: every answer is a 200 from one of the two models, with that
// model's probabilities, and the answers after the reload come from the
// new one.
func TestAPIModelSwapMidLoadLosesNoRequest(t *testing.T) {
	csvPath, first, second := twoModels(t)
	dir := t.TempDir()
	live := filepath.Join(dir, "live.json")
	copyFile(t, first, live)
	srv, url := startAPI(t, live, scoreapi.Config{})
	oldID := srv.Model().ID
	raw, _ := os.ReadFile(csvPath)
	b, err := loadModel(newCLI(t).app, first)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := scoreapi.RowsFromCSV(bytes.NewReader(raw), b.Pipeline)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][]float64{0: probabilities(t, first, csvPath), 1: probabilities(t, second, csvPath)}
	const workers, perWorker, batch = 4, 40, 10
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}}
	halfway := make(chan struct{})
	var once sync.Once
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for k := range perWorker {
				if k == perWorker/2 {
					once.Do(func() { close(halfway) })
				}
				start := (w*perWorker + k) * batch % (len(rows) - batch)
				got, h := postRows(t, client, url, rows[start:start+batch])
				if got == nil {
					return
				}
				mu.Lock()
				seen[got.Model]++
				mu.Unlock()
				which := 0
				if got.Model != oldID {
					which = 1
				}
				if h.Get("X-Retain-Model") != got.Model {
					t.Errorf("header model %s, body %s", h.Get("X-Retain-Model"), got.Model)
				}
				for j, p := range got.Predictions {
					if p.Probability != want[which][start+j] {
						t.Errorf("model %s row %d: %v, want %v", got.Model, start+j, p.Probability, want[which][start+j])
						return
					}
				}
			}
		})
	}
	<-halfway
	tmp := filepath.Join(dir, "live.json.tmp")
	copyFile(t, second, tmp)
	if err := os.Rename(tmp, live); err != nil {
		t.Fatal(err)
	}
	if err := srv.Reload(); err != nil {
		t.Fatal(err)
	}
	newID := srv.Model().ID
	after, _ := postRows(t, client, url, rows[:batch])
	wg.Wait()
	if newID == oldID || after == nil || after.Model != newID {
		t.Fatalf("after the swap: model %s (old %s, new %s)", after.Model, oldID, newID)
	}
	total := 0
	for id, n := range seen {
		if id != oldID && id != newID {
			t.Errorf("%d answers from model %s, neither %s nor %s", n, id, oldID, newID)
		}
		total += n
	}
	if total != workers*perWorker {
		t.Errorf("%d answers, want %d", total, workers*perWorker)
	}
	t.Logf("answers by model: %v", seen)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	raw, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestAPIRefusesBadSetups(t *testing.T) {
	model := trainModel(t, usersCSV(t, 100))
	empty := writeFile(t, "empty.token", " \n")
	spaced := writeFile(t, "spaced.token", "two words\n")
	short := writeFile(t, "short.token", "x\n")
	fifteen := writeFile(t, "fifteen.token", "abcdefghijklmno\n") // 15 bytes: one short
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.json")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"api", "--model", model}, "retain: refusing to serve without --token-file FILE; " +
			"to let anyone score, say so with --insecure-no-auth\n"},
		{[]string{"api", "--model", model, "--token-file", empty, "--insecure-no-auth"},
			"retain: --token-file and --insecure-no-auth contradict each other\n"},
		{[]string{"api", "--model", model, "--token-file", empty},
			"retain: --token-file " + empty + " is empty: put the token in it\n"},
		{[]string{"api", "--model", model, "--token-file", spaced},
			"retain: --token-file " + spaced + ": the token must be one word, without spaces or line breaks\n"},
		{[]string{"api", "--model", model, "--token-file", short},
			"retain: --token-file " + short + ": the token is 1 byte, want at least 16 so that it cannot be guessed; " +
				"make one with: head -c 32 /dev/urandom | base64 | tr -d '/+=' > " + short + " && chmod 600 " + short + "\n"},
		{[]string{"api", "--model", model, "--token-file", fifteen},
			"retain: --token-file " + fifteen + ": the token is 15 bytes, want at least 16 so that it cannot be guessed; " +
				"make one with: head -c 32 /dev/urandom | base64 | tr -d '/+=' > " + fifteen + " && chmod 600 " + fifteen + "\n"},
		{[]string{"api", "--model", model, "--insecure-no-auth", "--max-rows", "0"},
			"retain: --max-rows 0: want at least 1\n"},
		{[]string{"api", "--model", model, "--insecure-no-auth", "--max-conns", "0"},
			"retain: --max-conns 0: want at least 1\n"},
		{[]string{"api", "--model", model, "--insecure-no-auth", "--listen", "127.0.0.1:99999"}, ""},
		{[]string{"api", "--model", missing, "--insecure-no-auth"},
			"retain: --model " + missing + ": no such file or directory\n"},
		{[]string{"api", "--model", dir, "--insecure-no-auth"},
			"retain: --model " + dir + ": is a directory, not a file\n"},
	} {
		c2 := newCLI(t)
		if code := c2.run(context.Background(), c.args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, code, exitUsage, c2.stderr.String())
		}
		if c.want != "" && c2.stderr.String() != c.want {
			t.Errorf("%v: stderr\n%q, want\n%q", c.args, c2.stderr.String(), c.want)
		}
	}
}

// The watcher reloads a model file replaced by rename, without SIGHUP.
func TestAPIReloadsAChangedFile(t *testing.T) {
	_, first, second := twoModels(t)
	live := filepath.Join(t.TempDir(), "live.json")
	copyFile(t, first, live)
	srv, _ := startAPI(t, live, scoreapi.Config{Poll: time.Millisecond})
	oldID := srv.Model().ID
	copyFile(t, second, live+".tmp")
	if err := os.Rename(live+".tmp", live); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for srv.Model().ID == oldID {
		if time.Now().After(deadline) {
			t.Fatal("the replaced model file was not reloaded within 30 s")
		}
		runtime.Gosched()
	}
}

// Shutting down lets a request in flight finish: its body is still being
// sent when the server is told to stop, and it is answered 200.
func TestAPIShutdownFinishesInFlight(t *testing.T) {
	model := trainModel(t, usersCSV(t, 100))
	srv, err := scoreapi.New(model, scoreapi.Config{Token: []byte(apiTestToken), Poll: -1})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, "http://"+ln.Addr().String()+"/v1/predict", pr)
	req.Header.Set("Authorization", "Bearer "+apiTestToken)
	answered := make(chan int, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- -1
			return
		}
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	if _, err := pw.Write([]byte(`{"rows":[{"user_id":"u1","visits":3,`)); err != nil {
		t.Fatal(err)
	}
	// The handler is running (reading the body) once the gauge says so.
	for !strings.Contains(scrape(t, srv), "retain_api_requests_in_flight 1\n") {
		runtime.Gosched()
	}
	cancel()
	if _, err := pw.Write([]byte(`"spend":12.5,"plan":"plus"}]}`)); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	if code := <-answered; code != http.StatusOK {
		t.Errorf("the request in flight at shutdown: %d, want 200", code)
	}
	if err := <-done; err != nil {
		t.Errorf("Serve after shutdown: %v", err)
	}
}

// scrape returns the server's metrics text.
func scrape(t *testing.T, srv *scoreapi.Server) string {
	t.Helper()
	rec := httptest.NewRecorder()
	srv.Metrics().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	return rec.Body.String()
}

func TestListenNetwork(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:8080":          "tcp4",
		"0.0.0.0:8080":            "tcp4",
		"[::ffff:127.0.0.1]:8080": "tcp4",
		"[::1]:8080":              "tcp6",
		"[::]:8080":               "tcp6",
		"[fe80::1%lo]:8080":       "tcp6",
		"localhost:8080":          "tcp",
		":8080":                   "tcp",
		"nonsense":                "tcp",
	} {
		if got := listenNetwork(addr); got != want {
			t.Errorf("listenNetwork(%q) = %q, want %q", addr, got, want)
		}
	}
}

// `--listen 0.0.0.0:PORT` listened dual-stack on [::] (open over IPv6 too)
// and printed http://[::]:PORT. It listens on IPv4 only and prints the
// address as given.
func TestAPIListensOnTheIPv4AddressGiven(t *testing.T) {
	model := trainModel(t, usersCSV(t, 100))
	token := writeFile(t, "api.token", apiTestToken+"\n")
	if err := os.Chmod(token, 0o600); err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	banner := make(chan string, 1)
	c.stderr.onWrite = func(s string) {
		if strings.HasPrefix(s, "Serving model") {
			banner <- s
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	exited := make(chan int, 1)
	go func() {
		exited <- c.run(ctx, "api", "--model", model, "--token-file", token, "--listen", "0.0.0.0:0")
	}()
	var line string
	select {
	case line = <-banner:
	case code := <-exited:
		cancel()
		t.Fatalf("api exited %d before serving: %s", code, c.stderr.String())
	}
	defer func() {
		cancel()
		if code := <-exited; code != exitInterrupted {
			t.Errorf("api exit %d after cancel, want %d", code, exitInterrupted)
		}
	}()
	// The limits grouped as every count is (review31 #10): the defaults,
	// 10,000 rows and 16 << 20 bytes.
	if !strings.Contains(line, "at most 10,000 rows, 16,777,216 bytes a request)") {
		t.Errorf("banner %q: want the default limits with thousands separators", line)
	}
	_, rest, ok := strings.Cut(line, " on http://0.0.0.0:")
	if !ok {
		t.Fatalf("banner %q does not say http://0.0.0.0:PORT", line)
	}
	port, _, _ := strings.Cut(rest, " ")
	conn, err := net.Dial("tcp4", "127.0.0.1:"+port)
	if err != nil {
		t.Fatalf("127.0.0.1:%s: %v", port, err)
	}
	conn.Close()
	// Only where this host has IPv6 loopback can the test tell IPv4-only
	// from dual-stack.
	probe, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		t.Logf("no IPv6 loopback (%v): the IPv6 side is not checked", err)
		return
	}
	probe.Close()
	if conn, err := net.Dial("tcp6", "[::1]:"+port); err == nil {
		conn.Close()
		t.Errorf("[::1]:%s accepted a connection: --listen 0.0.0.0 listens on IPv6 too", port)
	}
}
