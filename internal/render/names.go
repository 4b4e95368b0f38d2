package render

import "slices"

// TemplateNames returns the names of the built-in templates, in the order
// they are parsed: a file of the same name in a site's layouts/ folder
// replaces one, and any other file there is not used.
func TemplateNames() []string { return slices.Clone(templateNames) }
