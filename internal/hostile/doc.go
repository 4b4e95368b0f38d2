// Package hostile tests Scorecard against broken and hostile sites.
package hostile
