package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"scorecard/internal/diag"
	"scorecard/internal/pdf"
	"scorecard/internal/render"
	"scorecard/internal/report"
	"scorecard/internal/site"
)

func runPDF(env *Env, args []string) error {
	fs := flags(env, "pdf", "[-src DIR] [-edition \"2016-17 Q2\"] [-out FILE] [-drafts]",
		"Pdf writes an edition's whole report, its print page, as an accessible PDF\n"+
			"for a committee's agenda papers: tagged for screen readers, with bookmarks\n"+
			"made from the headings, A4 pages with running heads and page numbers. It\n"+
			"prints the page in headless Chromium (or Chrome): Scorecard looks for it on\n"+
			"the PATH and where macOS keeps it, or runs the program "+pdf.EnvChrome+" names.\n"+
			"It never overwrites a file that is not a PDF.")
	src := fs.String("src", ".", "the site `folder`, holding data/, content/ and layouts/")
	edition := fs.String("edition", "", "the `edition` to print, such as 2016-17 Q2 or 2016-17-q2 (default: the latest)")
	out := fs.String("out", "", "the PDF `file` to write (default: the edition's name and .pdf, such as 2016-17-q2.pdf, in the current folder)")
	drafts := fs.Bool("drafts", false, "include editions and narrative marked \"draft: true\", to print a draft for review")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if *out != "" {
		if err := mayWrite(*out); err != nil {
			return err
		}
	}
	fsys, err := site.Open(*src)
	if err != nil {
		return err
	}
	defer fsys.Close()
	opts := site.Options{Drafts: *drafts}
	s, findings := site.Check(fsys, opts)
	if err := findings.Err(); err != nil {
		return fmt.Errorf("%v\n\nThe site has errors; fix them, then make the PDF again.", err)
	}
	q := s.Quarters[len(s.Quarters)-1]
	if *edition != "" {
		id, err := s.ParseEdition(*edition)
		if err != nil {
			fmt.Fprintf(env.Stderr, "scorecard pdf: -edition %v\n", err)
			return errUsage
		}
		q = nil
		for _, e := range s.Quarters {
			if e.ID == id {
				q = e
			}
		}
		if q == nil && isDraft(fsys, opts, id) {
			return fmt.Errorf("the %s %s is a draft; add -drafts to print it for review", s.EditionWord(), id)
		}
		if q == nil {
			return fmt.Errorf("the site has no %s %s; it has %s", s.EditionWord(), id, quarterList(s))
		}
	}
	file := *out
	if file == "" {
		file = q.ID.Slug() + ".pdf"
		if err := mayWrite(file); err != nil {
			return err
		}
	}
	chrome, err := pdf.Find(env.Getenv)
	if err != nil {
		return fmt.Errorf("Cannot make the PDF: %v", err)
	}
	opts.Chrome = chrome
	data, err := site.PDF(context.Background(), fsys, opts, q.ID)
	if err != nil {
		return fmt.Errorf("Cannot make the PDF: %v", err)
	}
	if err := writeWhole(file, data); err != nil {
		return fmt.Errorf("cannot write the PDF: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Wrote %s (%s): the whole %s report, %s.\n", diag.Escape(file), render.Size(int64(len(data))), q.ID.Label(), diag.Escape(s.Title))
	return nil
}

// isDraft reports whether edition id, which the site without -drafts
// lacks, is a draft.
func isDraft(fsys fs.FS, opts site.Options, id report.Period) bool {
	if opts.Drafts {
		return false
	}
	opts.Drafts = true
	s, _ := site.Check(fsys, opts)
	if s == nil {
		return false
	}
	for _, q := range s.Quarters {
		if q.ID == id && q.Draft {
			return true
		}
	}
	return false
}

// mayWrite refuses to write over a folder, a file that is not a PDF, or a
// PDF that headless Chromium did not print: a mistyped -out, or a default
// name that a council's own PDF already has, must never destroy a file
// Scorecard did not write.
func mayWrite(file string) error {
	info, err := os.Stat(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if info.IsDir() {
		return fmt.Errorf("%s is a folder; give -out a file name, such as %s", diag.Escape(file), filepath.Join(file, "report.pdf"))
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, pdf.HeadLen)
	n, _ := io.ReadFull(f, head)
	if !pdf.IsPDF(head[:n]) {
		return fmt.Errorf("%s is there already and is not a PDF, so the PDF will not replace it; remove it, or give -out another file name", diag.Escape(file))
	}
	if !pdf.Printed(head[:n]) {
		return fmt.Errorf("%s is there already and is a PDF that Scorecard did not write (such as the council's own report), so the PDF will not replace it; move it, or give -out another file name", diag.Escape(file))
	}
	return nil
}

// writeWhole writes data to file whole or not at all: into a new file
// beside it, then renamed over it.
func writeWhole(file string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".new-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // once renamed, there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}
