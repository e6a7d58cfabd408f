package catalog

import (
	"runtime"
	"syscall"
	"unsafe"
)

// adviseHugePages asks the kernel to back the tracks with transparent huge
// pages before they are first written: a million tracks are 288 MB, and
// taking them 4 KiB page fault by page fault costs more than parsing them.
// The advice covers the whole 2 MiB pages inside the slice; it is only a
// hint, and failure is ignored.
func adviseHugePages(tracks []Track) {
	const huge = 2 << 20
	if len(tracks) == 0 {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(tracks)))
	end := start + uintptr(len(tracks))*unsafe.Sizeof(tracks[0])
	from, to := (start+huge-1)&^(huge-1), end&^(huge-1)
	if to <= from {
		return
	}
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, from, to-from, 14) // MADV_HUGEPAGE
	runtime.KeepAlive(tracks)
}
