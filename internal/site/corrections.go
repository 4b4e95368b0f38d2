package site

import (
	"scorecard/internal/render"
	"scorecard/internal/report"
	"scorecard/internal/search"
)

// correctionDocs are what search finds of the corrections: the page, so
// that "corrections" finds it even when there are none, and each
// correction, found by its measure, its edition and why it was made.
func correctionDocs(r *render.Renderer, s *report.Site) []search.Doc {
	docs := []search.Doc{{Kind: "page", Title: r.CorrectionsTitle(), URL: render.CorrectionsPath, Text: r.CorrectionsLede(s)}}
	for _, e := range s.AllCorrections() {
		title, context := r.CorrectionSearch(s, e)
		docs = append(docs, search.Doc{Kind: "correction", Title: title, Context: context,
			URL: render.CorrectionsPath + "#" + e.Anchor, Text: e.Correction.Why})
	}
	return docs
}
