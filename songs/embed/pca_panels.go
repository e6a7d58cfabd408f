package embed

import (
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// centredPanels returns the row-major n×d data minus mean in the panel
// layout of icaPanelStride: panel p holds samples [p*icaChunk,
// (p+1)*icaChunk), feature j of sample p*icaChunk+t at offset
// j*icaPanelStride + t. Vectorised kernels then run along samples.
func centredPanels(data []float64, n, d int, mean []float64) []float64 {
	np := icaPanelCount(n)
	xc := make([]float64, np*d*icaPanelStride)
	parallel.For(np, parallel.Blocks(np, 8), func(_, plo, phi int) {
		for p := plo; p < phi; p++ {
			panel, m := icaPanel(xc, n, d, p)
			for t := 0; t < m; t++ {
				row := data[(p*icaChunk+t)*d : (p*icaChunk+t+1)*d]
				for j, v := range row {
					panel[j*icaPanelStride+t] = v - mean[j]
				}
			}
		}
	})
	return xc
}

// panelScatter returns XcᵀXc of centred data in panel layout, summed per
// block of panels and reduced in block order.
func panelScatter(xc []float64, n, d int) *mat.SymDense {
	np := icaPanelCount(n)
	nb := parallel.Blocks(np, 8)
	part := make([]float64, nb*d*d)
	parallel.For(np, nb, func(b, plo, phi int) {
		acc := part[b*d*d : (b+1)*d*d]
		for p := plo; p < phi; p++ {
			panel, m := icaPanel(xc, n, d, p)
			icaGram(acc, panel, icaPanelStride, d, d, panel, icaPanelStride, 0, m)
		}
	})
	s := mat.NewSymDense(d, nil)
	for i := 0; i < d; i++ {
		for j := i; j < d; j++ {
			v := 0.0
			for b := 0; b < nb; b++ {
				v += part[b*d*d+i*d+j]
			}
			s.SetSym(i, j, v)
		}
	}
	return s
}

// panelProject writes the projections of centred panel data on the rows
// of w (r×d, row-major) in panel layout: r rows per panel.
func panelProject(xc []float64, n, d int, w []float64, r int) []float64 {
	np := icaPanelCount(n)
	out := make([]float64, np*r*icaPanelStride)
	parallel.For(np, parallel.Blocks(np, 8), func(_, plo, phi int) {
		for p := plo; p < phi; p++ {
			in, m := icaPanel(xc, n, d, p)
			o, _ := icaPanel(out, n, r, p)
			icaProject(o, icaPanelStride, w, r, d, in, icaPanelStride, 0, m)
		}
	})
	return out
}

// panelBlocks projects data in the panel layout of icaPanels (n samples
// of d values) panel by panel, in parallel blocks of panels; each block has
// its own buffer for the projections of one panel.
type panelBlocks struct {
	x       []float64
	n, d, r int // r: rows of the matrices projected on
	np, nb  int
	ybuf    []float64 // nb buffers of r×icaChunk
}

// newPanelBlocks prepares projections of x (n×d in panel layout) on
// matrices of r rows.
func newPanelBlocks(x []float64, n, d, r int) *panelBlocks {
	np := icaPanelCount(n)
	nb := parallel.Blocks(np, 8)
	return &panelBlocks{x: x, n: n, d: d, r: r, np: np, nb: nb, ybuf: make([]float64, nb*r*icaChunk)}
}

// project computes, panel by panel, the projections y of the panel's m
// samples on the rows of w (r×d, row-major): row i of y, at
// y[i*icaChunk:], holds m values. It hands them to visit with the panel's
// block b (0 <= b < nb), its first sample s0 and the panel itself. Blocks
// run in parallel; within a block, panels come in order.
func (pb *panelBlocks) project(w []float64, visit func(b, s0, m int, y, panel []float64)) {
	parallel.For(pb.np, pb.nb, func(b, plo, phi int) {
		y := pb.ybuf[b*pb.r*icaChunk : (b+1)*pb.r*icaChunk]
		for p := plo; p < phi; p++ {
			panel, m := icaPanel(pb.x, pb.n, pb.d, p)
			icaProject(y, icaChunk, w, pb.r, pb.d, panel, icaPanelStride, 0, m)
			visit(b, p*icaChunk, m, y, panel)
		}
	})
}

// unpackRows writes the projections y of the m samples from s0 (as
// project hands them) into rows s0.. of out, the first r columns.
func unpackRows(out blas64.General, y []float64, s0, m, r int) {
	for t := 0; t < m; t++ {
		row := out.Data[(s0+t)*out.Stride : (s0+t)*out.Stride+r]
		for j := range row {
			row[j] = y[j*icaChunk+t]
		}
	}
}
