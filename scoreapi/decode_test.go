package scoreapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestManyTinyRowsAreCountedNotBuilt sends the most rows a body can hold,
// "{}" after "{}": the 413 must come without a map built per row. Built,
// a 16 MB body of them held 870 MB, and --max-inflight of them at once
// could exhaust the server's memory.
func TestManyTinyRowsAreCountedNotBuilt(t *testing.T) {
	const rows = 200_000
	body := `{"rows":[` + strings.Repeat(`{},`, rows-1) + `{}]}`
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	req, bad := decodeRequest(strings.NewReader(body), 10, 4)
	runtime.ReadMemStats(&after)
	if req != nil || bad == nil || bad.Status != http.StatusRequestEntityTooLarge {
		t.Fatalf("%d rows with a limit of 10: %v, %+v; want a 413", rows, req, bad)
	}
	if want := "200000 rows: at most 10 per request (--max-rows)"; bad.Message != want {
		t.Errorf("message %q, want %q", bad.Message, want)
	}
	// The body is read and kept whole (and copied, as its rows are
	// parsed): a few times its size, never tens.
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d bytes allocated for a %d-byte body", alloc, len(body))
	if alloc > uint64(10*len(body)) {
		t.Errorf("refusing a %d-byte body of %d rows allocated %d bytes (%.0f× the body)",
			len(body), rows, alloc, float64(alloc)/float64(len(body)))
	}
}

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestBigCellsAndManyKeysAreNotBuilt: a cell holding an array of half a
// million zeros, or a row of 300,000 keys, is read without being built
// (only its kind, or the first keys, matter to the answer). Built, a
// 16 MB body of either held 300 to 700 MB.
func TestBigCellsAndManyKeysAreNotBuilt(t *testing.T) {
	var keys strings.Builder
	for i := range 300_000 {
		fmt.Fprintf(&keys, `"k%d":0,`, i)
	}
	for _, c := range []struct{ name, body string }{
		{"an array", `{"rows":[{"visits":[` + strings.Repeat(`0,`, 500_000) + `0]}]}`},
		{"an object", `{"rows":[{"visits":{` + keys.String() + `"k":0}}]}`},
		{"many keys", `{"rows":[{` + keys.String() + `"visits":1}]}`},
	} {
		alloc := allocated(func() { _, _ = decodeRequest(strings.NewReader(c.body), 10, 4) })
		t.Logf("%s: %d bytes allocated for a %d-byte body", c.name, alloc, len(c.body))
		if alloc > uint64(10*len(c.body)) {
			t.Errorf("%s: %d bytes allocated for a %d-byte body (%.0f× the body)", c.name, alloc, len(c.body),
				float64(alloc)/float64(len(c.body)))
		}
	}
}

// FuzzDecodeRowMatchesEncodingJSON: a row read by decodeRow holds what
// encoding/json decodes it to (with UseNumber), arrays and objects
// replaced by empty ones, or decodeRow refuses it for its keys (too many,
// or one given twice).
func FuzzDecodeRowMatchesEncodingJSON(f *testing.F) {
	for _, seed := range []string{
		goodRow, `{}`, ` { "a" : 1 , "b":"x\"y" , "c":[1,{"d":"]"}], "e":{"f":[]},"g":null,"h":true,"i":false}`,
		`{"a":1,"a":2}`, `{"\u00e9":"\ud83d\ude00","b":"\xff"}`, "{\"a\":\"\xff\xfe\"}", `{"a":-1.5e+300,"b":0}`,
		`{"a":"}","b":"{","c":"\\"}`, "{\n\t\"a\"\r\n:\n1\n}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		raw = bytes.TrimSpace(raw)
		if !json.Valid(raw) || len(raw) == 0 || raw[0] != '{' {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var want map[string]any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		for k, v := range want {
			switch v.(type) {
			case []any:
				want[k] = []any{}
			case map[string]any:
				want[k] = map[string]any{}
			}
		}
		got, bad := decodeRow(0, raw, 100)
		if bad != nil {
			if !strings.Contains(bad.Message, "keys") && !strings.HasSuffix(bad.Message, ": given twice") {
				t.Fatalf("%q: %v", raw, bad.Message)
			}
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: decodeRow gave %#v, encoding/json %#v", raw, got, want)
		}
	})
}

// TestKeyTwiceIsTopLevelOnly: only the body's own keys count, not the
// same names inside rows, nor text in strings that looks like a key.
func TestKeyTwiceIsTopLevelOnly(t *testing.T) {
	body := `{"rows":[{"explain":1,"rows":[],"x":"\",\"explain\":2"}],"explain":1}`
	req, bad := decodeRequest(strings.NewReader(body), 10, 4)
	if bad != nil {
		t.Fatalf("%s: %s", body, bad.Message)
	}
	// The row as written: "x" holds the text `","explain":2`.
	want := []map[string]any{{"explain": json.Number("1"), "rows": []any{}, "x": `","explain":2`}}
	if !reflect.DeepEqual(req.Rows, want) || req.Explain != 1 {
		t.Errorf("%s: rows %#v, explain %d; want %#v, 1", body, req.Rows, req.Explain, want)
	}
}
