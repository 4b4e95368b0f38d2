module scorecard

go 1.26.8

require (
	github.com/google/go-cmp v0.7.0
	github.com/yuin/goldmark v1.8.7
	golang.org/x/tools v0.52.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/rogpeppe/go-internal v1.14.1
	golang.org/x/sys v0.49.0 // indirect
)
