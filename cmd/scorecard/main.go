// Command scorecard builds an accessible static website from a public
// body's quarterly performance reports.
//
// Usage:
//
//	scorecard build [-src DIR] [-out DIR]
//
// Run "scorecard --help" for every command.
package main

import (
	"os"

	"scorecard/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
