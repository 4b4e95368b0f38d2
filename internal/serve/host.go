package serve

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strings"
)

// hostCheck answers a request only when its Host names this server: an IP
// address, localhost (or a name under .localhost), or one of the names it
// was given. Anything else is refused with 421 Misdirected Request. This
// stops DNS rebinding: a web page at a name of its own, which its DNS
// server later points at 127.0.0.1, could otherwise read the preview,
// drafts included, since to the browser it is the page's own site. The
// browser sends the page's name as Host, and a page can neither change
// that nor be at an IP address it does not have, so an IP address is as
// safe as localhost. The port is not checked: a tunnel (ssh -L 8080:...)
// reaches the preview on another port.
type hostCheck struct {
	names map[string]bool // normalised by hostName
	next  http.Handler
}

// allowHosts wraps next in a hostCheck that also accepts names.
func allowHosts(next http.Handler, names ...string) *hostCheck {
	h := &hostCheck{names: make(map[string]bool), next: next}
	for _, n := range names {
		if n = hostName(n); n != "" {
			h.names[n] = true
		}
	}
	return h
}

func (h *hostCheck) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.allowed(r.Host) {
		h.next.ServeHTTP(w, r)
		return
	}
	host := r.Host
	if len(host) > 100 {
		host = host[:100] + "..."
	}
	hdr := w.Header()
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Content-Type-Options", "nosniff")
	// The names are not listed: a page refused here may read this.
	msg := fmt.Sprintf("scorecard serve answers only to localhost, this computer's IP addresses and the names given to it with -host, so that another web page cannot read the preview through a name of its own (DNS rebinding).\n"+
		"This request was for %q. To open the preview by that name on purpose, start serve with -host %s.\n",
		host, hostNameOr(r.Host, "NAME"))
	respond(w, r, http.StatusMisdirectedRequest, types[".txt"], []byte(msg))
}

// allowed says whether host, a request's Host, names this server.
func (h *hostCheck) allowed(host string) bool {
	if host == "" {
		return true // HTTP/1.0 without Host: not a browser, which always sends one
	}
	name := hostName(host)
	if name == "" {
		return false
	}
	if _, err := netip.ParseAddr(name); err == nil {
		return true
	}
	return name == "localhost" || strings.HasSuffix(name, ".localhost") || h.names[name]
}

// hostName returns the name in a Host ("Name.example.:8080", "[::1]:1313")
// in lower case, without its port, brackets or final dot; "" for one that
// is malformed.
func hostName(host string) string {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	} else if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		name = host[1 : len(host)-1]
	}
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if name == "" || strings.ContainsAny(name, "/[]@ ") {
		return ""
	}
	return name
}

func hostNameOr(host, def string) string {
	if n := hostName(host); n != "" && !strings.ContainsAny(n, ":%\"'\\") {
		return n
	}
	return def
}

// machineNames are this computer's own host names, which colleagues use
// to reach a preview shared on the network: its name as the system gives
// it, the name's first label, and that label under .local (mDNS).
func machineNames() []string {
	name, err := os.Hostname()
	if err != nil || name == "" {
		return nil
	}
	short, _, _ := strings.Cut(name, ".")
	return []string{name, short, short + ".local"}
}

// listensOnNetwork says whether a listener at addr can be reached from
// other computers: it listens on every interface, or on one that is not
// loopback.
func listensOnNetwork(addr net.Addr) bool {
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil {
		return false
	}
	return !ap.Addr().IsLoopback()
}
