# shellcheck shell=sh
# Part of docker/schema-registry/entrypoint.sh (sourced): logging, checks and private files.

log() { printf 'sr-entrypoint: %s\n' "$*" >&2; }
die() { printf 'sr-entrypoint: ERROR: %s\n' "$*" >&2; exit 1; }

# Value of the variable named $1 (names are constants in this script).
value_of() { eval "printf '%s' \"\${$1:-}\""; }

require_var() {
  [ -n "$(value_of "$1")" ] || die "$1 is required when $2"
}

require_uint() {
  case $2 in
    ''|*[!0-9]*) die "$1='$2' must be a whole number" ;;
  esac
}

NL='
'
CR=$(printf '\r')

# Secrets end up in files Java reads as ISO-8859-1 (.properties) or line by line (JAAS).
# (Checked on the raw value: a command substitution would drop trailing line breaks.)
require_printable_ascii() {
  raw=''
  eval "raw=\${$1:-}"
  case $raw in
    *"$NL"*|*"$CR"*) die "$1 must contain printable ASCII characters only (no line breaks or control characters)" ;;
  esac
  if printf '%s' "$raw" | LC_ALL=C grep -q '[^ -~]'; then
    die "$1 must contain printable ASCII characters only (no line breaks or control characters)"
  fi
}

# Every file that carries a secret goes here: a 0700 directory on the writable /etc/schema-registry
# volume. The path ends up in JVM options (split at spaces) and in ${file:<path>:<key>} references
# (split at colons), hence the narrow character set.
SECRETS_DIR=${SR_CONFIG_DIR:-/etc/schema-registry/secrets}
case $SECRETS_DIR in
  /*) ;;
  *) die "SR_CONFIG_DIR='$SECRETS_DIR' must be an absolute path" ;;
esac
case $SECRETS_DIR in
  *[!A-Za-z0-9/._-]*) die "SR_CONFIG_DIR='$SECRETS_DIR' may only contain letters, digits and / . _ -" ;;
esac

ensure_secrets_dir() {
  [ -d "$SECRETS_DIR" ] && return 0
  (umask 077 && mkdir -p "$SECRETS_DIR") 2>/dev/null \
    || die "cannot create $SECRETS_DIR (set SR_CONFIG_DIR to a directory this user can write)"
}

# Writes stdin to file $1, readable by this user only (0600 from the first byte on).
write_private() {
  ensure_secrets_dir
  (umask 077 && cat >"$1") 2>/dev/null || die "cannot write $1"
  chmod 0600 "$1"
}
