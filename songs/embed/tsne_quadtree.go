package embed

import "math"

const (
	quadLeafSize = 8  // points in a leaf before it splits
	quadMaxDepth = 48 // deeper cells hold coincident points
)

// quadTree is a Barnes-Hut region quadtree over points in the plane (Barnes
// and Hut 1986; van der Maaten 2014). Nodes are stored in depth-first
// pre-order; skip[v] is the node that follows v's subtree, so a traversal
// needs no stack. Leaves hold up to quadLeafSize points, stored contiguously
// in tree order.
type quadTree struct {
	cx, cy []float64 // centre of mass of each node
	count  []float64 // number of points below each node
	width2 []float64 // squared longest side of each node's cell
	skip   []int32
	lo, hi []int32   // point range of a leaf in tree order; lo = -1 for branches
	order  []int32   // order[p] is the point at tree position p
	pos    []float64 // coordinates in tree order
}

// build rebuilds t over the n points of y (row-major, 2 columns).
func (t *quadTree) build(y []float64, n int) {
	t.cx, t.cy, t.count, t.width2 = t.cx[:0], t.cy[:0], t.count[:0], t.width2[:0]
	t.skip, t.lo, t.hi = t.skip[:0], t.lo[:0], t.hi[:0]
	if cap(t.order) < n {
		t.order = make([]int32, n)
		t.pos = make([]float64, 2*n)
	}
	t.order, t.pos = t.order[:n], t.pos[:2*n]
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i := 0; i < n; i++ {
		t.order[i] = int32(i)
		minX, maxX = min(minX, y[2*i]), max(maxX, y[2*i])
		minY, maxY = min(minY, y[2*i+1]), max(maxY, y[2*i+1])
	}
	// A small margin, as scikit-learn's _QuadTree, keeps every point
	// strictly inside the root cell.
	mx := 1e-3 * max(maxX-minX, maxY-minY, 1e-12)
	t.node(y, 0, n, minX-mx, minY-mx, maxX+mx, maxY+mx, 0)
	for p, i := range t.order {
		t.pos[2*p], t.pos[2*p+1] = y[2*i], y[2*i+1]
	}
}

// node adds the node for points order[lo:hi] in the cell [x0,x1]×[y0,y1] and
// returns its index.
func (t *quadTree) node(y []float64, lo, hi int, x0, y0, x1, y1 float64, depth int) int {
	v := len(t.cx)
	w := max(x1-x0, y1-y0)
	t.cx = append(t.cx, 0)
	t.cy = append(t.cy, 0)
	t.count = append(t.count, float64(hi-lo))
	t.width2 = append(t.width2, w*w)
	t.skip = append(t.skip, 0)
	t.lo = append(t.lo, -1)
	t.hi = append(t.hi, -1)
	if hi-lo <= quadLeafSize || depth >= quadMaxDepth {
		var sx, sy float64
		for _, i := range t.order[lo:hi] {
			sx += y[2*i]
			sy += y[2*i+1]
		}
		c := float64(hi - lo)
		t.cx[v], t.cy[v] = sx/c, sy/c
		t.lo[v], t.hi[v] = int32(lo), int32(hi)
		t.skip[v] = int32(len(t.cx))
		return v
	}
	mx, my := (x0+x1)/2, (y0+y1)/2
	// Partition into quadrants: first by x, then each half by y.
	ord := t.order[lo:hi]
	splitX := partition(ord, func(i int32) bool { return y[2*i] < mx })
	splitL := partition(ord[:splitX], func(i int32) bool { return y[2*i+1] < my })
	splitR := partition(ord[splitX:], func(i int32) bool { return y[2*i+1] < my })
	bounds := [5]int{lo, lo + splitL, lo + splitX, lo + splitX + splitR, hi}
	cells := [4][4]float64{{x0, y0, mx, my}, {x0, my, mx, y1}, {mx, y0, x1, my}, {mx, my, x1, y1}}
	var sx, sy float64
	for q := 0; q < 4; q++ {
		if bounds[q] == bounds[q+1] {
			continue
		}
		c := cells[q]
		u := t.node(y, bounds[q], bounds[q+1], c[0], c[1], c[2], c[3], depth+1)
		sx += t.cx[u] * t.count[u]
		sy += t.cy[u] * t.count[u]
	}
	t.cx[v], t.cy[v] = sx/t.count[v], sy/t.count[v]
	t.skip[v] = int32(len(t.cx))
	return v
}

// partition moves the elements satisfying left to the front and returns
// their number. The result depends only on the input order.
func partition(s []int32, left func(int32) bool) int {
	k := 0
	for i, v := range s {
		if left(v) {
			s[i], s[k] = s[k], s[i]
			k++
		}
	}
	return k
}

// repulseLeaf adds the Barnes-Hut approximation of the repulsive forces on
// every point of leaf L to neg (indexed by point) and returns their share of
//
//	f_i = sum_j w_ij² (y_i - y_j),   z = sum_i sum_{j≠i} w_ij,   w_ij = 1 / (1 + |y_i - y_j|²)
//
// A node is summarised by its centre of mass when its squared width is below
// theta2 times its squared distance from the nearest point of the leaf's
// bounding box: scikit-learn's criterion (van der Maaten 2014), checked once
// for the whole leaf, so it holds for each of its points. The interaction
// list (summarised nodes, and the points of opened leaves with weight 1) is
// gathered once per leaf in l and then evaluated point by point.
func (t *quadTree) repulseLeaf(leaf int, theta2 float64, neg []float64, l *interactionList) (z float64) {
	lo, hi := int(t.lo[leaf]), int(t.hi[leaf])
	bx0, by0 := math.Inf(1), math.Inf(1)
	bx1, by1 := math.Inf(-1), math.Inf(-1)
	for s := lo; s < hi; s++ {
		bx0, bx1 = min(bx0, t.pos[2*s]), max(bx1, t.pos[2*s])
		by0, by1 = min(by0, t.pos[2*s+1]), max(by1, t.pos[2*s+1])
	}
	// Local slices let the compiler keep the headers in registers.
	xs, ys, cs := l.x[:0], l.y[:0], l.c[:0]
	nodes := len(t.cx)
	cx, cy, cnt, w2, skip, tlo := t.cx[:nodes], t.cy[:nodes], t.count[:nodes], t.width2[:nodes], t.skip[:nodes], t.lo[:nodes]
	for v := 0; v < nodes; {
		if v == leaf {
			v = int(skip[v])
			continue
		}
		// Squared distance from the centre of mass to the leaf's box
		// (explicit comparisons: the max builtin's NaN handling is slower).
		var dx, dy float64
		if c := cx[v]; c < bx0 {
			dx = bx0 - c
		} else if c > bx1 {
			dx = c - bx1
		}
		if c := cy[v]; c < by0 {
			dy = by0 - c
		} else if c > by1 {
			dy = c - by1
		}
		if w2[v] < theta2*(dx*dx+dy*dy) {
			xs, ys, cs = append(xs, cx[v]), append(ys, cy[v]), append(cs, cnt[v])
			v = int(skip[v])
			continue
		}
		if tlo[v] >= 0 {
			// Points of an opened leaf interact one by one: entries of
			// weight 1 in the same list.
			for s := tlo[v]; s < t.hi[v]; s++ {
				xs, ys, cs = append(xs, t.pos[2*s]), append(ys, t.pos[2*s+1]), append(cs, 1)
			}
			v = int(skip[v])
			continue
		}
		v++
	}
	for s := lo; s < hi; s++ {
		px, py := t.pos[2*s], t.pos[2*s+1]
		fx, fy, zi := repulseList(px, py, xs, ys, cs)
		for u := lo; u < hi; u++ {
			if u == s {
				continue
			}
			dx, dy := px-t.pos[2*u], py-t.pos[2*u+1]
			q := 1 / (1 + dx*dx + dy*dy)
			zi += q
			fx += q * q * dx
			fy += q * q * dy
		}
		i := t.order[s]
		neg[2*i], neg[2*i+1] = fx, fy
		z += zi
	}
	l.x, l.y, l.c = xs, ys, cs // kept for the next leaf
	return z
}

// interactionList is the list of a leaf, as separate coordinate and weight
// slices for the vector kernel.
type interactionList struct {
	x, y, c []float64
}
