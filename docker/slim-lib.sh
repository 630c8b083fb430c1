#!/bin/sh
# Removes the broker jars listed in docker/broker-jars.txt from a lib directory (the image's copy of
# cli/target/lib). The jar's manifest still names them; the JVM skips Class-Path entries that are absent.
set -eu
lib="$1"
list="$(dirname "$0")/broker-jars.txt"
grep -v -e '^#' -e '^$' "$list" | while read -r pattern; do
  # The pattern is a glob on purpose.
  # shellcheck disable=SC2086
  rm -f "$lib"/$pattern
done
