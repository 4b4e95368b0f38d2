package serve

import (
	"fmt"
	"net"
)

// CheckAddr says whether the preview may listen on addr (host:port). A
// loopback address (127.0.0.1, ::1, localhost) keeps the preview on this
// machine and is always allowed. Any other shows unpublished work to the
// network, so it must be asked for: named on the command line (explicit)
// with its host spelled out; ":1313", which means every interface, is
// refused. An allowed non-loopback address returns a warning to print.
func CheckAddr(addr string, explicit bool) (warning string, err error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("the address %q is not host:port; write it as 127.0.0.1:1313", addr)
	}
	if port == "" {
		return "", fmt.Errorf("the address %q has no port; write it as %s", addr, net.JoinHostPort(host, "1313"))
	}
	if host == "localhost" {
		return "", nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return "", nil
	}
	switch {
	case host == "":
		return "", fmt.Errorf("the address %q would serve the preview to every network this machine is on; write 127.0.0.1:%s to keep it on this machine, or 0.0.0.0:%s to share it on purpose", addr, port, port)
	case !explicit:
		return "", fmt.Errorf("the address %s is not this machine's own (loopback) address; the preview listens on another only when -addr names it", addr)
	}
	return fmt.Sprintf("%s is not a loopback address: anyone who can reach this machine on port %s can see the preview", addr, port), nil
}
