"""Executes a notebook headlessly with the project's gonb kernel (nbclient).

Usage: .venv/bin/python .tools/execute-notebook.py IN.ipynb OUT.ipynb TIMEOUT_S

- Execution stops at the first failing cell: later cells never run, so they
  write nothing. The failing cell's code, messages and error are printed and
  nothing is written to OUT.
- On success the executed copy is written to OUT atomically, with nbclient's
  timing metadata in every code cell (metadata.execution), and one row per
  code cell goes into notebook-times.tsv beside OUT: notebook, cell (the
  number of its In [n] prompt), the first line that is not a GoNB magic or
  shell line, seconds.
- The kernel runs in its own process group, which is killed when the run
  ends in any way: success, failure, timeout, SIGINT/SIGTERM/SIGHUP, or the
  death of the make that started it (SONGS_MAKE_PID; checked every half
  second). The kernel also gets SIGKILL if this process dies
  (PR_SET_PDEATHSIG on Linux).
- Temporary files (the run's folder .run.* beside OUT, with GoNB's build
  folder as TMPDIR) are removed on every exit but SIGKILL; the next make
  removes those of a killed run.
"""
import ctypes
import fcntl
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone

# jsonschema (nbformat's validator) imports rfc3987_syntax, when installed,
# for its "iri" format checker, which no notebook schema uses; the import
# compiles some forty grammars (about 1.7 s of CPU). Left out here, as in
# render-html.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError  # noqa: E402

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
TIMES_HEADER = "notebook\tcell\tfirst line\tseconds\n"


class Stopped(Exception):
    """The run was stopped by a signal or by the end of its make."""


def die_with_parent():
    """Runs in the kernel's process before exec: SIGKILL when we die."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def process_start(pid):
    """The start time of process pid (field 22 of /proc/pid/stat), or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def alive(pid, start):
    """Whether process pid still runs and is the one that started at start."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return start is None or process_start(pid) in (None, start)


def watch_make():
    """Stops this run (SIGTERM to itself) once the make that started it has
    ended: a make killed with SIGKILL cannot stop its children itself."""
    pid = os.environ.get("SONGS_MAKE_PID", "")
    if not pid.isdigit():
        return
    pid = int(pid)
    start = os.environ.get("SONGS_MAKE_START") or process_start(pid)

    def loop():
        while alive(pid, start):
            time.sleep(0.5)
        print(f"the make that started this run (pid {pid}) has ended: stopping", file=sys.stderr)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=loop, daemon=True).start()


def stop_kernel(km):
    """Kills the kernel's process group (GoNB, go build and the cell's
    program) and removes its connection file."""
    if km is None or not km.has_kernel:
        return
    pgid = getattr(km.provisioner, "pgid", None) or getattr(km.provisioner, "pid", None)
    if pgid:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    process = getattr(km.provisioner, "process", None)
    if process is not None:
        try:
            process.wait(timeout=10)  # reap it: no zombie left behind
        except Exception:  # noqa: BLE001
            pass
    try:
        km.cleanup_resources()
    except Exception:  # noqa: BLE001 - a file already gone
        pass


def utc_now():
    """The current time as nbclient writes its timestamps."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class CellClock:
    """nbclient records each cell's timing (metadata.execution) from the
    kernel's message headers, which GoNB stamps to the whole second. These
    hooks replace such whole-second stamps with the client's own clock, read
    when the cell is sent (busy, execute_input) and when its reply and
    outputs are all in (execute_reply, idle)."""

    def __init__(self):
        self.sent = None

    def execute(self, cell, cell_index):  # on_cell_execute
        self.sent = utc_now()

    def executed(self, cell, cell_index, execute_reply):  # on_cell_executed
        done = utc_now()
        ex = cell.setdefault("metadata", {}).setdefault("execution", {})
        for key, when in (("iopub.status.busy", self.sent), ("iopub.execute_input", self.sent),
                          ("shell.execute_reply", done), ("iopub.status.idle", done)):
            if when and ex.get(key, ".000000Z").endswith(".000000Z"):
                ex[key] = when


def first_line(source):
    """The first line of a cell that is not blank, a magic (%) or a shell
    line (!), tabs folded to spaces."""
    for line in source.splitlines():
        s = line.strip()
        if s and not s.startswith(("%", "!")):
            return s.replace("\t", " ")[:120]
    return ""


def cell_seconds(cell):
    """The time the kernel was busy with a cell, from nbclient's metadata."""
    ex = cell.get("metadata", {}).get("execution", {})
    start = ex.get("iopub.status.busy") or ex.get("iopub.execute_input")
    end = ex.get("iopub.status.idle") or ex.get("shell.execute_reply")
    if not start or not end:
        return None
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def record_times(nb, stem, times_path):
    """Replaces the notebook's rows in notebook-times.tsv (sorted by notebook
    and cell) under a lock: notebooks finish side by side."""
    rows = []
    number = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        number += 1
        sec = cell_seconds(cell)
        rows.append(f"{stem}\t{number}\t{first_line(cell.source)}\t{'' if sec is None else f'{sec:.3f}'}\n")
    with open(os.path.join(os.path.dirname(times_path), ".notebook-times.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        kept = []
        if os.path.exists(times_path):
            with open(times_path) as f:
                kept = [r for r in f if r != TIMES_HEADER and not r.startswith(stem + "\t")]
        kept += rows
        kept.sort(key=lambda r: (r.split("\t")[0], int(r.split("\t")[1])))
        tmp = os.path.join(os.path.dirname(times_path), ".notebook-times.tsv.tmp")
        with open(tmp, "w") as f:
            f.write(TIMES_HEADER)
            f.writelines(kept)
        os.replace(tmp, times_path)


def report_failure(nb, err, source_path):
    """Prints the failing cell, what it printed to stderr and its error."""
    failed = None
    number = 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        number += 1
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            failed = (i, number, cell)
    out = sys.stderr
    if failed is None:
        print(ANSI.sub("", str(err)).strip(), file=out)
        return
    i, number, cell = failed
    print(f"{source_path}: code cell {number} (cell {i + 1}) failed:", file=out)
    for line in cell.source.splitlines():
        print(f"    {line}", file=out)
    stderr = "".join(o.get("text", "") for o in cell.outputs
                     if o.get("output_type") == "stream" and o.get("name") == "stderr")
    if stderr.strip():
        print("its messages:", file=out)
        for line in ANSI.sub("", stderr).rstrip().splitlines():
            print(f"    {line}", file=out)
    for o in cell.outputs:
        if o.get("output_type") == "error":
            print(f"error: {ANSI.sub('', o.get('ename', ''))}: {ANSI.sub('', o.get('evalue', '')).strip()}", file=out)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: execute-notebook.py IN.ipynb OUT.ipynb TIMEOUT_S")
    source, out, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3])
    out_dir = os.path.dirname(os.path.abspath(out))
    os.makedirs(out_dir, exist_ok=True)
    run = tempfile.mkdtemp(prefix=".run.", dir=out_dir)
    os.makedirs(os.path.join(run, "tmp"))
    os.environ["TMPDIR"] = os.path.join(run, "tmp")  # GoNB's and go's build folders
    os.environ["JUPYTER_RUNTIME_DIR"] = run  # the kernel's connection file
    stem = os.path.splitext(os.path.basename(source))[0]

    def stop(signum, _frame):
        raise Stopped(signal.Signals(signum).name)

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, stop)
    watch_make()

    km = None
    started = time.monotonic()
    print(f"executing {source}", flush=True)
    try:
        nb = nbformat.read(source, as_version=4)
        km = KernelManager(kernel_name="gonb")
        clock = CellClock()
        client = NotebookClient(nb, km=km, timeout=timeout, allow_errors=False, record_timing=True,
                                kernel_name="gonb", on_cell_execute=clock.execute,
                                on_cell_executed=clock.executed,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(source))}})
        failure = None
        kernel_log = os.path.join(run, "kernel.log")
        try:
            with open(kernel_log, "w") as log:  # GoNB's own log: shown when the kernel dies
                client.execute(preexec_fn=die_with_parent, stdout=log, stderr=log)
        except CellTimeoutError:
            failure = f"FAILED: {source}: a cell ran longer than {timeout} s (TIMEOUT)"
        except CellExecutionError as err:
            report_failure(nb, err, source)
            failure = f"FAILED: {source} (the failing cell and its messages are above; later cells did not run)"
        except DeadKernelError as err:
            with open(kernel_log, errors="replace") as log:
                tail = "".join(log.readlines()[-20:])
            failure = f"FAILED: {source}: the kernel died ({err}); the end of its log:\n{ANSI.sub('', tail)}"
        stop_kernel(km)
        km = None
        if failure:
            print(failure, file=sys.stderr)
            return 1
        tmp = os.path.join(run, os.path.basename(out))
        nbformat.write(nb, tmp)
        os.replace(tmp, out)
        record_times(nb, stem, os.path.join(out_dir, "notebook-times.tsv"))
        print(f"executed {source} in {time.monotonic() - started:.3f} s", flush=True)
        return 0
    except (Stopped, KeyboardInterrupt) as why:
        print(f"STOPPED: {source} ({why or 'interrupted'}): kernel stopped, nothing written", file=sys.stderr)
        return 130
    finally:
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(sig, signal.SIG_IGN)
        stop_kernel(km)
        shutil.rmtree(run, ignore_errors=True)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except OSError as err:  # a full disk, a folder that cannot be written
        where = f" ({err.filename})" if err.filename else ""
        print(f"FAILED: {sys.argv[1]}: {err.strerror or err}{where}", file=sys.stderr)
        sys.exit(1)
