// Package cli implements the scorecard command: it parses arguments, runs
// a command and reports to the terminal.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"scorecard/internal/diag"
)

// Env is what a command may touch besides the file system.
type Env struct {
	Stdout, Stderr io.Writer
	Now            func() time.Time    // the clock, for timings
	Getenv         func(string) string // the environment, such as SCORECARD_CHROME for the PDF
}

type command struct {
	name, summary string
	run           func(env *Env, args []string) error
}

var commands = []command{
	{"build", "build the site into the output folder", runBuild},
	{"serve", "preview the site, rebuilding and reloading the browser on every change", runServe},
	{"check", "check the site and list every error and warning, writing nothing", runCheck},
	{"export", "write the scorecard as CSV to standard output", runExport},
	{"new", "start a new quarter: \"scorecard new quarter 2016-17 Q3\"", runNew},
	{"import", "read a quarter's scorecard from a CSV or XLSX sheet into its data file", runImport},
	{"publish", "put published editions on the record: their lock files, data/published/", runPublish},
	{"pdf", "write an edition's whole report as an accessible PDF, for a committee's papers", runPDF},
}

const usage = `Scorecard builds an accessible website from a public body's performance
reports: YAML figures under data/ and Markdown narrative under content/.

Usage:

    scorecard <command> [flags]

Commands:
%s
Run "scorecard <command> --help" for a command's flags.
`

// errUsage reports a mistake in the arguments; its message has been printed.
var errUsage = errors.New("usage")

// Run runs the command named by args (without the program name) and returns
// the exit status: 0 on success, 1 when the site has errors, 2 when the
// arguments are wrong.
func Run(args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr, Now: time.Now, Getenv: os.Getenv}
	if len(args) == 0 {
		printUsage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		printUsage(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(env, args[1:])
			switch {
			case err == nil:
				return 0
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errUsage):
				return 2
			}
			// An error may name a file or quote the site's text: print
			// it with its control characters escaped (diag.EscapeLines).
			fmt.Fprintln(stderr, diag.EscapeLines(err.Error()))
			return 1
		}
	}
	fmt.Fprintf(stderr, "scorecard: unknown command %q\n\n", args[0])
	printUsage(stderr)
	return 2
}

func printUsage(w io.Writer) {
	list := ""
	for _, c := range commands {
		list += fmt.Sprintf("    %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, usage, list)
}

// flags makes a flag set whose -help output goes to stdout and whose
// errors go to stderr.
func flags(env *Env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(escaped{env.Stderr}) // its errors quote the arguments
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: scorecard %s %s\n\n%s\n\nFlags:\n", name, synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, printing help to stdout when asked for it.
func parse(env *Env, fs *flag.FlagSet, args []string) error {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(env.Stdout)
			fs.Usage()
			return flag.ErrHelp
		}
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "scorecard %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	return nil
}

// escaped writes to w with control characters escaped, for messages that
// may quote what the user typed or the site's files hold: each Write is
// one message, which package flag and fmt.Fprintf make.
type escaped struct{ w io.Writer }

func (e escaped) Write(p []byte) (int, error) {
	if _, err := io.WriteString(e.w, diag.EscapeLines(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
