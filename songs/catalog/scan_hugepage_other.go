//go:build !linux

package songs

// adviseHugePages does nothing outside Linux.
func adviseHugePages([]Track) {}
