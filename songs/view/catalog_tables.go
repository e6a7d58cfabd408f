package view

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/numfmt"
	"github.com/songcohorts/cohorts/songs/report"
)

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(v float64, dec int) string { return report.FormatFloat(v, dec) }

// DictionaryTable shows the data dictionary's variables, marking those the
// catalog lacks, and lists catalog columns it does not describe.
func DictionaryTable(dict []catalog.DictionaryEntry, cat *catalog.Catalog) report.Table {
	in := map[string]bool{}
	for _, c := range cat.Columns {
		in[c] = true
	}
	var rows [][]string
	for _, e := range dict {
		present := "yes"
		if !in[e.Variable] {
			present = "no"
		}
		rows = append(rows, []string{e.Variable, e.Description, present})
	}
	for _, c := range catalog.Undocumented(cat.Columns, dict) {
		rows = append(rows, []string{c, "(not in the data dictionary)", "yes"})
	}
	t := report.NewTable([]string{"variable", "description", "in the catalog"}, rows)
	t.Caption = "Data dictionary"
	return t
}

// SchemaTable lists each column of the loaded catalog with the type the
// loader gives it, its non-missing count and an example value.
func SchemaTable(cat *catalog.Catalog) report.Table {
	var rows [][]string
	n := len(cat.Tracks)
	for _, col := range cat.Columns {
		typ, nonMissing, example := columnSummary(cat, col)
		rows = append(rows, []string{col, typ, fmt.Sprintf("%d / %d", nonMissing, n), example})
	}
	t := report.NewTable([]string{"column", "type", "non-missing", "first value"}, rows)
	t.Caption = fmt.Sprintf("%d rows x %d columns", n, len(cat.Columns))
	return t
}

func columnSummary(cat *catalog.Catalog, col string) (typ string, nonMissing int, example string) {
	if len(cat.Tracks) == 0 {
		return "", 0, ""
	}
	first := &cat.Tracks[0]
	if _, ok := catalog.DictionaryRanges[col]; ok {
		x := cat.Column(col)
		for _, v := range x {
			if !math.IsNaN(v) {
				nonMissing++
			}
		}
		return "float64", nonMissing, strconv.FormatFloat(first.Value(col), 'g', -1, 64)
	}
	text := func(get func(*catalog.Track) string) (string, int, string) {
		for i := range cat.Tracks {
			if get(&cat.Tracks[i]) != "" {
				nonMissing++
			}
		}
		return "text", nonMissing, get(first)
	}
	switch col {
	case "id":
		return text(func(t *catalog.Track) string { return t.ID })
	case "uri":
		return text(func(t *catalog.Track) string { return t.URI })
	case "name", "track":
		return text(func(t *catalog.Track) string { return t.Name })
	case "album":
		return text(func(t *catalog.Track) string { return t.Album })
	case "artist":
		return text(func(t *catalog.Track) string { return t.Artist })
	case "release_date", "year":
		_, nm, ex := text(func(t *catalog.Track) string { return t.ReleaseDate.String() })
		return "date", nm, ex
	case "decade":
		_, nm, ex := text(func(t *catalog.Track) string { return intOrEmpty(t.Decade) })
		return "integer", nm, ex
	case "number_row":
		_, nm, _ := text(func(t *catalog.Track) string { return intOrEmpty(t.NumberRow + 1) })
		return "integer", nm, strconv.Itoa(first.NumberRow)
	case "track_number":
		_, nm, ex := text(func(t *catalog.Track) string { return intOrEmpty(t.TrackNumber) })
		return "integer", nm, ex
	}
	for j, e := range cat.Extra {
		if e == col {
			return text(func(t *catalog.Track) string { return t.Extra[j] })
		}
	}
	return "text", 0, ""
}

func intOrEmpty(v int) string {
	if v == 0 {
		return ""
	}
	return strconv.Itoa(v)
}

// IntegrityTable shows the integrity facts of a loaded catalog. The rows
// about albums and release dates are left out, with a note in the
// caption, for a catalog without those columns.
func IntegrityTable(in catalog.Integrity) report.Table {
	rows := [][]string{
		{"rows", itoa(in.Rows)},
		{"columns", itoa(in.Columns)},
		{"exact duplicate rows", itoa(in.ExactDuplicates)},
		{"missing cells (rows)", fmt.Sprintf("%d (%d)", in.MissingCells, in.RowsWithMissing)},
		{"repeated ids, same audio data", itoa(in.DuplicateIDs)},
		{"repeated ids, different audio data", itoa(in.ConflictingIDs)},
		{"uri not spotify:track:<id>", itoa(in.URIMismatches)},
		{"distinct titles", itoa(in.DistinctTitles)},
	}
	var lacks []string
	if in.Albums > 0 {
		rows = append(rows, []string{"albums", itoa(in.Albums)})
	} else {
		lacks = append(lacks, "albums")
	}
	if in.Years > 0 {
		rows = append(rows, []string{"release years", itoa(in.Years)},
			[]string{"first and last release", in.FirstDate.String() + " .. " + in.LastDate.String()})
	} else {
		lacks = append(lacks, "release dates")
	}
	if in.Albums > 0 {
		rows = append(rows, []string{"(title, album) pairs listed more than once", itoa(in.RepeatedNameAlbum)})
	} else {
		rows = append(rows, []string{"titles listed more than once", itoa(in.RepeatedNameAlbum)})
	}
	rows = append(rows, []string{"rows repeating an earlier row's audio features and duration", itoa(in.ReissueRows)})
	t := report.NewTable([]string{"check", "value"}, rows)
	t.Caption = "Integrity of the loaded catalog"
	if len(lacks) > 0 {
		t.Caption += " (the catalog has no " + strings.Join(lacks, " or ") + ")"
	}
	return t
}

// OutlierTable shows the IQR fences and counts per numeric column next to
// the original study's counts (when reports are of the catalog it used).
func OutlierTable(reports []catalog.OutlierReport, withOriginal bool) report.Table {
	headers := []string{"feature", "Q1", "Q3", "lower fence", "upper fence", "IQR outliers", "robust |z| > 3.5"}
	if withOriginal {
		headers = append(headers, "original study", "difference")
	}
	var rows [][]string
	for _, r := range reports {
		row := []string{r.Column, ftoa(r.Fences.Q1, 4), ftoa(r.Fences.Q3, 4), ftoa(r.Fences.Lower, 4),
			ftoa(r.Fences.Upper, 4), itoa(r.IQR), itoa(r.RobustZ)}
		if withOriginal {
			o, ok := songs.OriginalIQRCounts[r.Column]
			if ok {
				row = append(row, itoa(o), itoa(r.IQR-o))
			} else {
				row = append(row, "", "")
			}
		}
		rows = append(rows, row)
	}
	t := report.NewTable(headers, rows)
	t.Caption = "Outliers per feature (Tukey fences with type-7 quartiles, inclusive; modified z-scores)"
	return t
}

// ReissueTable lists the largest reissue groups: the canonical recording's
// title and release (album and date, as far as the catalog has them) and
// the releases that repeat it. A catalog without albums and release dates
// cannot tell its copies' releases apart: the table then shows each
// recording's artist (when the catalog names one) and its number of
// copies, and its caption says why.
func ReissueTable(cat *catalog.Catalog, groups []catalog.ReissueGroup, max int) report.Table {
	byID := map[string]*catalog.Track{}
	for i := range cat.Tracks {
		byID[cat.Tracks[i].ID] = &cat.Tracks[i]
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(groups[order[a]].Members) > len(groups[order[b]].Members) })
	releases := cat.Has[catalog.Album] || cat.Has[catalog.ReleaseDate] || cat.Has["year"]
	artists := cat.Has["artist"]
	headers := []string{"recording", "first release", "copies", "also on"}
	if !releases {
		headers = []string{"recording", "copies"}
		if artists {
			headers = []string{"recording", "artist", "copies"}
		}
	}
	var rows [][]string
	for _, gi := range order {
		g := groups[gi]
		c := byID[g.Canonical]
		if !releases {
			row := []string{c.Name, itoa(len(g.Members))}
			if artists {
				row = []string{c.Name, c.Artist, itoa(len(g.Members))}
			}
			rows = append(rows, row)
			continue
		}
		var others []string
		for _, m := range g.Members[1:] {
			others = append(others, releaseLabel(byID[m]))
		}
		rows = append(rows, []string{c.Name, releaseLabel(c), itoa(len(g.Members)), numfmt.JoinFirst(others, 3, "; ")})
	}
	t := report.NewTable(headers, rows)
	t.MaxRows = max
	t.Caption = fmt.Sprintf("Among the %s kept tracks, %s recordings are released more than once (%s tracks are later copies)",
		report.FormatInt(len(cat.Tracks)), report.FormatInt(len(groups)), report.FormatInt(catalog.ReissueCount(groups)))
	if !releases {
		t.Caption += "; the catalog has no albums or release dates, so the copies are counted, not told apart"
	}
	return t
}

// releaseLabel names a track's release by what the catalog gives: its
// album and date ("Album (1971-04-23)"), either alone, or a dash.
func releaseLabel(t *catalog.Track) string {
	switch {
	case t.Album != "" && !t.ReleaseDate.IsZero():
		return t.Album + " (" + t.ReleaseDate.String() + ")"
	case t.Album != "":
		return t.Album
	case !t.ReleaseDate.IsZero():
		return t.ReleaseDate.String()
	}
	return "–"
}

// CleaningLogTable shows the cleaning log with each removed track's title;
// a catalog of several files gets a column naming each entry's file, since
// record numbers count within a file.
func CleaningLogTable(c *catalog.Cleaned) report.Table {
	byID := map[string]*catalog.Track{}
	for i := range c.Loaded.Tracks {
		byID[c.Loaded.Tracks[i].ID] = &c.Loaded.Tracks[i]
	}
	files := len(c.Loaded.Sources) > 1
	var rows [][]string
	for _, e := range c.Log {
		name := ""
		if t := byID[e.ID]; t != nil {
			name = t.Name
		}
		row := []string{itoa(e.Record), e.ID, name, e.Rule, e.Detail}
		if files {
			row = append([]string{e.Source}, row...)
		}
		rows = append(rows, row)
	}
	headers := []string{"record", "id", "title", "rule", "detail"}
	if files {
		headers = append([]string{"file"}, headers...)
	}
	t := report.NewTable(headers, rows)
	t.Caption = fmt.Sprintf("Cleaning log: %d entries, %d tracks removed", len(c.Log), len(c.Loaded.Tracks)-len(c.Tracks.Tracks))
	t.MaxRows = 40
	return t
}
