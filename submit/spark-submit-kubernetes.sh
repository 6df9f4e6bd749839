#!/usr/bin/env bash
# Submits the msirt job to Kubernetes. The image must hold Spark 4.0.x for Scala 2.13 and
# the jar at the path given. Usage:
#   submit/spark-submit-kubernetes.sh k8s://https://API:443 IMAGE local:///opt/msirt.jar \
#     tune --observed s3a://... --out s3a://...
set -euo pipefail
master="$1"; image="$2"; jar="$3"; shift 3
exec spark-submit --master "$master" --deploy-mode cluster \
  --conf spark.kubernetes.container.image="$image" \
  --class io.github.msirt.cli.Main "$jar" "$@" --master "$master"
