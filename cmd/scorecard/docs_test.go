package main

// TestDocs runs the commands that README.md and docs/*.md show, so that the
// documentation cannot drift from the program. Each Markdown file becomes
// one testscript, run against a fresh copy of the example site (data/ and
// content/ of this repository), with its commands in the order the file
// gives them.
//
// What the Markdown may hold, by a fenced block's info string:
//
//	```sh             Run. Every line is a scorecard command (a trailing
//	                  "# comment" and a "> FILE" redirect of its output are
//	                  allowed; so is a NAME=value environment prefix), and
//	                  each must succeed.
//	```sh fails       Run, and each command must fail (exit status 1 or 2).
//	```output         What the run block just above it printed: every
//	                  line of it must be a line of the command's standard
//	                  output or error ("..." matches any text). Only blank
//	                  lines may come between the two blocks.
//	```sh norun       Not run (make, go test, nginx...). It may hold no
//	                  scorecard command; a make target it names must be in
//	                  the Makefile, and a path starting ./ or .ci/ must exist.
//	```text synopsis  A command's form, such as "scorecard build [-src DIR]":
//	                  the command and every flag it names must exist.
//
// Any other block (yaml, markdown, nginx, text...) is not run, and may hold
// no line starting "scorecard ": such a line must be in one of the blocks
// above, so that no command is left out of the test unnoticed. A
// `scorecard ...` span of inline code in the prose is checked as a
// synopsis: its command and flags must exist.
//
// "scorecard serve" runs in the background on a free port (the doc's -addr
// keeps its host, and its port becomes 0), until it has served its home
// page, which is saved as served.html; then it is stopped with Ctrl-C's
// signal and must exit cleanly.
//
// A comment in the Markdown, invisible to readers, may hold steps that
// stand for what the reader does by hand between two commands (editing a
// file) or check what a command did, as testscript lines:
//
//	<!-- test
//	edit content/2016-17-q3/_index.md 'Write the introduction here.' 'Our text.'
//	grep 'Quarter 3' served.html
//	freshsite
//	-->
//
// edit FILE OLD NEW replaces every OLD in FILE with NEW; addline FILE
// TEXT adds a line at its end. freshsite puts back a fresh copy of the
// example's data/ and content/ and removes public/. Beside the example, the site folder holds the sheets the
// import examples read: scorecard.xlsx, the example's Q2 2016/17 figures as
// a sheet for 2016-17 Q3, and corrections.csv, Q2 2016/17's sheet with one
// actual corrected (bbh-5: 97.8% becomes 97.9%).

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"scorecard/internal/cli"
	"scorecard/internal/sheet"
)

// repoRoot is the repository, from this package's folder.
const repoRoot = "../.."

func TestDocs(t *testing.T) {
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(docs)
	docs = append([]string{filepath.Join(root, "README.md")}, docs...)
	if len(docs) < 4 {
		t.Fatalf("found %d Markdown files (README.md and docs/*.md), want README.md and the three guides", len(docs))
	}
	targets, err := makeTargets(root)
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	for _, doc := range docs {
		rel, _ := filepath.Rel(root, doc)
		rel = filepath.ToSlash(rel)
		text, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		script, problems := docScript(rel, string(text), root, targets)
		for _, p := range problems {
			t.Errorf("%s", p)
		}
		name := strings.NewReplacer("/", "_", ".md", "").Replace(rel) + ".txtar"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	testscript.Run(t, testscript.Params{
		Dir: dir,
		Setup: func(env *testscript.Env) error {
			if err := copyExample(root, env.WorkDir); err != nil {
				return err
			}
			return writeSheets(env.WorkDir)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"docout":    docOut,
			"servedoc":  serveDoc,
			"freshsite": func(ts *testscript.TestScript, neg bool, args []string) { freshSite(ts, root, neg, args) },
			"edit":      edit,
			"addline":   addLine,
		},
	})
}

// block is a fenced block of a Markdown file.
type block struct {
	line  int      // the line of its opening fence
	info  []string // the words of its info string
	lines []string // its content, unindented to the fence
}

func (b *block) has(word string) bool {
	for _, w := range b.info[min(1, len(b.info)):] {
		if w == word {
			return true
		}
	}
	return false
}

func (b *block) lang() string {
	if len(b.info) == 0 {
		return ""
	}
	return b.info[0]
}

var (
	fenceRE  = regexp.MustCompile("^(\\s*)(```+|~~~+)\\s*(.*)$")
	inlineRE = regexp.MustCompile("`(scorecard [^`]+)`")
	// commandLineRE finds a line that would run the scorecard command.
	commandLineRE = regexp.MustCompile(`^\s*(\$\s+)?([A-Z_]+=\S*\s+)*scorecard\s`)
)

// docScript turns one Markdown file into a testscript, and lists what is
// wrong with its blocks.
func docScript(rel, text, root string, targets map[string]bool) (string, []string) {
	var (
		script   strings.Builder
		files    strings.Builder
		problems []string
		helps    = map[string]map[string]bool{} // command -> flags named in synopses
		outputs  int
	)
	problem := func(line int, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s:%d: %s", rel, line, fmt.Sprintf(format, args...)))
	}
	synopsis := func(line int, cmd string) {
		words := shellWords(cmd)
		if len(words) < 2 || strings.HasPrefix(words[1], "-") || strings.ContainsAny(words[1], "<>") || words[1] == "help" {
			return // scorecard --help, scorecard <command>
		}
		flags := helps[words[1]]
		if flags == nil {
			flags = map[string]bool{}
			helps[words[1]] = flags
		}
		for _, w := range words[2:] {
			w = strings.Trim(w, "[]|(),.;")
			if !strings.HasPrefix(w, "-") || len(w) < 2 || w == "--" {
				continue
			}
			name := strings.TrimLeft(w, "-")
			name, _, _ = strings.Cut(name, "=")
			if name == "" || name == "h" || name == "help" || !regexp.MustCompile(`^[a-z][a-z0-9-]*$`).MatchString(name) {
				continue
			}
			flags[name] = true
		}
	}

	lines := strings.Split(text, "\n")
	var (
		cur       *block
		indent    string
		fence     string
		para      []string
		paraLine  int
		lastRun   *block // a run block, while only blank lines follow it
		lastExec  string // how its last command was run
		hiddenAt  = 0
		hidden    []string
		inComment = false
	)
	flush := func() {
		if len(para) > 0 {
			for _, m := range inlineRE.FindAllStringSubmatch(strings.Join(para, " "), -1) {
				synopsis(paraLine, m[1])
			}
		}
		para = nil
	}
	for i, l := range lines {
		n := i + 1
		if cur != nil {
			if strings.TrimSpace(l) == fence {
				runBlock(rel, cur, &script, &files, &outputs, &lastRun, &lastExec, problem, synopsis, root, targets)
				cur = nil
				continue
			}
			cur.lines = append(cur.lines, strings.TrimPrefix(l, indent))
			continue
		}
		if inComment {
			if strings.TrimSpace(l) == "-->" {
				inComment = false
				fmt.Fprintf(&script, "\n# %s:%d: a step the reader does by hand\n", rel, hiddenAt)
				for _, h := range hidden {
					script.WriteString(strings.TrimSpace(h) + "\n")
				}
				hidden = nil
				continue
			}
			hidden = append(hidden, l)
			continue
		}
		if strings.TrimSpace(l) == "<!-- test" {
			flush()
			inComment, hiddenAt, lastRun = true, n, nil
			continue
		}
		if m := fenceRE.FindStringSubmatch(l); m != nil {
			flush()
			indent, fence = m[1], m[2]
			cur = &block{line: n, info: strings.Fields(m[3])}
			if cur.lang() != "output" && lastRun != nil {
				lastRun = nil
			}
			if cur.lang() == "output" && lastRun == nil {
				problem(n, "an output block must come straight after a ```sh block that runs, with only blank lines between")
			}
			continue
		}
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		lastRun = nil
		if len(para) == 0 {
			paraLine = n
		}
		para = append(para, strings.TrimSpace(l))
	}
	flush()
	if cur != nil {
		problem(cur.line, "the block is never closed")
	}
	if inComment {
		problem(hiddenAt, "the <!-- test comment is never closed")
	}

	// Every command and flag named in a synopsis or in the prose exists.
	var head strings.Builder
	fmt.Fprintf(&head, "# The commands of %s, in order, generated by TestDocs.\n", rel)
	cmds := make([]string, 0, len(helps))
	for c := range helps {
		cmds = append(cmds, c)
	}
	sort.Strings(cmds)
	for _, c := range cmds {
		fmt.Fprintf(&head, "\n# %s names scorecard %s and its flags\nexec scorecard %s -help\n", rel, c, quote(c))
		names := make([]string, 0, len(helps[c]))
		for f := range helps[c] {
			names = append(names, f)
		}
		sort.Strings(names)
		for _, f := range names {
			fmt.Fprintf(&head, "stdout %s\n", quote(`^  -`+regexp.QuoteMeta(f)+`([ \t]|$)`))
		}
	}
	return head.String() + script.String() + files.String(), problems
}

// runBlock adds a block's commands or checks to the script.
func runBlock(rel string, b *block, script, files *strings.Builder, outputs *int, lastRun **block, lastExec *string,
	problem func(int, string, ...any), synopsis func(int, string), root string, targets map[string]bool) {
	switch {
	case b.lang() == "output":
		if *lastRun == nil {
			return // reported when it opened
		}
		*outputs++
		name := fmt.Sprintf("doc-output-%d", *outputs)
		fmt.Fprintf(script, "docout %s\n", name)
		fmt.Fprintf(files, "-- %s --\n%s\n", name, strings.Join(b.lines, "\n"))
		*lastRun = nil
	case b.lang() == "sh" && b.has("norun"):
		for j, l := range joinContinued(b.lines) {
			if commandLineRE.MatchString(l) {
				problem(b.line+1+j, "a ```sh norun block holds a scorecard command; every scorecard command must run in the test: put it in a ```sh block")
			}
			checkNorun(b.line+1+j, l, root, targets, problem)
		}
	case b.lang() == "sh":
		fails := b.has("fails")
		for j, l := range joinContinued(b.lines) {
			n := b.line + 1 + j
			words := shellWords(l)
			if len(words) == 0 {
				continue
			}
			var env []string
			for len(words) > 0 && regexp.MustCompile(`^[A-Z_][A-Z0-9_]*=`).MatchString(words[0]) {
				env, words = append(env, words[0]), words[1:]
			}
			redirect := ""
			if k := len(words); k >= 2 && words[k-2] == ">" {
				redirect, words = words[k-1], words[:k-2]
			}
			if len(words) == 0 || words[0] != "scorecard" {
				problem(n, "a ```sh block runs in the docs test and may hold only scorecard commands; mark a block that cannot run ```sh norun")
				continue
			}
			synopsis(n, strings.Join(words, " "))
			fmt.Fprintf(script, "\n# %s:%d\n", rel, n)
			for _, e := range env {
				fmt.Fprintf(script, "env %s\n", quote(e))
			}
			args := quoteAll(words[1:])
			neg := ""
			if fails {
				neg = "! "
			}
			if len(words) > 1 && words[1] == "serve" {
				if fails {
					problem(n, "scorecard serve in a ```sh fails block: the test runs serve until it serves a page")
				}
				fmt.Fprintf(script, "servedoc %s\n", quoteAll(words[2:]))
			} else {
				fmt.Fprintf(script, "%sexec scorecard %s\n", neg, args)
			}
			for _, e := range env {
				name, _, _ := strings.Cut(e, "=")
				fmt.Fprintf(script, "env %s=\n", name)
			}
			if redirect != "" {
				fmt.Fprintf(script, "cp stdout %s\n", quote(redirect))
			}
		}
		*lastRun = b
	default:
		for j, l := range b.lines {
			if !commandLineRE.MatchString(l) {
				continue
			}
			if b.has("synopsis") {
				synopsis(b.line+1+j, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "$")))
				continue
			}
			problem(b.line+1+j, "a scorecard command in a ```%s block, which the docs test does not run: put it in a ```sh block (or mark a command's form ```text synopsis)", b.lang())
		}
	}
}

// checkNorun checks what it can of a line that is not run: the make
// targets it names are the Makefile's, and the paths it names exist.
func checkNorun(n int, l string, root string, targets map[string]bool, problem func(int, string, ...any)) {
	words := shellWords(l)
	for len(words) > 0 && strings.Contains(words[0], "=") {
		words = words[1:]
	}
	if len(words) == 0 {
		return
	}
	if words[0] == "make" {
		for _, w := range words[1:] {
			if strings.HasPrefix(w, "-") || strings.Contains(w, "=") {
				continue
			}
			if !targets[w] {
				problem(n, "make %s: the Makefile has no target %q", w, w)
			}
		}
	}
	for _, w := range words {
		if !strings.HasPrefix(w, "./") && !strings.HasPrefix(w, ".ci/") {
			continue
		}
		p := strings.TrimSuffix(strings.TrimSuffix(w, "/..."), "...")
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil {
			problem(n, "%s names %s, which the repository does not have", words[0], w)
		}
	}
}

// makeTargets lists the targets of the Makefile and the files it includes.
func makeTargets(root string) (map[string]bool, error) {
	targets := map[string]bool{}
	ruleRE := regexp.MustCompile(`^([A-Za-z0-9_.-]+(?:\s+[A-Za-z0-9_.-]+)*)\s*:([^=]|$)`)
	files, _ := filepath.Glob(filepath.Join(root, "*.mk"))
	for _, f := range append([]string{filepath.Join(root, "Makefile")}, files...) {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, l := range strings.Split(string(data), "\n") {
			if m := ruleRE.FindStringSubmatch(l); m != nil {
				for _, t := range strings.Fields(m[1]) {
					targets[t] = true
				}
			}
		}
	}
	return targets, nil
}

// joinContinued joins lines ending in a backslash to the next, keeping one
// entry per line of the block, so that line numbers stay right.
func joinContinued(lines []string) []string {
	out := make([]string, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		start := i
		for strings.HasSuffix(l, `\`) && i+1 < len(lines) {
			i++
			l = strings.TrimSuffix(l, `\`) + " " + strings.TrimSpace(lines[i])
		}
		out[start] = l
	}
	return out
}

// shellWords splits a command line as a POSIX shell would for the simple
// commands the docs show: words, ” and "" quoting, backslashes, and a
// comment from an unquoted # at a word's start.
func shellWords(l string) []string {
	var (
		words []string
		w     strings.Builder
		in    bool // inside a word
		quote rune
	)
	for i := 0; i < len(l); i++ {
		c := rune(l[i])
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' && i+1 < len(l) && strings.ContainsRune(`"\$`, rune(l[i+1])) {
				i++
				w.WriteByte(l[i])
			} else {
				w.WriteRune(c)
			}
		case c == '\'' || c == '"':
			quote, in = c, true
		case c == '\\' && i+1 < len(l):
			i++
			w.WriteByte(l[i])
			in = true
		case c == ' ' || c == '\t':
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
		case c == '#' && !in:
			return words
		default:
			w.WriteRune(c)
			in = true
		}
	}
	if in {
		words = append(words, w.String())
	}
	return words
}

// quote quotes a word for a testscript line.
func quote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func quoteAll(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = quote(w)
	}
	return strings.Join(q, " ")
}

// docOut checks that each line of the expected output is a line of the
// last command's standard output or error.
func docOut(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: docout FILE")
	}
	got := strings.Split(strings.TrimRight(ts.ReadFile("stdout"), "\n")+"\n"+ts.ReadFile("stderr"), "\n")
	for i := range got {
		got[i] = strings.TrimRight(got[i], " \t\r")
	}
	for _, want := range strings.Split(ts.ReadFile(args[0]), "\n") {
		want = strings.TrimRight(want, " \t")
		if want == "" {
			continue
		}
		parts := strings.Split(want, "...")
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		re := regexp.MustCompile("^" + strings.Join(parts, ".*") + "$")
		found := false
		for _, g := range got {
			if re.MatchString(g) {
				found = true
				break
			}
		}
		if !found {
			ts.Fatalf("the documentation shows this line of output, but the command did not print it:\n\t%s", want)
		}
	}
}

// serveDoc runs scorecard serve until it has served its home page, saved
// as served.html, then stops it as Ctrl-C would. The port of -addr (or of
// the default address) becomes 0, a free port.
func serveDoc(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("servedoc cannot be negated")
	}
	args = append([]string(nil), args...)
	found := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		var addr string
		switch {
		case (a == "-addr" || a == "--addr") && i+1 < len(args):
			i++
			addr = args[i]
		case strings.HasPrefix(a, "-addr=") || strings.HasPrefix(a, "--addr="):
			_, addr, _ = strings.Cut(a, "=")
		default:
			continue
		}
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			ts.Fatalf("serve -addr %q: %v", addr, err)
		}
		args[i] = "-addr=" + net.JoinHostPort(host, "0")
		if a == "-addr" || a == "--addr" {
			args = append(args[:i-1], args[i:]...)
			i--
		}
		found = true
	}
	if !found {
		args = append(args, "-addr", "127.0.0.1:0")
	}
	cmd := exec.Command("scorecard", append([]string{"serve"}, args...)...)
	cmd.Dir = ts.MkAbs(".")
	cmd.Env = append(os.Environ(), "PWD="+cmd.Dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	ts.Check(err)
	ts.Check(cmd.Start())
	// Read until serve says where it serves; the rest is kept.
	var stdout strings.Builder
	r := bufio.NewReader(out)
	var base string
	for base == "" {
		line, err := r.ReadString('\n')
		stdout.WriteString(line)
		if m := regexp.MustCompile(` at (http://\S+/) `).FindStringSubmatch(line); m != nil {
			base = m[1]
		}
		if err != nil {
			cmd.Wait()
			ts.Fatalf("scorecard serve %s stopped before serving:\n%s%s", strings.Join(args, " "), stdout.String(), stderr.String())
		}
	}
	rest := make(chan struct{})
	go func() {
		io.Copy(&stdout, r)
		close(rest)
	}()
	u, err := url.Parse(base)
	ts.Check(err)
	if host, port, err := net.SplitHostPort(u.Host); err == nil && net.ParseIP(host) != nil && net.ParseIP(host).IsUnspecified() {
		u.Host = net.JoinHostPort("127.0.0.1", port)
	}
	resp, err := http.Get(u.String())
	page := []byte(nil)
	if err == nil {
		page, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("status %s", resp.Status)
		}
	}
	cmd.Process.Signal(os.Interrupt)
	<-rest
	werr := cmd.Wait()
	fmt.Fprint(ts.Stdout(), stdout.String())
	fmt.Fprint(ts.Stderr(), stderr.String())
	if err != nil {
		ts.Fatalf("scorecard serve: GET %s: %v", u, err)
	}
	ts.Check(os.WriteFile(ts.MkAbs("served.html"), page, 0o666))
	if werr != nil {
		ts.Fatalf("scorecard serve did not stop cleanly on an interrupt: %v\n%s", werr, stderr.String())
	}
}

// addLine adds a line at the end of FILE, as the reader would in an
// editor: addline FILE TEXT.
func addLine(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: addline FILE TEXT")
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(ts.ReadFile(args[0])+args[1]+"\n"), 0o644))
}

// edit replaces every OLD in FILE with NEW, as the reader would in an
// editor: edit FILE OLD NEW. OLD must be there.
func edit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: edit FILE OLD NEW")
	}
	text := ts.ReadFile(args[0])
	if !strings.Contains(text, args[1]) {
		ts.Fatalf("%s does not hold %q", args[0], args[1])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.ReplaceAll(text, args[1], args[2])), 0o666))
}

// freshSite puts back a fresh copy of the example site.
func freshSite(ts *testscript.TestScript, root string, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: freshsite")
	}
	work := ts.MkAbs(".")
	for _, d := range []string{"data", "content", "layouts", "static", "public"} {
		ts.Check(os.RemoveAll(filepath.Join(work, d)))
	}
	ts.Check(copyExample(root, work))
}

// copyExample copies the example's data/ and content/ into dir.
func copyExample(root, dir string) error {
	for _, sub := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(root, sub))); err != nil {
			return err
		}
	}
	return nil
}

// writeSheets writes the sheets the import examples read: scorecard.xlsx,
// Q2 2016/17's figures for 2016-17 Q3, and corrections.csv, Q2 2016/17
// with bbh-5's actual corrected from 97.8% to 97.9%.
func writeSheets(dir string) error {
	var out, errs bytes.Buffer
	if code := cli.Run([]string{"export", "-src", dir, "-quarter", "2016-17-q2"}, &out, &errs); code != 0 {
		return fmt.Errorf("scorecard export: %s", errs.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	keep := []string{"measure", "target", "actual", "status", "period"}
	var q3, fix [][]string
	q3 = append(q3, keep)
	fix = append(fix, keep)
	corrected := false
	for _, r := range rows[1:] {
		var row []string
		for _, k := range keep {
			row = append(row, r[col[k]])
		}
		q3 = append(q3, row)
		row = append([]string(nil), row...)
		if row[0] == "bbh-5" {
			if row[2] != "97.8%" {
				return fmt.Errorf("the example's bbh-5 has actual %q in Q2 2016/17, not 97.8%%: change writeSheets and the docs' import example", row[2])
			}
			row[2] = "97.9%"
			corrected = true
		}
		fix = append(fix, row)
	}
	if !corrected {
		return fmt.Errorf("the example has no bbh-5 in Q2 2016/17")
	}
	write := func(name string, rows [][]string) error {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.WriteAll(rows)
		if err := w.Error(); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o666)
	}
	if err := write("corrections.csv", fix); err != nil {
		return err
	}
	tmp := filepath.Join(dir, ".scorecard-q3.csv")
	if err := write(".scorecard-q3.csv", q3); err != nil {
		return err
	}
	defer os.Remove(tmp)
	return sheet.CSVToXLSX(tmp, filepath.Join(dir, "scorecard.xlsx"))
}
