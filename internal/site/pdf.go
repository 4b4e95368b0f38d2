package site

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"

	"scorecard/internal/pdf"
	"scorecard/internal/render"
	"scorecard/internal/report"
)

// pack is an edition's PDF, its committee pack.
type pack struct {
	edition report.Period
	data    []byte
}

// packSizes are the packs' sizes, for the links to them.
func packSizes(packs []pack) map[report.Period]int64 {
	if len(packs) == 0 {
		return nil
	}
	sizes := make(map[report.Period]int64, len(packs))
	for _, k := range packs {
		sizes[k.edition] = int64(len(k.data))
	}
	return sizes
}

// packJobs write the packs, each at its edition's render.PDFPath.
func packJobs(packs []pack) []*job {
	var jobs []*job
	for _, k := range packs {
		jobs = append(jobs, &job{path: render.PDFPath(k.edition), from: hasher().Sum(k.data), write: func(w io.Writer) error {
			_, err := w.Write(k.data)
			return err
		}})
	}
	return jobs
}

// PDF prints edition id of the site held in fsys as a PDF, the file that
// build -pdf writes at render.PDFPath(id) (without the links to itself
// that the site's pages then carry), with Chromium at opts.Chrome. The
// site must have no errors, and the edition must be in it (a draft only
// with opts.Drafts).
func PDF(ctx context.Context, fsys fs.FS, opts Options, id report.Period) ([]byte, error) {
	p := prepare(fsys, opts, from{how: forBuild})
	if err := p.findings.Err(); err != nil {
		return nil, err
	}
	for _, q := range p.view.Quarters {
		if q.ID == id {
			packs, err := p.printPacks(ctx, []*report.Quarter{q})
			if err != nil {
				return nil, err
			}
			return packs[0].data, nil
		}
	}
	return nil, fmt.Errorf("the site has no %s %s", p.view.EditionWord(), id)
}

// printPacks prints the print page of each of quarters as a PDF, in
// Chromium (opts.Chrome), from the files it needs rendered into memory:
// the print pages and every file that is not a page or data.
func (p *prepared) printPacks(ctx context.Context, quarters []*report.Quarter) ([]pack, error) {
	jobs, err := plan(p.view, p.fsys)
	if err != nil {
		return nil, err
	}
	if err := p.links(jobs).Err(); err != nil {
		return nil, err
	}
	prints := map[string]bool{}
	for _, q := range quarters {
		prints[render.PrintPath(q.ID)] = true
	}
	var needed []*job
	for _, j := range jobs {
		switch path.Ext(j.path) {
		case ".html":
			if !prints[j.path] {
				continue
			}
		case ".csv", ".json", ".xml", ".txt", ".ics":
			continue // the open data, search index, feed: no page loads them to print
		}
		needed = append(needed, j)
	}
	mem := &memory{}
	if err := runTo(needed, func(j *job) error {
		return mem.Put(j.path, func(w io.Writer) error {
			if err := j.write(w); err != nil {
				return fmt.Errorf("rendering %s: %w", j.path, err)
			}
			return nil
		})
	}); err != nil {
		return nil, err
	}
	files := func(name string) ([]byte, error) {
		if data, ok := mem.files[name]; ok {
			return data, nil
		}
		return nil, fs.ErrNotExist
	}

	if p.opts.Chrome == "" {
		return nil, fmt.Errorf("no Chromium to print the PDF with; %s", pdf.Install())
	}
	b, err := pdf.Start(ctx, p.opts.Chrome)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	s := p.view
	var packs []pack
	for _, q := range quarters {
		data, err := b.Print(ctx, pdf.Page{
			Files:  files,
			Path:   render.PrintPath(q.ID),
			Origin: s.BaseURL,
			Date:   q.Published,
			Name:   s.Organisation + "\n" + s.Title + "\n" + q.ID.String(),
		})
		if err != nil {
			return nil, fmt.Errorf("the PDF of %s: %w", q.ID.Label(), err)
		}
		packs = append(packs, pack{edition: q.ID, data: data})
	}
	return packs, nil
}
