package serve

import (
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Limits bound what a client can hold of the server, so that a client
// that is slow, idle or hostile cannot take every connection (or every file
// descriptor) and lock the others out. A zero field takes its value from
// DefaultLimits.
type Limits struct {
	// ReadHeaderTimeout is how long a client has to send a request's
	// headers, from its first byte (or, for a new connection, from when
	// it is accepted).
	ReadHeaderTimeout time.Duration
	// ReadTimeout is how long a client has to send a whole request. The
	// preview reads no request bodies, so it only ends a client that
	// trickles one in.
	ReadTimeout time.Duration
	// WriteTimeout is how long a response may take to reach a client
	// that reads slowly. A live-reload stream lasts as long as its page
	// is open: each of its writes has WriteTimeout of its own.
	WriteTimeout time.Duration
	// IdleTimeout is how long a keep-alive connection is kept waiting for
	// its next request.
	IdleTimeout time.Duration
	// MaxConns caps the connections open at once. When they are all
	// open, the one that has been idle longest is closed to make room
	// for a new one (browsers reopen such a connection without a
	// word); when none is idle, the new one waits until one closes.
	MaxConns int
	// MaxStreams caps the live-reload streams open at once (one for
	// each open page), so that they never take every connection. A new
	// stream beyond the cap ends the oldest; its page reconnects a
	// second later, and reloads if it missed a rebuild meanwhile.
	MaxStreams int
}

// DefaultLimits are the limits of a Server whose Options leave them zero.
// A preview has a handful of clients, each a browser with at most six
// connections to it (and a live-reload stream for each open page): 256
// connections are far more than it needs, and far fewer than the file
// descriptors a process has.
var DefaultLimits = Limits{
	ReadHeaderTimeout: 10 * time.Second,
	ReadTimeout:       30 * time.Second,
	WriteTimeout:      60 * time.Second,
	IdleTimeout:       60 * time.Second,
	MaxConns:          256,
	MaxStreams:        64,
}

// withDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	set := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&l.ReadHeaderTimeout, d.ReadHeaderTimeout)
	set(&l.ReadTimeout, d.ReadTimeout)
	set(&l.WriteTimeout, d.WriteTimeout)
	set(&l.IdleTimeout, d.IdleTimeout)
	if l.MaxConns <= 0 {
		l.MaxConns = d.MaxConns
	}
	if l.MaxStreams <= 0 {
		l.MaxStreams = d.MaxStreams
	}
	return l
}

// pool is a listener that holds at most cap(slots) connections open at
// once. It is also the server's ConnState hook, so that it knows which
// connections are idle (to make room) and which have not yet sent a
// request (to close them at shutdown).
type pool struct {
	net.Listener
	slots     chan struct{} // a token for each open connection
	done      chan struct{} // closed by Close
	closeOnce sync.Once
	idled     chan struct{} // a connection went idle: one may be closed to make room

	mu    sync.Mutex
	conns map[*poolConn]*connInfo
	seq   uint64 // orders the connections by when they went idle

	waiting atomic.Int32 // accepted connections waiting for room; for tests
}

type connInfo struct {
	state   http.ConnState
	idleSeq uint64
}

func newPool(ln net.Listener, max int) *pool {
	return &pool{
		Listener: ln,
		slots:    make(chan struct{}, max),
		done:     make(chan struct{}),
		idled:    make(chan struct{}, 1),
		conns:    make(map[*poolConn]*connInfo),
	}
}

// Accept accepts the next connection, then, when the pool is full, closes
// an idle one to make room, or else waits for one to close. While it
// waits, the connections after it wait in the system's queue.
func (p *pool) Accept() (net.Conn, error) {
	c, err := p.Listener.Accept()
	if err != nil {
		return nil, err
	}
	for counted := false; ; {
		select {
		case p.slots <- struct{}{}:
			return &poolConn{Conn: c, p: p}, nil
		default:
		}
		if p.reclaim() {
			continue // closing it made room; only Accept takes room
		}
		if !counted {
			counted = true
			p.waiting.Add(1)
			defer p.waiting.Add(-1)
		}
		select {
		case p.slots <- struct{}{}:
			return &poolConn{Conn: c, p: p}, nil
		case <-p.idled: // one may be closed now
		case <-p.done:
			c.Close()
			return nil, net.ErrClosed
		}
	}
}

func (p *pool) Close() error {
	p.closeOnce.Do(func() { close(p.done) })
	return p.Listener.Close()
}

// track is an http.Server ConnState hook.
func (p *pool) track(c net.Conn, st http.ConnState) {
	pc, ok := c.(*poolConn)
	if !ok {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	switch st {
	case http.StateHijacked, http.StateClosed:
		delete(p.conns, pc)
		return
	}
	info := p.conns[pc]
	if info == nil {
		if st != http.StateNew {
			return // closed to make room already
		}
		info = &connInfo{}
		p.conns[pc] = info
	}
	info.state = st
	if st == http.StateIdle {
		p.seq++
		info.idleSeq = p.seq
		pc.heard.Store(false)
		select {
		case p.idled <- struct{}{}:
		default:
		}
	}
}

// reclaim closes the connection that has been idle longest, if one is,
// and returns whether it did. One that has begun to receive its next
// request is not idle.
func (p *pool) reclaim() bool {
	p.mu.Lock()
	var oldest *poolConn
	var seq uint64
	for c, info := range p.conns {
		if info.state == http.StateIdle && !c.heard.Load() && (oldest == nil || info.idleSeq < seq) {
			oldest, seq = c, info.idleSeq
		}
	}
	if oldest != nil {
		delete(p.conns, oldest)
	}
	p.mu.Unlock()
	if oldest == nil {
		return false
	}
	oldest.Close()
	return true
}

// closeNew closes the connections that have not yet sent a request.
// Browsers open them ahead of need, and http.Server.Shutdown counts one as
// idle only after five seconds, which would hold up every Ctrl-C.
func (p *pool) closeNew() {
	p.mu.Lock()
	var fresh []*poolConn
	for c, info := range p.conns {
		if info.state == http.StateNew {
			fresh = append(fresh, c)
			delete(p.conns, c)
		}
	}
	p.mu.Unlock()
	for _, c := range fresh {
		c.Close()
	}
}

// poolConn is a connection of a pool: closing it makes room for another.
type poolConn struct {
	net.Conn
	p     *pool
	once  sync.Once
	heard atomic.Bool // it has sent something since it went idle
}

func (c *poolConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if n > 0 {
		c.heard.Store(true)
	}
	return n, err
}

func (c *poolConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { <-c.p.slots })
	return err
}

// CloseWrite lets http.Server end a response with a FIN before it closes
// the connection, as it does on a bare TCP connection.
func (c *poolConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
