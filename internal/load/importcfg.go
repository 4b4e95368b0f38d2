package load

import (
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"scorecard/internal/report"
)

// readImport reads the import: section of data/site.yaml: where a
// spreadsheet keeps each field, for scorecard import.
func readImport(d *doc, n *yaml.Node) report.Import {
	var cfg report.Import
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return cfg
	}
	d.mapping(n, "import",
		field{"columns", func(_, v *yaml.Node) { cfg.Columns = readColumns(d, v) }},
		field{"header_row", func(_, v *yaml.Node) {
			s, ok := d.str(v, "import: header_row")
			if !ok {
				return
			}
			row, err := strconv.Atoi(s)
			if err != nil || row < 1 {
				d.errorf(v, "import: header_row should be the number of the row that holds the column headers, such as 1, not %q", s)
				return
			}
			cfg.HeaderRow = row
		}},
	)
	return cfg
}

// readColumns reads import: columns:, a field's name to its column's
// header.
func readColumns(d *doc, n *yaml.Node) map[string]string {
	if d.isAlias(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.refuse(n, "import: columns should map each field to its column's header, such as {measure: Ref, status: RAG}")
		return nil
	}
	cols := map[string]string{}
	first := map[string]string{} // lower-cased header -> the field that named it first
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(report.ImportFields, k.Value) {
			d.errorf(k, "import: columns has an unknown field %q; the fields are: %s", k.Value, strings.Join(report.ImportFields, ", "))
			continue
		}
		if _, dup := cols[k.Value]; dup {
			d.errorf(k, "import: columns names %s twice; remove one", k.Value)
			continue
		}
		s, ok := d.str(v, "import: columns: "+k.Value)
		if !ok {
			continue
		}
		header := strings.TrimSpace(s)
		if header == "" {
			d.errorf(v, "import: columns: %s should be the header of the sheet's %s column, such as %q", k.Value, k.Value, "Ref")
			continue
		}
		key := strings.ToLower(header)
		if other, dup := first[key]; dup {
			d.errorf(v, "import: columns: %s and %s both read the column %q; give each field its own column", other, k.Value, header)
			continue
		}
		first[key] = k.Value
		cols[k.Value] = header
	}
	return cols
}
