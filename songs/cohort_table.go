package songs

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/cluster"
)

// CohortTable lists every cleaned track once, in catalog order, with its
// cohort from v (0..k-1 by decreasing size) and the cohort's name from
// profiles, and its sub-cohort (v.SubLabels) with its name from subs
// (SubcohortProfiles). The chosen algorithm is refitted on ImprovedSet with v's seed
// to measure the distances, silhouettes and membership probabilities; the
// refit must reproduce v's cohorts, else an error says to rerun notebook
// 03. A reissue gets its canonical recording's values.
func CohortTable(cat *catalog.Catalog, v *Validation, profiles, subs []Cohort) ([]catalog.CohortRow, error) {
	if len(profiles) != v.Chosen.K {
		panic("songs: CohortTable needs one profile per cohort")
	}
	f, err := refitCohorts(cat, v)
	if err != nil {
		return nil, err
	}
	return f.table(cat, v, profiles, subs)
}

// table builds the cohort table from a refit.
func (f *cohortFit) table(cat *catalog.Catalog, v *Validation, profiles, subs []Cohort) ([]catalog.CohortRow, error) {
	subOf := map[[2]int]Cohort{}
	for _, s := range subs {
		subOf[[2]int{s.Parent, s.ID}] = s
	}
	nRows, _ := f.prep.X.Dims()
	sil := make([]float64, nRows)
	for i := range sil {
		sil[i] = math.NaN()
	}
	s, err := cluster.SilhouetteSamples(nil, f.x, f.fitLabels)
	if err != nil {
		return nil, fmt.Errorf("silhouettes: %w", err)
	}
	for r, w := range s {
		if v.Improved.Sample != nil {
			sil[v.Improved.Sample[r]] = w
		} else {
			sil[r] = w
		}
	}
	var proba [][]float64 // per prepared row, per cohort
	if f.gmm != nil {
		p := f.gmm.PredictProba(nil, f.prep.X)
		proba = make([][]float64, nRows)
		for r := range proba {
			proba[r] = make([]float64, len(f.order))
			for c, o := range f.order {
				proba[r][c] = p.At(r, o)
			}
		}
	}
	rows := make([]catalog.CohortRow, len(cat.Tracks))
	for i := range cat.Tracks {
		t := &cat.Tracks[i]
		r, ok := f.rowOf[t.ID]
		if !ok {
			return nil, fmt.Errorf("track %s has no prepared row", t.ID)
		}
		l := f.rowLabels[r]
		row := catalog.CohortRow{ID: t.ID, URI: t.URI, Name: t.Name, Album: t.Album, Year: t.ReleaseDate.Year,
			Popularity: t.Popularity, Cohort: l, CohortName: profiles[l].Name,
			CentreDistance: floats.Distance(f.prep.X.RawRowView(r), f.centres[l], 2),
			Silhouette:     sil[r], MembershipProb: math.NaN()}
		if proba != nil {
			row.MembershipProb = proba[r][l]
		}
		sub, ok := subOf[[2]int{l, v.SubLabels[i]}]
		if !ok {
			return nil, fmt.Errorf("track %s: no profile of sub-cohort %d.%d", t.ID, l, v.SubLabels[i])
		}
		row.Subcohort, row.SubcohortName = sub.Label, sub.Name
		rows[i] = row
	}
	return rows, nil
}

// ExportCohorts loads the cleaned tracks and the validation cache, writes
// the cohort table with the sub-cohorts (output/cohorts.csv; its Parquet
// form is parquetfile.WriteCohorts) and saves the model
// (data/processed/model.json). It returns the rows and the model.
func ExportCohorts(p Params) ([]catalog.CohortRow, *Model, error) {
	cat, v, err := LoadCohorts(p)
	if err != nil {
		return nil, nil, err
	}
	profiles, err := Profiles(cat, v.Labels, v.Chosen.K, p.PopularThreshold)
	if err != nil {
		return nil, nil, err
	}
	subs, err := SubcohortProfiles(cat, v.Labels, v.SubLabels, profiles, p.PopularThreshold)
	if err != nil {
		return nil, nil, err
	}
	f, err := refitCohorts(cat, v)
	if err != nil {
		return nil, nil, err
	}
	rows, err := f.table(cat, v, profiles, subs)
	if err != nil {
		return nil, nil, err
	}
	sums, err := DataChecksums(p)
	if err != nil {
		return nil, nil, err
	}
	m := f.model(v, profiles, sums)
	m.Catalog = p.Catalog
	if err := catalog.WriteCohortCSV(p.OutputDir(), rows); err != nil {
		return nil, nil, err
	}
	return rows, m, m.Save(p.Processed(ModelFile))
}
