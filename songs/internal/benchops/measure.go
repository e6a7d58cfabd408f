package benchops

import (
	"bufio"
	"bytes"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

// Measure runs fn alone and returns the timing fields of the reference
// script, in its order: seconds (wall clock of fn), rss_peak_mb (VmHWM
// after fn, the high-water mark having been reset just before it),
// rss_base_mb (VmRSS before fn, after runtime.GC and debug.FreeOSMemory),
// cpu_s (CPU time of this process during fn, all threads) and other_cpu_s
// (busy CPU time of the rest of the machine, from /proc/stat). If the kernel
// refuses the reset, the record also carries rss_peak_scope "process".
// gomaxprocs records runtime.GOMAXPROCS.
func Measure(fn func()) *Record {
	runtime.GC()
	debug.FreeOSMemory()
	base := procStatusMB("VmRSS")
	scoped := resetPeak()
	b0, c0 := machineBusy(), processCPU()
	t0 := time.Now()
	fn()
	dt := time.Since(t0).Seconds()
	c1, b1 := processCPU(), machineBusy()
	peak := procStatusMB("VmHWM")
	cpu := c1 - c0
	r := NewRecord()
	r.Set("seconds", round(dt, 6))
	r.Set("rss_peak_mb", round(peak, 1))
	r.Set("rss_base_mb", round(base, 1))
	r.Set("cpu_s", round(cpu, 3))
	r.Set("other_cpu_s", round(math.Max(0, (b1-b0)-cpu), 2))
	r.Set("gomaxprocs", runtime.GOMAXPROCS(0))
	if !scoped {
		r.Set("rss_peak_scope", "process")
	}
	return r
}

// procStatusMB returns a field of /proc/self/status (VmRSS, VmHWM) in MB,
// or NaN if it cannot be read.
func procStatusMB(key string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return math.NaN()
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, key+":") {
			continue
		}
		f := strings.Fields(line[len(key)+1:])
		if len(f) == 0 {
			break
		}
		kb, err := strconv.ParseFloat(f[0], 64)
		if err != nil {
			break
		}
		return kb / 1024
	}
	return math.NaN()
}

// resetPeak resets VmHWM to the current RSS (Linux 4.0 and later) and
// reports whether the kernel accepted it.
func resetPeak() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// clockTicks is USER_HZ, the unit of /proc/stat; it is 100 on every Linux
// architecture Go supports.
const clockTicks = 100

// machineBusy returns the CPU seconds the whole machine has spent busy
// (user, nice, system, irq, softirq and steal of the first line of
// /proc/stat), or NaN if it cannot be read.
func machineBusy() float64 {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return math.NaN()
	}
	line, _, _ := bytes.Cut(b, []byte{'\n'})
	f := strings.Fields(string(line))
	if len(f) < 9 || f[0] != "cpu" {
		return math.NaN()
	}
	var v [8]float64
	for i := range v {
		x, err := strconv.ParseFloat(f[i+1], 64)
		if err != nil {
			return math.NaN()
		}
		v[i] = x
	}
	// user nice system idle iowait irq softirq steal
	return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / clockTicks
}
