package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"scorecard/internal/serve"
)

// runServe runs serve until Ctrl-C or SIGTERM. The first signal stops it
// in order (serve does not wait on a rebuild that is stuck); a second one
// ends the program at once, as signals do by default.
func runServe(env *Env, args []string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	return serveUntil(ctx, env, args)
}

// serveUntil runs serve until ctx is done: Ctrl-C, or a test's cancel.
func serveUntil(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "serve", "[-src DIR] [-addr HOST:PORT] [-host NAMES] [-drafts=false]",
		"Serve builds the site into memory and serves it for preview, at\n"+
			"http://127.0.0.1:1313/ by default. It rebuilds whenever a file under\n"+
			"data/, content/, layouts/ or static/ changes, and the pages open in a\n"+
			"browser reload by themselves. While the site has errors, every page\n"+
			"lists them. Nothing is written to disk. Ctrl-C stops it.\n\n"+
			"It shows quarters and narrative marked \"draft: true\", each marked as a\n"+
			"draft, and counts the warnings as check does; -drafts=false shows only what\n"+
			"a build publishes.\n\n"+
			"It answers only requests for localhost, an IP address, the host named in\n"+
			"-addr, this computer's own name when -addr shares the preview with the\n"+
			"network, and the names given with -host, so that no other web page can\n"+
			"read the preview through a name of its own (DNS rebinding).")
	src := fs.String("src", ".", "the site `folder`, holding data/, content/ and layouts/")
	addr := fs.String("addr", "127.0.0.1:1313", "the `address` to listen on; anything but this machine's own (loopback)\naddress shares the preview with the network, so it must be named, as 0.0.0.0:1313")
	hosts := fs.String("host", "", "more host `names`, separated by commas, that the preview answers to\n(for a name other computers use to reach it, or a proxy's)")
	drafts := fs.Bool("drafts", true, "show quarters and narrative marked \"draft: true\", each marked as a draft;\n-drafts=false previews only what a build publishes")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "addr" })
	warning, err := serve.CheckAddr(*addr, explicit)
	if err != nil {
		fmt.Fprintf(env.Stderr, "scorecard serve: %v\n", err)
		return errUsage
	}
	if warning != "" {
		fmt.Fprintf(env.Stderr, "scorecard serve: warning: %s\n", warning)
	}
	var names []string
	for _, n := range strings.Split(*hosts, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	s, err := serve.New(*src, serve.Options{Drafts: *drafts, Stdout: env.Stdout, Stderr: env.Stderr, Now: env.Now, Hosts: names})
	if err != nil {
		return err
	}
	return s.Run(ctx, *addr)
}
