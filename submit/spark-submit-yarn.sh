#!/usr/bin/env bash
# Submits the msirt job to YARN in cluster mode; input and output paths must be on HDFS or
# another shared file system. Usage: submit/spark-submit-yarn.sh tune --observed hdfs://...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/target/msirt-submit.jar"
[[ -f "$jar" ]] || (cd "$here" && mvn -q -B -DskipTests package)
exec spark-submit --master yarn --deploy-mode cluster \
  --class io.github.msirt.cli.Main "$jar" "$@" --master yarn
