#!/bin/sh
# bench_compare.sh — training throughput of retain against the shared reference
# scripts (PyTorch, scikit-learn), run interleaved in one session on the same
# 100k×10 data, and the ratio table of the medians.
#
# Usage: scripts/bench_compare.sh [ROUNDS]   (default 5; run from the repository root)
#        BATCHES=32,256,1024,4096,16384 scripts/bench_compare.sh 3
#
# Each round runs, one after the other: retain with 1 worker, retain with 2
# workers, PyTorch with 1 thread, PyTorch with 2 threads, PyTorch in float64
# (retain's precision) with 1 thread and scikit-learn, each once at every
# batch size of BATCHES (default 32, 256 and 1024). Interleaving the tools round by round
# spreads the machine's load changes over all of them; the table shows the
# median over the rounds. Needs /usr/bin/python3 with numpy, scikit-learn
# and torch (apt-get install -y python3-torch python3-sklearn), and Go.
set -eu

rounds=${1:-5}
ref=${RETAIN_REFERENCE:-../shared/reference}
py=/usr/bin/python3
batches=${BATCHES:-32,256,1024}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -f "$ref/bench_torch.py" ] || { echo "bench_compare: no reference scripts in $ref" >&2; exit 2; }
"$py" -c 'import torch, sklearn' 2>/dev/null || { echo "bench_compare: $py lacks torch or sklearn" >&2; exit 2; }

go build -o "$work/retain" .
"$py" "$ref/gen_data.py" 100000 10 "$work" >&2
csv=$work/ecom_N100000_F10.csv
npz=$work/ecom_N100000_F10.npz
out=$work/results.jsonl

# The processor as `retain bench` names it: model name, family and model
# numbers, AVX-512 or not (two machines sold as "AMD EPYC" differ ×2 here);
# without /proc/cpuinfo (not Linux), the architecture only.
if [ -r /proc/cpuinfo ]; then
	cpu=$(awk -F': *' '
		/^[[:space:]]*$/ { if (name != "") exit; next }
		/^model name/ && name == "" { name = $2 }
		/^cpu family/ && fam == "" { fam = $2 }
		/^model[[:space:]]*:/ && model == "" { model = $2 }
		/^flags/ && avx == "" { avx = ($0 ~ /[[:space:]]avx512f([[:space:]]|$)/) ? "AVX-512" : "no AVX-512" }
		END {
			if (name == "") name = "unknown model"
			s = name
			if (fam != "" || model != "") s = s ", family " (fam == "" ? "?" : fam) " model " (model == "" ? "?" : model)
			if (avx != "") s = s ", " avx
			print s
		}' /proc/cpuinfo)
else
	cpu="$(uname -m) (processor model unknown)"
fi
cpu="$cpu, $(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN) cores"
echo "processor: $cpu" >&2
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo " (with uncommitted changes)")" >&2
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

export OPENBLAS_NUM_THREADS=1 # the reference README's fastest honest PyTorch loop
i=1
while [ "$i" -le "$rounds" ]; do
	echo "round $i/$rounds" >&2
	for w in 1 2; do
		"$work/retain" bench --data "$csv" --label label --batch-sizes "$batches" --runs 1 \
			--min-time 1s --workers "$w" --json |
			"$py" -c 'import json,sys; r=json.load(sys.stdin)
for x in r["results"]: print(json.dumps({"tool": "retain " + sys.argv[1], "workers": x["workers"], "batch": x["batch"], "sps": x["samples_per_sec"]}))' "$w" >>"$out"
	done
	for th in 1 2; do
		"$py" "$ref/bench_torch.py" --data "$npz" --batches "$batches" --runs 1 --threads "$th" --foreach true |
			"$py" -c 'import json,sys
for l in sys.stdin: r=json.loads(l); print(json.dumps({"tool": "PyTorch %d thread%s" % (r["threads"], "s"[:r["threads"]>1]), "batch": r["batch"], "sps": r["sps_med"]}))' >>"$out"
	done
	"$py" "$ref/bench_torch.py" --data "$npz" --batches "$batches" --runs 1 --threads 1 --dtype float64 --foreach true |
		"$py" -c 'import json,sys
for l in sys.stdin: r=json.loads(l); print(json.dumps({"tool": "PyTorch float64, 1 thread", "batch": r["batch"], "sps": r["sps_med"]}))' >>"$out"
	"$py" "$ref/bench_sklearn.py" --data "$npz" --batches "$batches" --runs 1 |
		"$py" -c 'import json,sys
for l in sys.stdin: r=json.loads(l); print(json.dumps({"tool": "scikit-learn", "batch": r["batch"], "sps": r["sps_med"]}))' >>"$out"
	i=$((i + 1))
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

"$py" - "$out" "$rounds" "$cpu" <<'EOF'
import json, statistics, sys
from collections import defaultdict

path, rounds, cpu = sys.argv[1], sys.argv[2], sys.argv[3]
runs = defaultdict(list)
for line in open(path):
    r = json.loads(line)
    # retain's rows are keyed by the workers asked for; below 256 rows a
    # batch is never split, so both rows measure one worker there.
    runs[(r["tool"], r["batch"])].append(r["sps"])
batches = sorted({b for _, b in runs})
tools = ["retain 1", "retain 2", "PyTorch 1 thread", "PyTorch 2 threads", "PyTorch float64, 1 thread", "scikit-learn"]
names = {"retain 1": "retain, 1 worker", "retain 2": "retain, 2 workers (1 below batch 256)"}
med = {k: statistics.median(v) for k, v in runs.items()}

def fmt(v):
    return f"{v/1e6:.2f}M" if v >= 1e6 else f"{v/1e3:.0f}k"

print(f"Training throughput, 100k×10, samples/s: medians of {rounds} interleaved rounds on {cpu}")
print()
print("| samples/s | " + " | ".join(f"batch {b}" for b in batches) + " |")
print("|---|" + "---:|" * len(batches))
for t in tools:
    print(f"| {names.get(t, t)} | " + " | ".join(fmt(med[(t, b)]) for b in batches) + " |")
for ref in tools[2:]:
    print(f"| retain (2 workers) ÷ {ref} | " + " | ".join(f"{med[('retain 2', b)] / med[(ref, b)]:.1f}×" for b in batches) + " |")
print("| retain (1 worker) ÷ PyTorch, 1 thread | " + " | ".join(f"{med[('retain 1', b)] / med[('PyTorch 1 thread', b)]:.1f}×" for b in batches) + " |")
print("| retain 2 workers ÷ 1 worker | " + " | ".join(f"{med[('retain 2', b)] / med[('retain 1', b)]:.2f}×" for b in batches) + " |")
print()
print("slowest–fastest run:")
for t in tools:
    print(f"  {t}: " + ", ".join(f"{b}: {fmt(min(runs[(t, b)]))}–{fmt(max(runs[(t, b)]))}" for b in batches))
EOF
