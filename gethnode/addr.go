package gethnode

import (
	"fmt"
	"net"
	"strconv"

	"github.com/ethereum/go-ethereum/node"
)

// ListenAddr parses a host:port for a go-ethereum node's HTTP server:
// empty is 127.0.0.1 on a free port (0), and an empty host is every
// interface (go-ethereum's node reads an empty host as "off").
func ListenAddr(addr string) (string, int, error) {
	if addr == "" {
		return "127.0.0.1", 0, nil
	}
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("address %q: %w", addr, err)
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return "", 0, fmt.Errorf("address %q: port: %w", addr, err)
	}
	if host == "" {
		host = "0.0.0.0"
	}
	return host, int(port), nil
}

// DialURL is the URL a client dials for a node's HTTP endpoint
// (http://host:port with the port bound): a wildcard listen address is
// reached through loopback.
func DialURL(endpoint string) string {
	if host, port, err := net.SplitHostPort(endpoint[len("http://"):]); err == nil {
		if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
			return "http://" + net.JoinHostPort("127.0.0.1", port)
		}
	}
	return endpoint
}

// VirtualHosts is the Host-header allow list of a node's HTTP server: the
// names given, or go-ethereum's default (localhost) when none are. IP
// addresses always pass; a name must be listed, go-ethereum's guard
// against DNS rebinding. A container network lists its service name, so
// peers that call the node by name are served.
func VirtualHosts(names []string) []string {
	if len(names) == 0 {
		return node.DefaultConfig.HTTPVirtualHosts
	}
	return names
}
