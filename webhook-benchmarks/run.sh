#!/usr/bin/env bash
# Builds the benchmarks and runs JMH. Arguments go to JMH; the default is a short run of every
# benchmark. Examples:
#   webhook-benchmarks/run.sh                                   # everything, short settings
#   webhook-benchmarks/run.sh StoreBenchmark -t 4               # stores, 4 threads
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl webhook-benchmarks -am -DskipTests -Dspotless.check.skip package \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cd webhook-benchmarks
if [ "$#" -eq 0 ]; then
  set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
fi
exec java -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main "$@"
