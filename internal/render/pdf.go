package render

import (
	"fmt"

	"scorecard/internal/report"
)

// PDFPath is an edition's committee pack: its print page as a PDF, which
// build -pdf makes.
func PDFPath(q report.Period) string { return q.Path() + "/report.pdf" }

// pdfLink is the link to an edition's PDF, with its size.
type pdfLink struct {
	Path string
	Size string
}

// pdfLink links edition q's PDF when the build made one (r.PDFs).
func (r *Renderer) pdfLink(q *report.Quarter) *pdfLink {
	n, ok := r.PDFs[q.ID]
	if !ok {
		return nil
	}
	return &pdfLink{Path: PDFPath(q.ID), Size: Size(n)}
}

// Size writes a file's size of n bytes as a reader is told it before a
// download: "850 KB", "1.2 MB" (of 1024 bytes a kilobyte), rounded up so
// that a small file is never "0 KB".
func Size(n int64) string {
	const kb, mb = 1024, 1024 * 1024
	if n < mb {
		return fmt.Sprintf("%d KB", (n+kb-1)/kb)
	}
	tenths := (n*10 + mb - 1) / mb
	return fmt.Sprintf("%d.%d MB", tenths/10, tenths%10)
}
