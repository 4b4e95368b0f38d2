// Bench measures how long Scorecard takes to build sites of growing size,
// against the least any generator could take to write the same files (the
// floor), and against Hugo building an equivalent site. `make bench` runs
// it; see bench.mk.
//
//	go run ./bench -scorecard ./scorecard [-sizes 1000,10000,40000]
//
// For the example site and for each size it:
//
//  1. generates a site with cmd/synth (the size's measures, 8 themes, 40
//     quarters), in /dev/shm when it is writable (RAM-backed, so that the
//     disk is not what is measured) and otherwise in the temporary folder;
//  2. builds it with `scorecard build -q` several times, each time into a
//     missing output folder (and with -full when the binary has it), under
//     `/usr/bin/time -v` for the peak resident memory and the CPU time,
//     and takes the median wall time;
//  3. counts the pages (HTML files), files and bytes written, and the
//     sizes of the measure and theme pages;
//  4. rebuilds it into the same folder after appending a sentence to a
//     theme's narrative, a few times (-incremental), checking that the
//     theme's page shows the sentence: an incremental build once the
//     binary has them, a full one before;
//  5. runs bench/floor on the output: the same files, read into memory
//     first, written into a fresh folder of the same file system, timing
//     only the writing; the median of as many runs;
//  6. measures edit-to-reload with `scorecard serve`: from appending a
//     sentence to a theme's narrative to the page served with it, after the
//     reload event (for the example and sizes up to -reload-max);
//  7. generates the Hugo site of equal measure and theme pages (synth
//     -hugo, the same figures as Hugo data files, with bench/hugo's
//     layouts), builds it with `hugo --quiet` as many times, and compares
//     the two sites' pages of each kind.
//
// Each size has a time budget (-budget, and half as much for Hugo); a
// size that fails, runs out of memory or does not finish in its budget is
// reported as failed with the reason, and the next size is tried. When the
// budget will not fit all the runs, fewer are made, and the table says how
// many. The whole run stops at -total.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type config struct {
	sizes            []int
	themes, quarters int
	seed             uint64
	scorecard, goCmd string
	dir              string // where sites are made; "" picks /dev/shm or the temporary folder
	budget, total    time.Duration
	hugo             bool
	reloadMax        int
	incrRuns         int
	out              io.Writer
}

func main() {
	c := config{out: os.Stdout}
	sizes := flag.String("sizes", "1000,10000,40000", "comma-separated numbers of measures")
	flag.IntVar(&c.themes, "themes", 8, "themes per site")
	flag.IntVar(&c.quarters, "quarters", 40, "quarters per site")
	flag.Uint64Var(&c.seed, "seed", 1, "synth's seed")
	flag.StringVar(&c.scorecard, "scorecard", "./scorecard", "the scorecard `binary` to measure")
	flag.StringVar(&c.goCmd, "go", "go", "the go `command`, to build synth and floor")
	flag.StringVar(&c.dir, "dir", "", "the `folder` to work in (default /dev/shm when writable, else the temporary folder)")
	flag.DurationVar(&c.budget, "budget", 10*time.Minute, "time allowed for each size's Scorecard builds, and half as much for Hugo's")
	flag.DurationVar(&c.total, "total", 45*time.Minute, "time allowed for the whole run")
	flag.BoolVar(&c.hugo, "hugo", true, "compare with Hugo (installed with apt-get when missing and root)")
	flag.IntVar(&c.reloadMax, "reload-max", 10000, "measure edit-to-reload for sizes up to this many measures")
	flag.IntVar(&c.incrRuns, "incremental", 3, "rebuilds after a one-sentence narrative edit, per size (0: none)")
	flag.Parse()
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < c.themes {
			fmt.Fprintf(os.Stderr, "bench: -sizes: %q is not a number of measures (at least -themes)\n", s)
			os.Exit(2)
		}
		c.sizes = append(c.sizes, n)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, c); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// bench is one run of the benchmark.
type bench struct {
	config
	end     time.Time // when the whole run must stop
	load    string    // the load average when the run began
	work    string    // this run's folder, in RAM when possible
	disk    string    // a folder on disk, for sizes too big for RAM
	where   string    // what work is
	bin     string    // synth and floor
	timeBin string    // /usr/bin/time, or "" to read the peak from rusage
	hugoBin string
	// fullFlag is whether the binary has build -full: a full build is then
	// asked for with it, as well as made into a missing folder, so that
	// the harness measures the same before and after incremental builds.
	fullFlag bool
	notes    []string
}

func run(ctx context.Context, c config) error {
	b := &bench{config: c, end: time.Now().Add(c.total), load: loadAverage()}
	var err error
	if b.scorecard, err = filepath.Abs(b.scorecard); err != nil {
		return err
	}
	if _, err := os.Stat(b.scorecard); err != nil {
		return fmt.Errorf("no scorecard binary at %s; run make scorecard", b.scorecard)
	}
	if err := b.setup(ctx); err != nil {
		return err
	}
	b.fullFlag = hasFullFlag(ctx, b.scorecard)
	defer os.RemoveAll(b.work)
	defer os.RemoveAll(b.disk)
	defer os.RemoveAll(b.bin)

	var results []*result
	r := b.example(ctx)
	results = append(results, r)
	b.progress(r)
	for _, m := range b.sizes {
		r := b.size(ctx, m, results)
		results = append(results, r)
		b.progress(r)
		if ctx.Err() != nil {
			break
		}
	}
	b.report(results)
	return ctx.Err()
}

func (b *bench) logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}

// setup picks the folders, builds synth and floor, and finds /usr/bin/time
// and Hugo, installing them when it can.
func (b *bench) setup(ctx context.Context) error {
	root, where := b.dir, "the folder given with -dir"
	if root == "" {
		root, where = os.TempDir(), "the temporary folder, on disk: /dev/shm is not writable"
		if probe, err := os.MkdirTemp("/dev/shm", "scorecard-bench-"); err == nil {
			os.Remove(probe)
			root, where = "/dev/shm", "RAM-backed tmpfs"
		}
	}
	var err error
	if b.work, err = os.MkdirTemp(root, "scorecard-bench-"); err != nil {
		return err
	}
	b.where = fmt.Sprintf("%s (%s)", b.work, where)
	if b.disk, err = os.MkdirTemp(os.TempDir(), "scorecard-bench-disk-"); err != nil {
		return err
	}
	if b.bin, err = os.MkdirTemp(os.TempDir(), "scorecard-bench-bin-"); err != nil {
		return err
	}
	for _, pkg := range []string{"./cmd/synth", "./bench/floor"} {
		cmd := exec.CommandContext(ctx, b.goCmd, "build", "-o", b.bin, pkg)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s: %w", pkg, err)
		}
	}
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		if note := install(ctx, "time"); note != "" {
			b.notes = append(b.notes, "peak memory from the kernel's rusage, not /usr/bin/time: "+note)
		}
	}
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		b.timeBin = "/usr/bin/time"
	}
	if b.hugo {
		if _, err := exec.LookPath("hugo"); err != nil {
			if note := install(ctx, "hugo"); note != "" {
				b.notes = append(b.notes, "no Hugo comparison: "+note)
			}
		}
		b.hugoBin, _ = exec.LookPath("hugo")
	}
	return nil
}

// install installs a Debian package when running as root, and otherwise
// says why it cannot.
func install(ctx context.Context, pkg string) (note string) {
	if os.Geteuid() != 0 {
		return fmt.Sprintf("Debian's %s package is not installed, and installing it needs root (apt-get install %s)", pkg, pkg)
	}
	apt := func(args ...string) error {
		cmd := exec.CommandContext(ctx, "apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("apt-get %s: %v: %s", strings.Join(args, " "), err, lastLine(out))
		}
		return nil
	}
	fmt.Fprintf(os.Stderr, "bench: installing Debian's %s package\n", pkg)
	if apt("install", "-y", "-q", pkg) == nil {
		return ""
	}
	if err := apt("update", "-q"); err != nil {
		return err.Error()
	}
	if err := apt("install", "-y", "-q", pkg); err != nil {
		return err.Error()
	}
	return ""
}

// hasFullFlag reports whether scorecard build has the -full flag (issue
// 17's incremental builds), from its help.
func hasFullFlag(ctx context.Context, scorecard string) bool {
	out, _ := exec.CommandContext(ctx, scorecard, "build", "-h").CombinedOutput()
	return bytes.Contains(out, []byte("-full"))
}

// result is what one site measured.
type result struct {
	name     string // "example", or the number of measures
	measures int
	where    string
	failed   string // why the size has no result

	tally                  // what the full build wrote
	genSecs      float64   // synth's time
	build, floor []float64 // seconds, one per run
	cpu          []float64 // the builds' CPU use, per cent of one core
	cpuSecs      []float64 // the builds' user and system time
	peakKiB      int64     // the largest of the builds'
	incr         []float64 // seconds of the rebuilds after an edit
	incrCPU      []float64 // their user and system time
	incrErr      string
	reloadMs     []float64
	reloadErr    string

	hugoOut tally
	hugo    []float64
	hugoCPU []float64
	hugoKiB int64
	hugoErr string
}

func (r *result) fail(format string, args ...any) *result {
	r.failed = fmt.Sprintf(format, args...)
	return r
}

// example measures the example site in the repository, copied so that
// edits for the reload measurement touch no file of the repository.
func (b *bench) example(ctx context.Context) *result {
	r := &result{name: "example", where: "ram"}
	ctx, cancel := context.WithDeadline(ctx, b.deadline(b.budget))
	defer cancel()
	dir, err := os.MkdirTemp(b.work, "example-")
	if err != nil {
		return r.fail("%v", err)
	}
	defer os.RemoveAll(dir)
	site := filepath.Join(dir, "site")
	for _, sub := range []string{"data", "content", "layouts", "static"} {
		if err := copyTree(sub, filepath.Join(site, sub)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return r.fail("copying the example: %v", err)
		}
	}
	b.measure(ctx, r, site, dir, 5)
	return r
}

// size measures a generated site of m measures.
func (b *bench) size(ctx context.Context, m int, before []*result) *result {
	r := &result{name: strconv.Itoa(m), measures: m, where: "ram"}
	if time.Until(b.end) < time.Minute {
		return r.fail("skipped: the run's %v were spent", b.total)
	}
	outer := ctx // Hugo's budget is its own, not what Scorecard's builds leave
	ctx, cancel := context.WithDeadline(ctx, b.deadline(b.budget))
	defer cancel()
	root := b.work
	if need, avail, big := b.tooBig(m, before); big {
		root, r.where = b.disk, "disk"
		b.notes = append(b.notes, fmt.Sprintf("%d measures ran on disk (%s): by the smaller sizes it needs about %.1f GiB of memory for its output, the build and the floor's copy, and %.1f GiB are available",
			m, b.disk, float64(need)/(1<<30), float64(avail)/(1<<30)))
	}
	dir, err := os.MkdirTemp(root, fmt.Sprintf("m%d-", m))
	if err != nil {
		return r.fail("%v", err)
	}
	defer os.RemoveAll(dir)
	site := filepath.Join(dir, "site")
	start := time.Now()
	b.logf("%d measures: generating the site in %s", m, site)
	if _, err := b.timed(ctx, filepath.Join(b.bin, "synth"), b.synthArgs(m, site)...); err != nil {
		return r.fail("synth: %v", err)
	}
	r.genSecs = time.Since(start).Seconds()
	runs := 3
	if m <= 1000 {
		runs = 5
	}
	b.measure(ctx, r, site, dir, runs)
	if r.failed == "" && b.hugoBin != "" {
		b.hugoSite(outer, r, dir, m, len(r.build))
	}
	return r
}

func (b *bench) synthArgs(m int, out string) []string {
	return []string{"-measures", strconv.Itoa(m), "-themes", strconv.Itoa(b.themes),
		"-quarters", strconv.Itoa(b.quarters), "-seed", strconv.FormatUint(b.seed, 10), "-out", out}
}

// deadline is d from now, or the end of the run if sooner.
func (b *bench) deadline(d time.Duration) time.Time {
	if t := time.Now().Add(d); t.Before(b.end) {
		return t
	}
	return b.end
}

// tooBig estimates, from the largest size measured so far, whether size m
// would fill memory in a RAM-backed folder, where files are memory too:
// the build's memory and its output, or the floor's memory and its copy.
func (b *bench) tooBig(m int, before []*result) (need, avail int64, big bool) {
	if !strings.HasPrefix(b.work, "/dev/shm") {
		return 0, 0, false
	}
	var last *result
	for _, r := range before {
		if r.failed == "" && r.measures > 0 {
			last = r
		}
	}
	if last == nil {
		return 0, 0, false
	}
	scale := float64(m) / float64(last.measures)
	out := int64(float64(last.bytes) * scale)
	build := int64(float64(last.peakKiB)*1024*scale) + out // the build's memory and its output
	floor := 2 * out                                       // the floor's memory and its copy
	need = max(build, floor) + out/10
	avail = memAvailable()
	return need, avail, need > avail*9/10
}

// loadAverage is the 1-minute load average: other work on the machine
// slows the builds down.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(data))[0]
}

func memAvailable() int64 {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 1 << 62
	}
	for line := range strings.Lines(string(data)) {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemAvailable:" {
			kib, _ := strconv.ParseInt(f[1], 10, 64)
			return kib * 1024
		}
	}
	return 1 << 62
}

// measure builds site runs times, counts what was written, rebuilds it
// after narrative edits, runs the floor as many times as it built, and
// measures edit-to-reload.
func (b *bench) measure(ctx context.Context, r *result, site, dir string, runs int) {
	out := filepath.Join(dir, "out")
	args := []string{"build", "-q", "-src", site, "-out", out}
	if b.fullFlag {
		args = append(args, "-full")
	}
	for i := range runs {
		if i > 0 && !b.roomFor(ctx, r.build) {
			break
		}
		if err := os.RemoveAll(out); err != nil {
			r.fail("%v", err)
			return
		}
		b.logf("%s: build %d of %d", r.name, i+1, runs)
		m, err := b.timed(ctx, b.scorecard, args...)
		r.peakKiB = max(r.peakKiB, m.peakKiB)
		if err != nil {
			r.fail("build %d of %d: %v%s", i+1, runs, err, peakNote(m.peakKiB))
			return
		}
		r.build = append(r.build, m.wall.Seconds())
		r.cpu = append(r.cpu, float64(m.cpu))
		r.cpuSecs = append(r.cpuSecs, m.cpuSecs)
	}
	var err error
	if r.tally, err = count(out); err != nil {
		r.fail("counting the output: %v", err)
		return
	}
	b.incremental(ctx, r, site, out)
	b.logf("%s: floor, %d runs", r.name, len(r.build))
	if r.floor, err = b.runFloor(ctx, out, filepath.Join(dir, "floor"), len(r.build)); err != nil {
		r.fail("floor: %v", err)
		return
	}
	os.RemoveAll(out)
	os.RemoveAll(filepath.Join(dir, "floor"))
	if r.measures > b.reloadMax {
		return
	}
	// serve builds once to start and once per edit: skip it when that
	// would take the rest of the budget.
	rebuild := median(r.build)
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < time.Duration(rebuild*7*float64(time.Second))+30*time.Second {
		r.reloadErr = fmt.Sprintf("skipped: serve's first build and five rebuilds, about %.0f s each, would not fit in the time left", rebuild)
		return
	}
	b.logf("%s: edit-to-reload with scorecard serve", r.name)
	if r.reloadMs, err = b.reload(ctx, site); err != nil {
		r.reloadErr = err.Error()
	}
}

// incremental rebuilds the built site in out after appending a sentence to
// a theme's narrative, -incremental times, each time with another
// sentence, and checks that the theme's page shows it. Into a folder that
// holds an earlier build, scorecard build is incremental once issue 17's
// part A has landed; before that it renders everything again.
func (b *bench) incremental(ctx context.Context, r *result, site, out string) {
	latest, file, err := latestTheme(site)
	if err != nil {
		r.incrErr = err.Error()
		return
	}
	page := filepath.Join(out, filepath.FromSlash(latest), strings.TrimSuffix(filepath.Base(file), ".md"), "index.html")
	for i := range b.incrRuns {
		if !b.roomFor(ctx, r.build) {
			r.incrErr = fmt.Sprintf("skipped after %d: another rebuild would not fit in the time left", i)
			return
		}
		marker := fmt.Sprintf("Benchmark rebuild sentence number %d.", i+1)
		if err := appendText(file, "\n"+marker+"\n"); err != nil {
			r.incrErr = err.Error()
			return
		}
		b.logf("%s: rebuild %d of %d after a narrative edit", r.name, i+1, b.incrRuns)
		m, err := b.timed(ctx, b.scorecard, "build", "-q", "-src", site, "-out", out)
		r.peakKiB = max(r.peakKiB, m.peakKiB)
		if err != nil {
			r.incrErr = fmt.Sprintf("rebuild %d: %v", i+1, err)
			return
		}
		if data, err := os.ReadFile(page); err != nil || !bytes.Contains(data, []byte(marker)) {
			r.incrErr = fmt.Sprintf("rebuild %d: %s does not show the edit (%v)", i+1, page, err)
			return
		}
		r.incr = append(r.incr, m.wall.Seconds())
		r.incrCPU = append(r.incrCPU, m.cpuSecs)
	}
}

func appendText(file, text string) error {
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// roomFor reports whether another run like the slowest so far fits in the
// time left, keeping some for the floor.
func (b *bench) roomFor(ctx context.Context, secs []float64) bool {
	dl, ok := ctx.Deadline()
	if !ok {
		return true
	}
	slowest := time.Duration(slices.Max(secs) * float64(time.Second))
	return time.Until(dl) > slowest*6/5+30*time.Second
}

func peakNote(kib int64) string {
	if kib == 0 {
		return ""
	}
	return fmt.Sprintf(" (peak %s MiB)", mib(kib))
}

// measured is one command's wall time and peak resident memory.
type measured struct {
	wall    time.Duration
	peakKiB int64
	cpu     int     // per cent: user and system time over wall time
	cpuSecs float64 // user and system time
}

var (
	maxRSS  = regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`)
	cpuUsed = regexp.MustCompile(`Percent of CPU this job got: (\d+)%`)
	cpuTime = regexp.MustCompile(`(?:User|System) time \(seconds\): ([0-9.]+)`)
)

// timed runs a command in its own process group, made the first the
// kernel ends if memory runs out, and returns its wall time and peak
// resident memory. When ctx ends, the whole group is killed.
func (b *bench) timed(ctx context.Context, name string, args ...string) (measured, error) {
	var m measured
	timeFile := ""
	argv := []string{"-c", `echo 1000 > /proc/self/oom_score_adj 2>/dev/null; exec "$@"`, "sh"}
	if b.timeBin != "" {
		f, err := os.CreateTemp(b.bin, "time-")
		if err != nil {
			return m, err
		}
		f.Close()
		timeFile = f.Name()
		defer os.Remove(timeFile)
		argv = append(argv, b.timeBin, "-v", "-o", timeFile)
	}
	argv = append(argv, name)
	argv = append(argv, args...)
	cmd := exec.CommandContext(ctx, "sh", argv...)
	var stderr tail
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	m.wall = time.Since(start)
	var report []byte
	if timeFile != "" {
		report, _ = os.ReadFile(timeFile)
		if sub := maxRSS.FindSubmatch(report); sub != nil {
			m.peakKiB, _ = strconv.ParseInt(string(sub[1]), 10, 64)
		}
		if sub := cpuUsed.FindSubmatch(report); sub != nil {
			m.cpu, _ = strconv.Atoi(string(sub[1]))
		}
		for _, sub := range cpuTime.FindAllSubmatch(report, -1) {
			secs, _ := strconv.ParseFloat(string(sub[1]), 64)
			m.cpuSecs += secs
		}
	} else if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			m.peakKiB = ru.Maxrss // KiB on Linux
		}
		m.cpuSecs = (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	}
	switch {
	case err == nil:
		return m, nil
	case ctx.Err() != nil && errors.Is(context.Cause(ctx), context.DeadlineExceeded):
		return m, fmt.Errorf("did not finish within the time budget (stopped after %v)", m.wall.Round(time.Second))
	case ctx.Err() != nil:
		return m, ctx.Err()
	}
	msg := stderr.String()
	if bytes.Contains(report, []byte("Command terminated by signal 9")) || strings.Contains(err.Error(), "signal: killed") {
		return m, fmt.Errorf("killed (signal 9: out of memory?)")
	}
	if line := lastLine([]byte(msg)); line != "" {
		return m, fmt.Errorf("%v: %s", err, line)
	}
	return m, err
}

// tail keeps the end of what a command writes.
type tail struct{ buf []byte }

func (t *tail) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if len(t.buf) > 64<<10 {
		t.buf = t.buf[len(t.buf)-32<<10:]
	}
	return len(p), nil
}

func (t *tail) String() string { return string(t.buf) }

func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	line := strings.TrimSpace(lines[len(lines)-1])
	if len(line) > 300 {
		line = line[:300] + "..."
	}
	return line
}

// tally is what a build wrote: its HTML pages, files and bytes, and the
// sizes of the pages Scorecard's and Hugo's sites both have, by kind.
type tally struct {
	pages, files int
	bytes        int64
	kinds        map[string][]int64 // pageKind: each page's bytes
}

// count counts what was written under dir.
func count(dir string) (tally, error) {
	t := tally{kinds: map[string][]int64{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		t.files++
		t.bytes += info.Size()
		if strings.HasSuffix(p, ".html") {
			t.pages++
			rel, _ := filepath.Rel(dir, p)
			if k := pageKind(filepath.ToSlash(rel)); k != "" {
				t.kinds[k] = append(t.kinds[k], info.Size())
			}
		}
		return nil
	})
	return t, err
}

// The kinds of page both sites have, by their paths (the same in both).
const (
	measurePage = "measure"
	themePage   = "theme"
)

var themePath = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}/q[1-4]/([^/]+)/index\.html$`)

// pageKind says which kind of page both sites have the page at rel is, or
// "" for any other: measures/ID/index.html is a measure's page,
// YYYY-YY/qN/THEME/index.html a theme's (a quarter's print page aside).
func pageKind(rel string) string {
	if id, ok := strings.CutPrefix(rel, "measures/"); ok && strings.Count(id, "/") == 1 && strings.HasSuffix(id, "/index.html") {
		return measurePage
	}
	if m := themePath.FindStringSubmatch(rel); m != nil && m[1] != "print" {
		return themePage
	}
	return ""
}

// runFloor writes a copy of out runs times, as the floor program does,
// removing out once the floor has read it.
func (b *bench) runFloor(ctx context.Context, out, dst string, runs int) ([]float64, error) {
	if runs == 0 {
		return nil, errors.New("no build to compare with")
	}
	cmd := exec.CommandContext(ctx, filepath.Join(b.bin, "floor"), "-src", out, "-dst", dst, "-runs", strconv.Itoa(runs), "-remove-src")
	var stderr tail
	cmd.Stderr = &stderr
	text, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%v: %s", err, lastLine(stderr.buf))
	}
	var secs []float64
	for line := range strings.Lines(string(text)) {
		var n int
		var s float64
		if _, err := fmt.Sscanf(line, "run %d: %f s", &n, &s); err == nil {
			secs = append(secs, s)
		}
	}
	if len(secs) != runs {
		return nil, fmt.Errorf("unexpected output: %q", text)
	}
	return secs, nil
}

// reload starts scorecard serve on site, and five times appends a sentence
// to a theme's narrative for the latest quarter, timing from the write to
// the page being served with it, after the server's reload event.
func (b *bench) reload(ctx context.Context, site string) ([]float64, error) {
	latest, file, err := latestTheme(site)
	if err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.CommandContext(ctx, b.scorecard, "serve", "-src", site, "-addr", addr)
	var logs tail
	cmd.Stdout, cmd.Stderr = &logs, &logs
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
	}()
	base := "http://" + addr
	page := base + "/" + latest + "/" + strings.TrimSuffix(filepath.Base(file), ".md") + "/"
	client := &http.Client{Timeout: time.Minute}
	for {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("serve did not start in time: %s", lastLine(logs.buf))
		}
		if resp, err := client.Get(page); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	req, err := http.NewRequestWithContext(ctx, "GET", base+"/__scorecard/events", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if ev, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- ev
			}
		}
		close(events)
	}()
	if ev := <-events; ev != "hello" {
		return nil, fmt.Errorf("the event stream began with %q, not hello", ev)
	}
	var ms []float64
	for i := range 5 {
		time.Sleep(300 * time.Millisecond) // let the watcher settle
		marker := fmt.Sprintf("Benchmark edit number %d.", i+1)
		f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		_, err = f.WriteString("\n" + marker + "\n")
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		select {
		case ev, ok := <-events:
			if !ok || ev != "reload" {
				return nil, fmt.Errorf("no reload event after an edit (got %q)", ev)
			}
		case <-ctx.Done():
			return nil, errors.New("no reload within the time budget")
		}
		resp, err := client.Get(page)
		if err != nil {
			return nil, err
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !bytes.Contains(body, []byte(marker)) {
			return nil, fmt.Errorf("after the reload event, %s does not show the edit", page)
		}
		ms = append(ms, float64(time.Since(start).Microseconds())/1000)
	}
	return ms, nil
}

// latestTheme finds the latest quarter's content folder and a theme's
// narrative in it.
func latestTheme(site string) (path, file string, err error) {
	dirs, _ := filepath.Glob(filepath.Join(site, "content", "[0-9]*-q[1-4]"))
	if len(dirs) == 0 {
		return "", "", errors.New("the site has no narrative to edit")
	}
	slices.Sort(dirs)
	last := dirs[len(dirs)-1]
	mds, _ := filepath.Glob(filepath.Join(last, "*.md"))
	for _, md := range mds {
		if filepath.Base(md) != "_index.md" {
			slug := filepath.Base(last) // 2016-17-q2 -> 2016-17/q2
			return slug[:7] + "/" + slug[8:], md, nil
		}
	}
	return "", "", errors.New("the latest quarter has no theme narrative to edit")
}

// hugoSite generates the equivalent Hugo site and builds it runs times.
func (b *bench) hugoSite(ctx context.Context, r *result, dir string, m, runs int) {
	ctx, cancel := context.WithDeadline(ctx, b.deadline(b.budget/2))
	defer cancel()
	site, out := filepath.Join(dir, "hugo-site"), filepath.Join(dir, "hugo-out")
	defer os.RemoveAll(site)
	defer os.RemoveAll(out)
	if _, err := b.timed(ctx, filepath.Join(b.bin, "synth"), append(b.synthArgs(m, site), "-hugo")...); err != nil {
		r.hugoErr = "synth -hugo: " + err.Error()
		return
	}
	if err := copyTree("bench/hugo", site); err != nil {
		r.hugoErr = err.Error()
		return
	}
	for i := range runs {
		if i > 0 && !b.roomFor(ctx, r.hugo) {
			break
		}
		os.RemoveAll(out)
		b.logf("%s: hugo build %d of %d", r.name, i+1, runs)
		mm, err := b.timed(ctx, b.hugoBin, "--quiet", "--source", site, "--destination", out)
		r.hugoKiB = max(r.hugoKiB, mm.peakKiB)
		if err != nil {
			r.hugoErr = fmt.Sprintf("build %d of %d: %v", i+1, runs, err)
			return
		}
		r.hugo = append(r.hugo, mm.wall.Seconds())
		r.hugoCPU = append(r.hugoCPU, mm.cpuSecs)
	}
	var err error
	if r.hugoOut, err = count(out); err != nil {
		r.hugoErr = err.Error()
	}
}

// copyTree copies the folder src into dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func mib(kib int64) string { return fmt.Sprintf("%.0f", float64(kib)/1024) }

// progress prints a size's result as soon as it is known.
func (b *bench) progress(r *result) {
	if r.failed != "" {
		b.logf("%s: failed: %s", r.name, r.failed)
		return
	}
	b.logf("%s: build %.3f s, floor %.3f s, peak %s MiB, %d pages", r.name, median(r.build), median(r.floor), mib(r.peakKiB), r.pages)
}

// report prints the tables and what they rest on.
func (b *bench) report(results []*result) {
	w := b.out
	fmt.Fprintf(w, "\n%-9s %-4s %7s %7s %8s %8s %7s %8s %6s %8s %6s %9s %9s %9s\n",
		"measures", "in", "pages", "files", "MB", "full s", "cpu s", "floor s", "ratio", "incr s", "incr%", "peak MiB", "KiB/page", "reload ms")
	for _, r := range results {
		if r.failed != "" {
			fmt.Fprintf(w, "%-9s %-4s failed: %s\n", r.name, r.where, r.failed)
			continue
		}
		build, floor := median(r.build), median(r.floor)
		incr, incrPct := "-", "-"
		if len(r.incr) > 0 {
			incr, incrPct = fmt.Sprintf("%.3f", median(r.incr)), fmt.Sprintf("%.0f%%", 100*median(r.incr)/build)
		} else if r.incrErr != "" {
			incr = "failed"
		}
		runs := ""
		if want := 3 + 2*boolInt(r.measures <= 1000); len(r.build) < want {
			runs = fmt.Sprintf("  (%d run%s)", len(r.build), plural(len(r.build)))
		}
		fmt.Fprintf(w, "%-9s %-4s %7d %7d %8.1f %8.3f %7.2f %8.3f %6.1f %8s %6s %9s %9.1f %9s%s\n",
			r.name, r.where, r.pages, r.files, float64(r.bytes)/1e6, build, median(r.cpuSecs), floor, build/floor,
			incr, incrPct, mib(r.peakKiB), float64(r.peakKiB)/float64(r.pages), reloadCell(r), runs)
	}
	b.reportHugo(results)
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Sites: cmd/synth, %d themes, %d quarters, seed %d; the example is the repository's own site.\n", b.themes, b.quarters, b.seed)
	fmt.Fprintf(w, "Folder: %s.\n", b.where)
	fmt.Fprintf(w, "Machine: %d processors; load average %s when the run began and %s at its end (the run itself adds about 1 to 2).\n",
		runtime.NumCPU(), b.load, loadAverage())
	full := "into a missing output folder"
	if b.fullFlag {
		full += ", with -full"
	}
	fmt.Fprintf(w, "Times: full: median wall time of 5 builds (example, 1,000) or 3, each %s; cpu: their user and system time (median);\n", full)
	fmt.Fprintln(w, "  floor: bench/floor writing the same files, read into memory first, into a fresh folder (same runs);")
	fmt.Fprintf(w, "  ratio: full / floor; incr: median of %d rebuilds into the built site, each after appending a sentence to a theme's\n", b.incrRuns)
	fmt.Fprintln(w, "  narrative of the latest quarter (checked on its page); incr%: incr / full;")
	fmt.Fprintln(w, "  peak: maximum resident set size over all builds, /usr/bin/time -v; KiB/page: peak / pages;")
	fmt.Fprintln(w, "  reload: scorecard serve, from appending to a theme's narrative to that page served with the edit (median of 5);")
	fmt.Fprintln(w, "  in: ram for the RAM-backed folder, disk for the temporary folder.")
	if !b.fullFlag {
		fmt.Fprintln(w, "  This scorecard has no build -full: it renders everything on every build, so incr is a full build into a used folder.")
	}
	var ok []*result
	for _, r := range results {
		if r.failed == "" && r.measures > 0 {
			ok = append(ok, r)
		}
	}
	for i := 1; i < len(ok); i++ {
		a, c := ok[i-1], ok[i]
		fmt.Fprintf(w, "Memory per extra page from %d to %d measures: %.1f KiB.\n", a.measures, c.measures,
			float64(c.peakKiB-a.peakKiB)/float64(c.pages-a.pages))
	}
	for _, r := range results {
		if r.genSecs > 0 {
			fmt.Fprintf(w, "%s: synth took %.1f s.\n", r.name, r.genSecs)
		}
		if len(r.cpu) > 0 && r.cpu[0] > 0 {
			fmt.Fprintf(w, "%s: the builds kept %.0f%% of a core busy (user and system time over wall time, median).\n", r.name, median(r.cpu))
		}
		if len(r.incrCPU) > 0 {
			fmt.Fprintf(w, "%s: the rebuilds after an edit took %.2f s of CPU (median).\n", r.name, median(r.incrCPU))
		}
		if r.incrErr != "" {
			fmt.Fprintf(w, "%s: rebuild after an edit: %s\n", r.name, r.incrErr)
		}
		if r.reloadErr != "" && !strings.HasPrefix(r.reloadErr, "skipped") {
			fmt.Fprintf(w, "%s: edit-to-reload failed: %s\n", r.name, r.reloadErr)
		} else if r.reloadErr != "" {
			fmt.Fprintf(w, "%s: edit-to-reload %s\n", r.name, r.reloadErr)
		}
		if r.hugoErr != "" {
			fmt.Fprintf(w, "%s: Hugo failed: %s\n", r.name, r.hugoErr)
		}
	}
	if b.hugoBin != "" {
		if v, err := exec.Command(b.hugoBin, "version").Output(); err == nil {
			fmt.Fprintf(w, "Hugo: %s", v)
		}
	}
	for _, n := range b.notes {
		fmt.Fprintln(w, "Note:", n)
	}
}

func reloadCell(r *result) string {
	switch {
	case len(r.reloadMs) > 0:
		return fmt.Sprintf("%.0f", median(r.reloadMs))
	case strings.HasPrefix(r.reloadErr, "skipped"):
		return "skipped"
	case r.reloadErr != "":
		return "failed"
	}
	return "-"
}

// reportHugo prints the comparison with Hugo on equal pages: Hugo's build
// of bench/hugo, which makes only the measure and theme pages (and the
// lists above them), their count and median size beside Scorecard's, and
// what still differs between them.
func (b *bench) reportHugo(results []*result) {
	w := b.out
	var rows []*result
	for _, r := range results {
		if r.failed == "" && (len(r.hugo) > 0 || r.hugoErr != "") {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(w, "\nHugo on equal pages (bench/hugo: the measure and theme pages, from the same figures):\n")
	fmt.Fprintf(w, "%-9s %8s %7s %7s %8s %9s | %-8s %8s %9s %8s %9s\n",
		"measures", "hugo s", "cpu s", "pages", "MB", "peak MiB", "kind", "sc pages", "sc med KB", "hg pages", "hg med KB")
	for _, r := range rows {
		head := fmt.Sprintf("%-9s %8s", r.name, "failed")
		if len(r.hugo) > 0 {
			head = fmt.Sprintf("%-9s %8.3f %7.2f %7d %8.1f %9s", r.name, median(r.hugo), median(r.hugoCPU),
				r.hugoOut.pages, float64(r.hugoOut.bytes)/1e6, mib(r.hugoKiB))
		}
		for i, kind := range []string{measurePage, themePage} {
			if i > 0 {
				head = strings.Repeat(" ", len(head))
			}
			sc, hg := r.kinds[kind], r.hugoOut.kinds[kind]
			fmt.Fprintf(w, "%s | %-8s %8d %9.1f %8d %9.1f\n", head, kind, len(sc), medianKB(sc), len(hg), medianKB(hg))
		}
	}
	fmt.Fprintln(w, "hugo s, cpu s: median wall time and CPU time of Hugo's builds (as many as Scorecard's full builds), into a missing folder.")
	fmt.Fprintln(w, "Both sites' measure and theme pages hold the same figures from synth's generator: the measure page its latest")
	fmt.Fprintln(w, "  figures, facts, trend chart option JSON (ECharts, made with dict and jsonify in Hugo) and every quarter's row; the")
	fmt.Fprintln(w, "  theme page its status counts, theme chart option JSON, scorecard table of every measure in the theme (the quarter,")
	fmt.Fprintln(w, "  the one before and a year before) and narrative. Hugo's pages still lack what Scorecard's also carry:")
	fmt.Fprintln(w, "  navigation (quarters, themes, on this page), the cards beside each table, the static SVG charts and their tables,")
	fmt.Fprintln(w, "  the status worked out from the figures and the directions' working in words, what matters most, headers")
	fmt.Fprintln(w, "  attributes, and Scorecard's other outputs (print pages, chart files, open data, search, feeds).")
	fmt.Fprintln(w, "  Scorecard's times above are for its whole site, which cannot be split by page; its measure and theme pages are:")
	for _, r := range rows {
		var n int
		var size int64
		for _, k := range []string{measurePage, themePage} {
			n += len(r.kinds[k])
			for _, s := range r.kinds[k] {
				size += s
			}
		}
		fmt.Fprintf(w, "  at %s measures, %d of its %d pages and %.0f%% of its bytes.\n", r.name, n, r.pages, 100*float64(size)/float64(r.bytes))
	}
}

func medianKB(sizes []int64) float64 {
	xs := make([]float64, len(sizes))
	for i, s := range sizes {
		xs[i] = float64(s) / 1e3
	}
	return median(xs)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
