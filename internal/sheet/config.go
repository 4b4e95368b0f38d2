package sheet

import "scorecard/internal/report"

// SiteFile is the site's configuration, which holds the import: section.
const SiteFile = "data/site.yaml"

// Config says where a sheet keeps each field: the import: section of
// data/site.yaml, which the loader reads with the rest of the file
// (report.Site.Import).
type Config = report.Import

// required are the fields a sheet must have a column for; the others are
// read when the sheet has them.
var required = []string{"measure", "target", "actual", "status"}
