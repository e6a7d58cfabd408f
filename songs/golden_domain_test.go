package songs

import (
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/catalogtest"
	"github.com/songcohorts/cohorts/songs/internal/goldentest"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// goldenDomain is testdata/golden_domain.json, written by
// testdata/gen_golden_domain.py with pandas 1.5.3, SciPy 1.10.1,
// statsmodels 0.13.5 and scikit-learn 1.2.1. Each record's Source names the
// call that produced its numbers.
type goldenDomain struct {
	Versions  map[string]string `json:"versions"`
	Synthetic struct {
		Source    string               `json:"source"`
		Years     []int                `json:"years"`
		Columns   []string             `json:"columns"`
		Values    map[string][]float64 `json:"values"`
		YearMeans []goldenYearMean     `json:"year_means_popularity"`
		Pearson   [][]float64          `json:"pearson"`
		Spearman  [][]float64          `json:"spearman"`
	} `json:"synthetic"`
	Real struct {
		Rows   int `json:"rows"`
		Albums struct {
			Source    string  `json:"source"`
			Threshold float64 `json:"threshold"`
			Releases  []struct {
				Label  string `json:"label"`
				Tracks int    `json:"tracks"`
				Discs  int    `json:"discs"`
			} `json:"releases"`
			ByRelease goldenAnswer        `json:"by_release"`
			ByEdition goldenAnswer        `json:"by_edition"`
			Editions  map[string][]string `json:"editions"`
		} `json:"albums"`
		AlbumsByMean struct {
			Source string         `json:"source"`
			Albums []goldenAlbumT `json:"albums"`
		} `json:"albums_by_mean"`
		TopSongs struct {
			Source string `json:"source"`
			Songs  []struct {
				Name       string  `json:"name"`
				Popularity float64 `json:"popularity"`
			} `json:"songs"`
		} `json:"top_songs"`
		YearMeans struct {
			Source string           `json:"source"`
			Years  []goldenYearMean `json:"years"`
		} `json:"year_means_popularity"`
		Correlation struct {
			Source   string      `json:"source"`
			Columns  []string    `json:"columns"`
			Pearson  [][]float64 `json:"pearson"`
			Spearman [][]float64 `json:"spearman"`
		} `json:"correlation"`
		Describe struct {
			Source  string                        `json:"source"`
			Columns []string                      `json:"columns"`
			Stats   map[string]map[string]float64 `json:"stats"`
		} `json:"describe"`
		LiveFlags struct {
			Source    string    `json:"source"`
			Counts    [2][2]int `json:"counts"`
			Agreement float64   `json:"agreement"`
			Kappa     float64   `json:"kappa"`
		} `json:"live_flags"`
		OverTime struct {
			Source     string        `json:"source"`
			Recordings int           `json:"recordings"`
			Family     []goldenClaim `json:"family"`
			CI95Trend  [2]float64    `json:"ci95_trend"`
			Decades    []int         `json:"decades"`
			Dunn       []struct {
				I     int     `json:"i"`
				J     int     `json:"j"`
				Z     float64 `json:"z"`
				P     float64 `json:"p"`
				PHolm float64 `json:"p_holm"`
			} `json:"dunn"`
			Windows []struct {
				From          int     `json:"from"`
				To            int     `json:"to"`
				YearlyMeans   float64 `json:"yearly_means"`
				TrackMean     float64 `json:"track_mean"`
				Tracks        int     `json:"tracks"`
				RecordingMean float64 `json:"recording_mean"`
				Recordings    int     `json:"recordings"`
			} `json:"windows"`
			Describe []struct {
				Decade int        `json:"decade"`
				All    goldenMean `json:"all"`
				Studio goldenMean `json:"studio"`
				Live   goldenMean `json:"live"`
				Peak   string     `json:"peak"`
			} `json:"describe"`
		} `json:"over_time"`
		RecordingClaims struct {
			Source     string `json:"source"`
			Recordings int    `json:"recordings"`
			Live       struct {
				U            float64    `json:"u"`
				P            float64    `json:"p"`
				N            [2]int     `json:"n"`
				RankBiserial float64    `json:"rank_biserial"`
				CI95         [2]float64 `json:"ci95"`
			} `json:"live"`
			Albums struct {
				H               float64    `json:"h"`
				P               float64    `json:"p"`
				Releases        int        `json:"releases"`
				Recordings      int        `json:"recordings"`
				Eps2            float64    `json:"eps2"`
				CI95            [2]float64 `json:"ci95"`
				Reissued        int        `json:"reissued"`
				MedianCopyRange float64    `json:"median_copy_range"`
				Widest          struct {
					Title string  `json:"title"`
					Range float64 `json:"range"`
				} `json:"widest"`
			} `json:"albums"`
			Features []struct {
				Feature string `json:"feature"`
				goldenClaim
			} `json:"features"`
		} `json:"recording_claims"`
		Validation struct {
			Source       string             `json:"source"`
			Rows         int                `json:"rows"`
			PCARatio     []float64          `json:"pca_ratio"`
			Components   int                `json:"components"`
			WCSS         []float64          `json:"wcss"`
			SilhouetteK2 map[string]float64 `json:"silhouette_k2"`
			WardK2Sizes  []int              `json:"ward_k2_sizes"`
		} `json:"validation"`
	} `json:"real"`
}

type goldenYearMean struct {
	Year int     `json:"year"`
	N    int     `json:"n"`
	Mean float64 `json:"mean"`
	Lo   float64 `json:"lo"`
	Hi   float64 `json:"hi"`
}

// goldenAnswer is one album ranking's answer: the recommended albums, the
// ties at the cut-off and the whole ranking.
type goldenAnswer struct {
	Recommended []goldenAlbumT `json:"recommended"`
	Ties        []goldenAlbumT `json:"ties"`
	Ranked      []goldenAlbumT `json:"ranked"`
}

// goldenClaim is one test: Spearman's rho (or Kruskal-Wallis H and epsilon
// squared) with its p-value and Holm-adjusted p-value.
type goldenClaim struct {
	Rho   float64 `json:"rho"`
	H     float64 `json:"h"`
	Eps2  float64 `json:"eps2"`
	P     float64 `json:"p"`
	PHolm float64 `json:"p_holm"`
	N     int     `json:"n"`
}

// goldenMean is a mean with its 95% t-interval and the median.
type goldenMean struct {
	N      int      `json:"n"`
	Mean   *float64 `json:"mean"`
	Lo     float64  `json:"lo"`
	Hi     float64  `json:"hi"`
	Median float64  `json:"median"`
}

type goldenAlbumT struct {
	Album        string  `json:"album"`
	Tracks       int     `json:"tracks"`
	Songs        int     `json:"songs"`
	PopularSongs int     `json:"popular_songs"`
	Mean         float64 `json:"mean"`
}

// goldenDomainFile is testdata/golden_domain.json, decoded once per test
// binary.
var goldenDomainFile = goldentest.Once[goldenDomain]{Path: "testdata/golden_domain.json"}

// readGoldenDomain reads testdata/golden_domain.json once per test binary.
func readGoldenDomain(t testing.TB) *goldenDomain {
	t.Helper()
	return goldenDomainFile.Get(t)
}

// syntheticCatalog builds the golden file's synthetic table as a catalog:
// one track per value, released in the given years, with popularity and
// the listed audio features (the others 0.5).
func syntheticCatalog(t *testing.T, g *goldenDomain) *catalog.Catalog {
	t.Helper()
	s := g.Synthetic
	cat := &catalog.Catalog{Has: map[string]bool{catalog.Popularity: true, catalog.Album: true, catalog.ReleaseDate: true, "decade": true}}
	for i, y := range s.Years {
		tr := catalog.Track{ID: catalogtest.ID(i), Name: "Song", Album: "Album", ReleaseDate: catalog.Date{Year: y, Month: 1, Day: 1},
			Decade: y / 10 * 10, DurationMS: 200000 + float64(i), Popularity: s.Values[catalog.Popularity][i]}
		for j := range tr.Audio {
			tr.Audio[j] = 0.5
		}
		for _, c := range s.Columns {
			if k := catalog.FeatureIndex(c); k >= 0 {
				tr.Audio[k] = s.Values[c][i]
			}
		}
		tr.CanonicalID = tr.ID
		cat.Tracks = append(cat.Tracks, tr)
	}
	return cat
}

// realValidation validates the cleaned course catalog as notebook 03 does
// (seed 42, k chosen), once per test binary; it skips in -short mode.
func realValidation(t testing.TB) (*catalog.Catalog, *Validation) {
	t.Helper()
	cat := studytest.RealCleaned(t).Tracks
	return cat, studytest.Cached(t, "validation of the course catalog", func() (*Validation, error) { return Validate(cat, DefaultPlan(), 42, 0) })
}

// TestDescribeRealCatalog compares every summary of the cleaned catalog
// with pandas' describe() (testdata/gen_golden_domain.py).
func TestDescribeRealCatalog(t *testing.T) {
	g := readGoldenDomain(t).Real.Describe
	cs := Describe(studytest.RealCleaned(t).Tracks)
	if len(cs) != len(g.Columns) {
		t.Fatalf("%d columns, want %d", len(cs), len(g.Columns))
	}
	for i, c := range g.Columns {
		s, w := cs[i], g.Stats[c]
		got := []float64{float64(s.Count), s.Mean, s.SD, s.Min, s.Q1, s.Median, s.Q3, s.Max}
		for j, k := range []string{"count", "mean", "std", "min", "25%", "50%", "75%", "max"} {
			if s.Column != c || !studytest.Near(got[j], w[k], 1e-12) {
				t.Errorf("%s %s = %v, pandas %v (%s)", s.Column, k, got[j], w[k], g.Source)
			}
		}
	}
}
