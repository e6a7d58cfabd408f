package songs

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// writeSyntheticCatalog writes a catalog of n tracks in the course file's
// format: three seeded groups (acoustic, energetic, live), so that
// clustering has structure to find, plus a reissued copy of every tenth
// track.
func writeSyntheticCatalog(t testing.TB, n int, seed uint64) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	var buf bytes.Buffer
	buf.WriteString("number_row,name,album,release_date,track_number,id,uri,acousticness,danceability,energy,instrumentalness,liveness,loudness,speechiness,tempo,valence,popularity,duration_ms\n")
	clip := func(v float64) float64 { return min(1, max(0, v)) }
	row := 0
	for i := 0; i < n; i++ {
		g := i % 3
		on := func(group int, hi, lo float64) float64 {
			if g == group {
				return hi
			}
			return lo
		}
		f := []float64{clip(on(0, 0.8, 0.2) + 0.05*rng.NormFloat64()), clip(0.5 + 0.05*rng.NormFloat64()),
			clip(on(1, 0.9, 0.4) + 0.05*rng.NormFloat64()), clip(0.05 * rng.Float64()), clip(on(2, 0.9, 0.2) + 0.05*rng.NormFloat64()),
			-10 + rng.NormFloat64(), clip(0.05 + 0.01*rng.Float64()), 110 + 5*rng.NormFloat64(), clip(0.5 + 0.1*rng.NormFloat64())}
		pop := float64(int(20 + 10*float64(g) + 8*rng.Float64()))
		dur := float64(int(200000 + 10000*rng.Float64()))
		copies := 1
		if i%10 == 0 {
			copies = 2
		}
		for c := 0; c < copies; c++ {
			id := fmt.Sprintf("t%021d", row)
			fmt.Fprintf(&buf, "%d,Song %d,Album %d,%d/1/%d,%d,%s,spotify:track:%s", row, i, i/12+c*100, 1+i%12, 1965+i/12+c*30, 1+i%12, id, id)
			for _, v := range f {
				fmt.Fprintf(&buf, ",%g", v)
			}
			fmt.Fprintf(&buf, ",%g,%g\n", pop, dur)
			row++
		}
	}
	path := filepath.Join(t.TempDir(), "catalog.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// studyRun is what two runs must agree on.
type studyRun struct {
	Validation *Validation
	Embeddings []byte
}

func runStudy(t *testing.T, path string, procs int) studyRun {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	cat, err := catalog.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	c := catalog.Clean(cat, catalog.CleanOptions{})
	v, err := Validate(c.Tracks, 7, 0)
	if err != nil {
		t.Fatal(err)
	}
	e, err := Embed(c.Tracks, v, DefaultProjectors(7))
	if err != nil {
		t.Fatal(err)
	}
	return studyRun{Validation: v, Embeddings: e.CSV()}
}

// TestStudyIsReproducible runs validation and the embeddings twice, on one
// core and on several, and requires identical results: labels, every
// metric, and the embeddings file byte for byte.
func TestStudyIsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole validation twice")
	}
	path := writeSyntheticCatalog(t, 240, 3)
	one := runStudy(t, path, 1)
	many := runStudy(t, path, 4)
	if !bytes.Equal(one.Embeddings, many.Embeddings) {
		t.Error("embeddings.csv differs between GOMAXPROCS=1 and GOMAXPROCS=4")
	}
	a, b := one.Validation, many.Validation
	if !reflect.DeepEqual(a.Labels, b.Labels) || !reflect.DeepEqual(a.IDs, b.IDs) || a.Chosen != b.Chosen {
		t.Errorf("chosen cohorts differ: %+v vs %+v", a.Chosen, b.Chosen)
	}
	for _, alg := range Algorithms {
		for i := range a.Improved.Sweeps[alg] {
			ra, rb := a.Improved.Sweeps[alg][i], b.Improved.Sweeps[alg][i]
			if !sameBits(ra.Silhouette, rb.Silhouette) || !sameBits(ra.Inertia, rb.Inertia) || !reflect.DeepEqual(ra.Labels, rb.Labels) {
				t.Errorf("%s k=%d differs between core counts: silhouette %v vs %v", alg, ra.K, ra.Silhouette, rb.Silhouette)
			}
		}
	}
	if !reflect.DeepEqual(a.Stability, b.Stability) || !reflect.DeepEqual(a.Agreement, b.Agreement) {
		t.Error("stability or agreement differs between core counts")
	}
	if a.Chosen.K != 3 {
		t.Errorf("chose k = %d on three generated groups, want 3", a.Chosen.K)
	}
}

func sameBits(x, y float64) bool { return x == y || (x != x && y != y) }
