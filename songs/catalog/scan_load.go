package catalog

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// loadSeekable loads one stream with the parallel reader, in pieces of
// about pieceSize bytes. It returns nil
// on success and errSequential, leaving cat as it was, for a stream the
// sequential reader must read instead (because of an error or of CSV the
// parallel reader does not handle).
func loadSeekable(cat *Catalog, file string, src seekable, pieceSize int) error {
	header, dataStart, ok := readHeader(src)
	if !ok {
		return errSequential
	}
	lay, err := newLayout(file, header)
	if err != nil || !sameColumns(cat, lay) {
		return errSequential
	}
	pieces, total, err := findPieces(src, dataStart, int64(pieceSize))
	if err != nil || total == 0 {
		return errSequential
	}
	base := len(cat.Tracks)
	grown := slices.Grow(cat.Tracks, total)
	tracks := grown[base : base+total]
	if cap(cat.Tracks)-base >= total {
		clear(tracks) // spare capacity of cat's, not fresh zeroed memory
	} else {
		adviseHugePages(tracks)
	}
	finds := make([][]Finding, len(pieces))
	p := &parser{file: file, lay: lay}
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pieces)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pp := &pieceParser{p: p, src: src, fields: len(header)}
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(pieces) {
					return
				}
				pc := pieces[i]
				f, err := pp.parse(pc, tracks[pc.before:pc.before+pc.n], base+pc.before)
				if err != nil {
					failed.Store(true)
					return
				}
				finds[i] = f
			}
		}()
	}
	wg.Wait()
	if failed.Load() {
		clear(tracks) // no references kept past the catalog's length
		return errSequential
	}
	cat.Tracks = grown[:base+total]
	if err := adoptLayout(cat, file, lay); err != nil {
		panic("songs: a checked layout was refused: " + err.Error())
	}
	n := len(cat.Findings)
	for _, f := range finds {
		n += len(f)
	}
	cat.Findings = slices.Grow(cat.Findings, n-len(cat.Findings))
	for _, f := range finds {
		cat.Findings = append(cat.Findings, f...)
	}
	return nil
}
