package embed

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// NumPyNormal returns an r×c matrix of standard normal draws, filled row
// by row, equal to numpy.random.RandomState(seed).normal(size=(r, c)): the
// MT19937 generator of Matsumoto and Nishimura (1998) with NumPy's legacy
// seeding, 53-bit uniforms and Marsaglia's polar method. With
// r = c = NComponents, it is the initial unmixing matrix scikit-learn's
// FastICA draws for random_state=seed, so
//
//	FastICA{WInit: NumPyNormal(0, k, k)}
//
// starts where FastICA(random_state=0) does.
func NumPyNormal(seed uint32, r, c int) *mat.Dense {
	if r <= 0 || c <= 0 {
		panic("embed: NumPyNormal: non-positive dimension")
	}
	g := newMT19937(seed)
	out := mat.NewDense(r, c, nil)
	raw := out.RawMatrix().Data
	for i := range raw {
		raw[i] = g.gauss()
	}
	return out
}

// mt19937 is the Mersenne Twister with NumPy's legacy Gaussian cache.
type mt19937 struct {
	mt       [624]uint32
	index    int
	hasGauss bool
	gaussVal float64
}

func newMT19937(seed uint32) *mt19937 {
	g := &mt19937{index: 624}
	g.mt[0] = seed
	for i := 1; i < 624; i++ {
		g.mt[i] = 1812433253*(g.mt[i-1]^(g.mt[i-1]>>30)) + uint32(i)
	}
	return g
}

func (g *mt19937) next() uint32 {
	if g.index >= 624 {
		for i := 0; i < 624; i++ {
			y := g.mt[i]&0x80000000 | g.mt[(i+1)%624]&0x7fffffff
			v := g.mt[(i+397)%624] ^ y>>1
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			g.mt[i] = v
		}
		g.index = 0
	}
	y := g.mt[g.index]
	g.index++
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	y ^= y >> 18
	return y
}

// double returns a uniform value in [0, 1) with 53 random bits.
func (g *mt19937) double() float64 {
	a := g.next() >> 5
	b := g.next() >> 6
	return (float64(a)*67108864 + float64(b)) / 9007199254740992
}

// gauss is NumPy's legacy_gauss: the polar method, caching the second
// value of each pair.
func (g *mt19937) gauss() float64 {
	if g.hasGauss {
		g.hasGauss = false
		return g.gaussVal
	}
	var x1, x2, r2 float64
	for {
		x1 = 2*g.double() - 1
		x2 = 2*g.double() - 1
		r2 = x1*x1 + x2*x2
		if r2 < 1 && r2 != 0 {
			break
		}
	}
	f := math.Sqrt(-2 * math.Log(r2) / r2)
	g.gaussVal = f * x1
	g.hasGauss = true
	return f * x2
}
