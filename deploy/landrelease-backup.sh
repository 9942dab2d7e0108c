#!/usr/bin/env bash
# Nightly custom-format dump of the LandRelease database (Hangfire's schema too), kept 14 daily, 8 weekly (Sundays) and
# 12 monthly (the 1st), each checked readable before it replaces anything. Run as the postgres user over the local
# socket (PGHOST/PGPORT as usual); README, "Backups". Copy the dumps off the server too.
set -euo pipefail

BACKUP_DIR=${BACKUP_DIR:-/var/backups/landrelease}
DATABASE=${DATABASE:-landrelease}
DAY=${BACKUP_DATE:-$(date -u +%F)}   # BACKUP_DATE only to test the rotation
KEEP_DAILY=${KEEP_DAILY:-14} KEEP_WEEKLY=${KEEP_WEEKLY:-8} KEEP_MONTHLY=${KEEP_MONTHLY:-12}

umask 077
mkdir -p "$BACKUP_DIR/daily" "$BACKUP_DIR/weekly" "$BACKUP_DIR/monthly"
name="$DATABASE-$DAY.dump"
partial="$BACKUP_DIR/daily/.$name.partial"
trap 'rm -f "$partial"' EXIT

pg_dump -Fc -d "$DATABASE" -f "$partial"
# A truncated or corrupt file fails here, before it counts as a backup.
pg_restore -l "$partial" >/dev/null
mv "$partial" "$BACKUP_DIR/daily/$name"

if [ "$(date -u -d "$DAY" +%u)" = 7 ]; then ln -f "$BACKUP_DIR/daily/$name" "$BACKUP_DIR/weekly/$name"; fi
if [ "$(date -u -d "$DAY" +%d)" = 01 ]; then ln -f "$BACKUP_DIR/daily/$name" "$BACKUP_DIR/monthly/$name"; fi

# Names sort by date; keep the newest N of each.
prune() { find "$1" -maxdepth 1 -name "$DATABASE-*.dump" | sort -r | tail -n +"$(($2 + 1))" | xargs -r rm -f; }
prune "$BACKUP_DIR/daily" "$KEEP_DAILY"
prune "$BACKUP_DIR/weekly" "$KEEP_WEEKLY"
prune "$BACKUP_DIR/monthly" "$KEEP_MONTHLY"
echo "backed up $DATABASE to $BACKUP_DIR/daily/$name ($(stat -c %s "$BACKUP_DIR/daily/$name") bytes)"
