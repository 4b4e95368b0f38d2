package hosting

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"scorecard/internal/report"
)

// Calendar is the release calendar as an iCalendar file (RFC 5545),
// calendar.ics, for residents to subscribe to: an all-day event on the
// date each report is due. It is the same bytes for the same site: each
// event's UID is made from the site and the edition, so that a calendar
// application updates an event whose date moves rather than adding a
// second, and DTSTAMP, which RFC 5545 requires, is the date the latest
// edition was published (when the calendar was last announced), not the
// time of the build. quarterPath gives an edition's page, linked from
// its event when the site has a base URL.
func Calendar(s *report.Site, quarterPath func(report.Period) string) []byte {
	var c icsWriter
	name := s.Organisation + ": " + s.Title
	c.line("BEGIN", "VCALENDAR")
	c.line("VERSION", "2.0")
	c.line("PRODID", "-//Scorecard//Release calendar//EN")
	c.line("CALSCALE", "GREGORIAN")
	c.line("METHOD", "PUBLISH")
	c.text("X-WR-CALNAME", name)
	c.text("X-WR-CALDESC", "The dates on which "+s.Organisation+" publishes its "+s.Title+".")
	stamp := ""
	if len(s.Quarters) > 0 {
		t, _ := time.Parse(time.RFC3339, Date(s.Quarters[len(s.Quarters)-1]))
		stamp = t.UTC().Format("20060102T150405Z")
	}
	host := uidHost(s)
	for _, r := range s.Releases {
		due, err := time.Parse("2006-01-02", r.Date)
		if err != nil {
			continue // the loader keeps only dates
		}
		c.line("BEGIN", "VEVENT")
		c.line("UID", "release-"+r.Edition.Slug()+"@"+host)
		if stamp != "" {
			c.line("DTSTAMP", stamp)
		}
		c.line("DTSTART;VALUE=DATE", due.Format("20060102"))
		c.line("DTEND;VALUE=DATE", due.AddDate(0, 0, 1).Format("20060102"))
		c.text("SUMMARY", s.Title+": "+r.Edition.Long()+" published")
		c.text("DESCRIPTION", s.Organisation+" publishes its "+s.Title+" for "+r.Edition.Long()+" on this day.")
		if s.BaseURL != "" {
			c.line("URL", releaseURL(s, r.Edition, quarterPath))
		}
		c.line("TRANSP", "TRANSPARENT") // a date to note, not time taken
		c.line("END", "VEVENT")
	}
	c.line("END", "VCALENDAR")
	return []byte(c.b.String())
}

// releaseURL is the page a release's event links: the edition's, once
// the site publishes it, or else its row of the release calendar's page.
func releaseURL(s *report.Site, e report.Period, quarterPath func(report.Period) string) string {
	for _, q := range s.Quarters {
		if q.ID == e {
			return URL(s.BaseURL, quarterPath(e))
		}
	}
	return URL(s.BaseURL, "releases/index.html") + "#release-" + e.Slug()
}

// uidHost is the part of an event's UID after the @: the site's address
// without its scheme when it has one, or else its organisation and title
// as an address makes them, which tell one site's events from another's.
func uidHost(s *report.Site) string {
	if u, err := url.Parse(s.BaseURL); err == nil && u.Host != "" {
		return u.Host + strings.TrimSuffix(u.EscapedPath(), "/")
	}
	return report.Address(s.Organisation) + "." + report.Address(s.Title) + ".scorecard.invalid"
}

// icsWriter writes iCalendar content lines: CRLF line ends, and lines
// longer than 75 octets folded (a CRLF and a space), never inside a
// character's UTF-8 bytes.
type icsWriter struct{ b strings.Builder }

// line writes a property whose value needs no escaping.
func (c *icsWriter) line(name, value string) {
	l := name + ":" + value
	limit := 75
	for len(l) > limit {
		cut := limit
		for !utf8.RuneStart(l[cut]) {
			cut--
		}
		c.b.WriteString(l[:cut])
		c.b.WriteString("\r\n ")
		l = l[cut:]
		limit = 74 // the space that starts a continuation line is one of its octets
	}
	c.b.WriteString(l)
	c.b.WriteString("\r\n")
}

// text writes a property whose value is TEXT, escaped as RFC 5545 3.3.11
// says: backslash, semicolon, comma and line breaks.
func (c *icsWriter) text(name, value string) {
	c.line(name, icsEscaper.Replace(value))
}

var icsEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// releaseEntry is the feed's entry for the next report (Feed).
type releaseEntry struct{ title, url, updated, summary string }

// nextRelease is the feed's announcement of the release calendar's next
// report, dated as the latest edition is (when the date was announced),
// linking its row of the release calendar's page (render.ReleasesPath);
// ok is false when the calendar names no next report.
func nextRelease(s *report.Site) (e releaseEntry, ok bool) {
	r := s.NextRelease()
	if r == nil {
		return e, false
	}
	due, _ := time.Parse("2006-01-02", r.Date)
	day := due.Format("2 January 2006")
	return releaseEntry{
		title:   "Next report: " + r.Edition.Long() + ", due on " + day,
		url:     URL(s.BaseURL, "releases/index.html") + "#release-" + r.Edition.Slug(),
		updated: Date(s.Quarters[len(s.Quarters)-1]),
		summary: s.Organisation + " will publish its " + s.Title + " for " + r.Edition.Long() + " on " + day + ". Subscribe to every date: " + s.BaseURL + "calendar.ics",
	}, true
}
