package neighbors

// Radius appends to dst the original row indices of the rows within
// Euclidean distance r of q (distance <= r, as scikit-learn's
// KDTree.query_radius) and returns the extended slice. The indices come in
// tree order, which is fixed for a tree but not sorted. Radius panics if
// len(q) differs from the tree's dimension.
func (t *KDTree) Radius(q []float64, r float64, dst []int) []int {
	t.checkQuery(q)
	return t.radius(0, q, r*r, dst)
}

func (t *KDTree) radius(id int, q []float64, r2 float64, dst []int) []int {
	if t.minDist2(id, q) > r2 {
		return dst
	}
	nd := t.nodes[id]
	if t.maxDist2(id, q) <= r2 {
		return append(dst, t.index[nd.lo:nd.hi]...)
	}
	if nd.left < 0 {
		d := t.d
		for i := nd.lo; i < nd.hi; i++ {
			if within(q, t.data[i*d:(i+1)*d], r2) {
				dst = append(dst, t.index[i])
			}
		}
		return dst
	}
	dst = t.radius(nd.left, q, r2, dst)
	return t.radius(nd.right, q, r2, dst)
}

// RadiusCount returns the number of rows within Euclidean distance r of q
// (distance <= r). When limit > 0 the search may stop as soon as the count
// reaches limit, and then returns a number >= limit. RadiusCount panics if
// len(q) differs from the tree's dimension.
func (t *KDTree) RadiusCount(q []float64, r float64, limit int) int {
	t.checkQuery(q)
	if limit <= 0 {
		limit = t.n + 1
	}
	return t.radiusCount(0, q, r*r, 0, limit)
}

func (t *KDTree) radiusCount(id int, q []float64, r2 float64, count, limit int) int {
	if count >= limit || t.minDist2(id, q) > r2 {
		return count
	}
	nd := t.nodes[id]
	if nd.left >= 0 && t.maxDist2(id, q) <= r2 {
		return count + nd.hi - nd.lo
	}
	if nd.left < 0 {
		d := t.d
		for i := nd.lo; i < nd.hi; i++ {
			if within(q, t.data[i*d:(i+1)*d], r2) {
				count++
			}
		}
		return count
	}
	// Nearer child first, so that a limited count stops sooner.
	a, b := nd.left, nd.right
	if t.minDist2(b, q) < t.minDist2(a, q) {
		a, b = b, a
	}
	count = t.radiusCount(a, q, r2, count, limit)
	return t.radiusCount(b, q, r2, count, limit)
}

// RadiusSum adds to sum the rows within Euclidean distance r of q
// (distance <= r) and returns how many there were. Nodes lying wholly inside
// the ball are added through their precomputed sums, so the cost follows
// the ball's surface rather than its volume; the order of the additions is
// fixed for a tree. RadiusSum panics if len(q) or len(sum) differs from the
// tree's dimension.
func (t *KDTree) RadiusSum(q []float64, r float64, sum []float64) int {
	t.checkQuery(q)
	if len(sum) != t.d {
		panic("neighbors: sum dimension mismatch")
	}
	return t.radiusSum(0, q, r*r, sum)
}

func (t *KDTree) radiusSum(id int, q []float64, r2 float64, sum []float64) int {
	if t.minDist2(id, q) > r2 {
		return 0
	}
	nd := t.nodes[id]
	d := t.d
	if t.maxDist2(id, q) <= r2 {
		for j, v := range t.sums[id*d : (id+1)*d] {
			sum[j] += v
		}
		return nd.hi - nd.lo
	}
	if nd.left < 0 {
		count := 0
		for i := nd.lo; i < nd.hi; i++ {
			row := t.data[i*d : (i+1)*d]
			if dist2(q, row) <= r2 {
				for j, v := range row {
					sum[j] += v
				}
				count++
			}
		}
		return count
	}
	return t.radiusSum(nd.left, q, r2, sum) + t.radiusSum(nd.right, q, r2, sum)
}

// RadiusUpTo appends to dst the original indices of the rows within
// Euclidean distance r of q (distance <= r), visiting nearer nodes first,
// and stops as soon as it has appended limit of them. It returns the
// extended slice and whether it stopped early; when it did not, dst holds
// every row within r. RadiusUpTo panics if limit < 1 or len(q) differs
// from the tree's dimension.
func (t *KDTree) RadiusUpTo(q []float64, r float64, limit int, dst []int) ([]int, bool) {
	t.checkQuery(q)
	if limit < 1 {
		panic("neighbors: limit must be positive")
	}
	base := len(dst)
	dst = t.radiusUpTo(0, q, r*r, base+limit, dst)
	return dst, len(dst)-base >= limit
}

func (t *KDTree) radiusUpTo(id int, q []float64, r2 float64, end int, dst []int) []int {
	if len(dst) >= end || t.minDist2(id, q) > r2 {
		return dst
	}
	nd := t.nodes[id]
	if nd.left < 0 {
		d := t.d
		for i := nd.lo; i < nd.hi && len(dst) < end; i++ {
			if within(q, t.data[i*d:(i+1)*d], r2) {
				dst = append(dst, t.index[i])
			}
		}
		return dst
	}
	if t.maxDist2(id, q) <= r2 {
		k := min(nd.hi-nd.lo, end-len(dst))
		return append(dst, t.index[nd.lo:nd.lo+k]...)
	}
	a, b := nd.left, nd.right
	if t.minDist2(b, q) < t.minDist2(a, q) {
		a, b = b, a
	}
	dst = t.radiusUpTo(a, q, r2, end, dst)
	return t.radiusUpTo(b, q, r2, end, dst)
}
