module scorecard

go 1.26.8

require (
	github.com/google/go-cmp v0.7.0 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
