package sheet

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/diag"
)

// SiteFile is the site's configuration, which holds the import: section.
const SiteFile = "data/site.yaml"

// Fields are the row fields a sheet can give, in the order of a quarter
// file, with quarter last: it picks rows rather than filling them.
var Fields = []string{"measure", "target", "actual", "status", "period", "notes", "quarter"}

// required are the fields a sheet must have a column for; the others are
// read when the sheet has them.
var required = []string{"measure", "target", "actual", "status"}

// Config says where a sheet keeps each field: the import: section of
// data/site.yaml.
//
//	import:
//	  columns: {measure: Ref, target: Target, actual: Actual, status: RAG}
//	  header_row: 1
type Config struct {
	// Columns maps a field to the header of its column. A field left out
	// is looked for under its own name. Headers match ignoring case and
	// surrounding spaces.
	Columns map[string]string
	// HeaderRow is the row holding the headers, counting from 1; 0 means
	// the first row with the measure column's header in it.
	HeaderRow int
}

// column returns the header the sheet uses for field, and whether the
// configuration named it.
func (c Config) column(field string) (string, bool) {
	if h, ok := c.Columns[field]; ok {
		return h, true
	}
	return field, false
}

// ReadConfig reads the import: section of data/site.yaml, given the
// file's contents, and ignores the rest of the file, which the loader
// checks. A file that is not YAML gives no findings here for the same
// reason: the loader reports it.
func ReadConfig(src []byte) (Config, diag.List) {
	var cfg Config
	var errs diag.List
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(src)).Decode(&doc); err != nil {
		if !errors.Is(err, io.EOF) {
			errs.Errorf(diag.Pos{File: SiteFile}, "the file is not valid YAML; run scorecard check to see where")
		}
		return cfg, errs
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return cfg, nil
	}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "import" {
			readImport(top.Content[i+1], &cfg, &errs)
		}
	}
	errs.Sort()
	return cfg, errs
}

func readImport(n *yaml.Node, cfg *Config, errs *diag.List) {
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{File: SiteFile, Line: n.Line, Col: n.Column} }
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		errs.Errorf(at(n), "import should hold \"columns:\" and \"header_row:\", as name: value lines")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "columns":
			cfg.Columns = readColumns(v, errs, at)
		case "header_row":
			row, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || row < 1 {
				errs.Errorf(at(v), "import: header_row should be the number of the row that holds the column headers, such as 1, not %q", v.Value)
				continue
			}
			cfg.HeaderRow = row
		default:
			errs.Errorf(at(k), "import has an unknown field %q; the fields are: columns, header_row (check the spelling and indentation)", k.Value)
		}
	}
}

func readColumns(n *yaml.Node, errs *diag.List, at func(*yaml.Node) diag.Pos) map[string]string {
	if n.Kind != yaml.MappingNode {
		errs.Errorf(at(n), "import: columns should map each field to its column's header, such as {measure: Ref, status: RAG}")
		return nil
	}
	cols := map[string]string{}
	first := map[string]string{} // lower-cased header -> the field that named it first
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(Fields, k.Value) {
			errs.Errorf(at(k), "import: columns has an unknown field %q; the fields are: %s", k.Value, strings.Join(Fields, ", "))
			continue
		}
		if _, dup := cols[k.Value]; dup {
			errs.Errorf(at(k), "import: columns names %s twice; remove one", k.Value)
			continue
		}
		header := strings.TrimSpace(v.Value)
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || header == "" {
			errs.Errorf(at(v), "import: columns: %s should be the header of the sheet's %s column, such as %q", k.Value, k.Value, "Ref")
			continue
		}
		key := strings.ToLower(header)
		if other, dup := first[key]; dup {
			errs.Errorf(at(v), "import: columns: %s and %s both read the column %q; give each field its own column", other, k.Value, header)
			continue
		}
		first[key] = k.Value
		cols[k.Value] = header
	}
	return cols
}
