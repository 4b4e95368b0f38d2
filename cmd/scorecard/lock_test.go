package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestConcurrentBuilds runs a real build and, once it is writing (holding
// the output's lock, its fresh folder made), freezes it with SIGSTOP and
// starts a second build of the same output: the second is refused, naming
// the first's process, and touches neither the site nor the first's fresh
// folder. Then the first is killed, and a third build tidies up after it.
func TestConcurrentBuilds(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "scorecard")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := filepath.Join(dir, "site")
	public := filepath.Join(src, "public")
	writeSite(t, src, 50, 2)
	if out, err := exec.Command(bin, "build", "-q", "-src", src).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := snapshot(t, public)

	// A site big enough that the build writes for a while.
	writeSite(t, src, 1000, 4)
	first := exec.Command(bin, "build", "-q", "-src", src)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- first.Wait() }()
	pid := fmt.Sprint(first.Process.Pid)
	lock := filepath.Join(src, ".public.lock")
	var staging []string
	for {
		b, _ := os.ReadFile(lock)
		staging, _ = filepath.Glob(filepath.Join(src, ".public.new-*"))
		if strings.TrimSpace(string(b)) == pid && len(staging) == 1 {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("the first build ended (%v) before it was seen writing; make the site in this test bigger", err)
		case <-time.After(time.Millisecond):
		}
	}
	if err := first.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	defer first.Process.Kill()

	out, err := exec.Command(bin, "build", "-q", "-src", src).CombinedOutput()
	if err == nil {
		t.Fatalf("a second build while the first was writing succeeded:\n%s", out)
	}
	want := "another scorecard build is writing " + public + " (process " + pid + "); wait for it to finish, then build again"
	if !strings.Contains(string(out), want) {
		t.Errorf("the second build said:\n%s\nwant it to say: %s", out, want)
	}
	if _, err := os.Stat(staging[0]); err != nil {
		t.Errorf("the second build removed the first's fresh folder: %v", err)
	}
	if got := snapshot(t, public); got != before {
		t.Error("the refused build changed public/")
	}

	first.Process.Kill() // SIGKILL ends a stopped process too
	<-exited
	if got := snapshot(t, public); got != before {
		t.Error("killing the first build changed public/")
	}
	writeSite(t, src, 50, 2)
	if out, err := exec.Command(bin, "build", "-q", "-src", src).CombinedOutput(); err != nil {
		t.Fatalf("the build after the kill: %v\n%s", err, out)
	}
	if left, _ := filepath.Glob(filepath.Join(src, ".public.*")); len(left) != 0 {
		t.Errorf("the build after the kill left %v behind", left)
	}
}
