package catalog

import "fmt"

// checkIDs records repeated ids as findings: a repeat identical in every
// column but the row number is an exact duplicate (RuleExactDuplicate); one whose audio data
// equals the first occurrence is a duplicate listing (RuleDuplicateID, the
// later copies are dropped); a repeat with different audio data is a
// conflict (RuleConflictingID, every copy is dropped since the catalog
// cannot say which is right). It is the plain statement of the rule: Load
// runs checkIDsParallel, and the tests hold the two to the same findings.
func checkIDs(cat *Catalog) {
	first := make(map[string]int, len(cat.Tracks))
	conflicted := map[string]bool{}
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		j, seen := first[t.ID]
		if !seen {
			first[t.ID] = i
			continue
		}
		u := &cat.Tracks[j]
		if sameRow(t, u) {
			cat.Findings = append(cat.Findings, Finding{Track: i, Record: t.Record, ID: t.ID, Column: "", Rule: RuleExactDuplicate,
				Detail: fmt.Sprintf("identical to %s record %d", u.Source, u.Record)})
			continue
		}
		if sameRecording(t, u) {
			cat.Findings = append(cat.Findings, Finding{Track: i, Record: t.Record, ID: t.ID, Column: "id", Rule: RuleDuplicateID,
				Detail: fmt.Sprintf("repeats %s record %d with the same audio data", u.Source, u.Record)})
			continue
		}
		if !conflicted[t.ID] {
			conflicted[t.ID] = true
			cat.Findings = append(cat.Findings, Finding{Track: j, Record: u.Record, ID: u.ID, Column: "id", Rule: RuleConflictingID,
				Detail: "the id appears again with different audio data"})
		}
		cat.Findings = append(cat.Findings, Finding{Track: i, Record: t.Record, ID: t.ID, Column: "id", Rule: RuleConflictingID,
			Detail: fmt.Sprintf("repeats %s record %d with different audio data", u.Source, u.Record)})
	}
}

// sameRecording reports whether two tracks have identical audio features
// and duration, the signature of one recording released several times.
func sameRecording(a, b *Track) bool {
	return a.Audio == b.Audio && a.DurationMS == b.DurationMS
}

// sameRow reports whether two tracks agree in every column except the
// file's row number and position.
func sameRow(a, b *Track) bool {
	if !sameRecording(a, b) || a.ID != b.ID || a.URI != b.URI || a.Name != b.Name || a.Album != b.Album ||
		a.Artist != b.Artist || a.ReleaseDate != b.ReleaseDate || a.Decade != b.Decade ||
		a.TrackNumber != b.TrackNumber || len(a.Extra) != len(b.Extra) {
		return false
	}
	if a.Popularity != b.Popularity && !(a.Popularity != a.Popularity && b.Popularity != b.Popularity) {
		return false
	}
	for i := range a.Extra {
		if a.Extra[i] != b.Extra[i] {
			return false
		}
	}
	return true
}
