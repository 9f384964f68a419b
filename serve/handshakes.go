package serve

import (
	"errors"
	"net"
	"net/netip"
	"sync"
)

// DefaultMaxHandshakes is how many connections may be logging in at once
// unless Config.MaxHandshakes says.
const DefaultMaxHandshakes = 64

// DefaultMaxHandshakesPerSource is how many of those may come from one
// source unless Config.MaxHandshakesPerSource says.
const DefaultMaxHandshakesPerSource = 8

// Why a connection is turned away before its handshake, told to its
// client in a line before the SSH version.
var (
	errHandshakesFull   = errors.New("too many connections are logging in; please try again later")
	errHandshakesSource = errors.New("too many connections from your address are logging in; please try again later")
)

// handshakes counts the connections that have not logged in yet: in all,
// and by source, so that one address opening connections it never logs in
// on cannot fill every place.
type handshakes struct {
	max, perSource int

	mu       sync.Mutex
	total    int
	bySource map[string]int
}

func newHandshakes(limit, perSource int) *handshakes {
	return &handshakes{max: limit, perSource: perSource, bySource: map[string]int{}}
}

// enter takes a place for a connection from source, or says why there is
// none. The returned function gives the place back; call it once.
func (h *handshakes) enter(source string) (func(), error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case h.bySource[source] >= h.perSource:
		return nil, errHandshakesSource
	case h.total >= h.max:
		return nil, errHandshakesFull
	}
	h.total++
	h.bySource[source]++
	return func() { h.leave(source) }, nil
}

func (h *handshakes) leave(source string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.total--
	if h.bySource[source]--; h.bySource[source] <= 0 {
		delete(h.bySource, source)
	}
}

// sourceOf is what a connection from addr counts against: its IP address,
// or for IPv6 its /64, which one subscriber usually holds whole (counting
// each of its addresses apart would give that subscriber 2⁶⁴ places). An
// address that is not IP counts as itself.
func sourceOf(addr net.Addr) string {
	var ip netip.Addr
	if tcp, ok := addr.(*net.TCPAddr); ok {
		ip = tcp.AddrPort().Addr()
	} else if ap, err := netip.ParseAddrPort(addr.String()); err == nil {
		ip = ap.Addr()
	} else {
		return addr.String()
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}
