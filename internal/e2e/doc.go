// Package e2e tests the built site in a real browser.
//
// The tests build the example site once, serve it under the site's
// Content-Security-Policy, and open its pages in headless Chromium
// (/usr/bin/chromium; .ci/install-chromium installs it). Outside CI they
// skip when Chromium is missing; with CI=true they fail instead.
package e2e
