package serve

import (
	"bytes"
	"html/template"
)

// errorPage renders the page shown in place of every page while the site
// has errors. Like the site's pages, it has no inline script or style, so
// it works under the same Content-Security-Policy.
func errorPage(fail []finding) []byte {
	var b bytes.Buffer
	data := struct {
		Findings         []finding
		CSS, Script, Fix string
	}{fail, overlayCSSPath, reloadPath, plural(len(fail), "error", "errors")}
	if err := errorTemplate.Execute(&b, data); err != nil {
		// The template is fixed and its data plain strings: this cannot
		// happen, but if it does the terminal still lists the errors.
		return []byte("The site has errors; the terminal lists them.\n")
	}
	return b.Bytes()
}

var errorTemplate = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The site has errors – scorecard serve</title>
<link rel="stylesheet" href="{{.CSS}}">
<script src="{{.Script}}" defer></script>
</head>
<body>
<main>
<h1>The site has errors</h1>
<p>The last change stopped the build: {{len .Findings}} {{.Fix}} to fix. Fix the files and save them: this page reloads by itself, and shows the site when the build succeeds.</p>
<ol class="findings">
{{range .Findings}}<li>{{with .Pos}}<code class="pos">{{.}}</code> {{end}}<span class="msg">{{.Msg}}</span></li>
{{end}}</ol>
<p class="note">Shown by scorecard serve only; a build with errors writes nothing.</p>
</main>
</body>
</html>
`))

const overlayCSS = `/* The error page of scorecard serve. */
html { background: #fff; color: #0b0c0c; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { margin-top: 0; padding-left: 0.75rem; border-left: 0.5rem solid #b10e1e; color: #b10e1e; }
.findings { padding-left: 1.5rem; }
.findings li { margin: 0 0 1rem; }
.pos { display: block; font: 0.95rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: bold; overflow-wrap: anywhere; }
.msg { display: block; }
.note { color: #505a5f; font-size: 0.9rem; }
`
