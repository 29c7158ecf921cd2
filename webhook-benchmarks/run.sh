#!/usr/bin/env bash
# Builds the benchmarks and runs them, then prints markdown tables with ratios to a baseline
# measured in the same run. Without arguments it runs both parts at short settings (about 10
# minutes on 2 cores): JMH for verification (kit vs official SDKs vs limit, 1/16/256 KiB) and the
# full guard, with -prof gc; then end to end with wrk. Other arguments go to JMH.
#   webhook-benchmarks/run.sh                          # both parts, short
#   webhook-benchmarks/run.sh jmh                      # verification + guard only
#   webhook-benchmarks/run.sh StoreBenchmark -f 1      # idempotency stores on real servers
#   webhook-benchmarks/run.sh profile [JMH arguments]  # CPU profile (async-profiler, fetched):
#                                  by default the whole guard, GitHub and Stripe, 1 KiB
#   webhook-benchmarks/run.sh e2e [seconds rounds connections]   # end to end with wrk:
#                                  Jetty ± WebhookFilter, Spring Boot ± @WebhookEndpoint
#   webhook-benchmarks/run.sh deferred [rate seconds drained]    # deferred vs sync answer
#                                  latency at a fixed rate (PostgreSQL, Redis), drain rate
#   webhook-benchmarks/run.sh forward [seconds connections rate] # processing=forward to a local
#                                  Kafka broker vs sync on Jetty: deliveries/s, p50/p99
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl webhook-benchmarks -am -DskipTests -Dspotless.check.skip package \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cd webhook-benchmarks
CP="target/classes:$(cat target/classpath.txt)"
if [ "${1:-}" = "deferred" ]; then
  shift
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
  exec java -Xms1g -Xmx1g -cp "$CP" io.webhookkit.benchmarks.DeferredBenchmark "$@"
fi
if [ "${1:-}" = "forward" ]; then
  shift
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
  exec java -Xms1g -Xmx1g -cp "$CP" io.webhookkit.benchmarks.ForwardBenchmark "$@"
fi
if [ "${1:-}" = "profile" ]; then
  # CPU profile of JMH benchmarks with async-profiler (Maven Central: tools.profiler:async-profiler),
  # sampling by itimer, which needs no perf events; the top frames by own time are printed.
  shift
  AP=target/async-profiler
  case "$(uname -m)" in aarch64 | arm64) PLATFORM=linux-arm64 ;; *) PLATFORM=linux-x64 ;; esac
  if [ ! -f "$AP/$PLATFORM/libasyncProfiler.so" ]; then
    ../mvnw -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.0 -DoutputDirectory="$AP"
    (cd "$AP" && jar xf async-profiler-4.0.jar "$PLATFORM/libasyncProfiler.so")
  fi
  if [ "$#" -eq 0 ]; then
    set -- 'GuardBenchmark.guardNew$' -p provider=github,stripe -p size=1024
  fi
  rm -rf target/profile
  java -cp "$CP" org.openjdk.jmh.Main "$@" -wi 3 -w 1s -i 5 -r 2s \
    -prof "async:libPath=$PWD/$AP/$PLATFORM/libasyncProfiler.so;output=text;event=itimer;dir=target/profile"
  for f in target/profile/*/summary-itimer.txt; do
    echo
    echo "== $(basename "$(dirname "$f")")"
    awk '/ns  percent  samples  top/ {on = 1} on && n++ < 27' "$f"
  done
  exit 0
fi
if [ "${1:-}" = "e2e" ]; then
  shift
  if ! command -v wrk >/dev/null; then
    echo "Installing wrk (Debian package) for the end-to-end load ..."
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null;
    else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
  fi
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
  exec java -Xms2g -Xmx2g -cp "$CP" io.webhookkit.benchmarks.EndToEndBenchmark "$@"
fi
both=false
if [ "$#" -eq 0 ]; then both=true; fi
if [ "$#" -eq 0 ] || [ "${1:-}" = "jmh" ]; then
  set -- 'VerificationBenchmark|GuardBenchmark' -wi 3 -w 1s -i 5 -r 1s -prof gc
fi
java -cp "$CP" org.openjdk.jmh.Main "$@" -rf json -rff target/jmh.json
echo
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java -cp "$CP" io.webhookkit.benchmarks.Report target/jmh.json
if [ "$both" = true ]; then
  echo
  exec ./run.sh e2e 5 3 8
fi
