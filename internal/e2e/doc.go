// Package e2e tests the built site as readers and checkers meet it.
//
// The tests build the example site once, serve it under the site's
// Content-Security-Policy (at the server's root, or in a sub-folder), and
// open its pages in headless Chromium (/usr/bin/chromium;
// .ci/install-chromium installs it): charts, console, policy, layout,
// search, loads from a sub-folder and from disk (file://), and axe-core's
// WCAG 2.2 A and AA rules. Without a browser they follow every link of
// the build and run the Nu HTML Checker over its HTML and CSS (Java;
// .ci/install-java installs it). axe-core and the checker come from npm,
// pinned in package.json (npm ci). Outside CI a test skips when a tool is
// missing; with CI=true it fails instead.
package e2e
