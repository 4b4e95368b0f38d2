//go:build !unix

package hostile

import (
	"errors"
	"fmt"
)

// mkfifo reports that named pipes cannot be made here.
func mkfifo(name string) error {
	return fmt.Errorf("cannot make the named pipe %s here: %w", name, errors.ErrUnsupported)
}
