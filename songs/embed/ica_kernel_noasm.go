//go:build !amd64 || noasm

package embed

// projRow is projRowGo: no assembly on this platform or build.
func projRow(y, x, w []float64, xs int) { projRowGo(y, x, w, xs) }

// gram4 is gram4Go: no assembly on this platform or build.
func gram4(out *[16]float64, y, x []float64, xs int) { gram4Go(out, y, x, xs) }

// tanh8 is tanh8Go: no assembly on this platform or build.
func tanh8(y []float64, alpha float64, sq *[4]float64) { tanh8Go(y, alpha, sq) }
