package report

// NextRelease is the release calendar's next report: the first release,
// in date order, of an edition after the site's latest, or nil when the
// calendar names none.
func (s *Site) NextRelease() *Release {
	if len(s.Quarters) == 0 {
		return nil
	}
	latest := s.Quarters[len(s.Quarters)-1].ID
	for i := range s.Releases {
		if s.Releases[i].Edition.Compare(latest) > 0 {
			return &s.Releases[i]
		}
	}
	return nil
}
