#!/usr/bin/env bash
# JMH benchmark of the matching engine: LadderBook against the naive TreeMapBook, in the same run.
#
#   matching-service/bench/run.sh          quick: standard mix, 1k book, both books, throughput and
#                                          latency; 1 fork, 3x1s warmup, 5x2s measurement (~70 s
#                                          on 2 cores, build included)
#   matching-service/bench/run.sh --full   every mix (standard, c2c) x size (1k, 100k) x book, the
#                                          benchmark's own iterations (1 fork, 5x2s warmup, 10x2s); ~10 min
#   matching-service/bench/run.sh --short  as quick, 1x1s warmup and 1x1s measurement: what the test
#                                          command runs (about a minute with the build)
#
# Extra arguments after the mode go to JMH as they are (e.g. -f 3, -prof gc).
# Results: target/jmh.json (JMH JSON), target/jmh.log (full JMH output). The last line printed is
#   ops_per_s=<ladder throughput, standard 1k> p99_ns=<ladder p99, standard 1k> baseline_ratio=<ladder/treemap>
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$BENCH/../../deploy/local/lib.sh"   # ROOT, step, die, pick_java (sets -euo pipefail)
pick_java

MODE=quick
if [ "${1:-}" = "--full" ]; then MODE=full; shift; fi
if [ "${1:-}" = "--build-only" ]; then MODE=build; shift; fi
if [ "${1:-}" = "--short" ]; then MODE=short; shift; fi
if [ "${1:-}" = "--quick" ]; then shift; fi

cd "$ROOT"
step "matching benchmark ($MODE mode), JDK $(java_major "$JAVA_HOME") at $JAVA_HOME"

# The engine is pure Java: the Quarkus app build and the tests are not needed here.
# A reactor build (the bench is a module of the root pom): nothing is installed into the Maven repository,
# which may be shared, and the jar always holds the engine and testkit of this checkout. -DskipTests as well:
# the root pom sets surefire's skip itself, so -Dmaven.test.skip alone still ran the tests left compiled in
# target/ (against the shared PostgreSQL and Kafka).
step "building the benchmark jar with the engine (reactor package, no tests, no Quarkus app build)"
./mvnw -B -q package -pl matching-service/bench -am -Dmaven.test.skip=true -DskipTests -Dquarkus.build.skip=true 2>&1 \
  | { grep -v -e 'sun.misc.Unsafe' -e 'HiddenClassDefiner' || true; }
JAR="$BENCH/target/benchmarks.jar"
[ -f "$JAR" ] || die "no $JAR"
[ "$MODE" != build ] || exit 0

cd "$BENCH"
DATA="$BENCH/target/bench-data"
if [ "$MODE" = full ]; then
  COMBOS="standard:1k c2c:1k standard:100k c2c:100k"
  PARAMS=(-p impl=ladder,treemap -p mix=standard,c2c -p size=1k,100k)
  ITER=()   # the benchmark's annotations: 1 fork, 5 x 2 s warmup, 10 x 2 s measurement
elif [ "$MODE" = short ]; then
  # What the test command runs: that the benchmark builds, checks the books agree and measures; the
  # figures of one 1 s iteration are not worth quoting.
  COMBOS="standard:1k"
  PARAMS=(-p impl=ladder,treemap -p mix=standard -p size=1k)
  ITER=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
else
  COMBOS="standard:1k"
  PARAMS=(-p impl=ladder,treemap -p mix=standard -p size=1k)
  ITER=(-f 1 -wi 3 -w 1s -i 5 -r 2s)
fi

# Generate the command sequences once, in their own JVM (fresh each run, so never stale), so the
# benchmark forks only load them and the naive book's profile from generating stays out of them.
step "generating command sequences: $COMBOS"
rm -rf "$DATA"
java -Xmx3g -cp "$JAR" com.c2c.matching.bench.Generator --dir "$DATA" $COMBOS

step "running JMH (progress below; full output in target/jmh.log)"
rm -f target/jmh.json
set +e
java -jar "$JAR" 'com\.c2c\.matching\.bench\.MatchingBenchmark\.' "${PARAMS[@]}" "${ITER[@]}" \
  -foe true -rf json -rff target/jmh.json -jvmArgsAppend "-Dc2c.bench.data=$DATA" "$@" 2>&1 \
  | tee target/jmh.log \
  | grep --line-buffered -E '^# (Benchmark:|Parameters|VM options|Run progress|Warmup Iteration)|^\[(setup|teardown)\]|^Iteration|^Result|^  [0-9].*±|Exception|<failure>' \
  | grep --line-buffered -v -E 'sun\.misc\.Unsafe'
rc=${PIPESTATUS[0]}
set -e
[ "$rc" -eq 0 ] || die "JMH failed (exit $rc); see $BENCH/target/jmh.log"
[ -s target/jmh.json ] || die "JMH wrote no target/jmh.json"

step "results"
python3 - target/jmh.json <<'EOF'
import json, sys

runs = json.load(open(sys.argv[1]))
rows = {}
for r in runs:
    p = r["params"]
    key = (p["mix"], p["size"], p["impl"])
    row = rows.setdefault(key, {})
    m = r["primaryMetric"]
    if r["mode"] == "thrpt":
        row["ops"] = m["score"]
        row["err"] = m["scoreError"]
    elif r["mode"] == "sample":
        pct = m["scorePercentiles"]
        row["p50"] = pct["50.0"]
        row["p99"] = pct["99.0"]
        row["p999"] = pct["99.9"]

def fmt(v, spec="{:,.0f}"):
    if isinstance(v, str):  # JMH writes "NaN" for the error of a single iteration
        v = float(v)
    return "-" if v is None or v != v else spec.format(v)

order = {"standard": 0, "c2c": 1, "1k": 0, "100k": 1, "ladder": 0, "treemap": 1}
print("%-9s %-5s %-8s %15s %12s %8s %8s %9s %8s" % ("mix", "book", "impl", "ops/s", "±99.9%", "p50 ns",
                                                     "p99 ns", "p99.9 ns", "vs tree"))
for key in sorted(rows, key=lambda k: tuple(order[x] for x in k)):
    mix, size, impl = key
    row = rows[key]
    base = rows.get((mix, size, "treemap"), {}).get("ops")
    ratio = row["ops"] / base if base and "ops" in row else None
    print("%-9s %-5s %-8s %15s %12s %8s %8s %9s %8s" % (mix, size, impl, fmt(row.get("ops")), fmt(row.get("err")),
          fmt(row.get("p50")), fmt(row.get("p99")), fmt(row.get("p999")), fmt(ratio, "{:.2f}x")))

ladder = rows.get(("standard", "1k", "ladder"), {})
tree = rows.get(("standard", "1k", "treemap"), {})
if "ops" not in ladder or "p99" not in ladder or "ops" not in tree:
    sys.exit("missing standard/1k results in " + sys.argv[1])
print("ops_per_s=%d p99_ns=%d baseline_ratio=%.2f" % (round(ladder["ops"]), round(ladder["p99"]),
                                                      ladder["ops"] / tree["ops"]))
EOF
