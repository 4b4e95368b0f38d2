package report

// ImportFields are the row fields a spreadsheet can give to scorecard
// import, in the order of an edition file, with quarter last: it picks
// rows rather than filling them.
var ImportFields = []string{"measure", "target", "actual", "status", "period", "notes", "quarter"}

// Import says where a spreadsheet keeps each field: the import: section of
// data/site.yaml, read by the loader with the rest of the file.
//
//	import:
//	  columns: {measure: Ref, target: Target, actual: Actual, status: RAG}
//	  header_row: 1
type Import struct {
	// Columns maps a field to the header of its column. A field left out
	// is looked for under its own name. Headers match ignoring case and
	// surrounding spaces.
	Columns map[string]string
	// HeaderRow is the row holding the headers, counting from 1; 0 means
	// the first row with the measure column's header in it.
	HeaderRow int
}

// Column returns the header the sheet uses for field, and whether the
// configuration named it.
func (c Import) Column(field string) (string, bool) {
	if h, ok := c.Columns[field]; ok {
		return h, true
	}
	return field, false
}
