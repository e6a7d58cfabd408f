package cluster

import (
	"math/rand/v2"
	"testing"
)

// TestBallMask4Portable checks the processor's screening kernel against the
// portable one, with thresholds set at exact values of e so that ties count.
func TestBallMask4Portable(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, d := range []int{1, 3, 11, 17} {
		const rows = 64
		xt := make([]float64, d*rows)
		nx := make([]float64, rows)
		for i := range xt {
			xt[i] = float64(rng.IntN(7) - 3) // small integers: exact arithmetic
		}
		for r := 0; r < rows; r++ {
			for j := 0; j < d; j++ {
				nx[r] += xt[j*rows+r] * xt[j*rows+r]
			}
		}
		qb := make([]float64, 16*d)
		for j := 0; j < d; j++ {
			for a := 0; a < 4; a++ {
				v := float64(rng.IntN(5) - 2)
				for c := 0; c < 4; c++ {
					qb[(4*j+a)*4+c] = v
				}
			}
		}
		thr := []float64{0, 3, 8, 20, -5, 1, 6, 12}
		hiA, loA := make([]uint8, rows/2), make([]uint8, rows/2)
		hiG, loG := make([]uint8, rows/2), make([]uint8, rows/2)
		ballMask4(xt, qb, nx, rows, d, rows, thr, hiA, loA)
		ballMask4Go(xt, qb, nx, rows, d, rows, thr, hiG, loG)
		set := 0
		for i := range hiA {
			if hiA[i] != hiG[i] || loA[i] != loG[i] {
				t.Fatalf("d=%d byte %d: kernel %08b/%08b, portable %08b/%08b", d, i, hiA[i], loA[i], hiG[i], loG[i])
			}
			set += int(hiG[i]) + int(loG[i])
		}
		if set == 0 {
			t.Fatalf("d=%d: no row screened in", d)
		}
	}
}

// TestBallScreen checks screening against the direct test Σ(q−x)² <= r²,
// with radii at exact distances of some rows so that the boundary counts.
func TestBallScreen(t *testing.T) {
	x := densityBlobs(1000, 11, 7)
	data, n, d, _ := densityRows(x)
	tl := newBallTiles(data, n, d)
	for k := 0; k < tl.nt; k++ {
		plo, phi := tl.tileRows(k)
		for p := plo; p < phi; p++ {
			near, far := tl.boxDist2(k, data[:d])
			if dd := densitySqDist(data[:d], tl.row(p)); dd < near || dd > far {
				t.Fatalf("tile %d row %d: distance %v outside box bounds [%v, %v]", k, p, dd, near, far)
			}
		}
	}
	for _, qi := range []int{0, 17, 500} {
		q := tl.row(qi)
		for _, r2 := range []float64{densitySqDist(q, tl.row(3)), densitySqDist(q, tl.row(900)), 4, 30} {
			g := newBallGroup(tl, r2)
			g.set([4][]float64{q, nil, q, nil})
			for k := 0; k < tl.nt; k++ {
				cnt := g.screen(k, [4]bool{true, false, true, false})
				plo, phi := tl.tileRows(k)
				want := 0
				for p := plo; p < phi; p++ {
					in := densitySqDist(q, tl.row(p)) <= r2
					if in {
						want++
					}
					r := p - plo
					if got := g.mask[0][r/8]&(1<<(r%8)) != 0; got != in {
						t.Fatalf("query %d r2 %v row %d: screened %v, want %v", qi, r2, p, got, in)
					}
				}
				if cnt[0] != want || cnt[2] != want || cnt[1] != 0 {
					t.Fatalf("query %d r2 %v tile %d: counts %v, want %d", qi, r2, k, cnt, want)
				}
			}
		}
	}
}
