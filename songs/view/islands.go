package view

import (
	"fmt"
	"math"
	"strings"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/chart"
	"github.com/songcohorts/cohorts/songs/report"
)

// islandLevels writes an island's defining levels: "instrumental: 86% (13%
// of the catalog)".
func islandLevels(is songs.Island) string {
	var parts []string
	for _, l := range is.Levels {
		parts = append(parts, fmt.Sprintf("%s %s: %s%% (catalog %s%%)", l.Feature, l.Word, ftoa(100*l.Share, 0), ftoa(100*l.CatalogShare, 0)))
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, "; ")
}

// islandName names an island for legends by its first defining level.
func islandName(is songs.Island) string {
	if len(is.Levels) == 0 {
		return fmt.Sprintf("island %d", is.ID)
	}
	return fmt.Sprintf("island %d: %s", is.ID, is.Levels[0].Word)
}

// IslandsTable describes each island: size, the absolute levels most of
// its recordings share, its largest album, live share, release years and
// main cohort (columns the catalog cannot fill are left out).
func IslandsTable(is *songs.Islands, cs []songs.Cohort) report.Table {
	hasAlbum, hasYears := false, false
	for _, x := range is.Islands {
		hasAlbum = hasAlbum || !math.IsNaN(x.AlbumShare)
		hasYears = hasYears || !math.IsNaN(x.YearMedian)
	}
	headers := []string{"island", "recordings", "levels most of it shares (share of the island; of the catalog)"}
	if hasAlbum {
		headers = append(headers, "largest album (share)")
	}
	headers = append(headers, "% live")
	if hasYears {
		headers = append(headers, "release years: median (quartiles)")
	}
	headers = append(headers, "main cohort (share)")
	var rows [][]string
	for _, x := range is.Islands {
		r := []string{itoa(x.ID), itoa(x.Recordings), islandLevels(x)}
		if hasAlbum {
			r = append(r, fmt.Sprintf("%s (%s%%)", x.Album, ftoa(100*x.AlbumShare, 0)))
		}
		r = append(r, ftoa(100*x.LiveShare, 0))
		if hasYears {
			r = append(r, fmt.Sprintf("%s (%s-%s)", ftoa(x.YearMedian, 0), ftoa(x.YearQ1, 0), ftoa(x.YearQ3, 0)))
		}
		rows = append(rows, append(r, fmt.Sprintf("%d: %s (%s%%)", x.Cohort, cs[x.Cohort].Name, ftoa(100*x.CohortShare, 0))))
	}
	t := report.NewTable(headers, rows)
	t.Caption = fmt.Sprintf("The %d islands of the %s map (%d of %d recordings)", len(is.Islands), songs.Projections[is.Options.Projection], is.InIslands, is.Recordings)
	if hasAlbum {
		top := 0.0
		for _, x := range is.Islands {
			top = math.Max(top, x.AlbumShare)
		}
		t.Caption += fmt.Sprintf(": no island takes more than %s%% of its recordings from one album", ftoa(100*top, 0))
	}
	return t
}

// IslandsExplainedTable ranks the candidate explanations of the islands by
// their normalised mutual information with island membership, each beside
// its chance level.
func IslandsExplainedTable(is *songs.Islands) report.Table {
	var rows [][]string
	for _, e := range is.Explained {
		kind := "catalog metadata"
		if e.Sound {
			kind = "sound"
		}
		rows = append(rows, []string{e.What, kind, itoa(e.Groups), ftoa(e.NMI, 3), ftoa(e.Chance, 3)})
	}
	t := report.NewTable([]string{"grouping of the recordings", "kind", "groups", "NMI with the islands", "NMI with the groups shuffled"}, rows)
	t.Caption = "What the islands follow: normalised mutual information (0 unrelated, 1 the same grouping) over the recordings in islands, beside its level by chance"
	if sound, meta, ok := bestOfKinds(is); ok {
		t.Caption = fmt.Sprintf("The islands follow %s (NMI %s) more than any metadata (best: %s, %s against %s by chance)",
			sound.What, ftoa(sound.NMI, 2), meta.What, ftoa(meta.NMI, 2), ftoa(meta.Chance, 2))
		if meta.NMI-meta.Chance > sound.NMI-sound.Chance {
			t.Caption = fmt.Sprintf("The islands follow %s (NMI %s, %s by chance) more than any grouping by sound (best: %s, %s)",
				meta.What, ftoa(meta.NMI, 2), ftoa(meta.Chance, 2), sound.What, ftoa(sound.NMI, 2))
		}
	}
	return t
}

// bestOfKinds returns the explanation by sound and the one by metadata
// that are furthest above their chance level.
func bestOfKinds(is *songs.Islands) (sound, meta songs.Explanation, ok bool) {
	var hasSound, hasMeta bool
	for _, e := range is.Explained {
		lift := e.NMI - e.Chance
		if e.Sound && (!hasSound || lift > sound.NMI-sound.Chance) {
			sound, hasSound = e, true
		}
		if !e.Sound && (!hasMeta || lift > meta.NMI-meta.Chance) {
			meta, hasMeta = e, true
		}
	}
	return sound, meta, hasSound && hasMeta
}

// IslandsFigure draws the map coloured by island, recordings between
// islands as grey crosses.
func IslandsFigure(e *songs.Embeddings, is *songs.Islands) (chart.Figure, error) {
	p := is.Options.Projection
	xs, ys := make([]float64, len(e.IDs)), make([]float64, len(e.IDs))
	for i := range e.IDs {
		xs[i], ys[i] = e.XY[p][i][0], e.XY[p][i][1]
	}
	names := make([]string, len(is.Islands))
	for i, x := range is.Islands {
		names[i] = islandName(x)
	}
	name := songs.Projections[p]
	return chart.ScatterClusters(xs, ys, is.Labels, names, chart.Options{
		Title:  fmt.Sprintf("%s islands (DBSCAN, eps %s)", name, ftoa(is.Eps, 2)),
		XLabel: name + " 1 (arbitrary units)", YLabel: name + " 2 (arbitrary units)"})
}

// IslandsReading says what the islands are, from the numbers.
func IslandsReading(is *songs.Islands) string {
	out := report.Markdownf("DBSCAN on the %s map (radius %.2f, %d neighbours) finds **%d islands** holding %d of the %d recordings. ",
		songs.Projections[is.Options.Projection], is.Eps, is.Options.MinSamples, len(is.Islands), is.InIslands, is.Recordings)
	sound, meta, ok := bestOfKinds(is)
	if !ok {
		return out
	}
	var metas []string
	for _, e := range is.Explained {
		if !e.Sound {
			metas = append(metas, report.Markdownf("%s %.2f (%.2f by chance)", e.What, e.NMI, e.Chance))
		}
	}
	if meta.NMI-meta.Chance > sound.NMI-sound.Chance {
		return out + report.Markdownf("They follow **%s** most (NMI %.2f against %.2f by chance), more than any grouping by sound (best: %s, %.2f).",
			meta.What, meta.NMI, meta.Chance, sound.What, sound.NMI)
	}
	var feats []string
	for _, e := range is.Explained {
		if f, ok := strings.CutSuffix(e.What, " level"); ok && len(feats) < 3 {
			feats = append(feats, f)
		}
	}
	out += report.Markdownf("**They follow the sound, not the catalog's metadata:** %s explains them best (NMI %.2f against %.2f by chance), ahead of ",
		sound.What, sound.NMI, sound.Chance) + strings.Join(metas, ", ") + ". "
	top := 0.0
	for _, x := range is.Islands {
		if !math.IsNaN(x.AlbumShare) {
			top = math.Max(top, x.AlbumShare)
		}
	}
	if top > 0 {
		out += report.Markdownf("No island takes more than %.0f%% of its recordings from one album, so the islands are neither albums nor concerts. ", 100*top)
	}
	out += report.Markdownf("They are groups of recordings that share absolute levels of a few features (the strongest: %s); UMAP keeps each recording's nearest neighbours together, so a feature whose values pile up on either side of a level cuts the map into islands.",
		strings.Join(feats, ", "))
	return out
}
