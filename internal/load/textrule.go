package load

// IsControl reports whether r is a character that the loader refuses in
// any text of a data file: a control character or a noncharacter, which
// neither YAML nor a web page allows (see control). scorecard import
// checks every cell it writes with it, so that whatever the import
// writes, the build accepts.
func IsControl(r rune) bool { return control(r) }
