// Package diag holds the errors Scorecard reports about a site's files:
// each names a file, line and column, says what is wrong and how to fix it.
package diag

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"
)

// Pos is a position in one of the site's files. Line and Col count from 1;
// zero means unknown.
type Pos struct {
	File string // slash-separated, relative to the site folder
	Line int
	Col  int
}

// String gives the position as FILE:LINE:COL, with the file's name made
// safe to print (see Escape).
func (p Pos) String() string {
	file := Escape(p.File)
	switch {
	case p.Line == 0:
		return file
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// Severity says whether a finding stops the build.
type Severity uint8

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one finding about the site's input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string // what is wrong and how to fix it
}

// Error gives the finding as one line, "FILE:LINE:COL: message", made safe
// to print to a terminal: the file's name and the message may quote what
// the site's files hold, and a control character there could recolour the
// terminal, move its cursor or hide the rest of the line (see Escape).
func (d Diagnostic) Error() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": warning: " + Escape(d.Msg)
	}
	return d.Pos.String() + ": " + Escape(d.Msg)
}

// List collects findings. Its zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file, line, column, then message, so that output
// is the same from run to run.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// HasErrors reports whether any finding is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Errors returns the list as an error holding only its errors, sorted, or
// nil when there are none.
func (l List) Err() error {
	var errs List
	for _, d := range l {
		if d.Severity == Error {
			errs = append(errs, d)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	errs.Sort()
	return errs
}

// Error prints one finding a line.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// Escape makes s safe to print to a terminal on one line: every control
// character (C0 with the line end and tab, DEL, C1), every character that
// reorders the text around it (the bidirectional embeddings, overrides and
// isolates, U+202A to U+202E and U+2066 to U+2069) and every byte that is
// not UTF-8 is written as a Go escape, such as \x1b, \n or \u202e. The rest is left as
// it is, so a string holding none of them is unchanged, and escaping twice
// gives what escaping once did.
func Escape(s string) string { return escape(s, false) }

// EscapeLines is Escape for a message of several lines: it keeps line ends
// and tabs.
func EscapeLines(s string) string { return escape(s, true) }

func escape(s string, lines bool) string {
	unsafe := func(r rune, size int) bool {
		if r == utf8.RuneError && size == 1 {
			return true
		}
		if lines && (r == '\n' || r == '\t') {
			return false
		}
		return r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
	}
	clean := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafe(r, size) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case !unsafe(r, size):
			b.WriteString(s[i : i+size])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError || r < 0x80:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
		i += size
	}
	return b.String()
}

// Special says what is wrong with a file of the site that is neither a
// plain file nor a folder (a named pipe, a socket, a device), whose type
// is mode: want names what the site needs in its place, "file" or
// "folder". It returns "" for a plain file, a folder or a symbolic link
// (which are reported otherwise). Scorecard never reads such a file:
// reading a named pipe waits for ever for a program to write to it.
func Special(mode fs.FileMode, want string) string {
	var what string
	switch t := mode.Type(); {
	case t&(fs.ModeDir|fs.ModeSymlink) != 0 || t == 0:
		return ""
	case t&fs.ModeNamedPipe != 0:
		what = "a named pipe (a special file through which one program passes data to another)"
	case t&fs.ModeSocket != 0:
		what = "a socket (a special file through which programs talk to each other)"
	case t&fs.ModeDevice != 0:
		what = "a device (a special file through which the computer reaches its hardware)"
	default:
		what = "a special file"
	}
	return fmt.Sprintf("this is %s, not a %s; Scorecard reads only plain files and folders; replace it with the %s itself", what, want, want)
}
