// Synth writes a synthetic Scorecard site of any size, for benchmarks:
// a catalogue of measures spread across themes, one quarter file per
// quarter ending at 2016-17 Q2, and narrative for every quarter and theme.
// The same flags always give byte-identical files.
//
//	synth -measures 10000 -themes 8 -quarters 40 -seed 1 -out /dev/shm/site
//	scorecard build -src /dev/shm/site -out /dev/shm/public
//
// With -hugo it writes instead the content and data of a Hugo site that
// makes, from the same figures, the same measure and theme pages as
// Scorecard's (the history, the scorecard tables, the chart option JSON)
// and a page per quarter; bench/hugo holds its configuration and layouts.
//
// The folder given with -out must be missing or empty.
package main

import (
	"flag"
	"fmt"
	"os"

	"scorecard/internal/synth"
)

func main() {
	var o synth.Options
	flag.IntVar(&o.Measures, "measures", 1000, "measures in the catalogue")
	flag.IntVar(&o.Themes, "themes", 8, "themes the measures are spread across")
	flag.IntVar(&o.Quarters, "quarters", 40, "quarters of figures, ending at 2016-17 Q2")
	flag.Uint64Var(&o.Seed, "seed", 1, "the same seed gives the same site")
	out := flag.String("out", "", "the `folder` to write the site into (missing or empty)")
	hugo := flag.Bool("hugo", false, "write the content and data of the Hugo site of equal pages (bench/hugo) instead")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: synth -measures M -themes T -quarters Q -seed N -out DIR [-hugo]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	write := synth.Write
	if *hugo {
		write = synth.WriteHugo
	}
	if err := write(*out, o); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
