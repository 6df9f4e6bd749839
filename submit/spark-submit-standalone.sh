#!/usr/bin/env bash
# Submits the msirt job to a Spark standalone cluster.
# Usage: submit/spark-submit-standalone.sh spark://HOST:7077 tune --observed ... --out ...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
master="$1"; shift
jar="$here/target/msirt-submit.jar"
[[ -f "$jar" ]] || (cd "$here" && mvn -q -B -DskipTests package)
exec spark-submit --master "$master" --deploy-mode client \
  --class io.github.msirt.cli.Main "$jar" "$@" --master "$master"
