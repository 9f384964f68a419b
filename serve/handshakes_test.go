package serve

import (
	"errors"
	"net"
	"testing"
)

// pipeAddr is an address that is not IP.
type pipeAddr string

func (a pipeAddr) Network() string { return "pipe" }
func (a pipeAddr) String() string  { return string(a) }

func TestSourceOf(t *testing.T) {
	for _, tc := range []struct {
		addr net.Addr
		want string
	}{
		{&net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 50022}, "192.0.2.7"},
		// An IPv4 client of a dual-stack listener counts as its IPv4 address.
		{&net.TCPAddr{IP: net.ParseIP("::ffff:192.0.2.7"), Port: 1}, "192.0.2.7"},
		// Every address of an IPv6 /64 counts as one source.
		{&net.TCPAddr{IP: net.ParseIP("2001:db8:1:2:aaaa::1"), Port: 1}, "2001:db8:1:2::/64"},
		{&net.TCPAddr{IP: net.ParseIP("2001:db8:1:2:ffff:ffff:ffff:ffff"), Port: 1}, "2001:db8:1:2::/64"},
		{&net.TCPAddr{IP: net.ParseIP("fe80::1"), Port: 1, Zone: "eth0"}, "fe80::/64"},
		{pipeAddr("[2001:db8::5]:22"), "2001:db8::/64"},
		{pipeAddr("@"), "@"},
	} {
		if got := sourceOf(tc.addr); got != tc.want {
			t.Errorf("sourceOf(%v) = %q, want %q", tc.addr, got, tc.want)
		}
	}
}

func TestHandshakePlaces(t *testing.T) {
	h := newHandshakes(3, 2)
	a1, err := h.enter("a")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.enter("a"); err != nil {
		t.Fatal(err)
	}
	if _, err := h.enter("a"); !errors.Is(err, errHandshakesSource) {
		t.Fatalf("a third place for one source: %v, want %v", err, errHandshakesSource)
	}
	b1, err := h.enter("b")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.enter("c"); !errors.Is(err, errHandshakesFull) {
		t.Fatalf("a fourth place in all: %v, want %v", err, errHandshakesFull)
	}
	a1()
	if _, err := h.enter("c"); err != nil {
		t.Fatalf("a place given back was not taken: %v", err)
	}
	b1()
	if _, ok := h.bySource["b"]; ok || h.total != 2 {
		t.Errorf("after two places given back: %d held, by source %v; want 2 and no entry for b", h.total, h.bySource)
	}
}
