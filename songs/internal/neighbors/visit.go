package neighbors

// NumNodes returns the number of nodes of the tree. Node ids run from 0 (the
// root) to NumNodes()−1, every parent before its children, so a loop over
// decreasing ids visits children before parents.
func (t *KDTree) NumNodes() int { return len(t.nodes) }

// Node returns the tree rows [lo, hi) held by node id and its children, -1
// for a leaf.
func (t *KDTree) Node(id int) (lo, hi, left, right int) {
	nd := t.nodes[id]
	return nd.lo, nd.hi, nd.left, nd.right
}

// Row returns the original row index of tree row p.
func (t *KDTree) Row(p int) int { return t.index[p] }

// Diameter2 returns the squared length of the diagonal of the bounding box of
// node id: no two of its rows are farther apart than its square root.
func (t *KDTree) Diameter2(id int) float64 {
	d := t.d
	low, up := t.lower[id*d:(id+1)*d], t.upper[id*d:(id+1)*d]
	var s float64
	for j := range low {
		e := up[j] - low[j]
		s += e * e
	}
	return s
}

// VisitRadius walks the rows within Euclidean distance r of q (distance
// <= r) in tree order. A node whose bounding box lies wholly inside the
// ball is reported once through inside(id); other rows within r are
// reported one by one through point(p) with their tree row p. Before a node
// is entered, skip(id) may return true to leave it out; skip may be nil.
// VisitRadius panics if len(q) differs from the tree's dimension.
func (t *KDTree) VisitRadius(q []float64, r float64, skip func(id int) bool, inside func(id int), point func(p int)) {
	t.checkQuery(q)
	t.visit(0, q, r*r, skip, inside, point)
}

func (t *KDTree) visit(id int, q []float64, r2 float64, skip func(int) bool, inside func(int), point func(int)) {
	if (skip != nil && skip(id)) || t.minDist2(id, q) > r2 {
		return
	}
	nd := t.nodes[id]
	if t.maxDist2(id, q) <= r2 {
		inside(id)
		return
	}
	if nd.left < 0 {
		d := t.d
		for i := nd.lo; i < nd.hi; i++ {
			if within(q, t.data[i*d:(i+1)*d], r2) {
				point(i)
			}
		}
		return
	}
	t.visit(nd.left, q, r2, skip, inside, point)
	t.visit(nd.right, q, r2, skip, inside, point)
}

// MinDist2 returns the squared Euclidean distance from q to the bounding box
// of node id, a lower bound on the squared distance to any of its rows.
func (t *KDTree) MinDist2(id int, q []float64) float64 { return t.minDist2(id, q) }

// MaxDist2 returns the squared Euclidean distance from q to the farthest
// corner of the bounding box of node id, an upper bound on the squared
// distance to any of its rows.
func (t *KDTree) MaxDist2(id int, q []float64) float64 { return t.maxDist2(id, q) }

// Dist2 returns the squared Euclidean distance from q to tree row p.
func (t *KDTree) Dist2(q []float64, p int) float64 {
	return dist2(q, t.data[p*t.d:(p+1)*t.d])
}
