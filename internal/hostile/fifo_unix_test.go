//go:build unix

package hostile

import "syscall"

// mkfifo makes a named pipe at name.
func mkfifo(name string) error { return syscall.Mkfifo(name, 0o644) }
