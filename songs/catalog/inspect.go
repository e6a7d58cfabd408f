package catalog

// Integrity counts what the original study's inspection looked at.
type Integrity struct {
	Rows, Columns                 int
	ExactDuplicates, MissingCells int
	RowsWithMissing               int
	DuplicateIDs, ConflictingIDs  int
	URIMismatches                 int
	DistinctTitles, Albums        int
	Years                         int
	FirstDate, LastDate           Date
	ReissueRows, ReissueGroups    int
	RepeatedNameAlbum             int
}

// Inspect computes the integrity facts of a loaded catalog. URI mismatches
// are always 0 here: the loader rejects a file that has one.
func Inspect(cat *Catalog) Integrity {
	in := Integrity{Rows: len(cat.Tracks), Columns: len(cat.Columns)}
	missingRows := map[int]bool{}
	for _, f := range cat.Findings {
		switch f.Rule {
		case RuleExactDuplicate:
			in.ExactDuplicates++
		case RuleMissing:
			in.MissingCells++
			missingRows[f.Track] = true
		case RuleDuplicateID:
			in.DuplicateIDs++
		case RuleConflictingID:
			in.ConflictingIDs++
		}
	}
	in.RowsWithMissing = len(missingRows)
	titles, albums, years, pairs := map[string]bool{}, map[string]bool{}, map[int]bool{}, map[[2]string]int{}
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		titles[t.Name], albums[t.Album] = true, true
		pairs[[2]string{t.Name, t.Album}]++
		if !t.ReleaseDate.IsZero() {
			years[t.ReleaseDate.Year] = true
			if in.FirstDate.IsZero() || t.ReleaseDate.Before(in.FirstDate) {
				in.FirstDate = t.ReleaseDate
			}
			if in.LastDate.IsZero() || in.LastDate.Before(t.ReleaseDate) {
				in.LastDate = t.ReleaseDate
			}
		}
	}
	for _, n := range pairs {
		if n > 1 {
			in.RepeatedNameAlbum++
		}
	}
	in.DistinctTitles, in.Years = len(titles), len(years)
	if cat.Has["album"] {
		in.Albums = len(albums)
	}
	tracks := append([]Track(nil), cat.Tracks...)
	groups := Reissues(tracks)
	in.ReissueRows, in.ReissueGroups = ReissueCount(groups), len(groups)
	return in
}
