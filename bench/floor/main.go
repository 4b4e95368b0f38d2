// Floor times the least any static site generator could take to write a
// given site: it reads a built site's files into memory, then writes the
// same folders and files, with the same bytes, into a fresh folder, timing
// only the writing. bench runs it on each site Scorecard built, in the same
// file system, and compares the two times.
//
//	floor -src public -dst /dev/shm/floor -runs 3
//
// Files are written by one goroutine per processor (the build uses as
// many), after the folders are made. Before each run dst is removed,
// untimed. With -remove-src, src is removed once read, so that a large
// site in a RAM-backed folder is not held three times (the build's copy,
// this program's memory, and its copy). It prints one line per run,
// "run 1: 0.123456 s", then "files N bytes B".
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

type file struct {
	path string
	data []byte
}

func main() {
	src := flag.String("src", "", "the built site to copy")
	dst := flag.String("dst", "", "the `folder` to write into; removed before each run")
	runs := flag.Int("runs", 3, "how many times to write it")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "goroutines writing files")
	removeSrc := flag.Bool("remove-src", false, "remove src once it is read")
	flag.Parse()
	if *src == "" || *dst == "" || *runs < 1 || *workers < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*src, *dst, *runs, *workers, *removeSrc); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(src, dst string, runs, workers int, removeSrc bool) error {
	dirs, files, size, err := load(src)
	if err != nil {
		return err
	}
	if removeSrc {
		if err := os.RemoveAll(src); err != nil {
			return err
		}
	}
	for i := range runs {
		if err := os.RemoveAll(dst); err != nil {
			return err
		}
		start := time.Now()
		if err := write(dst, dirs, files, workers); err != nil {
			return err
		}
		fmt.Printf("run %d: %.6f s\n", i+1, time.Since(start).Seconds())
	}
	fmt.Printf("files %d bytes %d\n", len(files), size)
	return nil
}

// load reads every folder and file under src, parents before children.
func load(src string) (dirs []string, files []file, size int64, err error) {
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, rel)
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		size += int64(len(data))
		files = append(files, file{rel, data})
		return nil
	})
	return dirs, files, size, err
}

func write(dst string, dirs []string, files []file, workers int) error {
	for _, d := range dirs { // WalkDir lists each folder before what it holds
		if err := os.Mkdir(filepath.Join(dst, d), 0o755); err != nil {
			return err
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				f := files[i]
				if err := os.WriteFile(filepath.Join(dst, f.path), f.data, 0o644); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
