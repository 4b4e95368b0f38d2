package site

import (
	"scorecard/internal/diag"
	"scorecard/internal/report"
)

// missingBaseURL warns when s has no base_url: every page links relatively
// and works anywhere, but 404.html, which a server shows at any address,
// cannot, so it assumes the site is at its domain's root.
func missingBaseURL(s *report.Site) diag.List {
	var out diag.List
	if s.BaseURL == "" {
		out.Warnf(diag.Pos{File: "data/site.yaml"}, "base_url is not set, so the not found page (404.html) assumes the site is at the root of its domain and links its style sheet and pages from /; in a sub-folder it would be unstyled and its links broken. Add the address the site is published at, such as base_url: https://www.example.gov.uk/performance/ (it also gives the pages canonical links, a sitemap and a feed)")
	}
	return out
}
