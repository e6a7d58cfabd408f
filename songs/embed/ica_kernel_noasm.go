//go:build !amd64

package embed

// Without assembly the portable kernels run; these are variables only so
// that tests can switch kernels on every architecture.
var (
	hasAVX2   = false
	icaAVX512 = false
)

var icaTanhTab []float64

func projRowAVX(y, x, w *float64, k, xs, m int)                  { panic("embed: no assembly kernels") }
func gram4AVX(out, y, x *float64, xs, m int)                     { panic("embed: no assembly kernels") }
func tanhAVX(y *float64, m int, alpha float64, tab, sq *float64) { panic("embed: no assembly kernels") }

func projRow512(y, x, w *float64, k, xs, m int) { panic("embed: no assembly kernels") }
func gram4512(out, y, x *float64, xs, m int)    { panic("embed: no assembly kernels") }
func tanh512(y *float64, m int, alpha float64, tab, sq *float64) {
	panic("embed: no assembly kernels")
}
